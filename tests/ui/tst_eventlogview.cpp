#include "Clock.h"
#include "EventLogModel.h"
#include "EventLogView.h"

#include <QScrollBar>
#include <QTest>

// The event log's view follows new lines while the person is at the bottom, and stays where it
// is while they scroll up to read.
class tst_EventLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void viewFollowsTheNewestLineOnlyAtTheBottom()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        EventLogView view(&log);
        view.resize(400, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int i = 0; i < 40; ++i)
            log.append(clock.wallMs(), QStringLiteral("a%1").arg(i), QStringLiteral("refreshed"));
        QScrollBar *bar = view.verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        bar->setValue(0); // the person scrolls up to read
        log.append(clock.wallMs(), QStringLiteral("b"), QStringLiteral("refreshed"));
        QTest::qWait(50);
        QCOMPARE(bar->value(), 0);
        bar->setValue(bar->maximum());
        log.append(clock.wallMs(), QStringLiteral("c"), QStringLiteral("refreshed"));
        QTRY_COMPARE(bar->value(), bar->maximum());
    }
};

QTEST_MAIN(tst_EventLogView)
#include "tst_eventlogview.moc"
