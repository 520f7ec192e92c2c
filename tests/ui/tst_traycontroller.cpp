#include "AccountListModel.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "FakeSession.h"
#include "TrayController.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

// Runs under xcb with a real tray host (scripts/test.sh starts Xvfb + trayer).
class tst_TrayController : public QObject
{
    Q_OBJECT
private:
    static QAction *action(QMenu *menu, const QString &account, const QString &text)
    {
        for (QMenu *sub : menu->findChildren<QMenu *>())
            if (sub->objectName() == QStringLiteral("account:") + account)
                for (QAction *a : sub->actions())
                    if (a->text() == text)
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
        QCOMPARE(tray.status(), TrayStatus::SignedOut);

        FakeSession a(makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::Active));
        FakeSession b(makeSnapshot(QStringLiteral("SF"), Dialect::Salesforce, SessionState::Active,
                                   QStringLiteral("https://login.salesforce.com")));
        model.addSession(&a);
        model.addSession(&b);
        QCOMPARE(tray.status(), TrayStatus::Ok);
        b.setState(SessionState::Backoff);
        QCOMPARE(tray.status(), TrayStatus::Offline);
        a.setState(SessionState::ReauthRequired);
        QCOMPARE(tray.status(), TrayStatus::SignInNeeded);
        a.setState(SessionState::Active);
        b.setState(SessionState::Active);
        QCOMPARE(tray.status(), TrayStatus::Ok);
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
        const QString tip = tray.trayIcon()->toolTip();
        QVERIFY2(tip.contains(QLatin1String("Prod: Signed in; access token in 1 h 59 min; "
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
        QCOMPARE(top.at(top.size() - 2)->text(), QStringLiteral("Open Tokenkeeper"));
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
        FakeSession a(s);
        model.addSession(&a);
        QSignalSpy signIn(&tray, &TrayController::signInRequested);
        Q_EMIT a.reauthRequired(QStringLiteral("the refresh token expired"));
        QVERIFY(tray.lastNotification().contains(QLatin1String("venafi.example.com")));
        QVERIFY(tray.lastNotification().contains(QLatin1String("the refresh token expired")));
        tray.activateLastMessage(); // = QSystemTrayIcon::messageClicked
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.first().first().toString(), QStringLiteral("Prod"));

        // Refresh-token end announced once per known end, however often the engine says it.
        a.setState(SessionState::Active);
        const qint64 until = clock.wallMs() + 2LL * 24 * 3600'000;
        Q_EMIT a.refreshTokenExpiringSoon(until);
        QVERIFY(tray.lastNotification().contains(QLatin1String("ends in 2 d")));
        const QString first = tray.lastNotification();
        tray.showMessage(QStringLiteral("x"), QStringLiteral("y"), QString());
        Q_EMIT a.refreshTokenExpiringSoon(until);
        QCOMPARE(tray.lastNotification(), QStringLiteral("x\ny"));
        QVERIFY(!first.contains(QLatin1String("CANARY")));
    }
};

QTEST_MAIN(tst_TrayController)
#include "tst_traycontroller.moc"
