#include "AccountRegistry.h"

#include "Logging.h"

#include <algorithm>
#include <QCoreApplication>

// Layout (INI): [accounts] <id>\displayName=..., <id>\marker\stored=..., <id>\journal\...=...
// Everything here is non-secret by construction: no method takes a token or password.
namespace {
const QString kAccounts = QStringLiteral("accounts");

QString orgName()
{
    const QString org = QCoreApplication::organizationName();
    return org.isEmpty() ? QStringLiteral("Tokenkeeper") : org;
}

QString appName()
{
    const QString app = QCoreApplication::applicationName();
    return app.isEmpty() ? QStringLiteral("tokenkeeper") : app;
}

bool validId(const QString &id)
{
    return !id.isEmpty() && !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'));
}

QString k(const QString &id, const char *field)
{
    return kAccounts + QLatin1Char('/') + id + QLatin1Char('/') + QLatin1String(field);
}
} // namespace

AccountRegistry::AccountRegistry(const QString &settingsPath)
    : m_settings(settingsPath.isEmpty()
                         ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                       orgName(), appName())
                         : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat))
{ }

AccountRegistry::~AccountRegistry()
{
    m_settings->sync();
}

QList<AccountConfig> AccountRegistry::accounts() const
{
    m_settings->beginGroup(kAccounts);
    QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    // Keep the order the person added them in.
    std::stable_sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        return m_settings->value(k(a, "order")).toLongLong()
                < m_settings->value(k(b, "order")).toLongLong();
    });
    QList<AccountConfig> list;
    for (const QString &id : ids) {
        if (contains(id))
            list.append(account(id));
    }
    return list;
}

bool AccountRegistry::contains(const QString &accountId) const
{
    return validId(accountId) && m_settings->contains(k(accountId, "dialect"));
}

AccountConfig AccountRegistry::account(const QString &accountId) const
{
    AccountConfig c;
    if (!contains(accountId))
        return c;
    const QSettings &s = *m_settings;
    c.id = accountId;
    c.displayName = s.value(k(accountId, "displayName")).toString();
    Dialect d = Dialect::Generic;
    if (dialectFromId(s.value(k(accountId, "dialect")).toString(), &d))
        c.dialect = d;
    c.serverUrl = QUrl(s.value(k(accountId, "serverUrl")).toString());
    c.tokenEndpoint = QUrl(s.value(k(accountId, "tokenEndpoint")).toString());
    c.revocationEndpoint = QUrl(s.value(k(accountId, "revocationEndpoint")).toString());
    c.introspectionEndpoint = QUrl(s.value(k(accountId, "introspectionEndpoint")).toString());
    c.clientAuthMethod = s.value(k(accountId, "clientAuthMethod")).toString();
    c.authorizationEndpoint = QUrl(s.value(k(accountId, "authorizationEndpoint")).toString());
    c.deviceAuthorizationEndpoint =
            QUrl(s.value(k(accountId, "deviceAuthorizationEndpoint")).toString());
    c.issuerInRedirect = s.value(k(accountId, "issuerInRedirect"), false).toBool();
    signInMethodFromId(s.value(k(accountId, "signInMethod")).toString(), &c.signInMethod);
    c.clientId = s.value(k(accountId, "clientId")).toString();
    c.username = s.value(k(accountId, "username")).toString();
    c.keyTag = s.value(k(accountId, "keyTag")).toString();
    c.scope = s.value(k(accountId, "scope")).toString();
    c.hasClientSecret = s.value(k(accountId, "hasClientSecret"), false).toBool();
    c.rememberCredentials = s.value(k(accountId, "rememberCredentials"), false).toBool();
    c.assumedSessionSeconds =
            s.value(k(accountId, "assumedSessionSeconds"), c.assumedSessionSeconds).toInt();
    return c;
}

void AccountRegistry::save(const AccountConfig &c)
{
    if (!validId(c.id)) {
        qCWarning(lcStore) << "refusing to save an account with an invalid id";
        return;
    }
    QSettings &s = *m_settings;
    if (!contains(c.id)) {
        const qint64 next = s.value(QStringLiteral("nextOrder"), 0).toLongLong();
        s.setValue(QStringLiteral("nextOrder"), next + 1);
        s.setValue(k(c.id, "order"), next);
    }
    s.setValue(k(c.id, "displayName"), c.displayName);
    s.setValue(k(c.id, "dialect"), dialectId(c.dialect));
    s.setValue(k(c.id, "serverUrl"), c.serverUrl.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "tokenEndpoint"), c.tokenEndpoint.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "revocationEndpoint"), c.revocationEndpoint.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "introspectionEndpoint"),
               c.introspectionEndpoint.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "clientAuthMethod"), c.clientAuthMethod);
    s.setValue(k(c.id, "authorizationEndpoint"),
               c.authorizationEndpoint.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "deviceAuthorizationEndpoint"),
               c.deviceAuthorizationEndpoint.toString(QUrl::FullyEncoded));
    s.setValue(k(c.id, "issuerInRedirect"), c.issuerInRedirect);
    s.setValue(k(c.id, "signInMethod"), signInMethodId(c.signInMethod));
    s.setValue(k(c.id, "clientId"), c.clientId);
    s.setValue(k(c.id, "username"), c.username);
    if (c.keyTag.isEmpty())
        s.remove(k(c.id, "keyTag"));
    else
        s.setValue(k(c.id, "keyTag"), c.keyTag);
    s.setValue(k(c.id, "scope"), c.scope);
    s.setValue(k(c.id, "hasClientSecret"), c.hasClientSecret);
    s.setValue(k(c.id, "rememberCredentials"), c.rememberCredentials);
    s.setValue(k(c.id, "assumedSessionSeconds"), c.assumedSessionSeconds);
    sync();
}

void AccountRegistry::remove(const QString &accountId)
{
    if (!validId(accountId))
        return;
    m_settings->remove(kAccounts + QLatin1Char('/') + accountId);
    sync();
}

void AccountRegistry::takePlaceOf(const QString &accountId, const QString &oldId)
{
    if (!contains(accountId) || !contains(oldId))
        return;
    m_settings->setValue(k(accountId, "order"), m_settings->value(k(oldId, "order")));
    sync();
}

AccountRegistry::Marker AccountRegistry::marker(const QString &accountId) const
{
    Marker m;
    if (!validId(accountId))
        return m;
    m.stored = m_settings->value(k(accountId, "marker/stored"), false).toBool();
    m.generation = m_settings->value(k(accountId, "marker/generation"), 0).toULongLong();
    m.storageKey = m_settings->value(k(accountId, "marker/storageKey")).toString();
    return m;
}

// Markers and journal entries are synced at once: a crash right after must still find them.
void AccountRegistry::setMarker(const QString &accountId, const Marker &marker)
{
    if (!validId(accountId))
        return;
    m_settings->setValue(k(accountId, "marker/stored"), marker.stored);
    m_settings->setValue(k(accountId, "marker/generation"), marker.generation);
    m_settings->setValue(k(accountId, "marker/storageKey"), marker.storageKey);
    sync();
}

void AccountRegistry::clearMarker(const QString &accountId)
{
    if (!validId(accountId))
        return;
    m_settings->remove(kAccounts + QLatin1Char('/') + accountId + QStringLiteral("/marker"));
    sync();
}

AccountRegistry::Journal AccountRegistry::journal(const QString &accountId) const
{
    Journal j;
    if (!validId(accountId))
        return j;
    j.inFlight = m_settings->value(k(accountId, "journal/inFlight"), false).toBool();
    j.refreshTokenFingerprint = m_settings->value(k(accountId, "journal/rtFingerprint")).toString();
    j.startedAtMs = m_settings->value(k(accountId, "journal/startedAtMs"), 0).toLongLong();
    return j;
}

void AccountRegistry::setJournal(const QString &accountId, const Journal &journal)
{
    if (!validId(accountId))
        return;
    m_settings->setValue(k(accountId, "journal/inFlight"), journal.inFlight);
    m_settings->setValue(k(accountId, "journal/rtFingerprint"), journal.refreshTokenFingerprint);
    m_settings->setValue(k(accountId, "journal/startedAtMs"), journal.startedAtMs);
    sync();
}

void AccountRegistry::clearJournal(const QString &accountId)
{
    if (!validId(accountId))
        return;
    m_settings->remove(kAccounts + QLatin1Char('/') + accountId + QStringLiteral("/journal"));
    sync();
}

QString AccountRegistry::lastErrorCode(const QString &accountId) const
{
    return validId(accountId) ? m_settings->value(k(accountId, "lastErrorCode")).toString()
                              : QString();
}

void AccountRegistry::setLastErrorCode(const QString &accountId, const QString &code)
{
    if (!validId(accountId))
        return;
    if (code.isEmpty())
        m_settings->remove(k(accountId, "lastErrorCode"));
    else
        m_settings->setValue(k(accountId, "lastErrorCode"), code);
    sync();
}

AccountRegistry::Ended AccountRegistry::signInEnded(const QString &accountId) const
{
    Ended e;
    if (!validId(accountId))
        return e;
    e.reason = m_settings->value(k(accountId, "endedReason")).toString();
    e.atMs = m_settings->value(k(accountId, "endedAtMs"), 0).toLongLong();
    return e;
}

void AccountRegistry::setSignInEnded(const QString &accountId, const Ended &ended)
{
    if (!validId(accountId))
        return;
    if (ended.reason.isEmpty()) {
        if (!m_settings->contains(k(accountId, "endedReason")))
            return;
        m_settings->remove(k(accountId, "endedReason"));
        m_settings->remove(k(accountId, "endedAtMs"));
    } else {
        m_settings->setValue(k(accountId, "endedReason"), ended.reason);
        m_settings->setValue(k(accountId, "endedAtMs"), ended.atMs);
    }
    sync();
}

bool AccountRegistry::passwordStored(const QString &accountId) const
{
    return validId(accountId) && m_settings->value(k(accountId, "passwordStored"), false).toBool();
}

void AccountRegistry::setPasswordStored(const QString &accountId, bool stored)
{
    if (!validId(accountId))
        return;
    m_settings->setValue(k(accountId, "passwordStored"), stored);
    sync();
}

AccountRegistry::EraseOwed AccountRegistry::eraseOwed(const QString &accountId) const
{
    if (!validId(accountId))
        return EraseOwed::None;
    const int v = m_settings->value(k(accountId, "eraseOwed"), 0).toInt();
    return v == 2 ? EraseOwed::SecretsAndAccount : v == 1 ? EraseOwed::Secrets : EraseOwed::None;
}

void AccountRegistry::setEraseOwed(const QString &accountId, EraseOwed owed)
{
    if (!validId(accountId))
        return;
    if (owed == EraseOwed::None)
        m_settings->remove(k(accountId, "eraseOwed"));
    else
        m_settings->setValue(k(accountId, "eraseOwed"), owed == EraseOwed::Secrets ? 1 : 2);
    sync();
}

void AccountRegistry::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcStore) << "could not write the account registry" << m_settings->fileName();
}

QString AccountRegistry::fileName() const
{
    return m_settings->fileName();
}
