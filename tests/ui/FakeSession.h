#pragma once

#include "AccountSession.h"

// A test-only session: the snapshot is set by the test, every call is counted. Lets the widget
// tests drive each state without an engine or a server.
class FakeSession : public AccountSession
{
    Q_OBJECT
public:
    explicit FakeSession(const AccountSnapshot &snapshot, QObject *parent = nullptr)
        : AccountSession(parent), m_snapshot(snapshot)
    { }

    QString id() const override { return m_snapshot.config.id; }
    AccountConfig config() const override { return m_snapshot.config; }
    AccountSnapshot snapshot() const override { return m_snapshot; }
    void setSnapshot(const AccountSnapshot &s)
    {
        m_snapshot = s;
        Q_EMIT changed();
    }
    void setState(SessionState state)
    {
        m_snapshot.state = state;
        Q_EMIT changed();
    }

    void signIn(const Credentials &credentials) override
    {
        ++signInCount;
        lastPassword = credentials.password;
    }
    void cancelSignIn() override { ++cancelCount; }
    void refreshNow() override { ++refreshCount; }
    void revoke() override { ++revokeCount; }
    void retryStorage() override { ++retryStorageCount; }
    void withFreshToken(TokenCallback callback) override { callback(token, AuthError()); }
    void reportRejected(const QByteArray &) override { }
    void callResource(const HttpRequest &, ResourceCallback callback) override
    {
        callback(HttpReply(), AuthError());
    }
    QByteArray currentAccessToken() const override { return token; }

    int signInCount = 0, cancelCount = 0, refreshCount = 0, revokeCount = 0, retryStorageCount = 0;
    QByteArray lastPassword;
    QByteArray token = QByteArrayLiteral("CANARY-AT-0123456789");

private:
    AccountSnapshot m_snapshot;
};

inline AccountSnapshot
makeSnapshot(const QString &id, Dialect dialect, SessionState state,
             const QString &server = QStringLiteral("https://venafi.example.com"))
{
    AccountSnapshot s;
    s.config.id = id;
    s.config.displayName = id;
    s.config.dialect = dialect;
    s.config.serverUrl = QUrl(server);
    s.config.clientId = QStringLiteral("tokenkeeper-demo");
    s.config.username = QStringLiteral("demo");
    s.config.scope = QStringLiteral("certificate:manage,revoke");
    s.state = state;
    return s;
}
