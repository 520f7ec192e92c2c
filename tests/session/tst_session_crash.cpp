#include "FakeAuthServer.h"
#include "ScenarioProcess.h"
#include "TokenSet.h"

#include <QUuid>

// M-39, M-41, M-42 at the engine level: the scenario process is killed (SIGKILL) at a named point
// of a refresh, then restarted on the same keychain and settings. The refresh journal
// decides what happens next; the keychain always holds a whole blob.
class tst_SessionCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs the Secret Service that scripts/test.sh starts");
    }

    void recoverAfterKill_data()
    {
        QTest::addColumn<QByteArray>("point");
        QTest::addColumn<qint64>("grace");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("storedIsServerCurrent");
        // M-42: killed before the request left: the journal says "maybe", the retry is normal.
        QTest::newRow("before send") << QByteArray("before_refresh_sent") << qint64(0)
                                     << QStringLiteral("active") << QString() << true;
        // M-39 strict: the server rotated, the answer died with the process: sign in again, and
        // the reason says why.
        QTest::newRow("after response, strict")
                << QByteArray("after_token_response") << qint64(0)
                << QStringLiteral("reauth_required") << QStringLiteral("lost_rotation") << false;
        // M-39 with a grace window: the fast retry with the old RT is accepted.
        QTest::newRow("after response, grace") << QByteArray("after_token_response") << qint64(60)
                                               << QStringLiteral("active") << QString() << true;
        // M-41: persisted, killed before publishing: the new tokens are simply there.
        QTest::newRow("after persist") << QByteArray("after_persist_before_publish") << qint64(0)
                                       << QStringLiteral("active") << QString() << true;
    }
    void recoverAfterKill()
    {
        QFETCH(QByteArray, point);
        QFETCH(qint64, grace);
        QFETCH(QString, state);
        QFETCH(QString, reason);
        QFETCH(bool, storedIsServerCurrent);
        const QByteArray password = "crash-test-password";
        FakeAuthServer server;
        QVERIFY(server.listen());
        server.addUser(QStringLiteral("alice"), password);
        server.addClient(Dialect::Generic,
                         {QStringLiteral("tk-generic"), {}, QStringLiteral("read write"), true});
        server.knobs(Dialect::Generic).rotate = true;
        server.knobs(Dialect::Generic).reuseDetection = true;
        server.knobs(Dialect::Generic).reuseGraceSeconds = grace;

        ScenarioProcess scenario;
        scenario.exe = QStringLiteral(TK_SCENARIO);
        scenario.service = QStringLiteral("tokenkeeper-crash-")
                + QUuid::createUuid().toString(QUuid::Id128).left(12);
        scenario.baseArgs = {QStringLiteral("--server"), server.baseUrl().toString(),
                             QStringLiteral("--dialect"), QStringLiteral("generic")};

        const auto signin = scenario.run(QStringLiteral("signin"), password);
        QVERIFY2(signin.finished && signin.exitCode == 0, signin.err.right(1500).constData());
        QCOMPARE(signin.facts.value(QStringLiteral("state")), QStringLiteral("active"));
        const QString rtBefore = signin.facts.value(QStringLiteral("stored_rt_fp"));

        const auto killed = scenario.run(QStringLiteral("refresh"), QByteArray(), point);
        QVERIFY(killed.finished);
        QVERIFY2(killed.crashed, killed.out.constData()); // SIGKILL at the point

        const auto resumed = scenario.run(QStringLiteral("resume"), QByteArray());
        QVERIFY2(resumed.finished && resumed.exitCode == 0, resumed.err.right(1500).constData());
        QCOMPARE(resumed.facts.value(QStringLiteral("state")), state);
        QCOMPARE(resumed.facts.value(QStringLiteral("reason")), reason);
        const QString serverCurrent = TokenSet::fingerprint(
                server.currentRefreshToken(Dialect::Generic, QStringLiteral("alice")));
        if (storedIsServerCurrent) {
            QCOMPARE(resumed.facts.value(QStringLiteral("stored_rt_fp")), serverCurrent);
            QVERIFY(serverCurrent != rtBefore);
        } else {
            QCOMPARE(resumed.facts.value(QStringLiteral("stored_rt_fp")), QStringLiteral("-"));
        }
        // The journal said "maybe" and was acted on exactly once: no retry loop.
        QVERIFY(server.requestCount(QStringLiteral("generic.token")) <= 4);
    }
};

QTEST_GUILESS_MAIN(tst_SessionCrash)
#include "tst_session_crash.moc"
