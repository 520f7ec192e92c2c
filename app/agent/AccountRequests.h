#pragma once

#include "AccountConfig.h"
#include "WireMessage.h"

#include <functional>
#include <QHash>
#include <QObject>
#include <QPointer>

class AccountSession;
class Clock;
class SessionManager;
struct PeerIdentity;

// The agent's account management requests: login (the dialog, or the password grant with the
// password from the request body), revoke, add (validated, generic endpoints discovered as the
// dialog does) and remove. Replies say what happened or what to do; never a secret.
class AccountRequests : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const tkwire::WireMessage &reply)>;

    // `clock`: the engine's (the device code's expiry is on it); null: the system clock.
    explicit AccountRequests(SessionManager *manager, const Clock *clock = nullptr,
                             QObject *parent = nullptr);
    ~AccountRequests() override;

    void login(const tkwire::WireMessage &request, const Reply &reply);
    // `tokenctl login` from a terminal (mode=here): the account's browser or device sign-in
    // runs in the session (TerminalSignIn); `progress` tells the client what the person must
    // do, `reply` how it ended. `client` gone before the end cancels the sign-in. A password
    // account opens the dialog instead when the request allows it (fallback=dialog).
    void loginHere(AccountSession *session, const tkwire::WireMessage &request, const Reply &reply,
                   const Reply &progress, QObject *client);
    void revoke(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply);
    void add(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply);
    void remove(const tkwire::WireMessage &request, const PeerIdentity &peer, const Reply &reply);
    void setAnswerTimeoutMs(int ms) { m_answerTimeoutMs = ms; }

Q_SIGNALS:
    void dialogRequested(const QString &accountId); // `tokenctl login` without a password
    void logEvent(const QString &account, const QString &line);

private:
    void openDialog(AccountSession *session, const QString &message, const Reply &reply);
    void runHere(AccountSession *session, Credentials credentials, const Reply &reply,
                 const Reply &progress, QObject *client);
    void signInWith(AccountSession *session, Credentials credentials, const Reply &reply);
    void log(AccountSession *session, const QString &line);

    SessionManager *m_manager;
    const Clock *m_clock;
    int m_answerTimeoutMs = 60000;
    QHash<QString, QByteArray> m_pendingClientSecrets; // from `add`, used by the next login
};
