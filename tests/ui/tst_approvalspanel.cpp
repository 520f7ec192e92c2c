// The account pane's "Programs" section on the real broker and policy (a temporary settings
// file): answers given in a prompt appear at once, a remembered answer can be forgotten (the
// program is asked again), and the account's policy is changed and kept.
#include "AccessibilityCheck.h"
#include "AccountDetails.h"
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "ApprovalsPanel.h"
#include "Clock.h"
#include "PeerFixture.h"

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {
AccountConfig account(const QString &id)
{
    AccountConfig c;
    c.id = id;
    c.displayName = id.toUpper();
    c.dialect = Dialect::Generic;
    c.serverUrl = QUrl(QStringLiteral("https://idp.example"));
    c.clientId = QStringLiteral("cli");
    return c;
}
} // namespace

class TestApprovalsPanel : public QObject
{
    Q_OBJECT

    struct Rig
    {
        QTemporaryDir dir;
        QString file = dir.filePath(QStringLiteral("approvals.ini"));
        QSettings settings{file, QSettings::IniFormat};
        ApprovalPolicy policy{&settings};
        ManualClock clock;
        ApprovalBroker broker{&policy, &clock};
        QList<ApprovalBroker::Prompt> prompts;
        Rig()
        {
            clock.setWallMs(1'764'763'200'000); // 3 Dec 2025 12:00 UTC
            QObject::connect(&broker, &ApprovalBroker::promptRequested, &broker,
                             [this](const ApprovalBroker::Prompt &p) { prompts << p; });
        }
        // A program asks and the person answers the prompt.
        void ask(const QString &accountId, const QString &exe, ApprovalBroker::Answer a)
        {
            const int before = int(prompts.size());
            broker.decide(account(accountId), peerFromBash(exe), true,
                          [](bool, const QString &) {});
            QCOMPARE(prompts.size(), before + 1);
            broker.answer(prompts.last().id, a);
        }
    };

    static int rows(const ApprovalsPanel &panel) { return panel.programs()->topLevelItemCount(); }

private Q_SLOTS:
    void answersAppearAsTheyAreGiven()
    {
        Rig rig;
        ApprovalsPanel panel;
        panel.setBroker(&rig.broker);
        panel.setAccount(QStringLiteral("w"), rig.clock.wallMs());
        QVERIFY(!panel.isHidden()); // shown once there is a broker
        QCOMPARE(rows(panel), 0);
        QVERIFY(panel.text().contains(QLatin1String("No program's answer is remembered")));
        QCOMPARE(panel.policyBox()->currentData().toInt(), int(ApprovalPolicy::Policy::Ask));

        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/git"),
                ApprovalBroker::Answer::AlwaysAllow);
        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/python3.11"),
                ApprovalBroker::Answer::Deny);
        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/curl"),
                ApprovalBroker::Answer::AllowOnce); // not remembered: not listed
        QCOMPARE(rows(panel), 2);
        QCOMPARE(panel.programs()->topLevelItem(0)->text(0), QStringLiteral("git"));
        QCOMPARE(panel.programs()->topLevelItem(0)->toolTip(0), QStringLiteral("/usr/bin/git"));
        QCOMPARE(panel.programs()->topLevelItem(0)->text(1), QStringLiteral("always allowed"));
        QCOMPARE(panel.programs()->topLevelItem(1)->text(0), QStringLiteral("python3.11"));
        QCOMPARE(panel.programs()->topLevelItem(1)->text(1), QStringLiteral("denied"));
        QVERIFY(!panel.programs()->topLevelItem(0)->text(2).isEmpty()); // when it was decided
        const QStringList unnamed = controlsWithoutAccessibleName(&panel);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));
        QVERIFY(!panel.text().contains(QLatin1String("No program's answer")));

        // Another account's answers are its own.
        rig.ask(QStringLiteral("x"), QStringLiteral("/usr/bin/kubectl"),
                ApprovalBroker::Answer::AlwaysAllow);
        QCOMPARE(rows(panel), 2);
        panel.setAccount(QStringLiteral("x"), rig.clock.wallMs());
        QCOMPARE(rows(panel), 1);
        QCOMPARE(panel.programs()->topLevelItem(0)->text(0), QStringLiteral("kubectl"));
    }

    void forgettingAnAnswerAsksAgain()
    {
        Rig rig;
        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/git"),
                ApprovalBroker::Answer::AlwaysAllow);
        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/python3.11"),
                ApprovalBroker::Answer::Deny);
        ApprovalsPanel panel;
        panel.setBroker(&rig.broker);
        panel.setAccount(QStringLiteral("w"), rig.clock.wallMs());
        QCOMPARE(rows(panel), 2);
        QVERIFY(!panel.forgetButton()->isEnabled()); // nothing selected
        panel.programs()->topLevelItem(0)->setSelected(true);
        // The pane is refreshed on every tick; that must not lose what the person selected.
        panel.setAccount(QStringLiteral("w"), rig.clock.wallMs() + 1000);
        QVERIFY(panel.programs()->topLevelItem(0)->isSelected());
        QVERIFY(panel.forgetButton()->isEnabled());
        QTest::mouseClick(panel.forgetButton(), Qt::LeftButton);

        QCOMPARE(rows(panel), 1);
        QCOMPARE(panel.programs()->topLevelItem(0)->text(0), QStringLiteral("python3.11"));
        QCOMPARE(rig.policy.remembered(QStringLiteral("w"), QStringLiteral("/usr/bin/git"),
                                       QStringLiteral("1:2:3:4")),
                 std::nullopt);
        rig.settings.sync();
        QSettings reread(rig.file, QSettings::IniFormat); // gone from the file as well
        ApprovalPolicy fresh(&reread);
        QCOMPARE(fresh.entries(QStringLiteral("w")).size(), 1);
        // git asks again; python3.11 is still denied without a prompt.
        const qsizetype prompts = rig.prompts.size();
        std::optional<bool> git;
        rig.broker.decide(account(QStringLiteral("w")),
                          peerFromBash(QStringLiteral("/usr/bin/git")), true,
                          [&](bool ok, const QString &) { git = ok; });
        QCOMPARE(rig.prompts.size(), prompts + 1);
        QVERIFY(!git); // waiting on the person
        std::optional<bool> python;
        rig.broker.decide(account(QStringLiteral("w")),
                          peerFromBash(QStringLiteral("/usr/bin/python3.11")), true,
                          [&](bool ok, const QString &) { python = ok; });
        QCOMPARE(python, std::optional<bool>(false));
        QCOMPARE(rig.prompts.size(), prompts + 1);
    }

    void thePolicyIsChangedAndKept()
    {
        Rig rig;
        ApprovalsPanel panel;
        panel.setBroker(&rig.broker);
        panel.setAccount(QStringLiteral("w"), rig.clock.wallMs());
        QSignalSpy changed(&rig.broker, &ApprovalBroker::decisionsChanged);
        QComboBox *box = panel.policyBox();
        box->setCurrentIndex(box->findData(int(ApprovalPolicy::Policy::Allow)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rig.policy.policy(QStringLiteral("w")), ApprovalPolicy::Policy::Allow);
        QCOMPARE(rig.policy.policy(QStringLiteral("x")), ApprovalPolicy::Policy::Ask);
        QVERIFY(panel.text().contains(QLatin1String("without a question")));
        std::optional<bool> allowed;
        rig.broker.decide(account(QStringLiteral("w")),
                          peerFromBash(QStringLiteral("/usr/bin/env")), true,
                          [&](bool ok, const QString &) { allowed = ok; });
        QCOMPARE(allowed, std::optional<bool>(true));
        QVERIFY(rig.prompts.isEmpty());

        box->setCurrentIndex(box->findData(int(ApprovalPolicy::Policy::Deny)));
        rig.settings.sync();
        QSettings reread(rig.file, QSettings::IniFormat);
        QCOMPARE(ApprovalPolicy(&reread).policy(QStringLiteral("w")), ApprovalPolicy::Policy::Deny);
        // Showing another account shows that account's policy, and changes nothing.
        panel.setAccount(QStringLiteral("x"), rig.clock.wallMs());
        QCOMPARE(box->currentData().toInt(), int(ApprovalPolicy::Policy::Ask));
        QCOMPARE(rig.policy.policy(QStringLiteral("w")), ApprovalPolicy::Policy::Deny);
        QCOMPARE(changed.size(), 2);
    }

    void theDetailPaneShowsItOnlyWithTheAgent()
    {
        Rig rig;
        rig.ask(QStringLiteral("w"), QStringLiteral("/usr/bin/git"),
                ApprovalBroker::Answer::AlwaysAllow);
        AccountDetails details;
        AccountSnapshot s;
        s.config = account(QStringLiteral("w"));
        s.state = SessionState::Active;
        details.setAccount(s, rig.clock.wallMs(), QStringLiteral("Signed in"));
        QVERIFY(!details.text().contains(QLatin1String("/usr/bin/git")));
        details.setApprovalBroker(&rig.broker);
        details.setAccount(s, rig.clock.wallMs(), QStringLiteral("Signed in"));
        QVERIFY2(details.text().contains(QLatin1String("/usr/bin/git: always allowed")),
                 qPrintable(details.text()));
    }
};

QTEST_MAIN(TestApprovalsPanel)
#include "tst_approvalspanel.moc"
