#include "AccessibilityCheck.h"
#include "AccountListModel.h"
#include "Clock.h"
#include "EventLogModel.h"
#include "FakeSession.h"
#include "MainWindow.h"
#include "SignInController.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

// The window against test sessions (no engine): revoke confirmation and its result, buttons,
// accessibility. Tests with the real engine and the fake server live in tst_signinflow.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private:
    ManualClock m_clock;

private Q_SLOTS:
    void revokeAsksNamingAccountAndServer_data()
    {
        QTest::addColumn<bool>("serverConfirmed");
        QTest::addColumn<QString>("resultText");
        QTest::newRow("confirmed") << true << QStringLiteral("server confirmed the revocation");
        QTest::newRow("not confirmed") << false << QStringLiteral("did not confirm");
    }
    void revokeAsksNamingAccountAndServer()
    {
        QFETCH(bool, serverConfirmed);
        QFETCH(QString, resultText);
        AccountListModel model(&m_clock);
        EventLogModel log(&m_clock);
        FakeSession s(makeSnapshot(QStringLiteral("Production TPP"), Dialect::Venafi,
                                   SessionState::Active));
        model.addSession(&s);
        MainWindow w(nullptr, &model, &log, nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMessageBox *box = w.confirmRevoke(QStringLiteral("Production TPP"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("“Production TPP”")));
        QVERIFY(box->text().contains(QLatin1String("venafi.example.com")));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QCOMPARE(s.revokeCount, 0);
        box->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QCOMPARE(s.revokeCount, 1);
        Q_EMIT s.revokeFinished(serverConfirmed, QString());
        QTRY_VERIFY(w.lastResultBox());
        QVERIFY2(w.lastResultBox()->text().contains(resultText),
                 qPrintable(w.lastResultBox()->text()));
        QVERIFY(!w.lastResultBox()->text().contains(QLatin1String("CANARY")));
    }

    void cancelRevokesNothing()
    {
        AccountListModel model(&m_clock);
        EventLogModel log(&m_clock);
        FakeSession s(makeSnapshot(QStringLiteral("a"), Dialect::Venafi, SessionState::Active));
        model.addSession(&s);
        MainWindow w(nullptr, &model, &log, nullptr);
        w.show();
        QMessageBox *box = w.confirmRevoke(QStringLiteral("a"));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!box->isVisible());
        QCOMPARE(s.revokeCount, 0);
    }

    void buttonsFollowSelection()
    {
        AccountListModel model(&m_clock);
        EventLogModel log(&m_clock);
        FakeSession out(
                makeSnapshot(QStringLiteral("out"), Dialect::Venafi, SessionState::SignedOut));
        FakeSession in(makeSnapshot(QStringLiteral("in"), Dialect::Generic, SessionState::Active));
        model.addSession(&out);
        model.addSession(&in);
        MainWindow w(nullptr, &model, &log, nullptr);
        w.show();
        auto button = [&](const QString &name) {
            for (QPushButton *b : w.findChildren<QPushButton *>())
                if (b->accessibleName() == name)
                    return b;
            return static_cast<QPushButton *>(nullptr);
        };
        w.selectAccount(QStringLiteral("out"));
        QVERIFY(!button(QStringLiteral("Revoke"))->isEnabled());
        QVERIFY(!button(QStringLiteral("Refresh now"))->isEnabled());
        w.selectAccount(QStringLiteral("in"));
        QVERIFY(button(QStringLiteral("Revoke"))->isEnabled());
        button(QStringLiteral("Refresh now"))->click();
        QCOMPARE(in.refreshCount, 1);
    }

    void everyControlHasAnAccessibleName()
    {
        AccountListModel model(&m_clock);
        EventLogModel log(&m_clock);
        FakeSession s(makeSnapshot(QStringLiteral("a"), Dialect::Venafi, SessionState::Active));
        model.addSession(&s);
        MainWindow w(nullptr, &model, &log, nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QStringList missing = controlsWithoutAccessibleName(&w);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
