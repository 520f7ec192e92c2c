#include "Clock.h"
#include "EventLogModel.h"
#include "EventText.h"
#include "FakeSession.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The event log's model: sentences instead of codes, collapsed repeats, an overflow that keeps
// the history that matters, a bounded user-only file without secrets. (The view: tst_eventlogview.)
class tst_EventLogModel : public QObject
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

    void headerAndShape()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        QCOMPARE(log.columnCount(), int(EventLogModel::ColumnCount));
        QCOMPARE(log.headerData(EventLogModel::TimeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Time"));
        QCOMPARE(log.headerData(EventLogModel::AccountColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Account"));
        QCOMPARE(log.headerData(EventLogModel::EventColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Event"));
        QVERIFY(!log.headerData(0, Qt::Vertical).isValid());
        QVERIFY(!log.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
        QVERIFY(!log.headerData(EventLogModel::ColumnCount, Qt::Horizontal).isValid());
        log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("signed in"));
        // A table: no children under a row, nothing beyond the last row.
        QCOMPARE(log.rowCount(log.index(0, 0)), 0);
        QCOMPARE(log.columnCount(log.index(0, 0)), 0);
        QVERIFY(!log.index(1, 0).data().isValid());
        QCOMPARE(log.index(0, EventLogModel::AccountColumn).data().toString(), QStringLiteral("A"));
        QCOMPARE(log.index(0, 0).data(EventLogModel::CodeRole).toString(),
                 QStringLiteral("signed in"));
        QCOMPARE(log.index(0, 0).data(EventLogModel::CountRole).toInt(), 1);
    }

    // Whether two lines in a row become one: same account, and the same sentence up to numbers.
    void collapse_data()
    {
        QTest::addColumn<QString>("firstAccount");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("secondAccount");
        QTest::addColumn<QString>("second");
        QTest::addColumn<int>("rows");
        QTest::newRow("identical") << "A"
                                   << "refreshed"
                                   << "A"
                                   << "refreshed" << 1;
        QTest::newRow("other account") << "A"
                                       << "refreshed"
                                       << "B"
                                       << "refreshed" << 2;
        QTest::newRow("numbers differ") << "A"
                                        << "retrying in 7 s: Transient(connection_refused)"
                                        << "A"
                                        << "retrying in 140 s: Transient(connection_refused)" << 1;
        QTest::newRow("words differ") << "A"
                                      << "signed in"
                                      << "A"
                                      << "refreshed" << 2;
        QTest::newRow("other failure") << "A"
                                       << "retrying in 7 s: Transient(connection_refused)"
                                       << "A"
                                       << "retrying in 7 s: Ambiguous(timeout)" << 2;
    }
    void collapse()
    {
        QFETCH(QString, firstAccount);
        QFETCH(QString, first);
        QFETCH(QString, secondAccount);
        QFETCH(QString, second);
        QFETCH(int, rows);
        ManualClock clock;
        EventLogModel log(&clock);
        const qint64 t0 = clock.wallMs();
        log.append(t0, firstAccount, first);
        QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&log, &QAbstractItemModel::dataChanged);
        clock.advance(90'000);
        log.append(clock.wallMs(), secondAccount, second);
        QCOMPARE(log.rowCount(), rows);
        QCOMPARE(inserted.size(), rows - 1);
        QCOMPARE(changed.size(), rows == 1 ? 1 : 0);
        if (rows == 1) {
            const QModelIndex row = log.index(0, 0);
            QCOMPARE(row.data(EventLogModel::CountRole).toInt(), 2);
            // The newest code, and both times in the tooltip.
            QCOMPARE(row.data(EventLogModel::CodeRole).toString(), second);
            const QString tip = row.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("2 times since ")
                                  + QDateTime::fromMSecsSinceEpoch(t0).toString(Qt::ISODate)),
                     qPrintable(tip));
            QVERIFY(tip.startsWith(
                    QDateTime::fromMSecsSinceEpoch(clock.wallMs()).toString(Qt::ISODate)));
            QVERIFY(log.toPlainText().contains(QStringLiteral(" ×2 [") + second
                                               + QStringLiteral("]")));
        } else {
            QCOMPARE(log.index(1, 0).data(EventLogModel::CountRole).toInt(), 1);
            QVERIFY(!log.index(1, 0)
                             .data(Qt::ToolTipRole)
                             .toString()
                             .contains(QLatin1String("times since")));
        }
    }

    void plainTextHasOneLinePerEvent()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        const qint64 t = clock.wallMs();
        log.append(t, QStringLiteral("Prod"), QStringLiteral("signed in"));
        log.append(t, QStringLiteral("Test"), QStringLiteral("refreshed (rotated)"));
        const QString iso = QDateTime::fromMSecsSinceEpoch(t).toString(Qt::ISODate);
        QCOMPARE(log.toPlainText(),
                 iso + QStringLiteral(" Prod: Signed in [signed in]\n") + iso
                         + QStringLiteral(
                                 " Test: Renewed the access token [refreshed (rotated)]\n"));
    }

    void timeColumnIsLocalAndShort_data()
    {
        QTest::addColumn<qint64>("ago");
        QTest::addColumn<QString>("format");
        QTest::newRow("today") << qint64(60'000) << "HH:mm:ss";
        QTest::newRow("earlier this year") << qint64(40LL * 24 * 3600 * 1000) << "d MMM HH:mm:ss";
        QTest::newRow("another year") << qint64(400LL * 24 * 3600 * 1000) << "d MMM yyyy HH:mm:ss";
    }
    void timeColumnIsLocalAndShort()
    {
        QFETCH(qint64, ago);
        QFETCH(QString, format);
        // Noon on 1 July, local time: "today" stays today, 40 days back stays this year.
        ManualClock clock(QDateTime(QDate(2026, 7, 1), QTime(12, 0)).toMSecsSinceEpoch());
        EventLogModel log(&clock);
        const qint64 t = clock.wallMs() - ago;
        log.append(t, QStringLiteral("A"), QStringLiteral("signed in"));
        QCOMPARE(log.index(0, EventLogModel::TimeColumn).data().toString(),
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), format));
    }

    void clearEmptiesAndSaves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        ManualClock clock;
        EventLogModel log(&clock);
        log.setStorageFile(path);
        log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("signed in"));
        log.append(clock.wallMs(), QStringLiteral("B"), QStringLiteral("signed in"));
        QVERIFY(log.save());
        QSignalSpy reset(&log, &QAbstractItemModel::modelReset);
        log.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(log.rowCount(), 0);
        QVERIFY(log.toPlainText().isEmpty());
        QVERIFY(log.save());
        EventLogModel again(&clock);
        again.setStorageFile(path);
        QCOMPARE(again.rowCount(), 0);
    }

    void savedLinesAreSaidInTodaysLanguage()
    {
        // Found in the walkthrough: a log written by an English session stayed English in a
        // German one. Lines of ours are said again from their code; others stay as written.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // QByteArray, not auto: with QT_USE_QSTRINGBUILDER "toJson() + '\n'" is a builder that
            // refers to the temporary document text, gone when the lambda returns.
            const auto line = [](qint64 t, int kind, const char *sentence,
                                 const char *code) -> QByteArray {
                return QJsonDocument(QJsonObject{{QLatin1String("t"), double(t)},
                                                 {QLatin1String("a"), QLatin1String("A")},
                                                 {QLatin1String("k"), kind},
                                                 {QLatin1String("s"), QLatin1String(sentence)},
                                                 {QLatin1String("c"), QLatin1String(code)},
                                                 {QLatin1String("n"), 1}})
                               .toJson(QJsonDocument::Compact)
                        + '\n';
            };
            f.write(line(1000, 1, "Angemeldet", "signed in"));
            f.write(line(2000, 0, "Token handed to git (pid 7)", "token handed to git (pid 7)"));
        }
        ManualClock clock;
        EventLogModel log(&clock);
        log.setStorageFile(path);
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.index(0, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Signed in")); // this process speaks English
        QCOMPARE(log.index(1, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Token handed to git (pid 7)"));
    }

    void savedFileIsReadWithCare()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"t":1000,"a":"A","k":1,"s":"Signed in","c":"signed in","n":3})"
                    "\n");
            f.write("not json at all\n");
            f.write("\n");
            f.write(R"({"t":2000,"a":"B","k":99,"s":"Odd kind","c":"x","n":-4})"
                    "\n");
            f.write(R"({"t":3000,"a":"C","k":0,"s":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl","c":"access_token=CANARY-AT-789"})"
                    "\n");
        }
        ManualClock clock;
        EventLogModel log(&clock);
        log.setStorageFile(path);
        QCOMPARE(log.rowCount(), 3); // the broken lines are skipped
        QCOMPARE(log.index(0, 0).data(EventLogModel::CountRole).toInt(), 3);
        QCOMPARE(log.index(0, EventLogModel::EventColumn).data().toString(),
                 QStringLiteral("Signed in ×3"));
        // An unknown kind is clamped into the known ones; a count is at least one.
        const int kind = log.index(1, 0).data(EventLogModel::KindRole).toInt();
        QVERIFY(kind >= 0 && kind <= int(EventText::Kind::Revocation));
        QCOMPARE(log.index(1, 0).data(EventLogModel::CountRole).toInt(), 1);
        // What was written by someone else passes the redactor again (S-19).
        QVERIFY(!log.toPlainText().contains(QLatin1String("CANARY-AT-789")));
        QVERIFY(!log.toPlainText().contains(QLatin1String("c2lnbmF0dXJl")));
        // Lines read from the file come before the ones of this run.
        EventLogModel merged(&clock);
        merged.append(clock.wallMs(), QStringLiteral("Z"), QStringLiteral("signed in"));
        merged.setStorageFile(path);
        QCOMPARE(merged.rowCount(), 4);
        QCOMPARE(merged.index(3, EventLogModel::AccountColumn).data().toString(),
                 QStringLiteral("Z"));
    }

    void missingFileIsAnEmptyLog()
    {
        QTemporaryDir dir;
        ManualClock clock;
        EventLogModel log(&clock);
        log.setStorageFile(dir.filePath(QStringLiteral("none/events.jsonl")));
        QCOMPARE(log.rowCount(), 0);
        EventLogModel unsaved(&clock);
        QVERIFY(!unsaved.save()); // no file set: nothing to save to
    }

    void changesAreSavedWithoutAskingAndAtExit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        ManualClock clock;
        {
            EventLogModel log(&clock);
            log.setStorageFile(path);
            log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("signed in"));
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000); // the debounced save
            log.append(clock.wallMs(), QStringLiteral("A"), QStringLiteral("refreshed"));
        } // the pending save is written on destruction
        EventLogModel again(&clock);
        again.setStorageFile(path);
        QCOMPARE(again.rowCount(), 2);
    }
};

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
