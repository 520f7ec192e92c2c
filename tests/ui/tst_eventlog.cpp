#include "Clock.h"
#include "EventLogModel.h"
#include "EventLogView.h"
#include "EventText.h"
#include "FakeSession.h"

#include <QFile>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

// The event log: sentences instead of codes, collapsed repeats, an overflow that keeps the
// history that matters, a bounded user-only file without secrets, a view that follows new lines.
class tst_EventLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentencesNotCodes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<int>("kind");
        const int routine = int(EventText::Kind::Routine), signIn = int(EventText::Kind::SignIn),
                  failure = int(EventText::Kind::Failure),
                  revocation = int(EventText::Kind::Revocation);
        QTest::newRow("renewed") << "refreshed (rotated)"
                                 << "Renewed the access token" << routine;
        QTest::newRow("signed in") << "signed in"
                                   << "Signed in" << signIn;
        QTest::newRow("wrong password")
                << "sign-in failed: BadCredentials(invalid_grant) status=400"
                << "Sign-in failed: Wrong username or password" << failure;
        QTest::newRow("retry") << "retrying in 7 s: Transient(connection_refused)"
                               << "The server could not be reached; retrying in 7 s" << failure;
        QTest::newRow("hung") << "retrying in 30 s: Ambiguous(timeout)"
                              << "The server is not answering; retrying in 30 s" << failure;
        QTest::newRow("config") << "needs configuration: Config(endpoint_policy)"
                                << "The account settings need attention" << failure;
        QTest::newRow("revoked") << "signed out; the server confirmed the revocation"
                                 << "Signed out; the server confirmed the revocation" << revocation;
        QTest::newRow("keychain") << "keychain: unavailable"
                                  << "No keychain is available; tokens are kept for this "
                                     "session only"
                                  << routine;
    }
    void sentencesNotCodes()
    {
        QFETCH(QString, line);
        QFETCH(QString, sentence);
        QFETCH(int, kind);
        ManualClock clock;
        EventLogModel log(&clock);
        log.append(clock.wallMs(), QStringLiteral("Demo OAuth 2.0"),
                   QStringLiteral("2026-12-02T04:41:01 Demo OAuth 2.0: ") + line);
        QCOMPARE(log.index(0, EventLogModel::EventColumn).data().toString(), sentence);
        QCOMPARE(log.index(0, 0).data(EventLogModel::KindRole).toInt(), kind);
        // The code stays available for the details and the copied text.
        QVERIFY(log.index(0, EventLogModel::EventColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(line));
        QVERIFY(log.toPlainText().contains(line));
        QVERIFY(!log.index(0, EventLogModel::TimeColumn)
                         .data()
                         .toString()
                         .contains(QLatin1Char('T')));
    }

    void repeatsCollapse()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        for (int i = 0; i < 12; ++i) {
            log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("refreshed"));
            clock.advance(60000);
        }
        log.append(clock.wallMs(), QStringLiteral("B"), QStringLiteral("refreshed"));
        log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("refreshed"));
        QCOMPARE(log.rowCount(), 3);
        QCOMPARE(log.index(0, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Renewed the access token ×12"));
        QCOMPARE(log.index(2, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Renewed the access token"));
        // Retries that differ only in their delay are one line with the latest delay.
        for (int delay : {7, 14, 28})
            log.append(
                    clock.wallMs(), QStringLiteral("A"),
                    QStringLiteral("retrying in %1 s: Transient(connection_refused)").arg(delay));
        QCOMPARE(log.rowCount(), 4);
        QCOMPARE(log.index(3, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("The server could not be reached; retrying in 28 s ×3"));
    }

    void overflowKeepsSignInsFailuresAndRevocations()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("signed in"));
        log.append(clock.wallMs(), QStringLiteral("A"),
                   QStringLiteral("sign-in failed: BadCredentials(invalid_grant) status=400"));
        log.append(clock.wallMs(), QStringLiteral("A"),
                   QStringLiteral("signed out; the server confirmed the revocation"));
        // A storm of distinct routine lines (distinct accounts, so nothing collapses).
        for (int i = 0; i < EventLogModel::kMaxRows + 50; ++i)
            log.append(clock.wallMs(), QStringLiteral("acct%1").arg(i),
                       QStringLiteral("refreshed"));
        QCOMPARE(log.rowCount(), EventLogModel::kMaxRows);
        QCOMPARE(log.index(0, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Signed in"));
        QCOMPARE(log.index(1, 0).data(EventLogModel::KindRole).toInt(),
                 int(EventText::Kind::Failure));
        QCOMPARE(log.index(2, 0).data(EventLogModel::KindRole).toInt(),
                 int(EventText::Kind::Revocation));
    }

    void keptAcrossRestartsUserOnlyWithoutSecrets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/events.jsonl"));
        ManualClock clock;
        {
            EventLogModel log(&clock);
            log.setStorageFile(path);
            log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("signed in"));
            log.append(clock.wallMs(), QStringLiteral("A"),
                       QStringLiteral("oops Authorization: Bearer CANARY-AT-123"));
            log.append(clock.wallMs(), QStringLiteral("A"),
                       QStringLiteral("oops refresh_token=CANARY-RT-456&x=1"));
            QVERIFY(log.save());
        }
        QFile file(path);
        const QFileDevice::Permissions owner =
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        QCOMPARE(file.permissions() & owner, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(file.permissions() & 0x0077, QFileDevice::Permissions()); // 0600
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("CANARY-AT-123"));
        QVERIFY(!bytes.contains("CANARY-RT-456"));
        EventLogModel again(&clock);
        again.setStorageFile(path);
        QCOMPARE(again.rowCount(), 3);
        QCOMPARE(again.index(0, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Signed in"));
    }

    void endsSoonIsLogged()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        FakeSession a(makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active));
        log.watch(&a);
        Q_EMIT a.refreshTokenExpiringSoon(clock.wallMs() + 3 * 60'000);
        QCOMPARE(log.rowCount(), 1);
        QVERIFY2(log.index(0, EventLogModel::EventColumn)
                         .data()
                         .toString()
                         .startsWith(QLatin1String("The sign-in ends in 3 min")),
                 qPrintable(log.index(0, EventLogModel::EventColumn).data().toString()));
    }

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

QTEST_MAIN(tst_EventLog)
#include "tst_eventlog.moc"
