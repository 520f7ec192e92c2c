#include "AccountListModel.h"
#include "Clock.h"
#include "EventLogModel.h"
#include "FakeSession.h"

#include <QSignalSpy>
#include <QTest>

static const qint64 kMin = 60'000;

class tst_AccountListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsShowTheSnapshot()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active);
        s.hasAccessToken = true;
        s.accessExpiresAtMs = clock.wallMs() + 119 * kMin;
        s.refreshUntilMs = clock.wallMs() + 89LL * 24 * 60 * kMin;
        s.lastRefreshMs = clock.wallMs() - 3 * kMin;
        s.nextRefreshMs = clock.wallMs() + 60 * kMin;
        s.storage = StorageStatus::Locked;
        s.lastError = AuthError(AuthError::Kind::Transient, QStringLiteral("connection_refused"));
        FakeSession session(s);
        model.addSession(&session);
        QCOMPARE(model.rowCount(), 1);
        auto text = [&](int col) { return model.index(0, col).data().toString(); };
        QCOMPARE(text(AccountListModel::NameColumn), QStringLiteral("Prod"));
        QCOMPARE(text(AccountListModel::DialectColumn), QStringLiteral("Venafi TPP"));
        QCOMPARE(text(AccountListModel::StateColumn), QStringLiteral("Signed in"));
        QCOMPARE(text(AccountListModel::AccessExpiryColumn), QStringLiteral("in 1 h 59 min"));
        QCOMPARE(text(AccountListModel::RefreshExpiryColumn), QStringLiteral("in 89 d"));
        QCOMPARE(text(AccountListModel::LastRefreshColumn), QStringLiteral("3 min ago"));
        QCOMPARE(text(AccountListModel::NextRefreshColumn), QStringLiteral("in 1 h"));
        QCOMPARE(text(AccountListModel::StorageColumn), QStringLiteral("Keyring locked"));
        QVERIFY(model.index(0, AccountListModel::StorageColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLatin1String("unlock")));
        QVERIFY(text(AccountListModel::ErrorColumn).contains(QLatin1String("cannot be reached")));
        QCOMPARE(model.index(0, 0).data(AccountListModel::AccountIdRole).toString(),
                 QStringLiteral("Prod"));
        // Time moves: the countdown follows after refreshTimes().
        QSignalSpy changed(&model, &AccountListModel::dataChanged);
        clock.advance(60 * kMin);
        model.refreshTimes();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(text(AccountListModel::AccessExpiryColumn), QStringLiteral("in 59 min"));
    }

    void noTokenInAnyCell()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("a"), Dialect::Generic, SessionState::Active);
        s.hasAccessToken = true;
        FakeSession session(s);
        model.addSession(&session);
        for (int c = 0; c < model.columnCount(); ++c)
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)})
                QVERIFY(!model.index(0, c).data(role).toString().contains(QLatin1String("CANARY")));
    }

    void followsSessionChangesAndRemoval()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        FakeSession a(makeSnapshot(QStringLiteral("a"), Dialect::Venafi, SessionState::SignedOut));
        FakeSession b(makeSnapshot(QStringLiteral("b"), Dialect::Salesforce, SessionState::Active));
        model.addSession(&a);
        model.addSession(&b);
        model.addSession(&b); // idempotent
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &AccountListModel::dataChanged);
        b.setState(SessionState::ReauthRequired);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, AccountListModel::StateColumn).data().toString(),
                 QStringLiteral("Sign-in needed"));
        QSignalSpy removed(&model, &AccountListModel::sessionRemoved);
        model.removeSession(QStringLiteral("a"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 0);
        a.setState(SessionState::Active); // disconnected: no stray updates
        QCOMPARE(changed.size(), 1);
    }

    // An edit that changes server, client or user replaces the session under the same id
    // (SessionManager::updateAccount): the account stays where it was in the list.
    void replacedSessionKeepsItsRow()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        FakeSession a(makeSnapshot(QStringLiteral("a"), Dialect::Venafi, SessionState::Active));
        FakeSession b(makeSnapshot(QStringLiteral("b"), Dialect::Venafi, SessionState::Active));
        FakeSession c(makeSnapshot(QStringLiteral("c"), Dialect::Venafi, SessionState::Active));
        model.addSession(&a);
        model.addSession(&b);
        model.addSession(&c);
        FakeSession b2(makeSnapshot(QStringLiteral("b"), Dialect::Venafi, SessionState::SignedOut,
                                    QStringLiteral("https://other.example.com")));
        model.removeSession(QStringLiteral("b"));
        model.addSession(&b2);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 2);
        QCOMPARE(model.snapshotAt(1).config.serverUrl.host(), QStringLiteral("other.example.com"));
        FakeSession d(makeSnapshot(QStringLiteral("d"), Dialect::Venafi, SessionState::Active));
        model.addSession(&d); // a genuinely new account still goes to the end
        QCOMPARE(model.rowOf(QStringLiteral("d")), 3);
    }

    void destroyedSessionDropsItsRow()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        auto *a = new FakeSession(
                makeSnapshot(QStringLiteral("a"), Dialect::Venafi, SessionState::Active));
        model.addSession(a);
        delete a;
        QCOMPARE(model.rowCount(), 0);
    }

    void eventLogIsRedactedAndCopyable()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        FakeSession a(makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active));
        log.watch(&a);
        Q_EMIT a.logEvent(QStringLiteral("refreshed; access expires in 3600 s"));
        Q_EMIT a.logEvent(QStringLiteral("oops Authorization: Bearer CANARY-AT-123"));
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.index(0, EventLogModel::AccountColumn).data().toString(),
                 QStringLiteral("Prod"));
        const QString text = log.toPlainText();
        QVERIFY(text.contains(QLatin1String("refreshed; access expires in 3600 s")));
        QVERIFY(!text.contains(QLatin1String("CANARY-AT-123")));
        QCOMPARE(text.count(QLatin1Char('\n')), 2);
    }

    void eventLogIsBounded()
    {
        ManualClock clock;
        EventLogModel log(&clock);
        // Distinct accounts: lines that differ only in numbers would collapse into one.
        for (int i = 0; i < EventLogModel::kMaxRows + 5; ++i)
            log.append(clock.wallMs(), QStringLiteral("a%1").arg(i), QStringLiteral("event"));
        QCOMPARE(log.rowCount(), EventLogModel::kMaxRows);
        QCOMPARE(log.index(0, EventLogModel::AccountColumn).data().toString(),
                 QStringLiteral("a5"));
    }
};

QTEST_GUILESS_MAIN(tst_AccountListModel)
#include "tst_accountlistmodel.moc"
