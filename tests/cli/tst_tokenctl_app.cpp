// End to end with the real programs: the tokenkeeper executable (offscreen, demo mode, private
// HOME and XDG_RUNTIME_DIR, no keychain -> "this session only"), the standalone demo server, and
// tokenctl / git-credential-tokenkeeper / git as subprocesses. Covers sign-in with
// --password-stdin, a token the demo resource accepts, exit codes 3/5/6/7, kubectl, git, the agent
// under hostile clients (200 at once, silent, oversized, truncated, another uid) and auto-start.
// `tokenctl login` from the terminal (browser through a $BROWSER stand-in, --no-browser, device
// code approved or denied at the server's page, expiry, Ctrl-C) and `token --json`'s
// instance_url run against an in-process fake server, so the test can set its knobs and read
// its grant book.
#include "CliRun.h"
#include "FakeAuthServer.h"
#include "FrameCodec.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

class TestTokenctlApp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QString m_runtime;
    QProcess m_demo;
    QProcess m_app;
    QString m_base; // http://127.0.0.1:<port>
    FakeAuthServer m_fake; // in this process: knobs and server-side truth for the login tests
    QString m_browser; // the $BROWSER stand-in (tests/cli/fake-browser.sh), executable
    static constexpr const char *kUser = "alice";
    static constexpr const char *kPassword = "alice-pw"; // the fake server's test user

    QString fake() const { return m_fake.baseUrl().toString(QUrl::StripTrailingSlash); }
    // tokenctl with $BROWSER set to the stand-in, which logs the URLs it got to `log`.
    QProcessEnvironment browserEnv(const QString &log) const
    {
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("BROWSER"), m_browser);
        e.insert(QStringLiteral("TK_BROWSER_LOG"), log);
        return e;
    }
    // The device page of the fake server, as the person uses it: code, user, password, choice.
    // The password goes in the request body on curl's stdin, never its argv.
    bool decideAtDevicePage(const QByteArray &page, const QByteArray &userCode, bool approve)
    {
        const QByteArray body = "user_code=" + userCode + "&username=" + kUser
                + "&password=" + kPassword + "&decision=" + (approve ? "approve" : "deny");
        const CliResult r =
                runCli(QStringLiteral("curl"),
                       {QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                        QStringLiteral("-w"), QStringLiteral("\n%{http_code}"),
                        QStringLiteral("--data"), QStringLiteral("@-"), QString::fromLatin1(page)},
                       env(), body);
        return r.exitCode == 0 && r.out.endsWith("\n200")
                && r.out.contains(approve ? "Device approved" : "Request denied");
    }
    // The line after "and enter the code" in tokenctl's device instructions.
    static QByteArray userCodeIn(const QByteArray &err)
    {
        const int at = err.indexOf("and enter the code\n\n");
        if (at < 0)
            return QByteArray();
        const int start = at + int(qstrlen("and enter the code\n\n"));
        return err.mid(start, err.indexOf('\n', start) - start).trimmed();
    }
    static QByteArray verificationUriIn(const QByteArray &err)
    {
        const int at = err.indexOf(", open\n\n");
        if (at < 0)
            return QByteArray();
        const int start = at + 8;
        return err.mid(start, err.indexOf('\n', start) - start).trimmed();
    }
    // Grants the fake server issued through the browser and device flows (token endpoint
    // answers 200 to a code or device-code exchange): server-side evidence of each sign-in.
    int interactiveGrantsIssued() const
    {
        int n = 0;
        for (const FakeRequest &r : m_fake.requests(QStringLiteral("generic.token"))) {
            if (r.status == 200
                && (r.body.contains("grant_type=authorization_code")
                    || r.body.contains("device_code")))
                ++n;
        }
        return n;
    }
    QJsonObject accountState(const QString &name) const
    {
        const CliResult r = tokenctl({QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue v : QJsonDocument::fromJson(r.out).array()) {
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject();
        }
        return QJsonObject();
    }

    QProcessEnvironment env(const QString &home, const QString &runtime) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *v :
             {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "KUBERNETES_EXEC_INFO",
              "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            e.remove(QString::fromLatin1(v));
        e.insert(QStringLiteral("HOME"), home);
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("TOKENKEEPER_APP"), QStringLiteral("/nonexistent/tokenkeeper"));
        e.insert(QStringLiteral("TOKENKEEPER_START_TIMEOUT_MS"), QStringLiteral("300"));
        e.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        return e;
    }
    QProcessEnvironment env() const { return env(m_home.path(), m_runtime); }
    QString socketPath() const { return m_runtime + QStringLiteral("/tokenkeeper/agent.sock"); }
    CliResult tokenctl(const QStringList &args, const QByteArray &input = QByteArray()) const
    {
        return runCli(QStringLiteral(TK_TOKENCTL), args, env(), input);
    }
    static bool waitForSocket(const QString &path, int ms)
    {
        return QTest::qWaitFor(
                [&path] {
                    QLocalSocket s;
                    s.connectToServer(path);
                    return s.waitForConnected(100);
                },
                ms);
    }
    // One raw exchange with the agent in the app process (blocking is fine: another process).
    static QByteArray rawExchange(const QString &path, const QByteArray &bytes, int ms,
                                  bool closeAfterWrite = false)
    {
        QLocalSocket s;
        s.connectToServer(path);
        if (!s.waitForConnected(2000))
            return "no connection";
        if (!bytes.isEmpty()) {
            s.write(bytes);
            s.waitForBytesWritten(2000);
        }
        if (closeAfterWrite) {
            s.disconnectFromServer();
            return QByteArray();
        }
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (s.state() == QLocalSocket::ConnectedState && t.elapsed() < ms) {
            if (s.waitForReadyRead(100))
                got += s.readAll();
        }
        got += s.readAll();
        return got;
    }
    static tkwire::WireMessage decode(const QByteArray &bytes)
    {
        tkwire::FrameReader reader;
        reader.feed(bytes.constData(), std::size_t(bytes.size()));
        tkwire::WireMessage m;
        reader.next(&m);
        return m;
    }
    static QByteArray frame(const tkwire::WireMessage &m)
    {
        const std::string f = tkwire::encodeFrame(m);
        return QByteArray(f.data(), int(f.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_runtime = m_home.filePath(QStringLiteral("run"));
        QVERIFY(QDir().mkpath(m_runtime));
        QVERIFY(QFile::setPermissions(m_runtime,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        // These programs are the person's own: no approval prompt (ApprovalPolicy default).
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral(".config/Tokenkeeper-demo"))));
        QFile approvals(m_home.filePath(QStringLiteral(".config/Tokenkeeper-demo/approvals.ini")));
        QVERIFY(approvals.open(QIODevice::WriteOnly));
        approvals.write("[approval]\ndefault=allow\n");
        approvals.close();
        const QString portFile = m_home.filePath(QStringLiteral("port"));
        m_demo.setProcessEnvironment(env());
        m_demo.start(QStringLiteral(TK_DEMO_SERVER), {QStringLiteral("--port-file"), portFile});
        QVERIFY(m_demo.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(portFile), 10000);
        QFile f(portFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_base = QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(f.readAll().trimmed());
        // The in-process server for the terminal sign-ins: public browser and device clients
        // (generic), a confidential Salesforce client; the consent page submits itself as
        // alice (the $BROWSER stand-in needs no password).
        QVERIFY(m_fake.listen());
        m_fake.addUser(QString::fromLatin1(kUser), kPassword);
        FakeAuthServer::Client browser{
                QStringLiteral("cli-browser"), {}, QStringLiteral("openid profile"), true};
        browser.auth = FakeAuthServer::ClientAuth::None;
        browser.redirectUris = {QStringLiteral("http://127.0.0.1/callback")};
        browser.anyLoopbackPort = true;
        m_fake.addClient(Dialect::Generic, browser);
        FakeAuthServer::Client device{
                QStringLiteral("cli-device"), {}, QStringLiteral("openid profile"), true};
        device.auth = FakeAuthServer::ClientAuth::None;
        m_fake.addClient(Dialect::Generic, device);
        m_fake.addClient(
                Dialect::Salesforce,
                {QStringLiteral("cli-sf"), "sf-secret", QStringLiteral("api refresh_token"), true});
        FakeAuthServer::Knobs &k = m_fake.knobs(Dialect::Generic);
        k.autoApprove = true;
        k.autoApproveUser = QString::fromLatin1(kUser);
        k.deviceInterval = 1; // real seconds between the app's polls
        m_browser = m_home.filePath(QStringLiteral("fake-browser"));
        QVERIFY(QFile::copy(QStringLiteral(TK_FAKE_BROWSER), m_browser));
        QVERIFY(QFile::setPermissions(m_browser, QFile::ReadOwner | QFile::ExeOwner));

        m_app.setProcessEnvironment(env());
        m_app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_app.start(QStringLiteral(TK_APP),
                    {QStringLiteral("--minimized"), QStringLiteral("--demo-server"), m_base});
        QVERIFY(m_app.waitForStarted(5000));
        QVERIFY2(waitForSocket(socketPath(), 15000), "the app's agent socket did not appear");
    }

    void cleanupTestCase()
    {
        for (QProcess *p : {&m_app, &m_demo}) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000))
                    p->kill();
                p->waitForFinished(2000);
            }
        }
    }

    void socketIsPrivate()
    {
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(m_runtime + QStringLiteral("/tokenkeeper")).constData(),
                        &st),
                 0);
        QCOMPARE(int(st.st_mode & 07777), 0700);
        QCOMPARE(::stat(QFile::encodeName(socketPath()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 077), 0);
    }

    void loginThenTokenAcceptedByTheDemoResource()
    {
        CliResult r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo Venafi TPP"),
                                QStringLiteral("--password-stdin")},
                               "demo\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = tokenctl({QStringLiteral("token"), QStringLiteral("Demo Venafi TPP")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray token = r.out.trimmed();
        QVERIFY(token.size() > 10);
        // The token works at the demo resource, through tokenctl curl and through curl -H @-.
        const QString resource = m_base + QStringLiteral("/vedsdk/Identity/Self");
        r = tokenctl({QStringLiteral("curl"), QStringLiteral("Demo Venafi TPP"),
                      QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}"),
                      resource});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("\n200"), r.out.constData());
        QVERIFY(r.out.contains("Identity"));
        const CliResult header =
                tokenctl({QStringLiteral("header"), QStringLiteral("Demo Venafi TPP")});
        r = runCli(QStringLiteral("curl"),
                   {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                    QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("-H"),
                    QStringLiteral("@-"), resource},
                   env(), header.out);
        QCOMPARE(r.out, QByteArray("200"));
        // The secret never reached the app's or the demo server's output.
        QVERIFY(!m_demo.readAllStandardOutput().contains(token));
    }

    void signInNeededIsExit3()
    {
        const CliResult r = tokenctl({QStringLiteral("--no-prompt"), QStringLiteral("token"),
                                      QStringLiteral("Demo Salesforce")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("tokenctl login"));
    }

    void loginWithoutPasswordOpensTheDialog()
    {
        const CliResult r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo Salesforce")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("sign-in dialog for Demo Salesforce is open"), r.err.constData());
    }

    void kubectlExecCredential()
    {
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
                 QStringLiteral("{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                                "\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}"));
        const CliResult r =
                runCli(QStringLiteral(TK_TOKENCTL),
                       {QStringLiteral("kubectl"), QStringLiteral("Demo Venafi TPP")}, e);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("ExecCredential"));
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        QVERIFY(!status.value(QLatin1String("token")).toString().isEmpty());
        const QDateTime expiry = QDateTime::fromString(
                status.value(QLatin1String("expirationTimestamp")).toString(), Qt::ISODate);
        QVERIFY(expiry.isValid());
        QVERIFY(expiry > QDateTime::currentDateTimeUtc());
    }

    void gitCredentialFill()
    {
        CliResult r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo OAuth 2.0"),
                                QStringLiteral("--password-stdin")},
                               "demo\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray token =
                tokenctl({QStringLiteral("token"), QStringLiteral("Demo OAuth 2.0")}).out.trimmed();
        const QByteArray host = QUrl(m_base).authority().toLatin1();
        r = runCli(QStringLiteral("git"),
                   {QStringLiteral("-c"),
                    QStringLiteral("credential.helper=") + QStringLiteral(TK_GIT_HELPER),
                    QStringLiteral("-c"), QStringLiteral("credential.useHttpPath=true"),
                    QStringLiteral("credential"), QStringLiteral("fill")},
                   env(), "protocol=http\nhost=" + host + "\npath=generic/repo.git\n\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QByteArray("password=" + token + '\n')), r.out.constData());
        QVERIFY(r.out.contains("username=demo\n"));
    }

    void twoHundredConnectionsAtOnce()
    {
        std::vector<std::unique_ptr<QLocalSocket>> sockets;
        const QByteArray request = frame(tkwire::WireMessage("status"));
        for (int i = 0; i < 200; ++i) {
            auto s = std::make_unique<QLocalSocket>();
            s->connectToServer(socketPath());
            sockets.push_back(std::move(s));
        }
        for (auto &s : sockets) {
            QVERIFY(s->waitForConnected(5000));
            s->write(request);
        }
        int ok = 0;
        for (auto &s : sockets) {
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (s->state() == QLocalSocket::ConnectedState && t.elapsed() < 10000) {
                if (s->waitForReadyRead(100))
                    got += s->readAll();
            }
            got += s->readAll();
            ok += decode(got).get("status") == "ok" ? 1 : 0;
        }
        QCOMPARE(ok, 200);
    }

    void silentConnectionIsClosed()
    {
        QElapsedTimer t;
        t.start();
        const QByteArray got = rawExchange(socketPath(), QByteArray(), 15000);
        QVERIFY(t.elapsed() < 10000);
        QCOMPARE(decode(got).get("code"), std::string("timeout"));
    }

    void oversizedTruncatedAndOldVersionFrames()
    {
        QByteArray got =
                rawExchange(socketPath(), QByteArray("TK\x01\x00\x80\x00\x00\x00", 8), 5000);
        QCOMPARE(decode(got).get("code"), std::string("frame_too_large"));
        got = rawExchange(socketPath(), QByteArray("TK\x00\x00\x00\x00\x00\x00", 8), 5000);
        QCOMPARE(decode(got).get("code"), std::string("unsupported_version"));
        const QByteArray full = frame(tkwire::WireMessage("status"));
        rawExchange(socketPath(), full.left(full.size() - 2), 0, true);
        got = rawExchange(socketPath(), full, 5000);
        QCOMPARE(decode(got).get("status"), std::string("ok"));
    }

    void anotherUidIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run a client as nobody");
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv not installed");
        const QString dir = m_runtime + QStringLiteral("/tokenkeeper");
        for (const QString &p : {m_home.path(), m_runtime, dir})
            QCOMPARE(::chmod(QFile::encodeName(p).constData(), 0711), 0);
        QCOMPARE(::chmod(QFile::encodeName(socketPath()).constData(), 0777), 0);
        const QString copy = m_home.filePath(QStringLiteral("tokenctl"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(QStringLiteral(TK_TOKENCTL), copy));
        QVERIFY(QFile::setPermissions(
                copy, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        const CliResult r =
                runCli(setpriv,
                       {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                        QStringLiteral("--clear-groups"), copy, QStringLiteral("--no-start"),
                        QStringLiteral("token"), QStringLiteral("Demo Venafi TPP")},
                       env());
        for (const QString &p : {m_home.path(), m_runtime, dir})
            ::chmod(QFile::encodeName(p).constData(), 0700);
        ::chmod(QFile::encodeName(socketPath()).constData(), 0700);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("without a reply"), r.err.constData());
        QCOMPARE(tokenctl({QStringLiteral("token"), QStringLiteral("Demo Venafi TPP")}).exitCode,
                 0);
    }

    void notRunningIsExit7()
    {
        QTemporaryDir other;
        const CliResult r = runCli(QStringLiteral(TK_TOKENCTL),
                                   {QStringLiteral("token"), QStringLiteral("Demo Venafi TPP")},
                                   env(other.path(), other.path()));
        QCOMPARE(r.exitCode, 7);
        QVERIFY(r.err.contains("start it yourself"));
    }

    void startsTheAppOnDemand()
    {
        QTemporaryDir other;
        QVERIFY(QFile::setPermissions(other.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment e = env(other.path(), other.path());
        e.insert(QStringLiteral("TOKENKEEPER_APP"), QStringLiteral(TK_APP));
        e.insert(QStringLiteral("TOKENKEEPER_START_TIMEOUT_MS"), QStringLiteral("20000"));
        CliResult r = runCli(QStringLiteral(TK_TOKENCTL), {QStringLiteral("list")}, e);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("No accounts"));
        // This instance has the default approval policy ("ask"): a caller that may not wait
        // for the person is denied at once (exit 6), before anything else is decided.
        r = runCli(QStringLiteral(TK_TOKENCTL),
                   {QStringLiteral("add"), QStringLiteral("--dialect"), QStringLiteral("venafi"),
                    QStringLiteral("--server"), m_base, QStringLiteral("--client-id"),
                    QStringLiteral("tokenkeeper-demo"), QStringLiteral("--user"),
                    QStringLiteral("demo"), QStringLiteral("--scope"),
                    QStringLiteral("certificate:manage"), QStringLiteral("--name"),
                    QStringLiteral("fresh")},
                   e);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("--no-prompt"), QStringLiteral("token"), QStringLiteral("fresh")},
                e);
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("needs your approval"), r.err.constData());
        // A sign-in from the terminal is approved per program as a token is.
        r = runCli(QStringLiteral(TK_TOKENCTL),
                   {QStringLiteral("--no-prompt"), QStringLiteral("login"), QStringLiteral("fresh"),
                    QStringLiteral("--no-dialog")},
                   e);
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("needs your approval"), r.err.constData());
        QVERIFY(r.err.contains("allow this program in Tokenkeeper"));
        r = runCli(QStringLiteral(TK_TOKENCTL), {QStringLiteral("status")}, e);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("(protocol 1, revision 2)"), r.out.constData());
        const QByteArray out = r.out;
        const int at = out.indexOf("(pid ");
        QVERIFY(at > 0);
        const qint64 pid = out.mid(at + 5, out.indexOf(')', at) - at - 5).toLongLong();
        QVERIFY(pid > 1);
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 10000);
    }

    // Accounts on the in-process server, added as a script author would.
    void addTerminalAccounts()
    {
        for (const QStringList &add :
             {QStringList{QStringLiteral("--name"), QStringLiteral("web"),
                          QStringLiteral("--client-id"), QStringLiteral("cli-browser"),
                          QStringLiteral("--method"), QStringLiteral("browser")},
              QStringList{QStringLiteral("--name"), QStringLiteral("dev"),
                          QStringLiteral("--client-id"), QStringLiteral("cli-device"),
                          QStringLiteral("--method"), QStringLiteral("device")}}) {
            const CliResult r = tokenctl(
                    QStringList{QStringLiteral("add"), QStringLiteral("--dialect"),
                                QStringLiteral("generic"), QStringLiteral("--server"),
                                fake() + QStringLiteral("/generic"), QStringLiteral("--scope"),
                                QStringLiteral("openid profile")}
                    + add);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
    }

    void browserLoginThroughBrowser()
    {
        const QString log = m_home.filePath(QStringLiteral("browser.log"));
        const int grants = interactiveGrantsIssued();
        const CliResult r = runCli(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("web"), QStringLiteral("--no-dialog")},
                browserEnv(log), QByteArray(), 60000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The URL is on stderr (to copy), $BROWSER got exactly that URL as its one argument.
        const QByteArray prefix = fake().toLatin1() + "/generic/authorize?";
        QVERIFY2(r.err.contains(QByteArray("\n    " + prefix)), r.err.constData());
        QVERIFY(r.err.contains(QByteArray("opened it with " + m_browser.toLocal8Bit())));
        QVERIFY(r.err.contains("signed in to web"));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> urls = f.readAll().trimmed().split('\n');
        QCOMPARE(urls.size(), 1);
        QVERIFY(urls.first().startsWith(prefix));
        QVERIFY(r.err.contains(urls.first()));
        const QUrlQuery query(QUrl::fromEncoded(urls.first()));
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")),
                 QStringLiteral("S256"));
        QVERIFY(QUrl(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded))
                        .toString()
                        .startsWith(QStringLiteral("http://127.0.0.1:")));
        // The server's side: one more live grant, and the token tokenctl hands out is its own.
        QCOMPARE(interactiveGrantsIssued(), grants + 1);
        const CliResult t = tokenctl(
                {QStringLiteral("--no-prompt"), QStringLiteral("token"), QStringLiteral("web")});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QCOMPARE(t.out.trimmed(),
                 m_fake.currentAccessToken(Dialect::Generic, QString::fromLatin1(kUser)));
        QVERIFY(m_fake.isTokenActive(t.out.trimmed()));
        QVERIFY(m_fake.isGrantLive(t.out.trimmed()));
    }

    void browserLoginDeniedIsExit6()
    {
        const QString log = m_home.filePath(QStringLiteral("denied.log"));
        const int grants = interactiveGrantsIssued();
        m_fake.knobs(Dialect::Generic).denyConsent = true; // the person clicks "Deny"
        const CliResult r = runCli(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("web"), QStringLiteral("--no-dialog")},
                browserEnv(log), QByteArray(), 60000);
        m_fake.knobs(Dialect::Generic).denyConsent = false;
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("Access was denied at the server"), r.err.constData());
        QVERIFY(r.err.contains("run tokenctl login again"));
        QVERIFY(QFile::exists(log)); // the stand-in browser did run
        QCOMPARE(interactiveGrantsIssued(), grants);
        // A refused new sign-in leaves the grant the account had.
        QCOMPARE(tokenctl({QStringLiteral("--no-prompt"), QStringLiteral("token"),
                           QStringLiteral("web")})
                         .exitCode,
                 0);
    }

    void noBrowserPrintsTheUrlOnly()
    {
        const QString log = m_home.filePath(QStringLiteral("nobrowser.log"));
        CliProcess login(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("web"), QStringLiteral("--no-browser")},
                browserEnv(log));
        QVERIFY(login.started());
        QVERIFY2(login.waitForErr("waiting up to 10 min"), login.err().constData());
        const QByteArray err = login.err();
        const QByteArray prefix = "\n    " + fake().toLatin1() + "/generic/authorize?";
        const int at = err.indexOf(prefix);
        QVERIFY2(at >= 0, err.constData());
        const QByteArray url = err.mid(at + 5, err.indexOf('\n', at + 5) - at - 5);
        QVERIFY(!err.contains("opened it with"));
        QVERIFY(!QFile::exists(log)); // $BROWSER never ran
        // The person opens the printed address themselves: the sign-in completes.
        QProcessEnvironment e = env();
        e.remove(QStringLiteral("TK_BROWSER_LOG"));
        QCOMPARE(runCli(m_browser, {QString::fromLatin1(url)}, e).exitCode, 0);
        const CliResult r = login.finish();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("signed in to web"));
        QVERIFY(!QFile::exists(log));
    }

    void deviceLoginApprovedAtThePage()
    {
        const int grants = interactiveGrantsIssued();
        CliProcess login(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")},
                env());
        QVERIFY(login.started());
        QVERIFY2(login.waitForErr("waiting (Ctrl-C cancels)"), login.err().constData());
        const QByteArray err = login.err();
        const QByteArray code = userCodeIn(err);
        QCOMPARE(QString::fromLatin1(code), m_fake.lastUserCode(Dialect::Generic));
        const QByteArray page = verificationUriIn(err);
        QCOMPARE(page, QByteArray(fake().toLatin1() + "/generic/device"));
        QVERIFY(err.contains("only enter this code on 127.0.0.1's own page"));
        QVERIFY(err.contains(QByteArray("?user_code=" + code))); // verification_uri_complete
        QVERIFY(err.contains("the code expires in 10 min"));
        QCOMPARE(accountState(QStringLiteral("dev")).value(QLatin1String("state")).toString(),
                 QStringLiteral("signing_in"));
        QVERIFY(decideAtDevicePage(page, code, true));
        const CliResult r = login.finish();
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("signed in to dev"));
        QCOMPARE(interactiveGrantsIssued(), grants + 1);
        const CliResult t = tokenctl(
                {QStringLiteral("--no-prompt"), QStringLiteral("token"), QStringLiteral("dev")});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY(m_fake.isTokenActive(t.out.trimmed()));
        QVERIFY(m_fake.isGrantLive(t.out.trimmed())); // with its refresh token
    }

    void deviceLoginDeniedIsExit6()
    {
        const int grants = interactiveGrantsIssued();
        CliProcess login(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")},
                env());
        QVERIFY(login.started());
        QVERIFY2(login.waitForErr("waiting (Ctrl-C cancels)"), login.err().constData());
        const QByteArray err = login.err();
        QVERIFY(decideAtDevicePage(verificationUriIn(err), userCodeIn(err), false));
        const CliResult r = login.finish();
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("Access was denied at the server"), r.err.constData());
        QCOMPARE(interactiveGrantsIssued(), grants);
    }

    void deviceCodeExpiryIsExit3()
    {
        m_fake.knobs(Dialect::Generic).deviceCodeLifetime = 2; // nobody approves in time
        CliProcess login(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")},
                env());
        QVERIFY(login.started());
        const bool shown = login.waitForErr("waiting (Ctrl-C cancels)");
        m_fake.knobs(Dialect::Generic).deviceCodeLifetime = 600;
        QVERIFY2(shown, login.err().constData());
        QVERIFY(login.err().contains(" s; waiting")); // seconds, not minutes
        const CliResult r = login.finish();
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("The code expired before the sign-in was approved"),
                 r.err.constData());
        QVERIFY(r.err.contains("run tokenctl login again"));
    }

    void ctrlCCancelsTheSignInInTheApp()
    {
        // A device sign-in of an account signed out meanwhile, interrupted while it waits.
        QVERIFY(tokenctl({QStringLiteral("revoke"), QStringLiteral("dev"), QStringLiteral("--yes")})
                        .exitCode
                == 0);
        QTRY_COMPARE_WITH_TIMEOUT(
                accountState(QStringLiteral("dev")).value(QLatin1String("state")).toString(),
                QStringLiteral("signed_out"), 10000);
        CliProcess login(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")},
                env());
        QVERIFY(login.started());
        QVERIFY2(login.waitForErr("waiting (Ctrl-C cancels)"), login.err().constData());
        const QByteArray code = userCodeIn(login.err());
        QCOMPARE(accountState(QStringLiteral("dev")).value(QLatin1String("state")).toString(),
                 QStringLiteral("signing_in"));
        QCOMPARE(::kill(pid_t(login.pid()), SIGINT), 0);
        const CliResult r = login.finish();
        QVERIFY(login.crashed()); // it died of SIGINT, as a shell expects
        QVERIFY2(r.err.contains("sign-in cancelled"), r.err.constData());
        // The app cancelled the flow: back to signed out, and the code no longer counts.
        QTRY_COMPARE_WITH_TIMEOUT(
                accountState(QStringLiteral("dev")).value(QLatin1String("state")).toString(),
                QStringLiteral("signed_out"), 10000);
        const int grants = interactiveGrantsIssued();
        QVERIFY(m_fake.approveDeviceCode(Dialect::Generic, QString::fromLatin1(code),
                                         QString::fromLatin1(kUser)));
        QCOMPARE(tokenctl({QStringLiteral("--no-prompt"), QStringLiteral("token"),
                           QStringLiteral("dev")})
                         .exitCode,
                 3);
        QCOMPARE(interactiveGrantsIssued(), grants);
    }

    void loginWhileASignInIsUnderWayIsRefused()
    {
        CliProcess first(
                QStringLiteral(TK_TOKENCTL),
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")},
                env());
        QVERIFY(first.started());
        QVERIFY2(first.waitForErr("waiting (Ctrl-C cancels)"), first.err().constData());
        const CliResult second = tokenctl(
                {QStringLiteral("login"), QStringLiteral("dev"), QStringLiteral("--no-dialog")});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("already under way"), second.err.constData());
        // The first one was not disturbed: approving its code still signs in.
        const QByteArray err = first.err();
        QVERIFY(decideAtDevicePage(verificationUriIn(err), userCodeIn(err), true));
        const CliResult r = first.finish();
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void passwordAccountWithoutTheDialogIsAUsageError()
    {
        // --no-dialog on a password account: told how, not signed in behind the person's back.
        CliResult r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo Salesforce"),
                                QStringLiteral("--no-dialog")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--password-stdin"), r.err.constData());
        r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo Salesforce"),
                      QStringLiteral("--dialog"), QStringLiteral("--no-browser")});
        QCOMPARE(r.exitCode, 2);
    }

    void tokenJsonCarriesTheInstanceUrl()
    {
        CliResult r = tokenctl({QStringLiteral("add"), QStringLiteral("--dialect"),
                                QStringLiteral("salesforce"), QStringLiteral("--server"), fake(),
                                QStringLiteral("--client-id"), QStringLiteral("cli-sf"),
                                QStringLiteral("--user"), QString::fromLatin1(kUser),
                                QStringLiteral("--scope"), QStringLiteral("api refresh_token"),
                                QStringLiteral("--name"), QStringLiteral("sf"),
                                QStringLiteral("--client-secret-stdin")},
                               "sf-secret\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = tokenctl(
                {QStringLiteral("login"), QStringLiteral("sf"), QStringLiteral("--password-stdin")},
                QByteArray(kPassword) + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = tokenctl({QStringLiteral("token"), QStringLiteral("sf"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("instance_url")).toString(), fake());
        QVERIFY(m_fake.isTokenActive(o.value(QLatin1String("access_token")).toString().toLatin1()));
        // Dialects without one have no such key.
        r = tokenctl({QStringLiteral("token"), QStringLiteral("Demo Venafi TPP"),
                      QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.contains(QLatin1String("access_token")));
        QVERIFY(!o.contains(QLatin1String("instance_url")));
    }

    // Last: the server goes away. A sign-in now cannot reach it: exit 5.
    void serverUnreachableIsExit5()
    {
        m_demo.kill();
        QVERIFY(m_demo.waitForFinished(5000));
        const CliResult r = tokenctl({QStringLiteral("login"), QStringLiteral("Demo Salesforce"),
                                      QStringLiteral("--password-stdin")},
                                     "demo\n");
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.err.contains("try again later"));
    }
};

QTEST_GUILESS_MAIN(TestTokenctlApp)
#include "tst_tokenctl_app.moc"
