#pragma once

#include "AccountSession.h"
#include "OAuthDialect.h"
#include "SessionKeychain.h"
#include "SessionMachine.h"

#include <functional>
#include <memory>
#include <QList>
#include <QPointer>
#include <QSet>

class AccountRegistry;
class Clock;
class CredentialStore;
class DeadlineScheduler;
class HttpClient;
class InteractiveSignIn;
class RevokeJob;

// The shell around one account's SessionMachine: feeds it events and runs its effects (token
// requests through HttpClient, keychain reads and writes through CredentialStore, deadlines on
// the shared DeadlineScheduler, UI notifications, answering waiting callers).
//
//   event -> SessionMachine::step -> effects -> (async I/O) -> event -> ...
//
// Events raised while effects run are queued and processed in order: no re-entrancy.
class Session : public AccountSession
{
    Q_OBJECT
public:
    struct Deps
    {
        const Clock *clock = nullptr;
        HttpClient *http = nullptr;
        CredentialStore *store = nullptr;
        CredentialStore *sessionOnlyStore = nullptr;
        AccountRegistry *registry = nullptr;
        DeadlineScheduler *scheduler = nullptr;
    };

    Session(const AccountConfig &config, const Deps &deps, QObject *parent = nullptr);
    ~Session() override;

    // Reads the keychain and resumes (the first thing a session does).
    void start();
    // Updates non-identity settings (display name, scope, remember choice).
    void setConfig(const AccountConfig &config);

    QString id() const override { return m_config.id; }
    AccountConfig config() const override { return m_config; }
    AccountSnapshot snapshot() const override;

    void signIn(const Credentials &credentials) override;
    void cancelSignIn() override;
    void refreshNow() override;
    void revoke() override;
    void retryStorage() override;
    void withFreshToken(TokenCallback callback) override;
    void reportRejected(const QByteArray &accessToken) override;
    void callResource(const HttpRequest &request, ResourceCallback callback) override;
    QByteArray currentAccessToken() const override;

    // Called by the manager on resume, clock jumps and network changes.
    void reevaluate();
    void setOnline(bool online);

    // Test seams.
    void setJitterSource(std::function<double()> jitter) { m_jitter = std::move(jitter); }
    const SessionMachine::State &machineState() const { return m_state; }

private:
    void dispatch(const SessionMachine::Event &event);
    void run(const SessionMachine::Effect &effect);
    SessionMachine::Context context() const;
    void sendTracked(const HttpRequest &request, std::function<void(const HttpReply &)> handle);
    void exchange(OAuthDialect::Grant grant, const HttpRequest &request, quint64 generation);
    RevokeJob *revokeJob(const TokenSet &tokens);
    void sendRevoke(const TokenSet &tokens, const AuthError &outcomeUnknown);
    void revokeOrphan(const TokenSet &tokens);
    void probeSession(const TokenSet &tokens);
    void startInteractive(quint64 generation);
    void emitLog(const QString &line);

    AccountConfig m_config;
    Deps m_deps;
    std::unique_ptr<OAuthDialect> m_dialect;
    SessionKeychain m_keychain;
    QPointer<InteractiveSignIn> m_interactive; // a browser or device sign-in under way
    bool m_probeViaResource = false; // introspection was refused: probe the resource instead
    SessionMachine::State m_state;
    QList<TokenCallback> m_waiters;
    QList<SessionMachine::Event> m_queue;
    bool m_dispatching = false;
    QSet<quint64> m_requests; // in-flight HttpClient ids
    Credentials m_pending; // typed credentials during an interactive sign-in (wiped after)
    std::function<double()> m_jitter;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};
