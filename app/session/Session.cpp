#include "Session.h"

#include "AccountRegistry.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DeadlineScheduler.h"
#include "FaultPoint.h"
#include "HttpClient.h"
#include "InteractiveSignIn.h"
#include "Logging.h"
#include "OAuthDialect.h"
#include "RefreshPolicy.h"
#include "ResourceCall.h"
#include "SessionProbe.h"

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
      m_keychain(deps.store, deps.sessionOnlyStore, deps.registry,
                 [this](const Event &e) { dispatch(e); }),
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
}

void Session::start()
{
    m_keychain.start(m_config);
}

void Session::setConfig(const AccountConfig &config)
{
    m_config = config;
    Q_EMIT changed();
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

void Session::sendTracked(const HttpRequest &request, std::function<void(const HttpReply &)> handle)
{
    // Every request of this session: remembered for CancelRequests and the destructor, and
    // answered only while the session lives.
    const std::weak_ptr<bool> alive = m_alive;
    auto id = std::make_shared<quint64>(0);
    *id = m_deps.http->send(request,
                            [this, alive, id, handle = std::move(handle)](const HttpReply &reply) {
                                if (alive.expired())
                                    return;
                                m_requests.remove(*id);
                                handle(reply);
                            });
    m_requests.insert(*id);
}

void Session::exchange(OAuthDialect::Grant grant, const HttpRequest &request, quint64 generation)
{
    // The one token exchange: send, parse in the dialect, feed the result to the machine.
    sendTracked(request, [this, grant, generation](const HttpReply &reply) {
        FaultPoint::hit("after_token_response");
        const bool refresh = grant == OAuthDialect::Grant::Refresh;
        const TokenResult result = m_dialect->parseTokenReply(grant, reply, m_config,
                                                              refresh ? m_state.tokens : TokenSet(),
                                                              m_deps.clock->wallMs());
        Event e = Event::of(refresh ? ET::RefreshReply : ET::SignInReply);
        e.tokens = result.tokens;
        e.error = result.error;
        e.generation = generation;
        dispatch(e);
    });
}

void Session::run(const Effect &fx)
{
    const std::weak_ptr<bool> alive = m_alive;
    switch (fx.type) {
    case FX::Load:
        m_keychain.load(m_config);
        break;
    case FX::SendLogin: {
        const quint64 generation = m_state.generation;
        if (!fx.silent && m_config.signInMethod != SignInMethod::Password) {
            startInteractive(generation);
            break;
        }
        if (!fx.silent) {
            // A re-prompt may leave the client secret empty: "keep the stored one" (issue 9).
            Credentials typed = m_pending;
            if (typed.clientSecret.isEmpty())
                typed.clientSecret = m_keychain.clientSecret();
            exchange(OAuthDialect::Grant::Password, m_dialect->loginRequest(m_config, typed),
                     generation);
            typed.wipe();
            break;
        }
        m_keychain.loadForSilentSignIn(
                m_config, [this, generation](StorageStatus status, const Credentials &c) {
                    if (status != StorageStatus::Ok || c.password.isEmpty()) {
                        Event e = Event::of(ET::SignInReply);
                        e.generation = generation;
                        e.error = AuthError(AuthError::Kind::GrantDead,
                                            QStringLiteral("stored_password_unavailable"));
                        dispatch(e);
                        return;
                    }
                    exchange(OAuthDialect::Grant::Password, m_dialect->loginRequest(m_config, c),
                             generation);
                });
        break;
    }
    case FX::SendRefresh: {
        Credentials creds;
        creds.clientSecret = m_keychain.clientSecret();
        const HttpRequest request = m_dialect->refreshRequest(m_config, fx.refreshToken, creds);
        creds.wipe();
        FaultPoint::hit("before_refresh_sent");
        exchange(OAuthDialect::Grant::Refresh, request, fx.generation);
        break;
    }
    case FX::SendRevoke:
        sendRevoke(fx.tokens, fx.error);
        break;
    case FX::Probe:
        probeSession(fx.tokens);
        break;
    case FX::RevokeOrphan:
        revokeOrphan(fx.tokens);
        break;
    case FX::SaveCredentials:
        // Keep what the person chose: the client secret always (refresh needs it), the
        // password only with "remember" (fx.silent).
        m_keychain.saveCredentials(m_config, m_pending, fx.silent);
        m_pending.wipe();
        break;
    case FX::CancelRequests: {
        delete m_interactive; // its flow and loopback listener end with it
        const QSet<quint64> ids = m_requests;
        m_requests.clear();
        for (quint64 id : ids)
            m_deps.http->cancel(id);
        m_pending.wipe();
        break;
    }
    case FX::Persist:
        m_keychain.persist(m_config, fx.tokens, fx.generation);
        break;
    case FX::DropTokens:
        m_keychain.dropTokens(m_config);
        break;
    case FX::EraseAll:
        // The client secret stays in memory until the revocation finished (NotifyRevoke).
        m_keychain.eraseAll(m_config);
        break;
    case FX::ErasePassword:
        m_keychain.erasePassword(m_config);
        break;
    case FX::Reread:
        m_keychain.reread(m_config);
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
        if (!fx.error)
            m_deps.registry->setSignInEnded(m_config.id, {}); // signed in again
        Q_EMIT signInFinished(fx.error);
        break;
    case FX::NotifyReauth: {
        m_deps.registry->setLastErrorCode(m_config.id, m_state.reauth.reason);
        m_deps.registry->setSignInEnded(m_config.id, {m_state.reauth.reason, m_state.reauth.atMs});
        Q_EMIT reauthRequired(fx.error);
        break;
    }
    case FX::NotifyRevoke:
        m_keychain.forgetSecret();
        m_deps.registry->setSignInEnded(m_config.id, {}); // signed out on purpose
        Q_EMIT revokeFinished(fx.confirmed, fx.error);
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

AccountSnapshot Session::snapshot() const
{
    AccountSnapshot s;
    s.config = m_config;
    s.state = m_state.state;
    s.storage = m_state.persist.storage;
    s.hasAccessToken = m_state.tokens.hasAccessToken();
    s.accessExpiresAtMs = m_state.tokens.accessExpiresAtMs;
    s.expiryEstimated = m_state.tokens.expiryEstimated;
    s.refreshUntilMs = m_state.tokens.refreshUntilMs;
    s.lastRefreshMs = m_state.schedule.lastRefreshMs;
    s.nextRefreshMs = m_state.schedule.deadlineMs;
    s.lastError = m_state.lastError;
    if (m_state.state == SessionState::ReauthRequired)
        s.reauthCode = m_state.reauth.reason;
    s.reauthSinceMs = m_state.reauth.atMs;
    s.clockSkewSuspected = m_state.tokens.clockSkewSuspected;
    s.grantedScope = m_state.tokens.scope;
    s.instanceUrl = m_state.tokens.instanceUrl;
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
    if (storageIsBlocked(m_state.persist.storage) && m_deps.sessionOnlyStore) {
        m_keychain.useSessionOnly();
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
    if (m_keychain.sessionOnly())
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
    ResourceCall::start(this, m_deps.http, m_dialect.get(), request, std::move(callback));
}

void Session::probeSession(const TokenSet &tokens)
{
    bool viaResource = m_probeViaResource;
    const HttpRequest request = SessionProbe::request(*m_dialect, m_config, tokens,
                                                      m_keychain.clientSecret(), &viaResource);
    const QByteArray token = tokens.accessToken;
    auto answer = [this, token](bool active, const AuthError &error) {
        Event e = Event::of(ET::ProbeReply);
        e.token = token;
        e.found = active;
        e.error = error;
        dispatch(e);
    };
    if (request.url.isEmpty()) {
        answer(false, AuthError(AuthError::Kind::Config, QStringLiteral("no_session_probe")));
        return;
    }
    sendTracked(request, [this, viaResource, answer](const HttpReply &reply) {
        bool active = false, refused = false;
        const AuthError error =
                SessionProbe::read(*m_dialect, reply, viaResource, &active, &refused);
        m_probeViaResource = m_probeViaResource || refused;
        answer(active, error);
    });
}

void Session::startInteractive(quint64 generation)
{
    // Browser or device code: the flow runs outside the machine and ends as a SignInReply,
    // like a password grant; refresh, rotation and revocation stay exactly the same.
    delete m_interactive;
    Credentials credentials = m_pending;
    if (credentials.clientSecret.isEmpty())
        credentials.clientSecret = m_keychain.clientSecret();
    auto *job = new InteractiveSignIn(m_deps.http, m_deps.clock, m_config, credentials, this);
    credentials.wipe();
    m_interactive = job;
    connect(job, &InteractiveSignIn::openBrowserRequested, this,
            &AccountSession::browserSignInRequested);
    connect(job, &InteractiveSignIn::deviceCodeReady, this, [this](const DeviceAuthorization &a) {
        Q_EMIT deviceCodeReady(a.userCode, a.verificationUri, a.verificationUriComplete,
                               a.expiresAtMs);
    });
    connect(job, &InteractiveSignIn::finished, this, [this, generation](InteractiveSignIn *done) {
        Event e = Event::of(ET::SignInReply);
        e.tokens = done->tokens();
        e.error = done->error();
        e.generation = generation;
        done->deleteLater();
        dispatch(e);
    });
    job->start();
}
