#include "AgentService.h"

#include "AccountMatcher.h"
#include "AccountRequests.h"
#include "AccountSession.h"
#include "AgentLog.h"
#include "AgentReplies.h"
#include "ApprovalBroker.h"
#include "Clock.h"
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
    : QObject(parent),
      m_manager(manager),
      m_clock(clock),
      m_accounts(new AccountRequests(manager, clock, this))
{
    connect(m_accounts, &AccountRequests::logEvent, this, &AgentService::logEvent);
    connect(m_accounts, &AccountRequests::dialogRequested, this, [this](const QString &id) {
        m_lastSignInPrompt.remove(id); // an explicit `tokenctl login` always opens it
        if (AccountSession *s = m_manager->session(id))
            askForSignIn(s, true);
    });
}

AgentService::~AgentService() = default;

void AgentService::setAnswerTimeoutMs(int ms)
{
    m_answerTimeoutMs = ms;
    m_accounts->setAnswerTimeoutMs(ms);
}

void AgentService::handle(const WireMessage &request, const PeerIdentity &peer, Reply reply,
                          Reply progress, QObject *client)
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
        login(request, peer, reply, progress, client);
    else if (op == "revoke")
        m_accounts->revoke(request, peer, reply);
    else if (op == "add")
        m_accounts->add(request, peer, reply);
    else if (op == "remove")
        m_accounts->remove(request, peer, reply);
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
    m.set("revision", std::to_string(tkwire::kProtocolRevision));
    reply(m);
}

AccountSession *AgentService::resolve(const WireMessage &request, const Reply &reply)
{
    return AccountMatcher::resolve(m_manager->sessions(), request, reply);
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

void AgentService::approved(AccountSession *session, const WireMessage &request,
                            const PeerIdentity &peer, const Reply &reply, const QString &what,
                            std::function<void(AccountSession *)> then)
{
    if (!m_approvals) {
        then(session);
        return;
    }
    const bool interactive = request.get("interactive", "1") == "1";
    const QPointer<AccountSession> guard(session);
    m_approvals->decide(
            session->config(), peer, interactive,
            [this, guard, peer, reply, what, then](bool allowed, const QString &why) {
                if (!guard) {
                    reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
                    return;
                }
                if (!allowed) {
                    log(guard, tr("refused %1 to %2: %3").arg(what, peer.describe(), why));
                    WireMessage m = R::error(tkwire::code::kDenied, why);
                    m.set("denied_by", "approval");
                    reply(m);
                    return;
                }
                then(guard);
            });
}

void AgentService::token(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    const WireMessage kept = request;
    approved(session, request, peer, reply, tr("a token"),
             [this, kept, peer, reply](AccountSession *s) { handOut(s, kept, peer, reply); });
}

void AgentService::login(const WireMessage &request, const PeerIdentity &peer, const Reply &reply,
                         const Reply &progress, QObject *client)
{
    // The dialog and the password from stdin are answered as before (the person types into
    // the one, the caller holds the password of the other); a sign-in run for the caller
    // (`mode=here`: its browser, its device code) is for programs the person approved, as a
    // token is.
    if (request.get("mode") != "here") {
        m_accounts->login(request, reply);
        return;
    }
    AccountSession *session = resolve(request, reply);
    if (!session)
        return;
    const WireMessage kept = request;
    const QPointer<QObject> connection(client);
    const bool hadClient = client != nullptr;
    approved(session, request, peer, reply, tr("a sign-in"),
             [this, kept, reply, progress, connection, hadClient](AccountSession *s) {
                 if (hadClient && !connection)
                     return; // the client went away while the person was asked
                 m_accounts->loginHere(s, kept, reply, progress, connection.data());
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
                if (s.instanceUrl.isValid()) // Salesforce: where the person's API calls go
                    m.set("instance_url",
                          s.instanceUrl.toString(QUrl::StripTrailingSlash).toStdString());
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
