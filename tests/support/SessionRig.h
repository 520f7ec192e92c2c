#pragma once

#include "DeadlineScheduler.h"
#include "HttpClient.h"
#include "MemoryEngine.h"
#include "Session.h"
#include "SystemEvents.h"
#include "TokenBlob.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

// The engine against the fake authorization server over real loopback sockets, with simulated
// time: the server and the sessions share one ManualClock, so lifetimes of days pass instantly
// and nothing ever sleeps. Secrets go to an in-memory store (the keychain has its own tests).
// Used by tests/session, tests/agent, tests/cli and tests/bench.
struct SessionRig : MemoryEngine
{
    static constexpr const char *kUser = "alice";
    static constexpr const char *kPassword = "alice-password";

    SystemEvents events;
    std::unique_ptr<SessionManager> manager;

    SessionRig()
    {
        server.listen();
        server.addUser(QString::fromLatin1(kUser), kPassword);
        server.addClient(Dialect::Venafi,
                         {QStringLiteral("tk-venafi"),
                          {},
                          QStringLiteral("certificate:manage,revoke"),
                          true});
        server.addClient(
                Dialect::Salesforce,
                {QStringLiteral("tk-sf"), "sf-secret", QStringLiteral("api refresh_token"), true});
        server.addClient(Dialect::Generic,
                         {QStringLiteral("tk-generic"), {}, QStringLiteral("read write"), true});
        makeManager();
    }

    void makeManager()
    {
        manager = std::make_unique<SessionManager>(managerDeps(&events));
        // Short enough for the never-answering server tests, long enough for a loaded CI box.
        manager->httpClient()->setTransferTimeoutMs(1500);
    }

    // Quits and starts again: a new SessionManager over the same keychain, registry and server.
    // Returns the session of `accountId` once it has read the keychain (nullptr if it is gone).
    Session *restart(const QString &accountId)
    {
        manager.reset();
        makeManager();
        manager->start();
        auto *again = static_cast<Session *>(manager->session(accountId));
        if (again)
            (void)QTest::qWaitFor([again] { return again->machineState().loaded; }, 5000);
        return again;
    }

    AccountConfig config(Dialect dialect) const
    {
        AccountConfig c;
        c.dialect = dialect;
        c.username = QString::fromLatin1(kUser);
        switch (dialect) {
        case Dialect::Venafi:
            c.serverUrl = server.venafiUrl();
            c.clientId = QStringLiteral("tk-venafi");
            c.scope = QStringLiteral("certificate:manage,revoke");
            break;
        case Dialect::Salesforce:
            c.serverUrl = server.salesforceUrl();
            c.clientId = QStringLiteral("tk-sf");
            c.scope = QStringLiteral("api refresh_token");
            c.hasClientSecret = true;
            c.assumedSessionSeconds = 3600;
            break;
        case Dialect::Generic: {
            c.serverUrl = server.issuer();
            c.clientId = QStringLiteral("tk-generic");
            c.scope = QStringLiteral("read write");
            c.tokenEndpoint = QUrl(server.issuer().toString() + QStringLiteral("/token"));
            c.revocationEndpoint = QUrl(server.issuer().toString() + QStringLiteral("/revoke"));
            c.introspectionEndpoint =
                    QUrl(server.issuer().toString() + QStringLiteral("/introspect"));
            break;
        }
        }
        return c;
    }

    static QString tokenEndpoint(Dialect d)
    {
        switch (d) {
        case Dialect::Venafi:
            return QStringLiteral("venafi.token");
        case Dialect::Salesforce:
            return QStringLiteral("sf.token");
        case Dialect::Generic:
            return QStringLiteral("generic.token");
        }
        return QString();
    }
    static QString loginEndpoint(Dialect d)
    {
        return d == Dialect::Venafi ? QStringLiteral("venafi.oauth") : tokenEndpoint(d);
    }
    static QString revokeEndpoint(Dialect d)
    {
        switch (d) {
        case Dialect::Venafi:
            return QStringLiteral("venafi.revoke");
        case Dialect::Salesforce:
            return QStringLiteral("sf.revoke");
        case Dialect::Generic:
            return QStringLiteral("generic.revoke");
        }
        return QString();
    }
    QUrl resourceUrl(Dialect d) const
    {
        switch (d) {
        case Dialect::Venafi:
            return QUrl(server.baseUrl().toString() + QStringLiteral("/vedsdk/Identity/Self"));
        case Dialect::Salesforce:
            return QUrl(server.baseUrl().toString()
                        + QStringLiteral("/services/data/v60.0/limits"));
        case Dialect::Generic:
            return QUrl(server.baseUrl().toString() + QStringLiteral("/generic/api/me"));
        }
        return QUrl();
    }

    Credentials credentials(Dialect d, const QByteArray &password = kPassword) const
    {
        Credentials c;
        c.password = password;
        if (d == Dialect::Salesforce)
            c.clientSecret = "sf-secret";
        return c;
    }

    Session *add(const AccountConfig &config)
    {
        return static_cast<Session *>(manager->addAccount(config));
    }

    // Signs in and waits until the tokens are stored (Active, nothing pending).
    Session *signedIn(Dialect d, AccountConfig config = AccountConfig())
    {
        if (config.clientId.isEmpty())
            config = this->config(d);
        Session *s = add(config);
        s->setJitterSource([] { return 1.0; });
        if (!QTest::qWaitFor([s] { return s->machineState().loaded; }, 5000))
            return nullptr;
        QSignalSpy done(s, &AccountSession::signInFinished);
        s->signIn(credentials(d));
        if (!done.wait(5000) && done.isEmpty())
            return nullptr;
        const auto error = done.first().first().value<AuthError>();
        if (error)
            qWarning("sign-in failed: %s", qPrintable(error.toLogString()));
        if (!waitSettled(s))
            return nullptr;
        return s->state() == SessionState::Active ? s : nullptr;
    }

    static bool waitSettled(Session *s, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
                [s] {
                    return !s->machineState().persist.pending
                            && s->machineState().flight.op == SessionMachine::Op::None;
                },
                timeoutMs);
    }

    void advance(qint64 ms)
    {
        clock.advance(ms);
        manager->reevaluate();
    }

    // The refresh token in the store for `config` (empty if none or unreadable).
    QByteArray storedRefreshToken(const AccountConfig &config)
    {
        const QByteArray blob = secrets.value(QStringLiteral("tokens:") + config.storageKey());
        if (blob.isEmpty())
            return {};
        TokenBlob decoded;
        if (TokenBlob::decode(blob, &decoded) != TokenBlob::Error::None)
            return {};
        return decoded.tokens.refreshToken;
    }

    // Asks for a token and waits for the answer.
    struct Answer
    {
        bool answered = false;
        QByteArray token;
        AuthError error;
    };
    static std::shared_ptr<Answer> ask(AccountSession *s)
    {
        auto a = std::make_shared<Answer>();
        s->withFreshToken([a](const QByteArray &token, const AuthError &error) {
            a->answered = true;
            a->token = token;
            a->error = error;
        });
        return a;
    }
};

Q_DECLARE_METATYPE(AuthError)
