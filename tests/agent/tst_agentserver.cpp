// The agent against the real engine and fake server over a real local socket (M-66, M-67).
#include "AgentRig.h"
#include "ErrorCodes.h"
#include "RuntimeDirectory.h"
#include "TokenHandout.h"

#include <QTest>
#include <QUrlQuery>

#include <sys/stat.h>
#include <unistd.h>

using tkwire::WireMessage;

class TestAgentServer : public QObject
{
    Q_OBJECT

    // Every complete frame received so far (progress frames, then the reply).
    static QList<WireMessage> frames(const QByteArray &received)
    {
        tkwire::FrameReader reader;
        reader.feed(received.constData(), std::size_t(received.size()));
        QList<WireMessage> out;
        WireMessage m;
        while (reader.next(&m) == tkwire::FrameReader::Status::Frame)
            out.append(m);
        return out;
    }
    // An account of `method` on the fake server's generic issuer, endpoints discovered.
    static Session *interactiveAccount(AgentRig &rig, const QString &name, SignInMethod method)
    {
        AccountConfig c = rig.config(Dialect::Generic);
        c.displayName = name;
        c.tokenEndpoint.clear();
        c.revocationEndpoint.clear();
        c.introspectionEndpoint.clear();
        AccountConfig resolved;
        bool done = false;
        rig.manager->discover(c, [&](const AccountConfig &r, const AuthError &) {
            resolved = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return nullptr;
        resolved.signInMethod = method;
        Session *s = rig.add(resolved);
        if (!QTest::qWaitFor([s] { return s->machineState().loaded; }, 5000))
            return nullptr;
        return s;
    }
    static WireMessage loginHere(const QString &name)
    {
        WireMessage m("login");
        m.set("account", name.toStdString());
        m.set("mode", "here");
        m.set("progress", "1");
        return m;
    }

private Q_SLOTS:
    void socketIsPrivate()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        struct stat st;
        QCOMPARE(::lstat(QFile::encodeName(rig.socketDir()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0700);
        QCOMPARE(::lstat(QFile::encodeName(rig.socketPath()).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(int(st.st_mode & 077), 0);
    }

    void refusesDirectoryWithLooseModeOrOtherOwner_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("otherOwner");
        QTest::addColumn<QString>("reason");
        QTest::newRow("group readable") << 0750 << false << QStringLiteral("mode 750");
        QTest::newRow("world traversable") << 0701 << false << QStringLiteral("mode 701");
        QTest::newRow("other owner") << 0700 << true << QStringLiteral("owned by uid 65534");
    }
    void refusesDirectoryWithLooseModeOrOtherOwner()
    {
        QFETCH(int, mode);
        QFETCH(bool, otherOwner);
        QFETCH(QString, reason);
        if (otherOwner && ::geteuid() != 0)
            QSKIP("needs root to create a directory owned by someone else");
        AgentRig rig;
        const QByteArray dir = QFile::encodeName(rig.socketDir());
        QCOMPARE(::mkdir(dir.constData(), 0700), 0);
        QCOMPARE(::chmod(dir.constData(), mode_t(mode)), 0);
        if (otherOwner)
            QCOMPARE(::chown(dir.constData(), 65534, 65534), 0);
        QString error;
        QVERIFY(!rig.agent->listen(&error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!QFile::exists(rig.socketPath()));
    }

    void refusesSymlinkedDirectory()
    {
        AgentRig rig;
        QTemporaryDir elsewhere;
        QVERIFY(QFile::link(elsewhere.path(), rig.socketDir()));
        QString error;
        QVERIFY(!rig.agent->listen(&error));
        QVERIFY2(error.contains(QLatin1String("not a directory")), qPrintable(error));
    }

    void defaultPathFollowsXdgRuntimeDir()
    {
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
        QCOMPARE(RuntimeDirectory::defaultSocketPath(),
                 QStringLiteral("/run/user/4242/tokenkeeper/agent.sock"));
        qputenv("XDG_RUNTIME_DIR", "relative/dir");
        QVERIFY(RuntimeDirectory::defaultSocketPath().isEmpty());
        qputenv("XDG_RUNTIME_DIR", saved);
    }

    void replacesStaleSocket()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        rig.agent.reset(); // QLocalServer removes its file; leave a dead one behind instead
        QFile stale(rig.runtime.path() + QStringLiteral("/tokenkeeper/agent.sock"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        rig.agent = std::make_unique<AgentServer>(
                rig.service.get(),
                AgentServer::Options{rig.runtime.path() + QStringLiteral("/tokenkeeper/agent.sock"),
                                     256, 3000, 512});
        QVERIFY(rig.listen());
        QCOMPARE(agentCall(rig.socketPath(), WireMessage("status")).get("status"),
                 std::string("ok"));
    }

    void listAndStatus()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const WireMessage list = agentCall(rig.socketPath(), WireMessage("list"));
        QCOMPARE(list.get("status"), std::string("ok"));
        QCOMPARE(list.get("count"), std::string("1"));
        QCOMPARE(q(list.get("a0.name")), QStringLiteral("work"));
        QCOMPARE(q(list.get("a0.id")), s->id());
        QCOMPARE(list.get("a0.dialect"), std::string("venafi"));
        QCOMPARE(list.get("a0.state"), std::string("active"));
        QCOMPARE(q(list.get("a0.expires_at")).toLongLong(), s->snapshot().accessExpiresAtMs / 1000);
        QVERIFY(!list.has("a0.access_token"));
        const WireMessage status = agentCall(rig.socketPath(), WireMessage("status"));
        QCOMPARE(status.get("version"), std::string(TOKENKEEPER_VERSION));
        QCOMPARE(q(status.get("socket")), rig.socketPath());
        QCOMPARE(q(status.get("pid")).toLongLong(), qint64(::getpid()));
    }

    void tokenIsHandedOutAndLoggedWithoutTheToken()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const int refreshes = rig.server.requestCount(QStringLiteral("venafi.token"));
        const WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work")));
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(QByteArray::fromStdString(r.get("access_token")), s->currentAccessToken());
        QCOMPARE(r.get("token_type"), std::string("Bearer"));
        QCOMPARE(q(r.get("expires_at")).toLongLong(), s->snapshot().accessExpiresAtMs / 1000);
        QCOMPARE(q(r.get("scope")), QStringLiteral("certificate:manage,revoke"));
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), refreshes);
        const QString line = rig.log.filter(QStringLiteral("token handed to")).value(0);
        QVERIFY2(line.contains(QStringLiteral("(pid %1)").arg(::getpid())), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("tst_agentserver")));
        for (const QString &l : std::as_const(rig.log))
            QVERIFY(!l.contains(QString::fromLatin1(s->currentAccessToken())));
        // By id and by URL too.
        QCOMPARE(agentCall(rig.socketPath(), tokenRequest(s->id())).get("status"),
                 std::string("ok"));
        WireMessage byUrl("token");
        byUrl.set("url",
                  QString(rig.server.baseUrl().toString() + QStringLiteral("/vedsdk/x"))
                          .toStdString());
        QCOMPARE(agentCall(rig.socketPath(), byUrl).get("access_token"), r.get("access_token"));
    }

    // Right after a start the sessions are still reading the keychain and look signed out: a
    // caller then waits for the load instead of being sent to the sign-in.
    void callerDuringStartupWaitsForTheKeychain()
    {
        AgentRig rig;
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const QByteArray token = s->currentAccessToken();
        rig.agent.reset();
        rig.service.reset();
        rig.secrets.setLatencyMs(400);
        rig.makeManager(); // a restart: same registry and keychain
        rig.manager->start();
        rig.service = std::make_unique<AgentService>(rig.manager.get(), &rig.clock);
        AgentServer::Options o;
        o.socketPath = rig.socketDir() + QStringLiteral("/agent.sock");
        rig.agent = std::make_unique<AgentServer>(rig.service.get(), o);
        QVERIFY(rig.listen());
        QCOMPARE(rig.manager->sessions().first()->state(), SessionState::SignedOut);
        const WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work")));
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(QByteArray::fromStdString(r.get("access_token")), token);
    }

    void removedAccountEndsAWaitingCaller()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        FakeFault slow;
        slow.kind = FakeFault::Kind::NeverAnswer;
        rig.server.injectFault(QStringLiteral("venafi.token"), slow);
        rig.clock.advance(s->snapshot().accessExpiresAtMs - rig.clock.wallMs());
        AgentTestClient c(rig.socketPath());
        QVERIFY(c.connected());
        c.send(tokenRequest(QStringLiteral("work")));
        QTRY_COMPARE(s->state(), SessionState::Refreshing);
        rig.manager->removeAccount(s->id());
        QVERIFY(c.waitClosed(3000)); // answered at once, not after the answer timeout
        const WireMessage r = c.reply();
        QCOMPARE(r.get("status"), std::string("error"));
        QVERIFY2(r.get("code") == tkwire::code::kNotFound
                         || r.get("code") == tkwire::code::kSignInRequired,
                 r.get("code").c_str());
        QVERIFY(!r.has("access_token"));
    }

    void unknownAndAmbiguousAccounts()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        QVERIFY(rig.signedInAs(QStringLiteral("a")));
        AccountConfig other = rig.config(Dialect::Generic);
        other.displayName = QStringLiteral("A");
        rig.add(other);
        WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("nope")));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kNotFound));
        QVERIFY(q(r.get("message")).contains(QLatin1String("tokenctl list")));
        // Case-insensitive only when nothing matches exactly.
        QCOMPARE(agentCall(rig.socketPath(), tokenRequest(QStringLiteral("a"))).get("status"),
                 std::string("ok"));
        AccountConfig third = rig.config(Dialect::Generic);
        third.displayName = QStringLiteral("a");
        third.username = QStringLiteral("bob");
        rig.add(third);
        r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("a")));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kAmbiguous));
        QVERIFY(q(r.get("message")).contains(QLatin1String("(id ")));
    }

    // --min-valid: a token expiring within it is refreshed, once, through the session's flight.
    void minValidRefreshesOnce()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const QByteArray before = s->currentAccessToken();
        const qint64 expiry = s->snapshot().accessExpiresAtMs;
        rig.clock.advance(expiry - rig.clock.wallMs() - 200 * 1000); // 200 s left
        const int refreshes = rig.server.requestCount(QStringLiteral("venafi.token"));
        WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work"), 120));
        QCOMPARE(QByteArray::fromStdString(r.get("access_token")), before);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), refreshes);
        r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work"), 300));
        QCOMPARE(r.get("status"), std::string("ok"));
        QVERIFY(QByteArray::fromStdString(r.get("access_token")) != before);
        QVERIFY(q(r.get("expires_at")).toLongLong() > expiry / 1000);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), refreshes + 1);
    }

    void effectiveMinValid_data()
    {
        QTest::addColumn<qint64>("minValid");
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("long token") << qint64(60000) << qint64(3600000) << qint64(60000);
        QTest::newRow("2-minute token") << qint64(300000) << qint64(120000) << qint64(60000);
        QTest::newRow("unknown lifetime") << qint64(90000) << qint64(0) << qint64(90000);
    }
    void effectiveMinValid()
    {
        QFETCH(qint64, minValid);
        QFETCH(qint64, lifetime);
        QFETCH(qint64, expected);
        QCOMPARE(TokenHandout::effectiveMinValidMs(minValid, lifetime), expected);
    }

    // M-67: states that need a person answer at once with distinct codes; one sign-in prompt.
    void signedOutAnswersSignInRequiredAndPromptsOnce()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        AccountConfig c = rig.config(Dialect::Venafi);
        c.displayName = QStringLiteral("idle");
        Session *s = rig.add(c);
        QVERIFY(QTest::qWaitFor([s] { return s->machineState().loaded; }, 5000));
        QSignalSpy prompts(rig.service.get(), &AgentService::signInRequested);
        WireMessage r =
                agentCall(rig.socketPath(), tokenRequest(QStringLiteral("idle"), -1, false));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kSignInRequired));
        QCOMPARE(prompts.size(), 0); // --no-prompt / non-interactive
        for (int i = 0; i < 3; ++i) {
            r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("idle")));
            QCOMPARE(r.get("code"), std::string(tkwire::code::kSignInRequired));
            QVERIFY(q(r.get("message")).contains(QLatin1String("tokenctl login")));
        }
        QCOMPARE(prompts.size(), 1);
        QCOMPARE(prompts.first().first().toString(), s->id());
    }

    void offlineServerAnswersOffline()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        FakeFault down;
        down.kind = FakeFault::Kind::CloseImmediately;
        down.times = -1;
        rig.server.injectFault(QStringLiteral("*"), down);
        rig.clock.advance(s->snapshot().accessExpiresAtMs - rig.clock.wallMs());
        QElapsedTimer t;
        t.start();
        const WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work")));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kOffline));
        QVERIFY(!r.has("access_token"));
        QCOMPARE(tkwire::exitCodeFor(r.get("code")), 5);
    }

    void rejectedTokenRefreshesOnce()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const QByteArray old = s->currentAccessToken();
        const int refreshes = rig.server.requestCount(QStringLiteral("venafi.token"));
        WireMessage rej("rejected");
        rej.set("account", "work");
        rej.set("token", old.toStdString() + "\n");
        WireMessage r = agentCall(rig.socketPath(), rej);
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(r.get("current"), std::string("1"));
        r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("work")));
        QVERIFY(!r.get("access_token").empty());
        QVERIFY(QByteArray::fromStdString(r.get("access_token")) != old);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), refreshes + 1);
        // The old token once more: not the current one, no second refresh.
        r = agentCall(rig.socketPath(), rej);
        QCOMPARE(r.get("current"), std::string("0"));
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), refreshes + 1);
    }

    void addLoginRevokeRemove()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        WireMessage add("add");
        add.set("dialect", "venafi");
        add.set("server", rig.server.venafiUrl().toString().toStdString());
        add.set("client_id", "tk-venafi");
        add.set("user", SessionRig::kUser);
        add.set("scope", "certificate:manage,revoke");
        add.set("name", "cli");
        WireMessage r = agentCall(rig.socketPath(), add);
        QCOMPARE(r.get("status"), std::string("ok"));
        const QString id = q(r.get("account_id"));
        AccountSession *s = rig.manager->session(id);
        QVERIFY(s);
        QCOMPARE(s->config().displayName, QStringLiteral("cli"));
        // Same name again: refused with the reason.
        r = agentCall(rig.socketPath(), add);
        QCOMPARE(r.get("code"), std::string(tkwire::code::kInvalid));
        WireMessage bad = add;
        bad.set("server", "http://venafi.example.com");
        bad.set("name", "other");
        r = agentCall(rig.socketPath(), bad);
        QCOMPARE(r.get("code"), std::string(tkwire::code::kInvalid));
        QVERIFY(!r.get("message").empty());

        WireMessage login("login");
        login.set("account", "cli");
        login.set("password", "wrong");
        r = agentCall(rig.socketPath(), login);
        QCOMPARE(r.get("code"), std::string(tkwire::code::kSignInRequired));
        login.set("password", SessionRig::kPassword);
        r = agentCall(rig.socketPath(), login);
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(s->state(), SessionState::Active);

        WireMessage revoke("revoke");
        revoke.set("account", "cli");
        r = agentCall(rig.socketPath(), revoke);
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(r.get("confirmed"), std::string("1"));
        QTRY_COMPARE(s->state(), SessionState::SignedOut);

        WireMessage remove("remove");
        remove.set("account", "cli");
        r = agentCall(rig.socketPath(), remove);
        QCOMPARE(r.get("status"), std::string("ok"));
        QVERIFY(!rig.manager->session(id));
    }

    // `tokenctl add` then `tokenctl login` at once: the new session is still reading a slow
    // keychain; the sign-in waits for it instead of racing it.
    void addSetsTheSignInMethod_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("generic browser") << "generic"
                                         << "browser" << true;
        QTest::newRow("generic device") << "generic"
                                        << "device" << true;
        QTest::newRow("venafi device") << "venafi"
                                       << "device" << true;
        QTest::newRow("venafi browser") << "venafi"
                                        << "browser" << false; // TPP has none
        QTest::newRow("unknown") << "generic"
                                 << "magic" << false;
    }
    // `tokenctl add` runs the dialog's rules (the dialect's validate()): what the dialog refuses,
    // it refuses, naming the option to fix.
    void addRunsTheDialogsValidation_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("option");
        QTest::newRow("venafi without scope") << "venafi"
                                              << ""
                                              << ""
                                              << "--scope";
        QTest::newRow("venafi scope with a space") << "venafi"
                                                   << ""
                                                   << "certificate: manage"
                                                   << "--scope";
        QTest::newRow("generic scope double space") << "generic"
                                                    << ""
                                                    << "openid  email"
                                                    << "--scope";
        QTest::newRow("plain http to a host") << "generic"
                                              << "http://as.example.com"
                                              << ""
                                              << "--server";
        QTest::newRow("server with a space") << "generic"
                                             << "https://as.example .com"
                                             << ""
                                             << "--server";
        // The username-password flow needs the consumer secret (browser and device do not).
        QTest::newRow("salesforce password without secret") << "salesforce"
                                                            << ""
                                                            << ""
                                                            << "--client-secret-stdin";
    }
    void addRunsTheDialogsValidation()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, server);
        QFETCH(QString, scope);
        QFETCH(QString, option);
        AgentRig rig;
        QVERIFY(rig.listen());
        WireMessage add("add");
        add.set("dialect", dialect.toStdString());
        add.set("server",
                (server.isEmpty() ? rig.server.baseUrl().toString() : server).toStdString());
        add.set("client_id", "tk-client");
        const bool password = QByteArray(QTest::currentDataTag()).contains("password");
        add.set("method", password ? "password" : "device");
        if (password)
            add.set("user", "alice");
        add.set("scope", scope.toStdString());
        const WireMessage r = agentCall(rig.socketPath(), add);
        QCOMPARE(QString::fromStdString(r.get("status")), QStringLiteral("error"));
        const QString message = QString::fromStdString(r.get("message"));
        QVERIFY2(message.startsWith(option + QLatin1String(": ")), qPrintable(message));
        QVERIFY(rig.manager->sessions().isEmpty()); // bad input adds nothing
    }

    void addSetsTheSignInMethod()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, method);
        QFETCH(bool, accepted);
        AgentRig rig;
        QVERIFY(rig.listen());
        WireMessage add("add");
        add.set("dialect", dialect.toStdString());
        add.set("server", rig.server.baseUrl().toString().toStdString());
        add.set("client_id", "tk-client");
        add.set("method", method.toStdString());
        add.set("name", "m");
        if (dialect == QLatin1String("venafi"))
            add.set("scope", "certificate:manage");
        const WireMessage r = agentCall(rig.socketPath(), add);
        QCOMPARE(r.get("status") == "ok", accepted);
        if (!accepted) {
            QVERIFY(rig.manager->sessions().isEmpty()); // bad input adds nothing
            return;
        }
        SignInMethod expected = SignInMethod::Password;
        QVERIFY(signInMethodFromId(method, &expected));
        QCOMPARE(rig.manager->sessions().first()->config().signInMethod, expected);
    }

    // `tokenctl add` refuses a second account for one user, client and server (they would share
    // a keychain item) and names the one that exists.
    void addRefusesASecondAccountForTheSameSignIn()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        const auto add = [&](const char *name, const char *user) {
            WireMessage m("add");
            m.set("dialect", "venafi");
            m.set("server", rig.server.venafiUrl().toString().toStdString());
            m.set("client_id", "tk-venafi");
            m.set("user", user);
            m.set("scope", "certificate:manage");
            m.set("method", "password");
            if (*name)
                m.set("name", name);
            return agentCall(rig.socketPath(), m);
        };
        QCOMPARE(add("work", "alice").get("status"), std::string("ok"));
        const WireMessage twice = add("work-again", "alice");
        QCOMPARE(twice.get("status"), std::string("error"));
        QCOMPARE(twice.get("code"), std::string(tkwire::code::kInvalid));
        const QString message = QString::fromStdString(twice.get("message"));
        QVERIFY2(message.contains(QLatin1String("\"work\" already signs in as alice")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("--user")), qPrintable(message));
        QCOMPARE(rig.manager->sessions().size(), 1);
        // Without --name, named as the dialog names it.
        const WireMessage bob = add("", "bob");
        QCOMPARE(bob.get("status"), std::string("ok"));
        QCOMPARE(QString::fromStdString(bob.get("account")),
                 QStringLiteral("bob@") + rig.server.venafiUrl().host());
        QCOMPARE(rig.manager->sessions().size(), 2);
    }

    void loginRightAfterAddWaitsForTheStore()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        rig.secrets.setLatencyMs(300);
        WireMessage add("add");
        add.set("dialect", "venafi");
        add.set("server", rig.server.venafiUrl().toString().toStdString());
        add.set("client_id", "tk-venafi");
        add.set("user", SessionRig::kUser);
        add.set("scope", "certificate:manage,revoke");
        add.set("name", "fresh");
        QCOMPARE(agentCall(rig.socketPath(), add).get("status"), std::string("ok"));
        AccountSession *s = rig.manager->sessions().first();
        QVERIFY(!TokenHandout::isLoaded(s));
        WireMessage login("login");
        login.set("account", "fresh");
        login.set("password", SessionRig::kPassword);
        QCOMPARE(agentCall(rig.socketPath(), login).get("status"), std::string("ok"));
        QCOMPARE(s->state(), SessionState::Active);
        const WireMessage r = agentCall(rig.socketPath(), tokenRequest(QStringLiteral("fresh")));
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(QByteArray::fromStdString(r.get("access_token")), s->currentAccessToken());
    }

    void loginWithoutPasswordOpensTheDialog()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        AccountConfig c = rig.config(Dialect::Venafi);
        c.displayName = QStringLiteral("idle");
        Session *s = rig.add(c);
        QSignalSpy prompts(rig.service.get(), &AgentService::signInRequested);
        WireMessage login("login");
        login.set("account", "idle");
        QCOMPARE(agentCall(rig.socketPath(), login).get("status"), std::string("ok"));
        QCOMPARE(prompts.size(), 1);
        QCOMPARE(prompts.first().first().toString(), s->id());
    }

    // ---- tokenctl login from a terminal (protocol revision 2: progress frames) ----

    void terminalLoginOutlivesTheReadTimeout()
    {
        AgentServer::Options options;
        options.readTimeoutMs = 100; // covers the request only, never the wait for the person
        AgentRig rig(options);
        QVERIFY(rig.listen());
        rig.server.knobs(Dialect::Generic).deviceInterval = 1; // real seconds between polls
        Session *s = interactiveAccount(rig, QStringLiteral("dev"), SignInMethod::Device);
        QVERIFY(s);
        AgentTestClient c(rig.socketPath());
        QVERIFY(c.connected());
        c.send(loginHere(QStringLiteral("dev")));
        QTRY_COMPARE(frames(c.received).size(), 1);
        const WireMessage progress = frames(c.received).first();
        QCOMPARE(progress.get("status"), std::string("progress"));
        QCOMPARE(progress.get("stage"), std::string("device"));
        QCOMPARE(q(progress.get("user_code")), rig.server.lastUserCode(Dialect::Generic));
        QVERIFY(QUrl(q(progress.get("verification_uri"))).isValid());
        QVERIFY(progress.has("verification_uri_complete"));
        QCOMPARE(progress.get("expires_in"), std::string("600")); // the server's, on the clock
        QCOMPARE(progress.get("wait_s"), std::string("630")); // + the margin
        QVERIFY(!progress.has("device_code")); // never leaves the app
        QCOMPARE(s->state(), SessionState::SigningIn);
        // Well past the read timeout the connection still waits, silent.
        QVERIFY(!c.waitClosed(4 * options.readTimeoutMs));
        QCOMPARE(frames(c.received).size(), 1);
        QVERIFY(rig.server.approveDeviceCode(Dialect::Generic, q(progress.get("user_code")),
                                             QString::fromLatin1(SessionRig::kUser)));
        QTRY_COMPARE_WITH_TIMEOUT(frames(c.received).size(), 2, 15000);
        const WireMessage reply = frames(c.received).last();
        QCOMPARE(reply.get("status"), std::string("ok"));
        QCOMPARE(reply.get("signed_in"), std::string("1"));
        QVERIFY(c.waitClosed());
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
    }

    void terminalLoginCancelledWhenTheClientGoes()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = interactiveAccount(rig, QStringLiteral("web"), SignInMethod::Browser);
        QVERIFY(s);
        QSignalSpy finished(s, &AccountSession::signInFinished);
        AgentTestClient c(rig.socketPath());
        QVERIFY(c.connected());
        c.send(loginHere(QStringLiteral("web")));
        QTRY_COMPARE(frames(c.received).size(), 1);
        const WireMessage progress = frames(c.received).first();
        QCOMPARE(progress.get("stage"), std::string("browser"));
        const QUrl url(q(progress.get("url")));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("code_challenge_method")),
                 QStringLiteral("S256"));
        QCOMPARE(progress.get("expires_in"), std::string("600"));
        QCOMPARE(s->state(), SessionState::SigningIn);
        c.socket.abort(); // Ctrl-C on tokenctl
        QTRY_COMPARE(s->state(), SessionState::SignedOut);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!rig.log.filter(QStringLiteral("tokenctl went away")).isEmpty());
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 0);
    }

    void terminalLoginRefusesASecondAndNeedsProgress()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = interactiveAccount(rig, QStringLiteral("web"), SignInMethod::Browser);
        QVERIFY(s);
        WireMessage noProgress = loginHere(QStringLiteral("web"));
        noProgress.set("progress", "0");
        WireMessage r = agentCall(rig.socketPath(), noProgress);
        QCOMPARE(r.get("code"), std::string(tkwire::code::kBadRequest));
        QCOMPARE(s->state(), SessionState::SignedOut);
        AgentTestClient first(rig.socketPath());
        QVERIFY(first.connected());
        first.send(loginHere(QStringLiteral("web")));
        QTRY_COMPARE(frames(first.received).size(), 1);
        r = agentCall(rig.socketPath(), loginHere(QStringLiteral("web")));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kInProgress));
        QCOMPARE(tkwire::exitCodeFor(r.get("code")), int(tkwire::ExitOther));
        // The first one still waits; its sign-in is untouched.
        QCOMPARE(s->state(), SessionState::SigningIn);
        QVERIFY(!first.closed);
        // A password account: the dialog when allowed, else what to use instead.
        AccountConfig pw = rig.config(Dialect::Venafi);
        pw.displayName = QStringLiteral("pw");
        rig.add(pw);
        QSignalSpy prompts(rig.service.get(), &AgentService::signInRequested);
        WireMessage fallback = loginHere(QStringLiteral("pw"));
        fallback.set("fallback", "dialog");
        r = agentCall(rig.socketPath(), fallback);
        QCOMPARE(r.get("status"), std::string("ok"));
        QCOMPARE(r.get("dialog"), std::string("1"));
        QCOMPARE(prompts.size(), 1);
        r = agentCall(rig.socketPath(), loginHere(QStringLiteral("pw")));
        QCOMPARE(r.get("code"), std::string(tkwire::code::kInvalid));
        QVERIFY(q(r.get("message")).contains(QStringLiteral("--password-stdin")));
    }

    // ---- M-66: hostile or broken clients; the server keeps serving after each ----

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::newRow("old version") << QByteArray("TK\x00\x00\x00\x00\x00\x00", 8)
                                     << QString::fromLatin1(tkwire::code::kUnsupportedVersion);
        QTest::newRow("newer version") << QByteArray("TK\x07\x00\x00\x00\x00\x00", 8)
                                       << QString::fromLatin1(tkwire::code::kUnsupportedVersion);
        QTest::newRow("2 GiB prefix") << QByteArray("TK\x01\x00\x80\x00\x00\x00", 8)
                                      << QString::fromLatin1(tkwire::code::kFrameTooLarge);
        QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\n\r\n")
                              << QString::fromLatin1(tkwire::code::kBadRequest);
        QTest::newRow("bad payload") << QByteArray("TK\x01\x00\x00\x00\x00\x01x", 9)
                                     << QString::fromLatin1(tkwire::code::kBadRequest);
        QTest::newRow("unknown op")
                << QByteArray() << QString::fromLatin1(tkwire::code::kBadRequest);
    }
    void protocolErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        AgentRig rig;
        QVERIFY(rig.listen());
        AgentTestClient c(rig.socketPath());
        QVERIFY(c.connected());
        if (bytes.isEmpty())
            c.send(WireMessage("steal_refresh_token"));
        else
            c.sendRaw(bytes);
        QVERIFY(c.waitClosed());
        const WireMessage r = c.reply();
        QCOMPARE(r.get("status"), std::string("error"));
        QCOMPARE(q(r.get("code")), code);
        if (code == QLatin1String(tkwire::code::kUnsupportedVersion))
            QVERIFY(q(r.get("message")).contains(QLatin1String("speaks version 1")));
        QCOMPARE(agentCall(rig.socketPath(), WireMessage("status")).get("status"),
                 std::string("ok"));
    }

    void truncatedFrameIsLoggedAndServerKeepsServing()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        {
            AgentTestClient c(rig.socketPath());
            QVERIFY(c.connected());
            WireMessage m("token");
            m.set("account", "work");
            const std::string frame = tkwire::encodeFrame(m);
            c.sendRaw(QByteArray(frame.data(), int(frame.size()) - 3));
            c.socket.disconnectFromServer();
        }
        QTRY_VERIFY(!rig.log.filter(QStringLiteral("truncated frame")).isEmpty());
        QTRY_COMPARE(rig.agent->connectionCount(), 0);
        QCOMPARE(agentCall(rig.socketPath(), WireMessage("status")).get("status"),
                 std::string("ok"));
    }

    void silentConnectionIsClosed()
    {
        AgentServer::Options o;
        o.readTimeoutMs = 300;
        AgentRig rig(o);
        QVERIFY(rig.listen());
        AgentTestClient c(rig.socketPath());
        QVERIFY(c.connected());
        QElapsedTimer t;
        t.start();
        QVERIFY(c.waitClosed(5000));
        QVERIFY(t.elapsed() >= 250);
        QCOMPARE(c.reply().get("code"), std::string(tkwire::code::kTimeout));
        QTRY_COMPARE(rig.agent->connectionCount(), 0);
    }

    void connectionCapAnswersBusy()
    {
        AgentServer::Options o;
        o.maxConnections = 4;
        o.readTimeoutMs = 60000;
        AgentRig rig(o);
        QVERIFY(rig.listen());
        std::vector<std::unique_ptr<AgentTestClient>> silent;
        for (int i = 0; i < 4; ++i) {
            silent.push_back(std::make_unique<AgentTestClient>(rig.socketPath()));
            QVERIFY(silent.back()->connected());
        }
        QTRY_COMPARE(rig.agent->connectionCount(), 4);
        AgentTestClient extra(rig.socketPath());
        QVERIFY(extra.connected());
        extra.send(WireMessage("status"));
        QVERIFY(extra.waitClosed());
        QCOMPARE(extra.reply().get("code"), std::string(tkwire::code::kBusy));
        silent.clear(); // they hang up
        QTRY_COMPARE(rig.agent->connectionCount(), 0);
        QCOMPARE(agentCall(rig.socketPath(), WireMessage("status")).get("status"),
                 std::string("ok"));
    }

    void manyConnectionsAtOnce()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        QVERIFY(rig.signedInAs(QStringLiteral("work")));
        std::vector<std::unique_ptr<AgentTestClient>> clients;
        for (int i = 0; i < 200; ++i) {
            clients.push_back(std::make_unique<AgentTestClient>(rig.socketPath()));
            clients.back()->send(tokenRequest(QStringLiteral("work")));
        }
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return std::all_of(clients.begin(), clients.end(),
                                       [](const auto &c) { return c->closed; });
                },
                20000));
        int ok = 0;
        for (const auto &c : clients)
            ok += c->reply().get("status") == "ok" ? 1 : 0;
        QCOMPARE(ok, 200);
    }
};

QTEST_GUILESS_MAIN(TestAgentServer)
#include "tst_agentserver.moc"
