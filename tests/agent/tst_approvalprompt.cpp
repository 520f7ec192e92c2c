// The approval prompt widget on the broker: the person's answer reaches every waiting caller and
// is remembered per program; a withdrawn prompt (the wait ran out) closes itself.
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "ApprovalPrompt.h"
#include "Clock.h"

#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestApprovalPrompt : public QObject
{
    Q_OBJECT

    static PeerIdentity git()
    {
        PeerIdentity p;
        p.credentialsKnown = true;
        p.process.pid = 77;
        p.process.exe = QStringLiteral("/usr/bin/git");
        p.process.fileIdentity = QStringLiteral("1:2:3:4");
        PeerIdentity::Process bash;
        bash.exe = QStringLiteral("/usr/bin/bash");
        p.parents << bash;
        return p;
    }
    static AccountConfig work()
    {
        AccountConfig c;
        c.id = QStringLiteral("w");
        c.displayName = QStringLiteral("Work");
        c.scope = QStringLiteral("repo:read");
        return c;
    }

private Q_SLOTS:
    void alwaysAllowAnswersAllWaitersAndIsRemembered()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
        ApprovalPolicy policy(&settings);
        ManualClock clock;
        ApprovalBroker broker(&policy, &clock);
        QPointer<ApprovalPrompt> dialog;
        connect(&broker, &ApprovalBroker::promptRequested, this,
                [&](const ApprovalBroker::Prompt &p) {
                    dialog = ApprovalPrompt::showFor(&broker, p);
                });
        int allowed = 0;
        for (int i = 0; i < 3; ++i)
            broker.decide(work(), git(), true, [&](bool ok, const QString &) { allowed += ok; });
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QWidgetList windows = QApplication::topLevelWidgets();
        QCOMPARE(std::count_if(windows.begin(), windows.end(),
                               [](QWidget *w) {
                                   return qobject_cast<ApprovalPrompt *>(w) && w->isVisible();
                               }),
                 1); // one prompt for three callers
        const QString text = dialog->findChild<QLabel *>(QStringLiteral("approvalText"))->text();
        QVERIFY(text.contains(QLatin1String("/usr/bin/git")));
        QVERIFY(text.contains(QLatin1String("started from bash")));
        QVERIFY(text.contains(QLatin1String("Work")));
        QVERIFY(text.contains(QLatin1String("repo:read")));
        auto *deny = dialog->findChild<QPushButton *>(QStringLiteral("deny"));
        QVERIFY(deny->isDefault());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("alwaysAllow")),
                          Qt::LeftButton);
        QCOMPARE(allowed, 3);
        QTRY_VERIFY(!dialog);
        QCOMPARE(policy.remembered(QStringLiteral("w"), QStringLiteral("/usr/bin/git"),
                                   QStringLiteral("1:2:3:4")),
                 std::optional<bool>(true));
    }

    void withdrawnPromptCloses()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("a.conf")), QSettings::IniFormat);
        ApprovalPolicy policy(&settings);
        ManualClock clock;
        ApprovalBroker broker(&policy, &clock);
        broker.setTimeoutMs(50);
        QPointer<ApprovalPrompt> dialog;
        connect(&broker, &ApprovalBroker::promptRequested, this,
                [&](const ApprovalBroker::Prompt &p) {
                    dialog = ApprovalPrompt::showFor(&broker, p);
                });
        bool denied = false;
        broker.decide(work(), git(), true, [&](bool ok, const QString &) { denied = !ok; });
        QVERIFY(dialog);
        QTRY_VERIFY(denied);
        QTRY_VERIFY(!dialog);
        QVERIFY(policy.entries(QStringLiteral("w")).isEmpty());
    }
};

QTEST_MAIN(TestApprovalPrompt)
#include "tst_approvalprompt.moc"
