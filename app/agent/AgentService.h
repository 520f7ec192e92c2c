#pragma once

#include "WireMessage.h"

#include <functional>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

class AccountRequests;
class AccountSession;
class ApprovalBroker;
class Clock;
class SessionManager;
struct PeerIdentity;

// What the agent does for a request, on top of the engine (SessionManager / AccountSession):
// list, status, token (with a minimum validity, through the session's one flight, after the
// per-program approval) and rejected; login, revoke, add and remove go to AccountRequests.
// Every hand-out is an event-log line naming the program, its pid and the account, never the
// token.
class AgentService : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const tkwire::WireMessage &reply)>;

    AgentService(SessionManager *manager, const Clock *clock, QObject *parent = nullptr);
    ~AgentService() override;

    // `reply` answers once. A client that asked for them (revision 2) also gets `progress`
    // frames before it; `client` lives as long as the connection: destroyed before the reply,
    // it means the client went away (an interrupted `tokenctl login` cancels its sign-in).
    void handle(const tkwire::WireMessage &request, const PeerIdentity &peer, Reply reply,
                Reply progress = {}, QObject *client = nullptr);

    void setSocketPath(const QString &path) { m_socketPath = path; }
    // Optional per-program approval (null: every program of this user is allowed).
    void setApprovalBroker(ApprovalBroker *broker) { m_approvals = broker; }
    void setAnswerTimeoutMs(int ms);

Q_SIGNALS:
    // The person should sign in to this account (the tray shows the dialog). Coalesced: at most
    // one per account every kSignInPromptIntervalMs, however many callers ask.
    void signInRequested(const QString &accountId);
    void logEvent(const QString &account, const QString &line);

private:
    void list(const Reply &reply);
    void status(const Reply &reply);
    void token(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply);
    void login(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply,
               const Reply &progress, QObject *client);
    // The per-program approval for `what` ("a token", "a sign-in"); `then` runs if allowed.
    void approved(AccountSession *session, const tkwire::WireMessage &request,
                  const PeerIdentity &peer, const Reply &reply, const QString &what,
                  std::function<void(AccountSession *)> then);
    void handOut(AccountSession *session, const tkwire::WireMessage &request,
                 const PeerIdentity &peer, const Reply &reply);
    void rejected(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply);
    // Resolves "account" / "url"; replies with the error itself and returns null on failure.
    AccountSession *resolve(const tkwire::WireMessage &request, const Reply &reply);
    void askForSignIn(AccountSession *session, bool interactive);
    void log(AccountSession *session, const QString &line);

    SessionManager *m_manager;
    const Clock *m_clock;
    AccountRequests *m_accounts; // login, revoke, add, remove
    ApprovalBroker *m_approvals = nullptr;
    QString m_socketPath;
    int m_answerTimeoutMs = 60000;
    QHash<QString, QElapsedTimer> m_lastSignInPrompt;
    static constexpr qint64 kSignInPromptIntervalMs = 60000;
};
