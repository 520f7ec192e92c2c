#include "TestHttpClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

// tk-demo-server as scripts/run.sh uses it: a separate process that reports its port through a
// file, signs the demo user in, and logs one line per request without any secret in it.
class tst_DemoServer : public QObject
{
    Q_OBJECT

    // Starts the server (after stopping a running one) and reads its port from the port file.
    void startServer(const QStringList &extra = {})
    {
        stopServer();
        m_log.clear();
        m_portFile = m_dir.filePath(QStringLiteral("port"));
        QFile::remove(m_portFile);
        m_process.setProgram(QStringLiteral(TK_DEMO_SERVER));
        m_process.setArguments(QStringList{QStringLiteral("--port-file"), m_portFile} + extra);
        m_process.start();
        QVERIFY(m_process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(m_portFile).size() > 0, 10000);
        QFile f(m_portFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool ok = false;
        m_port = f.readAll().toUShort(&ok);
        QVERIFY(ok && m_port != 0);
    }
    void stopServer()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    TestHttpClient client() const
    {
        return TestHttpClient(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        startServer();
    }
    void cleanup() { stopServer(); }

    void demoAccountsWorkAndTheLogHoldsNoSecrets()
    {
        TestHttpClient http = client();
        QCOMPARE(http.get("/vedauth/authorize/isAuthServer").status, 202);
        const HttpResult venafi = http.postJson(
                "/vedauth/authorize/oauth",
                QJsonObject{{QStringLiteral("client_id"), QStringLiteral("tokenkeeper-demo")},
                            {QStringLiteral("username"), QStringLiteral("demo")},
                            {QStringLiteral("password"), QStringLiteral("demo")},
                            {QStringLiteral("scope"), QStringLiteral("certificate:manage")}});
        QCOMPARE(venafi.status, 200);
        QCOMPARE(venafi.num("expires_in"), 120); // short, so a person sees refreshes
        const HttpResult sf = http.postForm("/services/oauth2/token",
                                            {{"grant_type", "password"},
                                             {"client_id", "tokenkeeper-demo"},
                                             {"client_secret", "demo-secret"},
                                             {"username", "demo"},
                                             {"password", "demo"}});
        QCOMPARE(sf.status, 200);
        const HttpResult sfRefresh =
                http.postForm("/services/oauth2/token",
                              {{"grant_type", "refresh_token"},
                               {"refresh_token", sf.str("refresh_token").toLatin1()}},
                              TestHttpClient::basic("tokenkeeper-demo", "demo-secret"));
        QVERIFY(sfRefresh.has("refresh_token")); // rotation is on in the demo
        const HttpResult generic = http.postForm("/generic/token",
                                                 {{"grant_type", "password"},
                                                  {"client_id", "tokenkeeper-demo"},
                                                  {"username", "demo"},
                                                  {"password", "demo"}});
        QCOMPARE(generic.status, 200);
        QCOMPARE(http.get("/services/oauth2/revoke?token="
                          + sfRefresh.str("access_token").toLatin1())
                         .status,
                 200);

        QTRY_VERIFY_WITH_TIMEOUT(m_log.append(m_process.readAllStandardOutput()).count('\n') >= 6,
                                 5000);
        QVERIFY(m_log.contains("GET /vedauth/authorize/isAuthServer -> 202\n"));
        QVERIFY(m_log.contains("POST /services/oauth2/token -> 200\n"));
        QVERIFY(m_log.contains("GET /services/oauth2/revoke -> 200\n")); // no query logged
        for (const HttpResult *r : {&venafi, &sf, &sfRefresh, &generic}) {
            for (const char *key : {"access_token", "refresh_token"}) {
                const QByteArray token = r->str(key).toLatin1();
                QVERIFY(!token.isEmpty());
                QVERIFY2(!m_log.contains(token), key);
            }
        }
        QVERIFY(!m_log.contains("demo-secret"));
        QVERIFY(!m_log.contains("password"));
    }

    void stateFileKeepsPortAndGrants()
    {
        const QString stateFile = m_dir.filePath(QStringLiteral("demo-state.json"));
        startServer({QStringLiteral("--state-file"), stateFile});
        const quint16 first = m_port;
        HttpResult login = client().postForm("/generic/token",
                                             {{"grant_type", "password"},
                                              {"client_id", "tokenkeeper-demo"},
                                              {"username", "demo"},
                                              {"password", "demo"}});
        QCOMPARE(login.status, 200);
        const QByteArray rt = login.str("refresh_token").toLatin1();
        QTRY_VERIFY(QFile(stateFile).size() > 0);
        QTRY_VERIFY([&] {
            QFile f(stateFile);
            return f.open(QIODevice::ReadOnly) && f.readAll().contains(rt);
        }());
        QCOMPARE(QFile(stateFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        startServer({QStringLiteral("--state-file"), stateFile}); // a restart, no --port
        QCOMPARE(m_port, first);
        const HttpResult refreshed = client().postForm("/generic/token",
                                                       {{"grant_type", "refresh_token"},
                                                        {"client_id", "tokenkeeper-demo"},
                                                        {"refresh_token", rt}});
        QCOMPARE(refreshed.status, 200); // the grant survived the restart
        QTRY_VERIFY([&] {
            QFile f(stateFile);
            return f.open(QIODevice::ReadOnly)
                    && f.readAll().contains(refreshed.str("refresh_token").toLatin1());
        }());
        QFile f(stateFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(!content.contains("demo-secret"));
        QVERIFY(!content.contains("\"password\""));
    }

    void explicitPortWins()
    {
        startServer({QStringLiteral("--port"), QStringLiteral("0")});
        const quint16 taken = m_port;
        QProcess second;
        second.start(QStringLiteral(TK_DEMO_SERVER),
                     {QStringLiteral("--port"), QString::number(taken)});
        QVERIFY(second.waitForFinished(10000)); // the port is in use: it exits, no silent move
        QCOMPARE(second.exitCode(), 1);
    }

    void browserAndDeviceDemoClients()
    {
        TestHttpClient http = client();
        // Browser, generic: any loopback port.
        const QByteArray verifier(43, 'd');
        const QByteArray challenge =
                QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray redirect = "http://127.0.0.1:49152/callback";
        const HttpResult page =
                http.get("/generic/authorize?"
                         + TestHttpClient::formEncode({{"response_type", "code"},
                                                       {"client_id", "tokenkeeper-demo-browser"},
                                                       {"redirect_uri", redirect},
                                                       {"scope", "openid"},
                                                       {"state", "x"},
                                                       {"code_challenge", challenge},
                                                       {"code_challenge_method", "S256"}}));
        QCOMPARE(page.status, 200);
        const QByteArray id =
                QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([0-9a-f]+)\""))
                        .match(QString::fromUtf8(page.body))
                        .captured(1)
                        .toLatin1();
        const HttpResult consent = http.postForm("/generic/authorize",
                                                 {{"request_id", id},
                                                  {"username", "demo"},
                                                  {"password", "demo"},
                                                  {"decision", "approve"}});
        QCOMPARE(consent.status, 302);
        const QByteArray code = QUrlQuery(QUrl::fromEncoded(consent.header("Location")))
                                        .queryItemValue(QStringLiteral("code"))
                                        .toLatin1();
        QCOMPARE(http.postForm("/generic/token",
                               {{"grant_type", "authorization_code"},
                                {"code", code},
                                {"redirect_uri", redirect},
                                {"client_id", "tokenkeeper-demo-browser"},
                                {"code_verifier", verifier}})
                         .status,
                 200);
        // Salesforce matches the callback exactly: 1717 is registered, 1720 is not.
        const auto sfAuthorize = [&](const QByteArray &uri) {
            return http
                    .get("/services/oauth2/authorize?"
                         + TestHttpClient::formEncode({{"response_type", "code"},
                                                       {"client_id", "tokenkeeper-demo-browser"},
                                                       {"redirect_uri", uri},
                                                       {"code_challenge", challenge},
                                                       {"code_challenge_method", "S256"}}))
                    .status;
        };
        QCOMPARE(sfAuthorize("http://127.0.0.1:1717/callback"), 200);
        QCOMPARE(sfAuthorize("http://127.0.0.1:1720/callback"), 400);

        // Device, Venafi: start, approve on the verification page as demo/demo, poll.
        const HttpResult start = http.postForm(
                "/vedauth/authorize/device",
                {{"client_id", "tokenkeeper-demo-device"}, {"scope", "certificate:manage"}});
        QCOMPARE(start.status, 200);
        const HttpResult approve = http.postForm("/vedauth/device",
                                                 {{"user_code", start.str("user_code").toLatin1()},
                                                  {"username", "demo"},
                                                  {"password", "demo"},
                                                  {"decision", "approve"}});
        QCOMPARE(approve.status, 200);
        const HttpResult tokens =
                http.postForm("/vedauth/authorize/token",
                              {{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                               {"device_code", start.str("device_code").toLatin1()},
                               {"client_id", "tokenkeeper-demo-device"}});
        QCOMPARE(tokens.status, 200);
        QVERIFY(tokens.has("refresh_until"));
    }

private:
    QTemporaryDir m_dir;
    QString m_portFile;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

QTEST_GUILESS_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
