#include "TestHttpClient.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// tk-demo-server as scripts/run.sh uses it: a separate process that reports its port through a
// file, signs the demo user in, and logs one line per request without any secret in it.
class tst_DemoServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_portFile = m_dir.filePath(QStringLiteral("port"));
        m_process.setProgram(QStringLiteral(TK_DEMO_SERVER));
        m_process.setArguments({QStringLiteral("--port-file"), m_portFile});
        m_process.start();
        QVERIFY(m_process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(m_portFile).size() > 0, 10000);
        QFile f(m_portFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool ok = false;
        m_port = f.readAll().toUShort(&ok);
        QVERIFY(ok && m_port != 0);
    }
    void cleanup()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    void demoAccountsWorkAndTheLogHoldsNoSecrets()
    {
        TestHttpClient http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)));
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

private:
    QTemporaryDir m_dir;
    QString m_portFile;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};

QTEST_GUILESS_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
