#include "AccountListModel.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "EventLogModel.h"
#include "FakeSession.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "TrayController.h"
#include "TrayMenu.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QTimer>

#include <memory>

// Runs under xcb with a real tray host (scripts/test.sh starts Xvfb + trayer).
class tst_TrayController : public QObject
{
    Q_OBJECT
private:
    static QString plain(const QAction *a) { return QString(a->text()).remove(QLatin1Char('&')); }
    static QAction *action(QMenu *menu, const QString &account, const QString &text)
    {
        for (QMenu *sub : menu->findChildren<QMenu *>())
            if (sub->objectName() == QStringLiteral("account:") + account)
                for (QAction *a : sub->actions())
                    if (plain(a) == text)
                        return a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 5000);
    }

    void iconAppearsAndFollowsTheWorstState()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        QVERIFY(tray.isAvailable());
        QVERIFY(tray.trayIcon()->isVisible());
        QTRY_COMPARE(tray.status(), TrayStatus::SignedOut);

        FakeSession a(makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active));
        FakeSession b(makeSnapshot(QStringLiteral("SF"), Dialect::Salesforce, SessionState::Active,
                                   QStringLiteral("https://login.salesforce.com")));
        model.addSession(&a);
        tray.flush();
        model.addSession(&b);
        tray.flush();
        QTRY_COMPARE(tray.status(), TrayStatus::Ok);
        b.setState(SessionState::Backoff);
        QTRY_COMPARE(tray.status(), TrayStatus::Offline);
        a.setState(SessionState::ReauthRequired);
        QTRY_COMPARE(tray.status(), TrayStatus::SignInNeeded);
        a.setState(SessionState::Active);
        b.setState(SessionState::Active);
        QTRY_COMPARE(tray.status(), TrayStatus::Ok);
        QVERIFY(!tray.trayIcon()->icon().isNull());
    }

    void tooltipShowsTimeLeftButNoToken()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active);
        s.hasAccessToken = true;
        s.accessExpiresAtMs = clock.wallMs() + 119 * 60'000;
        s.refreshUntilMs = clock.wallMs() + 89LL * 24 * 3600'000;
        FakeSession a(s);
        model.addSession(&a);
        tray.flush();
        const QString tip = tray.trayIcon()->toolTip();
        QVERIFY2(tip.contains(QLatin1String("Prod: Signed in; access token expires in 1 h 59 min; "
                                            "sign-in ends in 89 d")),
                 qPrintable(tip));
        QVERIFY(!tip.contains(QLatin1String("CANARY")));
    }

    void menuActionsReachTheSession()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard(), 60000);
        TrayController tray(&model, &clipboard);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active);
        s.hasAccessToken = true;
        FakeSession a(s);
        model.addSession(&a);
        tray.flush();
        QSignalSpy signIn(&tray, &TrayController::signInRequested);
        QSignalSpy revoke(&tray, &TrayController::revokeRequested);
        QSignalSpy open(&tray, &TrayController::openRequested);
        QSignalSpy quit(&tray, &TrayController::quitRequested);
        QMenu *menu = tray.menu();
        QVERIFY(action(menu, QStringLiteral("Prod"), QStringLiteral("Refresh now")));
        action(menu, QStringLiteral("Prod"), QStringLiteral("Refresh now"))->trigger();
        QCOMPARE(a.refreshCount, 1);
        action(menu, QStringLiteral("Prod"), QStringLiteral("Sign in…"))->trigger();
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.first().first().toString(), QStringLiteral("Prod"));
        action(menu, QStringLiteral("Prod"), QStringLiteral("Revoke…"))->trigger();
        QCOMPARE(revoke.size(), 1);
        QCOMPARE(a.revokeCount, 0); // the window asks first
        action(menu, QStringLiteral("Prod"), QStringLiteral("Copy access token"))->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(a.token));
        QVERIFY(clipboard.isHolding());
        const QList<QAction *> top = menu->actions();
        QCOMPARE(plain(top.at(top.size() - 2)), QStringLiteral("Open Tokenkeeper"));
        top.at(top.size() - 2)->trigger();
        top.last()->trigger();
        QCOMPARE(open.size(), 1);
        QCOMPARE(quit.size(), 1);
        QApplication::clipboard()->clear();
    }

    void signedOutAccountOffersOnlySignIn()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        FakeSession a(
                makeSnapshot(QStringLiteral("Out"), Dialect::Venafi, SessionState::SignedOut));
        model.addSession(&a);
        tray.flush();
        QVERIFY(!action(tray.menu(), QStringLiteral("Out"), QStringLiteral("Refresh now"))
                         ->isEnabled());
        QVERIFY(!action(tray.menu(), QStringLiteral("Out"), QStringLiteral("Copy access token"))
                         ->isEnabled());
        QVERIFY(action(tray.menu(), QStringLiteral("Out"), QStringLiteral("Sign in…"))
                        ->isEnabled());
    }

    void notificationsOpenTheRightDialog()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::ReauthRequired);
        s.reauthCode = QStringLiteral("invalid_grant"); // as the engine reports a dead grant
        FakeSession a(s);
        model.addSession(&a);
        tray.flush();
        QSignalSpy signIn(&tray, &TrayController::signInRequested);
        Q_EMIT a.reauthRequired(
                AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant")));
        QVERIFY(tray.lastNotification().contains(QLatin1String("venafi.example.com")));
        QVERIFY(tray.lastNotification().contains(QLatin1String("the refresh token expired")));
        tray.activateLastMessage(); // = QSystemTrayIcon::messageClicked
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.first().first().toString(), QStringLiteral("Prod"));

        // Refresh-token end announced once per known end, however often the engine says it.
        a.setState(SessionState::Active);
        const qint64 until = clock.wallMs() + 2LL * 24 * 3600'000;
        Q_EMIT a.refreshTokenExpiringSoon(until);
        tray.flush();
        QVERIFY(tray.lastNotification().contains(QLatin1String("ends in 2 d")));
        const QString first = tray.lastNotification();
        tray.showMessage(QStringLiteral("x"), QStringLiteral("y"), QString());
        Q_EMIT a.refreshTokenExpiringSoon(until);
        QCOMPARE(tray.lastNotification(), QStringLiteral("x\ny"));
        QVERIFY(!first.contains(QLatin1String("CANARY")));
    }

    // Appendix B of the engine review: QMenu::clear() keeps submenus alive, so a menu rebuilt on
    // every change and tick grew without bound.
    void menuUpdatesDoNotLeak()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        std::vector<std::unique_ptr<FakeSession>> sessions;
        for (const char *name : {"A", "B", "C"}) {
            sessions.push_back(std::make_unique<FakeSession>(makeSnapshot(
                    QString::fromLatin1(name), Dialect::Venafi, SessionState::Active)));
            model.addSession(sessions.back().get());
        }
        QTRY_COMPARE(tray.menu()->findChildren<QMenu *>().size(), 3);
        const qsizetype objects = tray.menu()->findChildren<QObject *>().size();
        const SessionState states[] = {SessionState::Refreshing, SessionState::Backoff,
                                       SessionState::Active, SessionState::ReauthRequired};
        for (int i = 0; i < 150; ++i) {
            sessions.at(i % 3)->setState(states[i % 4]);
            clock.advance(30000);
            tray.update();
            QCoreApplication::processEvents(); // let any coalesced update run
        }
        for (auto &s : sessions)
            s->setState(SessionState::Active);
        QTRY_COMPARE(tray.menu()->findChildren<QMenu *>().size(), 3);
        QCOMPARE(tray.menu()->findChildren<QObject *>().size(), objects);
        // Removing an account takes its submenu with it.
        model.removeSession(QStringLiteral("B"));
        QTRY_COMPARE(tray.menu()->findChildren<QMenu *>().size(), 2);
        QVERIFY(!action(tray.menu(), QStringLiteral("B"), QStringLiteral("Refresh now")));
    }

    void manyAccountsStayReadable()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        std::vector<std::unique_ptr<FakeSession>> sessions;
        for (int i = 0; i < 20; ++i) {
            sessions.push_back(std::make_unique<FakeSession>(makeSnapshot(
                    QStringLiteral("acct%1").arg(i), Dialect::Generic,
                    i % 7 == 3 ? SessionState::ReauthRequired : SessionState::Active)));
            model.addSession(sessions.back().get());
        }
        tray.flush();
        QCOMPARE(tray.menu()->findChildren<QMenu *>().size(), qsizetype(TrayMenu::kMaxAccounts));
        QCOMPARE(tray.signInNeededCount(), 3); // acct3, acct10, acct17
        QStringList texts;
        for (QAction *a : tray.menu()->actions())
            if (a->isVisible() && !a->isSeparator() && !a->menu())
                texts.append(plain(a));
        QCOMPARE(texts,
                 QStringList({QStringLiteral("5 more accounts in the window…"),
                              QStringLiteral("3 accounts need you to sign in…"),
                              QStringLiteral("Open Tokenkeeper"), QStringLiteral("Quit")}));
        QSignalSpy signIn(&tray, &TrayController::signInRequested);
        tray.menu()->findChild<QAction *>(QStringLiteral("signInNeeded"))->trigger();
        QCOMPARE(signIn.value(0).value(0).toString(), QStringLiteral("acct3"));
        QVERIFY(tray.toolTipText().contains(QStringLiteral("…and 10 more accounts")));
        sessions.at(3)->setState(SessionState::Active);
        QTRY_COMPARE(tray.signInNeededCount(), 2);
    }

    void informationalNotificationsCanBeMuted()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        TrayController tray(&model, &clipboard);
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active);
        s.hasAccessToken = true;
        FakeSession a(s);
        model.addSession(&a);
        tray.flush();
        tray.copyToken(QStringLiteral("Prod"));
        QCOMPARE(tray.shownNotifications(), 1);
        QVERIFY(tray.lastNotification().contains(QLatin1String("clears in 30 s")));
        tray.setInformationMuted(true);
        tray.copyToken(QStringLiteral("Prod"));
        QCOMPARE(tray.shownNotifications(), 1); // muted: no balloon for a copy
        a.setState(SessionState::ReauthRequired);
        Q_EMIT a.reauthRequired(
                AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant")));
        QCOMPARE(tray.shownNotifications(), 2); // a needed sign-in always shows
        QApplication::clipboard()->clear();
    }

    // Review P1 #1: tray -> Quit with the window open hid everything and kept running.
    void quitFromTheTrayQuits_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::newRow("window hidden") << QStringLiteral("hidden");
        QTest::newRow("window open") << QStringLiteral("window");
        QTest::newRow("confirmation open") << QStringLiteral("confirmation");
        QTest::newRow("sign-in dialog open") << QStringLiteral("login");
    }

    void quitFromTheTrayQuits()
    {
        QFETCH(QString, situation);
        ManualClock clock;
        AccountListModel model(&clock);
        EventLogModel log(&clock);
        ClipboardGuard clipboard(QApplication::clipboard());
        FakeSession a(makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active));
        model.addSession(&a);
        MainWindow window(nullptr, &model, &log, nullptr);
        TrayController tray(&model, &clipboard);
        window.setTrayController(&tray);
        QVERIFY(tray.isAvailable());
        if (situation != QLatin1String("hidden")) {
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
        }
        if (situation == QLatin1String("confirmation"))
            QVERIFY(window.confirmRevoke(QStringLiteral("Prod")));
        if (situation == QLatin1String("login")) {
            auto *dialog = new LoginDialog(&window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        }
        QAction *quit = tray.menu()->actions().last();
        QCOMPARE(plain(quit), QStringLiteral("Quit"));
        bool timedOut = false;
        QTimer watchdog;
        watchdog.setSingleShot(true);
        connect(&watchdog, &QTimer::timeout, [&timedOut] {
            timedOut = true;
            QCoreApplication::exit(1);
        });
        watchdog.start(5000);
        QTimer::singleShot(0, quit, &QAction::trigger);
        const int rc = QApplication::exec();
        QVERIFY2(!timedOut, "Quit did not end the event loop");
        QCOMPARE(rc, 0);
    }
};

QTEST_MAIN(tst_TrayController)
#include "tst_traycontroller.moc"
