#include "Session.h"

#include "AccountRegistry.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DeadlineScheduler.h"
#include "FaultPoint.h"
#include "HttpClient.h"
#include "Logging.h"
#include "OAuthDialect.h"
#include "RefreshPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

using namespace SessionMachine;
using ET = Event::Type;
using FX = Effect::Type;

Session::Session(const AccountConfig &config, const Deps &deps, QObject *parent)
    : AccountSession(parent),
      m_config(config),
      m_deps(deps),
      m_dialect(OAuthDialect::create(config.dialect)),
      m_jitter([] { return QRandomGenerator::global()->generateDouble(); })
{ }

Session::~Session()
{
    *m_alive = false;
    // Nobody is left waiting in silence: every pending caller hears that the session closed.
    const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
    for (const TokenCallback &cb : waiters)
        cb(QByteArray(), AuthError(AuthError::Kind::Cancelled, QStringLiteral("session_closed")));
    m_deps.scheduler->cancel(this);
    for (quint64 id : std::as_const(m_requests))
        m_deps.http->cancel(id);
    m_pending.wipe();
    m_clientSecret.fill('\0');
}

void Session::start()
{
    if (m_deps.registry->eraseOwed(m_config.id) == AccountRegistry::EraseOwed::None) {
        loadStore();
        return;
    }
    // An earlier run signed out but quit before the keychain confirmed the erase: finish it
    // before anything is read, so the old grant can never come back as Active.
    qCInfo(lcSession).noquote() << m_config.id << "finishing an interrupted sign-out";
    const std::weak_ptr<bool> alive = m_alive;
    AccountRegistry *registry = m_deps.registry;
    const QString id = m_config.id;
    m_deps.registry->setPasswordStored(id, false);
    m_deps.store->eraseAll(m_config, [this, alive, registry, id](StorageStatus status) {
        if (status == StorageStatus::Ok)
            registry->setEraseOwed(id, AccountRegistry::EraseOwed::None);
        if (!alive.expired())
            loadStore();
    });
}

void Session::setConfig(const AccountConfig &config)
{
    m_config = config;
    Q_EMIT changed();
}

CredentialStore *Session::activeStore() const
{
    return m_sessionOnly && m_deps.sessionOnlyStore ? m_deps.sessionOnlyStore : m_deps.store;
}

Context Session::context() const
{
    Context c;
    c.nowMs = m_deps.clock->wallMs();
    c.jitter = m_jitter();
    c.rememberCredentials = m_config.rememberCredentials;
    c.revokeNeedsLiveAccessToken = m_dialect->revokeNeedsLiveAccessToken();
    return c;
}

void Session::dispatch(const Event &event)
{
    m_queue.append(event);
    if (m_dispatching)
        return;
    m_dispatching = true;
    const std::weak_ptr<bool> alive = m_alive;
    while (!m_queue.isEmpty()) {
        const Event e = m_queue.takeFirst();
        const SessionState before = m_state.state;
        const Transition t = step(m_state, e, context());
        m_state = t.state;
        if (before != m_state.state)
            qCInfo(lcSession).noquote()
                    << m_config.id << sessionStateId(before) << "->"
                    << sessionStateId(m_state.state) << "on" << eventName(e.type);
        for (const Effect &effect : t.effects) {
            run(effect);
            if (alive.expired() || !*alive.lock())
                return;
        }
    }
    m_dispatching = false;
    Q_EMIT changed();
}

void Session::loadStore()
{
    const std::weak_ptr<bool> alive = m_alive;
    activeStore()->loadTokens(m_config, [this, alive](const CredentialStore::LoadResult &r) {
        if (alive.expired())
            return;
        const AccountRegistry::Journal journal = m_deps.registry->journal(m_config.id);
        Event e = Event::of(ET::Loaded);
        e.storage = r.status;
        e.found = r.found;
        e.tokens = r.tokens;
        e.generation = r.generation;
        e.passwordStored = m_deps.registry->passwordStored(m_config.id);
        e.journalInFlight = journal.inFlight;
        e.journalFingerprint = journal.refreshTokenFingerprint;
        if (r.status == StorageStatus::Ok && m_config.hasClientSecret) {
            // The client secret is needed for refreshes; the password is not kept in memory.
            activeStore()->loadCredentials(
                    m_config,
                    [this, alive, e](StorageStatus status, const Credentials &credentials) {
                        if (alive.expired())
                            return;
                        Credentials c = credentials;
                        m_clientSecret = c.clientSecret;
                        c.wipe();
                        Event loaded = e;
                        if (loaded.found && loaded.tokens.hasRefreshToken()
                            && (status != StorageStatus::Ok || m_clientSecret.isEmpty())) {
                            // Without its secret a confidential client cannot refresh: say the
                            // keychain is the problem now, not "check the settings" later.
                            loaded.storage = status == StorageStatus::Ok ? StorageStatus::Unreadable
                                                                         : status;
                        }
                        dispatch(loaded);
                    });
            return;
        }
        dispatch(e);
    });
}

void Session::sendLogin(const Credentials &credentials, quint64 generation)
{
    const HttpRequest request = m_dialect->loginRequest(m_config, credentials);
    const std::weak_ptr<bool> alive = m_alive;
    auto id = std::make_shared<quint64>(0);
    *id = m_deps.http->send(request, [this, alive, generation, id](const HttpReply &reply) {
        if (alive.expired())
            return;
        m_requests.remove(*id);
        FaultPoint::hit("after_token_response");
        const TokenResult result = m_dialect->parseTokenReply(
                OAuthDialect::Grant::Password, reply, m_config, TokenSet(), m_deps.clock->wallMs());
        Event e = Event::of(ET::SignInReply);
        e.tokens = result.tokens;
        e.error = result.error;
        e.generation = generation;
        dispatch(e);
    });
    m_requests.insert(*id);
}

void Session::sendRevoke(const TokenSet &tokens, const AuthError &outcomeUnknown)
{
    Credentials creds;
    creds.clientSecret = m_clientSecret;
    const QList<HttpRequest> requests = m_dialect->revokeRequests(m_config, tokens, creds);
    creds.wipe();
    if (requests.isEmpty()) {
        Event e = Event::of(ET::RevokeDone);
        e.confirmed = false;
        e.message = tr("The server has no revocation endpoint; the tokens were deleted here only.");
        dispatch(e);
        return;
    }
    // Sequentially, refresh token first (dialect order); the outcome is the first failure.
    struct Run
    {
        QList<HttpRequest> requests;
        int index = 0;
        AuthError firstError;
    };
    auto state = std::make_shared<Run>(Run{requests, 0, AuthError()});
    // Each step holds the next one only through its HTTP callback, so the chain frees itself.
    auto next = std::make_shared<std::function<void()>>();
    const std::weak_ptr<std::function<void()>> weakNext = next;
    const std::weak_ptr<bool> alive = m_alive;
    *next = [this, alive, state, weakNext, outcomeUnknown] {
        if (alive.expired())
            return;
        if (state->index >= state->requests.size()) {
            Event e = Event::of(ET::RevokeDone);
            // Confirmed only when the server confirmed every token, and when no renewal with
            // an unknown outcome may have left a newer pair alive.
            e.confirmed = !state->firstError && !outcomeUnknown;
            e.message = state->firstError ? state->firstError.userMessage()
                    : outcomeUnknown
                    ? tr("A renewal was interrupted; the server may have issued tokens that are "
                         "still valid until they expire.")
                    : QString();
            dispatch(e);
            return;
        }
        const std::shared_ptr<std::function<void()>> self = weakNext.lock();
        const HttpRequest request = state->requests.at(state->index++);
        auto id = std::make_shared<quint64>(0);
        *id = m_deps.http->send(request, [this, alive, state, self, id](const HttpReply &reply) {
            if (alive.expired())
                return;
            m_requests.remove(*id);
            const AuthError error = m_dialect->classifyRevokeReply(reply);
            if (error && !state->firstError)
                state->firstError = error;
            (*self)();
        });
        m_requests.insert(*id);
    };
    (*next)();
}

void Session::run(const Effect &fx)
{
    const std::weak_ptr<bool> alive = m_alive;
    switch (fx.type) {
    case FX::Load:
        loadStore();
        break;
    case FX::SendLogin: {
        const quint64 generation = m_state.generation;
        if (!fx.silent) {
            sendLogin(m_pending, generation);
            break;
        }
        activeStore()->loadCredentials(
                m_config, [this, alive, generation](StorageStatus status, const Credentials &c) {
                    if (alive.expired())
                        return;
                    Credentials credentials = c;
                    if (credentials.clientSecret.isEmpty())
                        credentials.clientSecret = m_clientSecret;
                    if (status != StorageStatus::Ok || credentials.password.isEmpty()) {
                        Event e = Event::of(ET::SignInReply);
                        e.generation = generation;
                        e.error = AuthError(AuthError::Kind::GrantDead,
                                            QStringLiteral("stored_password_unavailable"));
                        dispatch(e);
                        return;
                    }
                    sendLogin(credentials, generation);
                    credentials.wipe();
                });
        break;
    }
    case FX::SendRefresh: {
        Credentials creds;
        creds.clientSecret = m_clientSecret;
        const HttpRequest request = m_dialect->refreshRequest(m_config, fx.refreshToken, creds);
        creds.wipe();
        FaultPoint::hit("before_refresh_sent");
        const quint64 generation = fx.generation;
        auto id = std::make_shared<quint64>(0);
        *id = m_deps.http->send(request, [this, alive, generation, id](const HttpReply &reply) {
            if (alive.expired())
                return;
            m_requests.remove(*id);
            FaultPoint::hit("after_token_response");
            const TokenResult result =
                    m_dialect->parseTokenReply(OAuthDialect::Grant::Refresh, reply, m_config,
                                               m_state.tokens, m_deps.clock->wallMs());
            Event e = Event::of(ET::RefreshReply);
            e.tokens = result.tokens;
            e.error = result.error;
            e.generation = generation;
            dispatch(e);
        });
        m_requests.insert(*id);
        break;
    }
    case FX::SendRevoke:
        sendRevoke(fx.tokens, fx.error);
        break;
    case FX::RevokeOrphan:
        revokeOrphan(fx.tokens);
        break;
    case FX::SaveCredentials: {
        // Keep what the person chose: the client secret always (refresh needs it), the
        // password only with "remember" (fx.silent).
        Credentials keep = m_pending;
        if (!fx.silent)
            keep.password.clear();
        if (!keep.clientSecret.isEmpty())
            m_clientSecret = keep.clientSecret;
        if (!keep.isEmpty())
            activeStore()->saveCredentials(m_config, keep, [](StorageStatus) {});
        keep.wipe();
        m_pending.wipe();
        break;
    }
    case FX::CancelRequests: {
        const QSet<quint64> ids = m_requests;
        m_requests.clear();
        for (quint64 id : ids)
            m_deps.http->cancel(id);
        m_pending.wipe();
        break;
    }
    case FX::Persist: {
        const quint64 generation = fx.generation;
        activeStore()->saveTokens(m_config, fx.tokens, generation,
                                  [this, alive, generation](StorageStatus status, const QString &) {
                                      if (alive.expired())
                                          return;
                                      FaultPoint::hit("after_persist_before_publish");
                                      Event e = Event::of(ET::PersistDone);
                                      e.generation = generation;
                                      e.storage = status;
                                      dispatch(e);
                                  });
        break;
    }
    case FX::DropTokens:
        activeStore()->eraseTokens(m_config, [](StorageStatus) {});
        break;
    case FX::EraseAll: {
        // The client secret stays in memory until the revocation finished (NotifyRevoke).
        // Owed until the keychain confirms (audit L4): a quit or crash in between is finished
        // by the next start. Removal owes the account row too; it goes once the erase is done.
        AccountRegistry *registry = m_deps.registry;
        const QString id = m_config.id;
        if (registry->eraseOwed(id) == AccountRegistry::EraseOwed::None)
            registry->setEraseOwed(id, AccountRegistry::EraseOwed::Secrets);
        registry->setPasswordStored(id, false);
        activeStore()->eraseAll(m_config, [registry, id](StorageStatus status) {
            if (status != StorageStatus::Ok)
                return; // still owed: the next start tries again
            const AccountRegistry::EraseOwed owed = registry->eraseOwed(id);
            if (owed == AccountRegistry::EraseOwed::SecretsAndAccount)
                registry->remove(id);
            else if (owed == AccountRegistry::EraseOwed::Secrets)
                registry->setEraseOwed(id, AccountRegistry::EraseOwed::None);
        });
        if (m_sessionOnly && m_deps.store != activeStore())
            m_deps.store->eraseAll(m_config, [](StorageStatus) {});
        m_sessionOnly = false;
        break;
    }
    case FX::ErasePassword:
        m_deps.registry->setPasswordStored(m_config.id, false);
        activeStore()->erasePassword(m_config, [](StorageStatus) {});
        break;
    case FX::Reread:
        activeStore()->loadTokens(m_config, [this, alive](const CredentialStore::LoadResult &r) {
            if (alive.expired())
                return;
            Event e = Event::of(ET::Reread);
            e.found = r.found && r.status == StorageStatus::Ok;
            e.tokens = r.tokens;
            dispatch(e);
        });
        break;
    case FX::WriteJournal:
        m_deps.registry->setJournal(
                m_config.id,
                {true, TokenSet::fingerprint(fx.refreshToken), m_deps.clock->wallMs()});
        break;
    case FX::ClearJournal:
        m_deps.registry->clearJournal(m_config.id);
        break;
    case FX::Schedule:
        if (fx.atMs <= 0) {
            m_deps.scheduler->cancel(this);
        } else {
            m_deps.scheduler->schedule(this, fx.atMs, [this, alive] {
                if (!alive.expired())
                    dispatch(Event::of(ET::Deadline));
            });
        }
        break;
    case FX::ServeWaiters: {
        const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
        const QByteArray token = m_state.tokens.accessToken;
        for (const TokenCallback &cb : waiters)
            cb(token, AuthError());
        break;
    }
    case FX::FailWaiters: {
        const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
        for (const TokenCallback &cb : waiters)
            cb(QByteArray(), fx.error);
        break;
    }
    case FX::NotifySignIn:
        if (fx.error)
            m_pending.wipe();
        m_deps.registry->setLastErrorCode(m_config.id, fx.error.code);
        Q_EMIT signInFinished(fx.error);
        break;
    case FX::NotifyReauth: {
        m_deps.registry->setLastErrorCode(m_config.id, m_state.reauthReason);
        Q_EMIT reauthRequired(fx.error.userMessage());
        break;
    }
    case FX::NotifyRevoke:
        m_clientSecret.fill('\0');
        m_clientSecret.clear();
        Q_EMIT revokeFinished(fx.confirmed, fx.text);
        break;
    case FX::NotifyExpiringSoon:
        Q_EMIT refreshTokenExpiringSoon(fx.atMs);
        break;
    case FX::Log:
        emitLog(fx.text);
        break;
    }
}

void Session::emitLog(const QString &line)
{
    qCInfo(lcSession).noquote() << m_config.id << line;
    const QString stamp =
            QDateTime::fromMSecsSinceEpoch(m_deps.clock->wallMs()).toString(Qt::ISODate);
    Q_EMIT logEvent(stamp + QLatin1Char(' ') + m_config.displayName + QStringLiteral(": ") + line);
}

// The end of "Your session with <host> ended on <date> — ...": why, in a few plain words.
static QString reauthPhrase(const QString &code, const AuthError &error)
{
    if (code == QLatin1String("lost_rotation"))
        return QCoreApplication::translate(
                "Session", "the connection was interrupted while the session was being renewed");
    if (code == QLatin1String("refresh_until_passed"))
        return QCoreApplication::translate("Session", "it reached its maximum lifetime");
    if (code == QLatin1String("stored_password_rejected"))
        return QCoreApplication::translate("Session", "the stored password was rejected");
    if (code == QLatin1String("no_refresh_token"))
        return QCoreApplication::translate("Session", "the server issued no refresh token");
    if (code == QLatin1String("unreadable_store"))
        return QCoreApplication::translate("Session", "the stored tokens could not be read");
    if (error.description.contains(QLatin1String("authentication failure"), Qt::CaseInsensitive))
        return QCoreApplication::translate(
                "Session",
                "the server no longer accepts your credentials (password changed or "
                "account deactivated)");
    return QCoreApplication::translate("Session", "the refresh token expired or was revoked");
}

AccountSnapshot Session::snapshot() const
{
    AccountSnapshot s;
    s.config = m_config;
    s.state = m_state.state;
    s.storage = m_state.storage;
    s.hasAccessToken = m_state.tokens.hasAccessToken();
    s.accessExpiresAtMs = m_state.tokens.accessExpiresAtMs;
    s.expiryEstimated = m_state.tokens.expiryEstimated;
    s.refreshUntilMs = m_state.tokens.refreshUntilMs;
    s.lastRefreshMs = m_state.lastRefreshMs;
    s.nextRefreshMs = m_state.deadlineMs;
    s.lastError = m_state.lastError;
    if (m_state.state == SessionState::ReauthRequired)
        s.reauthReason = reauthPhrase(m_state.reauthReason, m_state.lastError);
    s.reauthSinceMs = m_state.reauthAtMs;
    s.clockSkewSuspected = m_state.tokens.clockSkewSuspected;
    s.grantedScope = m_state.tokens.scope;
    return s;
}

void Session::signIn(const Credentials &credentials)
{
    m_pending.wipe();
    m_pending = credentials;
    if (!credentials.clientSecret.isEmpty() && !m_config.hasClientSecret) {
        m_config.hasClientSecret = true;
        m_deps.registry->save(m_config);
    }
    Event e = Event::of(ET::SignInRequested);
    e.hasPassword = !credentials.password.isEmpty();
    // No keychain: the person may still sign in for this session only (tokens in memory).
    if (storageIsBlocked(m_state.storage) && m_deps.sessionOnlyStore) {
        m_sessionOnly = true;
        e.sessionOnly = true;
    }
    dispatch(e);
}

void Session::cancelSignIn()
{
    dispatch(Event::of(ET::CancelSignIn));
}

void Session::refreshNow()
{
    dispatch(Event::of(ET::RefreshRequested));
}

void Session::revoke()
{
    dispatch(Event::of(ET::RevokeRequested));
}

void Session::retryStorage()
{
    if (m_sessionOnly)
        return;
    dispatch(Event::of(ET::RetryStorage));
}

void Session::reevaluate()
{
    dispatch(Event::of(ET::Deadline));
}

void Session::setOnline(bool online)
{
    Event e = Event::of(ET::Network);
    e.online = online;
    dispatch(e);
}

void Session::withFreshToken(TokenCallback callback)
{
    // Cache hit: no machine step, no allocation (the hot path of every API call).
    if (!m_dispatching && canServe(m_state, m_deps.clock->wallMs())) {
        callback(m_state.tokens.accessToken, AuthError());
        return;
    }
    m_waiters.append(std::move(callback));
    dispatch(Event::of(ET::TokenNeeded));
}

void Session::reportRejected(const QByteArray &accessToken)
{
    Event e = Event::of(ET::Rejected);
    e.token = accessToken;
    dispatch(e);
}

QByteArray Session::currentAccessToken() const
{
    if (!canServe(m_state, m_deps.clock->wallMs()))
        return QByteArray();
    return m_state.tokens.accessToken;
}

void Session::callResource(const HttpRequest &request, ResourceCallback callback)
{
    auto cb = std::make_shared<ResourceCallback>(std::move(callback));
    const std::weak_ptr<bool> alive = m_alive;
    withFreshToken([this, alive, request, cb](const QByteArray &token, const AuthError &error) {
        if (alive.expired())
            return;
        if (error) {
            (*cb)(HttpReply(), error);
            return;
        }
        sendResource(request, token, false, cb);
    });
}

void Session::sendResource(const HttpRequest &request, const QByteArray &token, bool retried,
                           const std::shared_ptr<ResourceCallback> &callback)
{
    HttpRequest authorized = request;
    authorized.purpose = QStringLiteral("resource");
    authorized.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token});
    const std::weak_ptr<bool> alive = m_alive;
    auto id = std::make_shared<quint64>(0);
    *id = m_deps.http->send(authorized, [=](const HttpReply &reply) {
        if (alive.expired())
            return;
        m_requests.remove(*id);
        const AuthError verdict = m_dialect->classifyResourceReply(reply);
        if (verdict.kind != AuthError::Kind::AccessTokenRejected || retried) {
            (*callback)(reply, verdict);
            return;
        }
        // M-34: one refresh (only if this AT is still the current one), one retry.
        reportRejected(token);
        withFreshToken([=](const QByteArray &fresh, const AuthError &error) {
            if (alive.expired())
                return;
            if (error) {
                (*callback)(reply, error);
                return;
            }
            sendResource(request, fresh, true, callback);
        });
    });
    m_requests.insert(*id);
}

void Session::revokeOrphan(const TokenSet &tokens)
{
    // Best effort, outside the machine: the replaced grant must not outlive the new one on the
    // server. The outcome is logged; nothing here changes the account's state.
    Credentials creds;
    creds.clientSecret = m_clientSecret;
    const QList<HttpRequest> requests = m_dialect->revokeRequests(m_config, tokens, creds);
    creds.wipe();
    const std::weak_ptr<bool> alive = m_alive;
    for (const HttpRequest &request : requests) {
        auto id = std::make_shared<quint64>(0);
        *id = m_deps.http->send(request, [this, alive, id](const HttpReply &reply) {
            if (alive.expired())
                return;
            m_requests.remove(*id);
            const AuthError error = m_dialect->classifyRevokeReply(reply);
            emitLog(error ? QStringLiteral("could not revoke the replaced grant: ")
                                    + error.toLogString()
                          : QStringLiteral("revoked the grant this sign-in replaced"));
        });
        m_requests.insert(*id);
    }
}
