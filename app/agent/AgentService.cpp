#include "AgentService.h"

#include "AccountMatcher.h"
#include "AccountSession.h"
#include "AgentLog.h"
#include "AgentReplies.h"
#include "ApprovalBroker.h"
#include "Clock.h"
#include "EndpointPolicy.h"
#include "ErrorCodes.h"
#include "FrameCodec.h"
#include "PeerIdentity.h"
#include "SessionManager.h"
#include "TokenHandout.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <unistd.h>

using tkwire::WireMessage;
namespace R = AgentReplies;

static QString str(const WireMessage &m, const char *key)
{
    return QString::fromStdString(m.get(key));
}

AgentService::AgentService(SessionManager *manager, const Clock *clock, QObject *parent)
    : QObject(parent), m_manager(manager), m_clock(clock)
{ }

AgentService::~AgentService()
{
    for (QByteArray &secret : m_pendingClientSecrets)
        secret.fill('\0');
}

void AgentService::handle(const WireMessage &request, const PeerIdentity &peer, Reply reply)
{
    const std::string op = request.get("op");
    if (op == "list")
        list(reply);
    else if (op == "status")
        status(reply);
    else if (op == "token")
        token(request, peer, reply);
    else if (op == "rejected")
        rejected(request, peer, reply);
    else if (op == "login")
        login(request, reply);
    else if (op == "revoke")
        revoke(request, peer, reply);
    else if (op == "add")
        add(request, peer, reply);
    else if (op == "remove")
        remove(request, peer, reply);
    else
        reply(R::error(tkwire::code::kBadRequest,
                       tr("unknown request \"%1\"").arg(QString::fromStdString(op))));
}

void AgentService::log(AccountSession *session, const QString &line)
{
    const QString account = session ? session->config().displayName : QString();
    qCInfo(lcAgent).noquote() << (session ? session->id() : QString()) << line;
    Q_EMIT logEvent(account, line);
}

void AgentService::list(const Reply &reply)
{
    WireMessage m = R::ok();
    const QList<AccountSession *> sessions = m_manager->sessions();
    m.set("count", std::to_string(sessions.size()));
    int i = 0;
    for (AccountSession *s : sessions) {
        const AccountSnapshot snap = s->snapshot();
        const std::string p = "a" + std::to_string(i++) + ".";
        m.set(p + "id", s->id().toStdString());
        m.set(p + "name", snap.config.displayName.toStdString());
        m.set(p + "dialect", dialectId(snap.config.dialect).toStdString());
        m.set(p + "host", snap.config.hostLabel().toStdString());
        m.set(p + "server", snap.config.serverUrl.toString().toStdString());
        m.set(p + "state", sessionStateId(snap.state).toStdString());
        m.set(p + "storage", storageStatusId(snap.storage).toStdString());
        m.set(p + "expires_at",
              std::to_string(snap.hasAccessToken ? snap.accessExpiresAtMs / 1000 : 0));
    }
    reply(m);
}

void AgentService::status(const Reply &reply)
{
    WireMessage m = R::ok();
    m.set("version", TOKENKEEPER_VERSION);
    m.set("pid", std::to_string(::getpid()));
    R::set(&m, "socket", m_socketPath);
    m.set("accounts", std::to_string(m_manager->sessions().size()));
    m.set("protocol", std::to_string(tkwire::kProtocolVersion));
    reply(m);
}

AccountSession *AgentService::resolve(const WireMessage &request, const Reply &reply)
{
    AccountMatcher::Result r;
    if (request.has("url")) {
        const QUrl url(str(request, "url"));
        if (!url.isValid() || url.host().isEmpty()) {
            reply(R::error(tkwire::code::kBadRequest,
                           tr("not a URL: %1").arg(str(request, "url"))));
            return nullptr;
        }
        r = AccountMatcher::byUrl(m_manager->sessions(), url);
    } else if (request.has("account")) {
        r = AccountMatcher::byName(m_manager->sessions(), str(request, "account"));
    } else {
        reply(R::error(tkwire::code::kBadRequest, tr("no account named in the request")));
        return nullptr;
    }
    if (!r.session)
        reply(R::error(r.code, r.message));
    return r.session;
}

void AgentService::askForSignIn(AccountSession *session, bool interactive)
{
    if (!interactive)
        return;
    auto it = m_lastSignInPrompt.find(session->id());
    if (it != m_lastSignInPrompt.end() && it->isValid() && it->elapsed() < kSignInPromptIntervalMs)
        return; // one prompt, however many callers
    QElapsedTimer t;
    t.start();
    m_lastSignInPrompt.insert(session->id(), t);
    Q_EMIT signInRequested(session->id());
}

void AgentService::token(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    if (!m_approvals) {
        handOut(session, request, peer, reply);
        return;
    }
    const bool interactive = request.get("interactive", "1") == "1";
    const QPointer<AccountSession> guard(session);
    const WireMessage kept = request;
    m_approvals->decide(
            session->config(), peer, interactive,
            [this, guard, kept, peer, reply](bool allowed, const QString &why) {
                if (!guard) {
                    reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
                    return;
                }
                if (!allowed) {
                    log(guard, tr("refused a token to %1: %2").arg(peer.describe(), why));
                    reply(R::error(tkwire::code::kDenied, why));
                    return;
                }
                handOut(guard, kept, peer, reply);
            });
}

void AgentService::handOut(AccountSession *session, const WireMessage &request,
                           const PeerIdentity &peer, const Reply &reply)
{
    const bool interactive = request.get("interactive", "1") == "1";
    bool ok = false;
    qint64 minValid = str(request, "min_valid").toLongLong(&ok);
    if (!ok || minValid < 0)
        minValid = 60;
    minValid = qMin<qint64>(minValid, 24 * 3600);
    const QPointer<AccountSession> guard(session);
    auto *handout = new TokenHandout(
            session, m_clock, minValid * 1000, m_answerTimeoutMs,
            [this, guard, peer, reply, interactive](const QByteArray &token,
                                                    const AuthError &error) {
                if (!guard) {
                    reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
                    return;
                }
                const AccountSnapshot s = guard->snapshot();
                if (error || token.isEmpty()) {
                    const WireMessage e = R::fromAuthError(
                            error ? error : AuthError(AuthError::Kind::GrantDead, {}), s);
                    if (e.get("code") == tkwire::code::kSignInRequired)
                        askForSignIn(guard, interactive);
                    reply(e);
                    return;
                }
                // Re-check against pid reuse: the answer goes to the process that asked.
                if (!peer.stillSameProcess()) {
                    log(guard,
                        tr("withheld a token: pid %1 exited or was reused").arg(peer.process.pid));
                    reply(R::error(tkwire::code::kDenied, tr("the calling process changed")));
                    return;
                }
                WireMessage m = R::ok();
                m.set("access_token", token.toStdString());
                m.set("token_type", "Bearer");
                m.set("expires_at", std::to_string(s.accessExpiresAtMs / 1000));
                R::set(&m, "scope", s.grantedScope.isEmpty() ? s.config.scope : s.grantedScope);
                R::set(&m, "account_id", s.config.id);
                R::set(&m, "account", s.config.displayName);
                R::set(&m, "user", s.config.username);
                log(guard, tr("token handed to %1").arg(peer.describe()));
                reply(m);
            },
            this);
    // Once the session has loaded: states that need a person answer at once (M-67).
    handout->setPrecheck([this, guard, reply, interactive] {
        const WireMessage early = R::fromState(guard->snapshot());
        if (!early.has("status"))
            return true;
        if (early.get("code") == tkwire::code::kSignInRequired)
            askForSignIn(guard, interactive);
        reply(early);
        return false;
    });
    handout->start();
}

void AgentService::rejected(const WireMessage &request, const PeerIdentity &peer,
                            const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    const QByteArray token = QByteArray::fromStdString(request.get("token")).trimmed();
    if (token.isEmpty()) {
        reply(R::error(tkwire::code::kBadRequest, tr("no rejected token in the request")));
        return;
    }
    const bool current = token == session->currentAccessToken();
    session->reportRejected(token);
    log(session,
        current ? tr("%1 reported the current token as rejected; refreshing").arg(peer.describe())
                : tr("%1 reported an older token as rejected").arg(peer.describe()));
    WireMessage m = R::ok();
    m.set("current", current ? "1" : "0");
    reply(m);
}

void AgentService::login(const WireMessage &request, const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    if (!request.has("password")) {
        m_lastSignInPrompt.remove(session->id());
        askForSignIn(session, true);
        WireMessage m = R::ok();
        R::set(&m, "message",
               tr("the sign-in dialog for %1 is open in Tokenkeeper")
                       .arg(session->config().displayName));
        reply(m);
        return;
    }
    Credentials credentials;
    credentials.password = QByteArray::fromStdString(request.get("password"));
    credentials.clientSecret = QByteArray::fromStdString(request.get("client_secret"));
    if (credentials.clientSecret.isEmpty() && m_pendingClientSecrets.contains(session->id()))
        credentials.clientSecret = m_pendingClientSecrets.take(session->id());
    const AccountConfig config = session->config();
    if (config.dialect == Dialect::Generic && config.tokenEndpoint.isEmpty()) {
        // As the dialog does: discover the endpoints first (RFC 8414), then sign in.
        const QString id = session->id();
        auto held = std::make_shared<Credentials>(credentials); // one copy, wiped after use
        m_manager->discover(
                config,
                [this, id, held, reply](const AccountConfig &resolved, const AuthError &error) {
                    Credentials &c = *held;
                    AccountSession *target = m_manager->session(id);
                    if (error || !target) {
                        c.wipe();
                        reply(error ? R::fromAuthError(
                                      error, target ? target->snapshot() : AccountSnapshot())
                                    : R::error(tkwire::code::kNotFound,
                                               tr("the account was removed")));
                        return;
                    }
                    signInWith(m_manager->updateAccount(resolved), c, reply);
                    c.wipe();
                });
        credentials.wipe();
        return;
    }
    signInWith(session, credentials, reply);
    credentials.wipe();
}

void AgentService::signInWith(AccountSession *session, Credentials credentials, const Reply &reply)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto timer = std::make_shared<QTimer>();
    const QPointer<AccountSession> guard(session);
    auto done = [connection, timer, guard, reply](const AuthError &error) {
        QObject::disconnect(*connection);
        timer->stop();
        if (!guard) {
            reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
            return;
        }
        reply(error ? R::fromAuthError(error, guard->snapshot()) : R::ok());
    };
    *connection = connect(session, &AccountSession::signInFinished, this, done);
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this,
            [done] { done(AuthError(AuthError::Kind::Transient, QStringLiteral("timeout"))); });
    timer->start(m_answerTimeoutMs);
    log(session, tr("sign-in requested by tokenctl (password from stdin)"));
    session->signIn(credentials);
    credentials.wipe();
}

void AgentService::revoke(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(session, &AccountSession::revokeFinished, this,
                          [connection, reply](bool confirmed, const QString &message) {
                              QObject::disconnect(*connection);
                              WireMessage m = R::ok();
                              m.set("confirmed", confirmed ? "1" : "0");
                              R::set(&m, "message", message);
                              reply(m);
                          });
    log(session, tr("revoke requested by %1").arg(peer.describe()));
    session->revoke();
}

void AgentService::add(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountConfig c;
    if (!dialectFromId(str(request, "dialect"), &c.dialect)) {
        reply(R::error(tkwire::code::kInvalid,
                       tr("--dialect must be venafi, salesforce or generic")));
        return;
    }
    const QString method = str(request, "method");
    if (!method.isEmpty() && method != QLatin1String("password")) {
        reply(R::error(tkwire::code::kInvalid,
                       tr("sign-in method \"%1\" is not available in this version; use "
                          "--method password")
                               .arg(method)));
        return;
    }
    const QString server = str(request, "server").trimmed();
    const QString why = EndpointPolicy::check(server);
    if (server.isEmpty() || !why.isEmpty()) {
        reply(R::error(tkwire::code::kInvalid,
                       server.isEmpty() ? tr("--server is required") : why));
        return;
    }
    c.serverUrl = QUrl(server);
    c.clientId = str(request, "client_id").trimmed();
    c.username = str(request, "user").trimmed();
    c.scope = str(request, "scope").trimmed();
    c.displayName = str(request, "name").trimmed();
    if (c.displayName.isEmpty())
        c.displayName = c.hostLabel();
    if (c.clientId.isEmpty()) {
        reply(R::error(tkwire::code::kInvalid, tr("--client-id is required")));
        return;
    }
    const QByteArray secret = QByteArray::fromStdString(request.get("client_secret"));
    if (c.dialect == Dialect::Salesforce && secret.isEmpty()) {
        reply(R::error(tkwire::code::kInvalid,
                       tr("Salesforce needs the consumer secret: --client-secret-stdin")));
        return;
    }
    for (AccountSession *s : m_manager->sessions()) {
        if (s->config().displayName == c.displayName) {
            reply(R::error(tkwire::code::kInvalid,
                           tr("an account named \"%1\" exists already; choose another --name")
                                   .arg(c.displayName)));
            return;
        }
    }
    const QString who = peer.describe();
    auto finish = [this, reply, secret, who](const AccountConfig &resolved) {
        AccountSession *s = m_manager->addAccount(resolved);
        if (!secret.isEmpty())
            m_pendingClientSecrets.insert(s->id(), secret);
        log(s, tr("account added by %1").arg(who));
        WireMessage m = R::ok();
        R::set(&m, "account_id", s->id());
        R::set(&m, "account", s->config().displayName);
        reply(m);
    };
    if (c.dialect == Dialect::Generic && c.tokenEndpoint.isEmpty()) {
        m_manager->discover(c,
                            [finish, reply](const AccountConfig &resolved, const AuthError &error) {
                                if (error) {
                                    reply(R::error(error.isRetryable() ? tkwire::code::kOffline
                                                                       : tkwire::code::kInvalid,
                                                   error.userMessage()));
                                    return;
                                }
                                finish(resolved);
                            });
        return;
    }
    finish(c);
}

void AgentService::remove(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    const QString id = session->id();
    const QString name = session->config().displayName;
    log(session, tr("account removed by %1").arg(peer.describe()));
    m_manager->removeAccount(id);
    WireMessage m = R::ok();
    R::set(&m, "account", name);
    reply(m);
}
