#include "Clock.h"
#include "DeadlineScheduler.h"

#include <QSignalSpy>
#include <QTest>

// One scheduler for all deadlines: absolute wall-clock instants, a timer never armed more than
// the tick (<= 1 h) ahead, due callbacks run in order, and clock jumps detected (R-08, M-56/57).
class tst_DeadlineScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void longDeadlinesAreClamped_data()
    {
        QTest::addColumn<qint64>("aheadMs");
        QTest::newRow("1 s") << qint64(1000);
        QTest::newRow("2 h") << qint64(2LL * 3600 * 1000);
        QTest::newRow("30 d (QTimer overflow)") << qint64(30LL * 24 * 3600 * 1000);
        QTest::newRow("90 d") << qint64(90LL * 24 * 3600 * 1000);
    }
    void longDeadlinesAreClamped()
    {
        QFETCH(qint64, aheadMs);
        ManualClock clock;
        DeadlineScheduler scheduler(&clock);
        scheduler.schedule(this, clock.wallMs() + aheadMs, [] {});
        const int armed = scheduler.armedIntervalMs();
        QVERIFY(armed >= 0);
        QVERIFY(armed <= 60 * 1000); // the default tick
        QCOMPARE(qint64(armed), std::min<qint64>(aheadMs, 60 * 1000));
        QCOMPARE(scheduler.nextDeadlineMs(), clock.wallMs() + aheadMs);
    }

    void runsDueCallbacksInOrder()
    {
        ManualClock clock;
        DeadlineScheduler scheduler(&clock);
        QStringList ran;
        int a = 0, b = 0, c = 0;
        scheduler.schedule(&a, clock.wallMs() + 3000, [&] { ran << QStringLiteral("a"); });
        scheduler.schedule(&b, clock.wallMs() + 1000, [&] { ran << QStringLiteral("b"); });
        scheduler.schedule(&c, clock.wallMs() + 9000, [&] { ran << QStringLiteral("c"); });
        clock.advance(5000);
        scheduler.reevaluate();
        QCOMPARE(ran, QStringList({QStringLiteral("b"), QStringLiteral("a")}));
        QCOMPARE(scheduler.count(), 1);
        QCOMPARE(scheduler.nextDeadlineMs(), clock.wallMs() + 4000);
    }

    void rescheduleAndCancel()
    {
        ManualClock clock;
        DeadlineScheduler scheduler(&clock);
        int owner = 0;
        int calls = 0;
        scheduler.schedule(&owner, clock.wallMs() + 1000, [&] { ++calls; });
        scheduler.schedule(&owner, clock.wallMs() + 5000, [&] { calls += 10; }); // replaces
        clock.advance(2000);
        scheduler.reevaluate();
        QCOMPARE(calls, 0);
        scheduler.cancel(&owner);
        clock.advance(10000);
        scheduler.reevaluate();
        QCOMPARE(calls, 0);
        QCOMPARE(scheduler.armedIntervalMs(), -1);
    }

    void callbackMayScheduleItself()
    {
        ManualClock clock;
        DeadlineScheduler scheduler(&clock);
        int owner = 0;
        int calls = 0;
        std::function<void()> tick = [&] {
            ++calls;
            scheduler.schedule(&owner, clock.wallMs() + 1000, tick);
        };
        scheduler.schedule(&owner, clock.wallMs() + 1000, tick);
        clock.advance(1000);
        scheduler.reevaluate();
        QCOMPARE(calls, 1); // not again in the same pass
        QCOMPARE(scheduler.nextDeadlineMs(), clock.wallMs() + 1000);
    }

    void detectsClockJumps_data()
    {
        QTest::addColumn<qint64>("jumpMs");
        QTest::addColumn<bool>("detected");
        QTest::newRow("+1 h") << qint64(3600 * 1000) << true;
        QTest::newRow("-1 h") << qint64(-3600 * 1000) << true;
        QTest::newRow("8 h suspend") << qint64(8LL * 3600 * 1000) << true;
        QTest::newRow("2 s drift") << qint64(2000) << false;
    }
    void detectsClockJumps()
    {
        QFETCH(qint64, jumpMs);
        QFETCH(bool, detected);
        ManualClock clock;
        DeadlineScheduler scheduler(&clock);
        QSignalSpy jumped(&scheduler, &DeadlineScheduler::clockJumped);
        clock.advance(30000); // normal time passing moves both clocks: no jump
        scheduler.checkClock();
        QCOMPARE(jumped.size(), 0);
        clock.jumpWall(jumpMs);
        scheduler.checkClock();
        QCOMPARE(jumped.size(), detected ? 1 : 0);
        if (detected)
            QCOMPARE(jumped.first().first().toLongLong(), jumpMs);
    }
};

QTEST_GUILESS_MAIN(tst_DeadlineScheduler)
#include "tst_deadlinescheduler.moc"
