#include "SessionManager.h"

#include "AccountRegistry.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DeadlineScheduler.h"
#include "DiscoveryClient.h"
#include "HttpClient.h"
#include "Logging.h"
#include "Session.h"
#include "SystemEvents.h"

#include <QHash>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

struct SessionManager::Private
{
    Deps deps;
    std::unique_ptr<DeadlineScheduler> scheduler;
    std::unique_ptr<HttpClient> http;
    QList<Session *> order; // owned (QObject children)
};

SessionManager::SessionManager(const Deps &deps, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->deps = deps;
    d->scheduler = std::make_unique<DeadlineScheduler>(deps.clock);
    d->http = std::make_unique<HttpClient>(deps.nam, deps.clock);
    // Resume, clock jumps and network changes: every session re-evaluates its deadlines, with
    // 0-2 s of jitter so that several accounts do not hit their servers at once.
    connect(d->scheduler.get(), &DeadlineScheduler::clockJumped, this, [this](qint64 deltaMs) {
        qCInfo(lcSession) << "wall clock moved by" << deltaMs / 1000 << "s; re-evaluating";
        reevaluateStaggered();
    });
    if (deps.events) {
        connect(deps.events, &SystemEvents::resumed, this, [this] {
            qCInfo(lcSession) << "resumed from suspend; re-evaluating";
            reevaluateStaggered();
        });
        connect(deps.events, &SystemEvents::onlineChanged, this, [this](bool online) {
            for (Session *s : std::as_const(d->order))
                s->setOnline(online);
        });
    }
}

SessionManager::~SessionManager()
{
    // Discovery clients and sessions first, including the sessions still revoking after
    // removal: they cancel their requests on the client and their deadlines on the scheduler,
    // both owned by `d` (a discovery running at quit was a use-after-free).
    qDeleteAll(findChildren<DiscoveryClient *>(Qt::FindDirectChildrenOnly));
    d->order.clear();
    qDeleteAll(findChildren<Session *>(Qt::FindDirectChildrenOnly));
}

DeadlineScheduler *SessionManager::scheduler() const
{
    return d->scheduler.get();
}

HttpClient *SessionManager::httpClient() const
{
    return d->http.get();
}

static Session *createSession(SessionManager *manager, const AccountConfig &config,
                              const SessionManager::Deps &deps, DeadlineScheduler *scheduler,
                              HttpClient *http)
{
    Session::Deps sd;
    sd.clock = deps.clock;
    sd.http = http;
    sd.store = deps.store;
    sd.sessionOnlyStore = deps.sessionOnlyStore;
    sd.registry = deps.registry;
    sd.scheduler = scheduler;
    auto *session = new Session(config, sd, manager);
    if (deps.events && !deps.events->isOnline())
        session->setOnline(false);
    return session;
}

void SessionManager::start()
{
    for (const AccountConfig &config : d->deps.registry->accounts()) {
        if (session(config.id))
            continue;
        if (d->deps.registry->eraseOwed(config.id)
            == AccountRegistry::EraseOwed::SecretsAndAccount) {
            // Removed in an earlier run that quit before the keychain confirmed: finish it.
            AccountRegistry *registry = d->deps.registry;
            const QString id = config.id;
            d->deps.store->eraseAll(config, d->deps.store, [registry, id](StorageStatus status) {
                if (status == StorageStatus::Ok)
                    registry->remove(id);
            });
            continue;
        }
        Session *s = createSession(this, config, d->deps, d->scheduler.get(), d->http.get());
        d->order.append(s);
        connect(s, &AccountSession::changed, this, [this, s] { Q_EMIT sessionChanged(s); });
        Q_EMIT accountAdded(s);
        s->start();
    }
}

QList<AccountSession *> SessionManager::sessions() const
{
    QList<AccountSession *> out;
    out.reserve(d->order.size());
    for (Session *s : std::as_const(d->order))
        out.append(s);
    return out;
}

AccountSession *SessionManager::session(const QString &accountId) const
{
    for (Session *s : std::as_const(d->order))
        if (s->id() == accountId)
            return s;
    return nullptr;
}

AccountSession *SessionManager::addAccount(AccountConfig config)
{
    if (config.id.isEmpty())
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (config.displayName.isEmpty())
        config.displayName = freeName(config.defaultName(), config.id);
    // Browser and device sign-ins have no user name to tell two accounts apart: whoever signs
    // in on the server's page. Their keychain items carry the account's id instead.
    config.keyTag = config.username.isEmpty() ? config.id : QString();
    if (const AccountSession *twin = accountSigningInAs(config)) {
        qCWarning(lcSession) << "refusing to add an account that signs in as account" << twin->id()
                             << "does";
        return nullptr;
    }
    d->deps.registry->save(config);
    Session *s = createSession(this, config, d->deps, d->scheduler.get(), d->http.get());
    d->order.append(s);
    connect(s, &AccountSession::changed, this, [this, s] { Q_EMIT sessionChanged(s); });
    Q_EMIT accountAdded(s);
    s->start();
    return s;
}

AccountSession *SessionManager::updateAccount(const AccountConfig &config)
{
    Session *old = nullptr;
    for (Session *s : std::as_const(d->order))
        if (s->id() == config.id)
            old = s;
    if (!old)
        return addAccount(config);
    if (old->config().sameIdentity(config)) {
        AccountConfig kept = config;
        // "https://host/" for "https://host" (or ":443"): the same server, so the same grant
        // and the same keychain key, which the URL as first written is part of.
        if (kept.storageKey() != old->config().storageKey())
            kept.serverUrl = old->config().serverUrl;
        d->deps.registry->save(kept);
        old->setConfig(kept);
        return old;
    }
    if (const AccountSession *twin = accountSigningInAs(config)) {
        qCWarning(lcSession) << "refusing to change account" << old->id()
                             << "into one that signs in as account" << twin->id() << "does";
        return nullptr;
    }
    // M-61: a changed server/client/user/endpoint never receives the old grant: revoke (best
    // effort) and wipe it under the old identity, then start afresh under the new one, with a
    // new account id so that the two never share registry rows (the old row goes with its
    // erase).
    const qsizetype place = d->order.indexOf(old);
    d->order.removeAll(old);
    disconnect(old, nullptr, this, nullptr);
    connect(old, &AccountSession::revokeFinished, old, &QObject::deleteLater);
    d->deps.registry->setEraseOwed(old->id(), AccountRegistry::EraseOwed::SecretsAndAccount);
    Q_EMIT accountRemoved(config.id);
    old->revoke();
    AccountConfig fresh = config;
    fresh.id.clear();
    Session *replacement = static_cast<Session *>(addAccount(fresh));
    if (replacement) {
        // The edited account keeps its place, now and after a restart.
        d->order.move(d->order.indexOf(replacement), place);
        d->deps.registry->takePlaceOf(replacement->id(), config.id);
    }
    return replacement;
}

AccountSession *SessionManager::accountSigningInAs(const AccountConfig &config) const
{
    if (config.username.isEmpty())
        return nullptr;
    for (Session *s : std::as_const(d->order))
        if (s->id() != config.id && s->config().sharesSignInWith(config))
            return s;
    return nullptr;
}

AccountSession *SessionManager::accountNamed(const QString &displayName,
                                             const QString &exceptId) const
{
    for (Session *s : std::as_const(d->order))
        if (s->id() != exceptId && s->config().displayName == displayName)
            return s;
    return nullptr;
}

QString SessionManager::freeName(const QString &base, const QString &exceptId) const
{
    QString name = base;
    for (int n = 2; accountNamed(name, exceptId); ++n)
        name = base + QStringLiteral(" (%1)").arg(n);
    return name;
}

void SessionManager::removeAccount(const QString &accountId)
{
    Session *target = nullptr;
    for (Session *s : std::as_const(d->order))
        if (s->id() == accountId)
            target = s;
    if (!target)
        return;
    d->order.removeAll(target);
    disconnect(target, nullptr, this, nullptr);
    // The registry row goes when the keychain confirms the erase (Session, EraseAll); until then
    // it says what is owed, so a quit in between is finished by the next start (audit L4).
    d->deps.registry->setEraseOwed(accountId, AccountRegistry::EraseOwed::SecretsAndAccount);
    connect(target, &AccountSession::revokeFinished, target, &QObject::deleteLater);
    Q_EMIT accountRemoved(accountId);
    target->revoke();
}

void SessionManager::discover(
        const AccountConfig &config,
        std::function<void(const AccountConfig &resolved, const AuthError &error)> done)
{
    auto *client = new DiscoveryClient(d->http.get(), this);
    client->discover(config.serverUrl, [client, config, done](const DiscoveryResult &result) {
        AccountConfig resolved = config;
        if (!result.error) {
            resolved.tokenEndpoint = result.tokenEndpoint;
            resolved.revocationEndpoint = result.revocationEndpoint;
            resolved.introspectionEndpoint = result.introspectionEndpoint;
            resolved.authorizationEndpoint = result.authorizationEndpoint;
            resolved.deviceAuthorizationEndpoint = result.deviceAuthorizationEndpoint;
            resolved.issuerInRedirect = result.issuerInRedirect;
            // Client authentication as the server wants it, unless the account overrides it.
            const QString basic = QStringLiteral("client_secret_basic");
            const QString post = QStringLiteral("client_secret_post");
            if (resolved.clientAuthMethod.isEmpty())
                resolved.clientAuthMethod = result.tokenAuthMethods.contains(basic) ? basic
                        : result.tokenAuthMethods.contains(post)                    ? post
                                                                                    : basic;
        }
        client->deleteLater();
        done(resolved, result.error);
    });
}

void SessionManager::reevaluateStaggered()
{
    // 0-2 s of jitter per account, so that a resume does not send every account's
    // refresh to its server in the same instant.
    for (Session *s : std::as_const(d->order)) {
        const int delayMs = int(QRandomGenerator::global()->bounded(kResumeJitterMs + 1));
        QTimer::singleShot(delayMs, s, [s] { s->reevaluate(); });
    }
    // Not the scheduler's reevaluate(): it would run every due deadline right now, jitter-free.
}

void SessionManager::retryStorageEverywhere()
{
    for (Session *s : std::as_const(d->order)) {
        const StorageStatus st = s->snapshot().storage;
        if (storageIsBlocked(st) || st == StorageStatus::NotPersisted)
            s->retryStorage();
    }
}

void SessionManager::reevaluate()
{
    for (Session *s : std::as_const(d->order))
        s->reevaluate();
    d->scheduler->reevaluate();
}
