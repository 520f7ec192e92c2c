#include "ApprovalPolicy.h"

#include <QCryptographicHash>
#include <QSettings>

static QString group(const QString &accountId)
{
    return QStringLiteral("approval/") + accountId;
}

ApprovalPolicy::ApprovalPolicy(QSettings *settings) : m_settings(settings) { }

QString ApprovalPolicy::policyId(Policy policy)
{
    switch (policy) {
    case Policy::Ask:
        return QStringLiteral("ask");
    case Policy::Allow:
        return QStringLiteral("allow");
    case Policy::Deny:
        return QStringLiteral("deny");
    }
    return QStringLiteral("ask");
}

bool ApprovalPolicy::policyFromId(const QString &id, Policy *out)
{
    for (Policy p : {Policy::Ask, Policy::Allow, Policy::Deny}) {
        if (policyId(p) == id) {
            *out = p;
            return true;
        }
    }
    return false;
}

QString ApprovalPolicy::entryKey(const QString &executable, const QString &fileIdentity)
{
    const QByteArray digest = QCryptographicHash::hash(
            (executable + QLatin1Char('\n') + fileIdentity).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(32));
}

ApprovalPolicy::Policy ApprovalPolicy::defaultPolicy() const
{
    Policy p = Policy::Ask;
    policyFromId(m_settings->value(QStringLiteral("approval/default")).toString(), &p);
    return p;
}

void ApprovalPolicy::setDefaultPolicy(Policy policy)
{
    m_settings->setValue(QStringLiteral("approval/default"), policyId(policy));
}

ApprovalPolicy::Policy ApprovalPolicy::policy(const QString &accountId) const
{
    Policy p = defaultPolicy();
    policyFromId(m_settings->value(group(accountId) + QStringLiteral("/policy")).toString(), &p);
    return p;
}

void ApprovalPolicy::setPolicy(const QString &accountId, Policy policy)
{
    m_settings->setValue(group(accountId) + QStringLiteral("/policy"), policyId(policy));
}

std::optional<bool> ApprovalPolicy::remembered(const QString &accountId, const QString &executable,
                                               const QString &fileIdentity) const
{
    if (executable.isEmpty() || fileIdentity.isEmpty())
        return std::nullopt; // an unidentifiable program is never remembered
    const QString base = group(accountId) + QStringLiteral("/programs/")
            + entryKey(executable, fileIdentity) + QLatin1Char('/');
    const QVariant allowed = m_settings->value(base + QStringLiteral("allowed"));
    if (!allowed.isValid()
        || m_settings->value(base + QStringLiteral("exe")).toString() != executable
        || m_settings->value(base + QStringLiteral("identity")).toString() != fileIdentity)
        return std::nullopt;
    return allowed.toBool();
}

void ApprovalPolicy::remember(const QString &accountId, const QString &executable,
                              const QString &fileIdentity, bool allowed, qint64 nowMs)
{
    if (executable.isEmpty() || fileIdentity.isEmpty())
        return;
    const QString base = group(accountId) + QStringLiteral("/programs/")
            + entryKey(executable, fileIdentity) + QLatin1Char('/');
    m_settings->setValue(base + QStringLiteral("exe"), executable);
    m_settings->setValue(base + QStringLiteral("identity"), fileIdentity);
    m_settings->setValue(base + QStringLiteral("allowed"), allowed);
    m_settings->setValue(base + QStringLiteral("at"), nowMs);
}

QList<ApprovalPolicy::Entry> ApprovalPolicy::entries(const QString &accountId) const
{
    QList<Entry> out;
    m_settings->beginGroup(group(accountId) + QStringLiteral("/programs"));
    const QStringList keys = m_settings->childGroups();
    for (const QString &key : keys) {
        Entry e;
        e.key = key;
        e.executable = m_settings->value(key + QStringLiteral("/exe")).toString();
        e.fileIdentity = m_settings->value(key + QStringLiteral("/identity")).toString();
        e.allowed = m_settings->value(key + QStringLiteral("/allowed")).toBool();
        e.decidedAtMs = m_settings->value(key + QStringLiteral("/at")).toLongLong();
        out << e;
    }
    m_settings->endGroup();
    return out;
}

void ApprovalPolicy::forget(const QString &accountId, const QString &key)
{
    m_settings->remove(group(accountId) + QStringLiteral("/programs/") + key);
}

void ApprovalPolicy::forgetAccount(const QString &accountId)
{
    m_settings->remove(group(accountId));
}
