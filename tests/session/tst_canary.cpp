#include "FakeAuthServer.h"
#include "ScenarioProcess.h"
#include "TokenSet.h"

#include <QUuid>

// M-69: a full sign-in, use, refresh (with rotation) and revoke in a separate process, with
// tokens and a password that carry unique markers; then every file the app wrote, its stdout and
// stderr (with all tokenkeeper logging enabled), its command line and its environment are
// searched. Only the keychain may ever have held them.
class tst_Canary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs the Secret Service that scripts/test.sh starts");
    }

    void noSecretOutsideTheKeychain_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("generic") << Dialect::Generic;
        QTest::newRow("venafi") << Dialect::Venafi;
    }
    void noSecretOutsideTheKeychain()
    {
        QFETCH(Dialect, dialect);
        const QByteArray marker = "CANARY" + QUuid::createUuid().toByteArray(QUuid::Id128).left(12);
        const QByteArray password = marker + "-PW";
        FakeAuthServer server;
        QVERIFY(server.listen());
        server.setTokenPrefix(marker);
        server.addUser(QStringLiteral("alice"), password);
        server.addClient(dialect,
                         {QStringLiteral("tk-")
                                  + (dialect == Dialect::Venafi ? QStringLiteral("venafi")
                                                                : QStringLiteral("generic")),
                          {},
                          dialect == Dialect::Venafi ? QStringLiteral("certificate:manage,revoke")
                                                     : QStringLiteral("read write"),
                          true});
        server.knobs(dialect).rotate = true;

        ScenarioProcess scenario;
        scenario.exe = QStringLiteral(TK_SCENARIO);
        scenario.service = QStringLiteral("tokenkeeper-canary-")
                + QUuid::createUuid().toString(QUuid::Id128).left(12);
        scenario.baseArgs = {QStringLiteral("--server"), server.baseUrl().toString(),
                             QStringLiteral("--dialect"),
                             dialect == Dialect::Venafi ? QStringLiteral("venafi")
                                                        : QStringLiteral("generic")};
        const ScenarioProcess::Result r =
                scenario.run(QStringLiteral("signin,use,refresh,refresh,revoke"), password);
        QVERIFY2(r.finished && !r.crashed && r.exitCode == 0, r.err.right(2000).constData());

        // Positive controls: the canaries really went through the app and the keychain.
        QVERIFY(server.requests().first().body.contains(password));
        QVERIFY(server.requests().last().method == "GET"
                || server.requests().last().body.size() > 0);
        QVERIFY(r.out.contains("state=active"));
        QVERIFY(r.out.contains("state=signed_out"));
        QVERIFY(r.err.contains("tokenkeeper.")); // logging was on
        const int refreshes =
                server.requestCount(dialect == Dialect::Venafi ? QStringLiteral("venafi.token")
                                                               : QStringLiteral("generic.token"))
                - (dialect == Dialect::Venafi ? 0 : 1);
        QCOMPARE(refreshes, 2);
        QVERIFY(!r.facts.value(QStringLiteral("stored_rt_fp")).isEmpty());

        // The scan.
        QVERIFY(!r.out.contains(marker));
        QVERIFY2(!r.err.contains(marker), r.err.mid(r.err.indexOf(marker) - 200, 400).constData());
        QVERIFY(!r.cmdline.contains(marker));
        QVERIFY(!r.environ.contains(marker));
        const QStringList files = ScenarioProcess::filesContaining(scenario.home.path(), marker);
        QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
        // The settings file exists (the scan looked at something real).
        QVERIFY(QFile::exists(scenario.home.filePath(QStringLiteral(".config/tk.conf"))));
    }

    void scanFindsAPlantedCanary()
    {
        // The scan itself can fail: a secret written to a nested file is found.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("a/b"));
        QFile f(dir.filePath(QStringLiteral("a/b/log.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("token=CANARYplanted");
        f.close();
        QCOMPARE(ScenarioProcess::filesContaining(dir.path(), "CANARYplanted").size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Canary)
#include "tst_canary.moc"
