// Per-program approval: the policy store (QSettings) and the broker's decisions, coalescing
// (one prompt per account at a time, every waiter of a program on one answer) and bounded waits.
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "Clock.h"
#include "PeerFixture.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Policy = ApprovalPolicy::Policy;
using Answer = ApprovalBroker::Answer;

namespace {

AccountConfig account(const QString &id)
{
    AccountConfig c;
    c.id = id;
    c.displayName = QStringLiteral("Account ") + id;
    c.scope = QStringLiteral("api");
    return c;
}

struct Verdicts
{
    int allowed = 0;
    int denied = 0;
    QString lastWhy;
    ApprovalBroker::Done done()
    {
        return [this](bool ok, const QString &why) {
            ok ? ++allowed : ++denied;
            lastWhy = why;
        };
    }
};

} // namespace

class TestApproval : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ApprovalPolicy> m_policy;
    ManualClock m_clock;
    std::unique_ptr<ApprovalBroker> m_broker;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("approvals.conf")));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("approvals.conf")),
                                                 QSettings::IniFormat);
        m_policy = std::make_unique<ApprovalPolicy>(m_settings.get());
        m_broker = std::make_unique<ApprovalBroker>(m_policy.get(), &m_clock);
        m_broker->setTimeoutMs(60000);
    }
    void cleanup()
    {
        m_broker.reset();
        m_policy.reset();
        m_settings.reset();
    }

    void policyStorePersists()
    {
        QCOMPARE(m_policy->policy(QStringLiteral("a")), Policy::Ask);
        m_policy->setPolicy(QStringLiteral("a"), Policy::Deny);
        m_policy->remember(QStringLiteral("a"), QStringLiteral("/usr/bin/git"),
                           QStringLiteral("1:2:3:4"), true, 1000);
        m_settings->sync();
        QSettings again(m_dir.filePath(QStringLiteral("approvals.conf")), QSettings::IniFormat);
        ApprovalPolicy reread(&again);
        QCOMPARE(reread.policy(QStringLiteral("a")), Policy::Deny);
        QCOMPARE(reread.policy(QStringLiteral("b")), Policy::Ask);
        QCOMPARE(reread.remembered(QStringLiteral("a"), QStringLiteral("/usr/bin/git"),
                                   QStringLiteral("1:2:3:4")),
                 std::optional<bool>(true));
        // A replaced binary (new identity) or another path is a new program.
        QVERIFY(!reread.remembered(QStringLiteral("a"), QStringLiteral("/usr/bin/git"),
                                   QStringLiteral("9:9:9:9")));
        QVERIFY(!reread.remembered(QStringLiteral("a"), QStringLiteral("/tmp/git"),
                                   QStringLiteral("1:2:3:4")));
        QVERIFY(!reread.remembered(QStringLiteral("b"), QStringLiteral("/usr/bin/git"),
                                   QStringLiteral("1:2:3:4")));
        const auto entries = reread.entries(QStringLiteral("a"));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().executable, QStringLiteral("/usr/bin/git"));
        QVERIFY(entries.first().allowed);
        QCOMPARE(entries.first().decidedAtMs, qint64(1000));
        reread.forget(QStringLiteral("a"), entries.first().key);
        QVERIFY(reread.entries(QStringLiteral("a")).isEmpty());
        // An unidentifiable program is never remembered.
        reread.remember(QStringLiteral("a"), QString(), QStringLiteral("1"), true, 0);
        QVERIFY(reread.entries(QStringLiteral("a")).isEmpty());
    }

    // tokenctl asking for a script: the script's interpreter is the program approved.
    void ownClientsAreSeenThrough()
    {
        const PeerIdentity viaTokenctl = peerFromBash(QStringLiteral("/usr/bin/tokenctl"));
        QCOMPARE(viaTokenctl.subject().exe, QStringLiteral("/usr/bin/bash"));
        QCOMPARE(viaTokenctl.subject().fileIdentity, QStringLiteral("5:6:7:8"));
        const PeerIdentity direct = peerFromBash(QStringLiteral("/usr/bin/python3"));
        QCOMPARE(direct.subject().exe, QStringLiteral("/usr/bin/python3"));
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        Verdicts v;
        m_broker->decide(account(QStringLiteral("a")), viaTokenctl, true, v.done());
        QCOMPARE(prompts.size(), 1);
        QCOMPARE(prompts.first().first().value<ApprovalBroker::Prompt>().program,
                 QStringLiteral("/usr/bin/bash"));
    }

    void nestedShellsAreNamedOnce()
    {
        PeerIdentity p = peerFromBash(QStringLiteral("/usr/bin/git"));
        PeerIdentity::Process bash;
        bash.exe = QStringLiteral("/usr/bin/bash");
        PeerIdentity::Process term;
        term.exe = QStringLiteral("/usr/bin/xterm");
        p.parents << bash << bash << term;
        QCOMPARE(p.describe(), QStringLiteral("git (pid 4242), started from bash ×3, from xterm"));
        p.parents = {term};
        QCOMPARE(p.describe(), QStringLiteral("git (pid 4242), started from xterm"));
        p.parents.clear();
        QCOMPARE(p.describe(), QStringLiteral("git (pid 4242)"));
    }

    void defaultPolicyApplies()
    {
        m_policy->setDefaultPolicy(Policy::Allow);
        QCOMPARE(m_policy->policy(QStringLiteral("x")), Policy::Allow);
        m_policy->setPolicy(QStringLiteral("x"), Policy::Ask);
        QCOMPARE(m_policy->policy(QStringLiteral("x")), Policy::Ask);
    }

    void policyDecidesWithoutPrompt_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("allow") << int(Policy::Allow) << true;
        QTest::newRow("deny") << int(Policy::Deny) << false;
    }
    void policyDecidesWithoutPrompt()
    {
        QFETCH(int, policy);
        QFETCH(bool, allowed);
        m_policy->setPolicy(QStringLiteral("a"), Policy(policy));
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        Verdicts v;
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, v.done());
        QCOMPARE(v.allowed, allowed ? 1 : 0);
        QCOMPARE(v.denied, allowed ? 0 : 1);
        QCOMPARE(prompts.size(), 0);
        if (!allowed)
            QVERIFY(v.lastWhy.contains(QLatin1String("policy")));
    }

    void nonInteractiveCallerIsNeverKeptWaiting()
    {
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        Verdicts v;
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/kubectl")), false, v.done());
        QCOMPARE(v.denied, 1); // at once, before any answer
        QVERIFY(v.lastWhy.contains(QLatin1String("kubectl")));
        // The prompt is shown all the same (once), so that the next call can succeed.
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/kubectl")), false, v.done());
        QCOMPARE(v.denied, 2);
        QCOMPARE(prompts.size(), 1);
        m_broker->answer(prompts.first().first().value<ApprovalBroker::Prompt>().id,
                         Answer::AlwaysAllow);
        QCOMPARE(m_broker->pendingPrompts(), 0);
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/kubectl")), false, v.done());
        QCOMPARE(v.allowed, 1);
        QCOMPARE(v.denied, 2);
    }

    // Many callers of one program: one prompt; "Allow once" lets them all through, remembers
    // nothing, so the next call asks again.
    void callersOfOneProgramShareOnePrompt()
    {
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        Verdicts v;
        for (int i = 0; i < 5; ++i)
            m_broker->decide(account(QStringLiteral("a")),
                             peerFromBash(QStringLiteral("/usr/bin/git"), QStringLiteral("1:2:3:4"),
                                          100 + i),
                             true, v.done());
        QCOMPARE(prompts.size(), 1);
        const auto prompt = prompts.first().first().value<ApprovalBroker::Prompt>();
        QCOMPARE(prompt.program, QStringLiteral("/usr/bin/git"));
        QCOMPARE(prompt.accountName, QStringLiteral("Account a"));
        QCOMPARE(prompt.scope, QStringLiteral("api"));
        QVERIFY(prompt.description.contains(QLatin1String("started from bash")));
        QCOMPARE(v.allowed + v.denied, 0);
        m_broker->answer(prompt.id, Answer::AllowOnce);
        QCOMPARE(v.allowed, 5);
        QCOMPARE(m_broker->pendingPrompts(), 0);
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, v.done());
        QCOMPARE(prompts.size(), 2);
    }

    // Two programs for one account: one prompt at a time; the second follows the first.
    // Another account gets its own prompt at the same time.
    void onePromptPerAccountAtATime()
    {
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        Verdicts git, curl, other;
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, git.done());
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/curl")), true, curl.done());
        QCOMPARE(prompts.size(), 1);
        m_broker->decide(account(QStringLiteral("b")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, other.done());
        QCOMPARE(prompts.size(), 2);
        QCOMPARE(m_broker->pendingPrompts(), 3);
        const auto first = prompts.at(0).first().value<ApprovalBroker::Prompt>();
        m_broker->answer(first.id, Answer::Deny);
        QCOMPARE(git.denied, 1);
        QCOMPARE(prompts.size(), 3);
        const auto second = prompts.at(2).first().value<ApprovalBroker::Prompt>();
        QCOMPARE(second.program, QStringLiteral("/usr/bin/curl"));
        m_broker->answer(second.id, Answer::AlwaysAllow);
        QCOMPARE(curl.allowed, 1);
        QCOMPARE(other.allowed + other.denied, 0); // still waiting on its own prompt
        // Remembered: "Deny" for git, "Always allow" for curl, per account.
        QCOMPARE(m_policy->remembered(QStringLiteral("a"), QStringLiteral("/usr/bin/git"),
                                      QStringLiteral("1:2:3:4")),
                 std::optional<bool>(false));
        Verdicts again;
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/curl")), true, again.done());
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, again.done());
        QCOMPARE(again.allowed, 1);
        QCOMPARE(again.denied, 1);
        QCOMPARE(prompts.size(), 3);
    }

    void unansweredPromptTimesOutAsDenied()
    {
        m_broker->setTimeoutMs(50);
        QSignalSpy prompts(m_broker.get(), &ApprovalBroker::promptRequested);
        QSignalSpy withdrawn(m_broker.get(), &ApprovalBroker::promptWithdrawn);
        Verdicts git, curl;
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, git.done());
        m_broker->decide(account(QStringLiteral("a")), peerFromBash(QStringLiteral("/usr/bin/git")),
                         true, git.done());
        m_broker->decide(account(QStringLiteral("a")),
                         peerFromBash(QStringLiteral("/usr/bin/curl")), true, curl.done());
        QTRY_COMPARE(git.denied, 2);
        QVERIFY(git.lastWhy.contains(QLatin1String("in time")));
        QCOMPARE(withdrawn.first().first().toULongLong(),
                 prompts.first().first().value<ApprovalBroker::Prompt>().id);
        QTRY_COMPARE(curl.denied, 1); // queued behind; its own wait is bounded too
        QCOMPARE(withdrawn.size(), prompts.size()); // every prompt shown was closed again
        QCOMPARE(m_broker->pendingPrompts(), 0);
        QVERIFY(m_policy->entries(QStringLiteral("a")).isEmpty()); // a timeout is not remembered
    }
};

QTEST_GUILESS_MAIN(TestApproval)
#include "tst_approval.moc"
