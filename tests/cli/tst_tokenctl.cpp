// tokenctl and git-credential-tokenkeeper as real processes against the agent on the real
// engine (fake server, ManualClock, in-memory keychain) living in this test process: outputs,
// exit codes 2..7, curl's 401 -> refresh -> one retry, kubectl, git's credential fill, another
// uid refused, and cross-process single flight (100 processes at the instant of expiry).
#include "AgentRig.h"
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "CliRun.h"
#include "ErrorCodes.h"

#include <cstdio>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

using tkwire::WireMessage;

// The person's approvals for a test: a policy in a settings file of its own and the broker the
// agent asks; answerAlways() plays the person who clicks "Always allow this program".
struct TestApprovals
{
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("approval.conf")), QSettings::IniFormat};
    ApprovalPolicy policy{&settings};
    ApprovalBroker broker;
    AgentRig &rig;
    explicit TestApprovals(AgentRig &r) : broker(&policy, &r.clock), rig(r)
    {
        rig.service->setApprovalBroker(&broker);
    }
    ~TestApprovals() { rig.service->setApprovalBroker(nullptr); }
    void answerAlways()
    {
        QObject::connect(&broker, &ApprovalBroker::promptRequested, &broker,
                         [this](const ApprovalBroker::Prompt &p) {
                             broker.answer(p.id, ApprovalBroker::Answer::AlwaysAllow);
                         });
    }
};

class TestTokenctl : public QObject
{
    Q_OBJECT

    static QProcessEnvironment env(const AgentRig &rig)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), rig.runtime.path());
        e.insert(QStringLiteral("TOKENKEEPER_APP"), QStringLiteral("/nonexistent/tokenkeeper"));
        e.insert(QStringLiteral("TOKENKEEPER_START_TIMEOUT_MS"), QStringLiteral("300"));
        e.remove(QStringLiteral("KUBERNETES_EXEC_INFO"));
        return e;
    }
    static CliResult tokenctl(const AgentRig &rig, const QStringList &args,
                              const QByteArray &input = QByteArray())
    {
        return runCli(QStringLiteral(TK_TOKENCTL), args, env(rig), input);
    }

private Q_SLOTS:
    void tokenHeaderAndJson()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        CliResult r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray(s->currentAccessToken() + '\n'));
        r = tokenctl(rig, {QStringLiteral("header"), QStringLiteral("work")});
        QCOMPARE(r.out, QByteArray("Authorization: Bearer " + s->currentAccessToken() + '\n'));
        r = tokenctl(rig,
                     {QStringLiteral("token"), QStringLiteral("work"), QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("access_token")).toString().toLatin1(),
                 s->currentAccessToken());
        QCOMPARE(o.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(qint64(o.value(QLatin1String("expires_at")).toDouble()),
                 s->snapshot().accessExpiresAtMs / 1000);
        r = tokenctl(rig, {QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("work"));
        QVERIFY(!r.out.contains(s->currentAccessToken()));
        // --url: the most specific account.
        r = tokenctl(rig,
                     {QStringLiteral("token"), QStringLiteral("--url"),
                      rig.server.baseUrl().toString() + QStringLiteral("/vedsdk/x")});
        QCOMPARE(r.out, QByteArray(s->currentAccessToken() + '\n'));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("stderrHint");
        QTest::newRow("no command") << QStringList() << 2 << QStringLiteral("no command");
        QTest::newRow("unknown verb")
                << QStringList{QStringLiteral("steal")} << 2 << QStringLiteral("unknown command");
        QTest::newRow("password in argv")
                << QStringList{QStringLiteral("login"), QStringLiteral("work"),
                               QStringLiteral("--password=hunter2")}
                << 2 << QStringLiteral("--password-stdin");
        QTest::newRow("token in argv")
                << QStringList{QStringLiteral("rejected"), QStringLiteral("work"),
                               QStringLiteral("--token"), QStringLiteral("x")}
                << 2 << QStringLiteral("--password-stdin");
        QTest::newRow("two accounts")
                << QStringList{QStringLiteral("token"), QStringLiteral("a"), QStringLiteral("b")}
                << 2 << QStringLiteral("one ACCOUNT");
        QTest::newRow("bad min-valid")
                << QStringList{QStringLiteral("token"), QStringLiteral("work"),
                               QStringLiteral("--min-valid"), QStringLiteral("soon")}
                << 2 << QStringLiteral("--min-valid");
        QTest::newRow("revoke without --yes, no tty")
                << QStringList{QStringLiteral("revoke"), QStringLiteral("work")} << 2
                << QStringLiteral("--yes");
        QTest::newRow("unknown account")
                << QStringList{QStringLiteral("token"), QStringLiteral("nope")} << 1
                << QStringLiteral("no account matches");
        QTest::newRow("signed out, no prompt")
                << QStringList{QStringLiteral("--no-prompt"), QStringLiteral("token"),
                               QStringLiteral("idle")}
                << 3 << QStringLiteral("tokenctl login");
        QTest::newRow("keychain locked")
                << QStringList{QStringLiteral("token"), QStringLiteral("locked")} << 4
                << QStringLiteral("unlock");
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exit);
        QFETCH(QString, stderrHint);
        AgentRig rig;
        QVERIFY(rig.listen());
        QVERIFY(rig.signedInAs(QStringLiteral("work")));
        AccountConfig idle = rig.config(Dialect::Generic);
        idle.displayName = QStringLiteral("idle");
        Session *idleSession = rig.add(idle);
        rig.secrets.setForcedStatus(MemorySecretStore::Operation::Read,
                                    SecretStore::Status::Locked);
        AccountConfig locked = rig.config(Dialect::Salesforce);
        locked.displayName = QStringLiteral("locked");
        Session *lockedSession = rig.add(locked);
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return idleSession->machineState().loaded
                            && lockedSession->machineState().loaded;
                },
                5000));
        QSignalSpy prompts(rig.service.get(), &AgentService::signInRequested);
        const CliResult r = tokenctl(rig, args);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, exit);
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrHint), r.err.constData());
        QVERIFY(r.out.isEmpty());
        if (args.contains(QStringLiteral("--no-prompt")))
            QCOMPARE(prompts.size(), 0);
    }

    void offlineIsExit5()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        FakeFault down;
        down.kind = FakeFault::Kind::CloseImmediately;
        down.times = -1;
        rig.server.injectFault(QStringLiteral("*"), down);
        rig.clock.advance(s->snapshot().accessExpiresAtMs - rig.clock.wallMs());
        const CliResult r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("try again later"));
    }

    void notRunningIsExit7()
    {
        QTemporaryDir empty;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), empty.path());
        e.insert(QStringLiteral("TOKENKEEPER_APP"), QStringLiteral("/nonexistent/tokenkeeper"));
        e.insert(QStringLiteral("TOKENKEEPER_START_TIMEOUT_MS"), QStringLiteral("300"));
        CliResult r = runCli(QStringLiteral(TK_TOKENCTL),
                             {QStringLiteral("token"), QStringLiteral("work")}, e);
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.err.contains("could not be started"), r.err.constData());
        r = runCli(QStringLiteral(TK_TOKENCTL),
                   {QStringLiteral("--no-start"), QStringLiteral("list")}, e);
        QCOMPARE(r.exitCode, 7);
        r = runCli(QStringLiteral(TK_TOKENCTL), {QStringLiteral("status")}, e);
        QCOMPARE(r.exitCode, 7);
        QVERIFY(r.out.contains("not running"));
    }

    void deniedByPolicyIsExit6()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        TestApprovals approvals(rig);
        ApprovalPolicy &policy = approvals.policy;
        ApprovalBroker &broker = approvals.broker;
        broker.setTimeoutMs(500);
        policy.setPolicy(s->id(), ApprovalPolicy::Policy::Deny);
        CliResult r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.out.isEmpty());
        // "Ask" with nobody answering: the bounded wait ends in exit 6 as well.
        policy.setPolicy(s->id(), ApprovalPolicy::Policy::Ask);
        QSignalSpy prompts(&broker, &ApprovalBroker::promptRequested);
        r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 6);
        QCOMPARE(prompts.size(), 1);
        QVERIFY(r.err.contains("in time"));
        // Allowed for this program: remembered per executable + file identity.
        approvals.answerAlways();
        r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(prompts.size(), 2);
        QCOMPARE(prompts.last().first().value<ApprovalBroker::Prompt>().program,
                 QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath());
        r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(prompts.size(), 2); // remembered, no new prompt
    }

    // Issue 11's "for hours, across refreshes and rotations": four simulated hours of a script
    // calling tokenctl every 20 s to 3 min, against 10-minute Venafi tokens that rotate on
    // every refresh, with the server killing the access tokens now and then. Every token handed
    // out is live at the server when it is handed out; the program is asked about once; nobody
    // is asked to sign in; at the end there is one grant, and the keychain holds its newest
    // refresh token.
    void hoursOfHandOffAcrossRotations()
    {
        AgentRig rig;
        rig.server.knobs(Dialect::Venafi).accessLifetime = 600;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        TestApprovals person(rig);
        QSignalSpy approvals(&person.broker, &ApprovalBroker::promptRequested);
        person.answerAlways();
        QSignalSpy signIns(rig.service.get(), &AgentService::signInRequested);
        const int refreshesBefore = rig.server.requestCount(QStringLiteral("venafi.token"));
        const QString url =
                rig.server.baseUrl().toString() + QStringLiteral("/vedsdk/Identity/Self");
        QRandomGenerator rng(20261203); // fixed: a failure replays
        const qint64 hours = 4 * 3600'000LL;
        qint64 elapsed = 0;
        int calls = 0, killed = 0;
        QSet<QByteArray> distinct;
        while (elapsed < hours) {
            const qint64 step = 20'000 + qint64(rng.bounded(160'000));
            rig.clock.advance(step);
            elapsed += step;
            if (rng.bounded(40) == 0) { // the server ends the access tokens behind our back
                rig.server.expireAllAccessTokens();
                ++killed;
                CliResult r = tokenctl(rig,
                                       {QStringLiteral("curl"), QStringLiteral("work"),
                                        QStringLiteral("-s"), url});
                QCOMPARE(r.exitCode, 0);
                QVERIFY2(r.out.contains("Identity") && !r.out.contains("invalid_token"),
                         r.out.constData());
                ++calls;
                continue;
            }
            CliResult r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")});
            QCOMPARE(r.exitCode, 0);
            const QByteArray token = r.out.trimmed();
            QVERIFY2(rig.server.isTokenActive(token),
                     qPrintable(QStringLiteral("stale token after %1 s").arg(elapsed / 1000)));
            distinct.insert(token);
            ++calls;
        }
        const int refreshes =
                rig.server.requestCount(QStringLiteral("venafi.token")) - refreshesBefore;
        std::printf("soak: %d calls over %lld simulated min, %d refreshes, %lld distinct tokens, "
                    "%d server-side kills\n",
                    calls, elapsed / 60'000, refreshes, qint64(distinct.size()), killed);
        QVERIFY(calls > 100);
        QCOMPARE(approvals.size(), 1); // asked once, on the first call
        QCOMPARE(signIns.size(), 0);
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 1);
        QCOMPARE(rig.storedRefreshToken(s->config()),
                 rig.server.currentRefreshToken(Dialect::Venafi,
                                                QString::fromLatin1(SessionRig::kUser)));
        // Enough refreshes to cover four hours of 10-minute tokens, and no storm.
        QVERIFY2(refreshes >= 4 * 60 / 10 && refreshes <= 4 * 60 / 10 * 2 + killed + 2,
                 qPrintable(QString::number(refreshes)));
    }

    // The seeds' 401 -> refresh -> retry for the person's own API calls: the access token dies
    // behind Tokenkeeper's back; exactly one refresh, one retry, the caller sees only the 200.
    void curlRecoversFromARevokedToken()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const QString url =
                rig.server.baseUrl().toString() + QStringLiteral("/vedsdk/Identity/Self");
        CliResult r = tokenctl(
                rig, {QStringLiteral("curl"), QStringLiteral("work"), QStringLiteral("-s"), url});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Identity"), r.out.constData());
        rig.server.expireAllAccessTokens();
        rig.server.resetRecords();
        r = tokenctl(rig,
                     {QStringLiteral("curl"), QStringLiteral("work"), QStringLiteral("-s"), url});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Identity"), r.out.constData());
        QVERIFY(!r.out.contains("invalid_token")); // the 401 page was held back
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 1);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.resource")), 2);
        // The header travelled through a file descriptor, never through argv.
        for (const FakeRequest &req : rig.server.requests(QStringLiteral("venafi.resource")))
            QVERIFY(req.header("Authorization").startsWith("Bearer "));
    }

    // M-68 / S-20: the token reaches curl through a file descriptor; curl's argv (readable by
    // every user in /proc/<pid>/cmdline) holds only "@/dev/fd/N". A stand-in curl records both.
    void curlArgvNeverHoldsTheToken()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        QTemporaryDir bin;
        QFile fake(bin.filePath(QStringLiteral("curl")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\n"
                   "out=\"$(dirname \"$0\")\"\n"
                   "printf '%s\\n' \"$@\" > \"$out/argv\"\n"
                   "while [ $# -gt 0 ]; do\n"
                   "  case \"$1\" in\n"
                   "    -H) cat \"${2#@}\" > \"$out/header\"; shift 2;;\n"
                   "    -D) printf 'HTTP/1.1 200 OK\\r\\n\\r\\n' > \"$2\"; shift 2;;\n"
                   "    *) shift;;\n"
                   "  esac\n"
                   "done\n"
                   "echo body\n");
        fake.close();
        QVERIFY(fake.setPermissions(QFile::ReadOwner | QFile::ExeOwner | QFile::WriteOwner));
        QProcessEnvironment e = env(rig);
        e.insert(QStringLiteral("PATH"),
                 bin.path() + QLatin1Char(':') + e.value(QStringLiteral("PATH")));
        const CliResult r = runCli(QStringLiteral(TK_TOKENCTL),
                                   {QStringLiteral("curl"), QStringLiteral("work"),
                                    QStringLiteral("https://api.example.com/x")},
                                   e);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("body\n"));
        QFile argv(bin.filePath(QStringLiteral("argv")));
        QVERIFY(argv.open(QIODevice::ReadOnly));
        const QByteArray args = argv.readAll();
        QVERIFY2(args.contains("@/dev/fd/"), args.constData());
        QVERIFY(args.contains("https://api.example.com/x"));
        QVERIFY(!args.contains(s->currentAccessToken()));
        QFile header(bin.filePath(QStringLiteral("header")));
        QVERIFY(header.open(QIODevice::ReadOnly));
        QCOMPARE(header.readAll(),
                 QByteArray("Authorization: Bearer " + s->currentAccessToken() + '\n'));
    }

    void kubectlExecCredential()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        QProcessEnvironment e = env(rig);
        e.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
                 QStringLiteral("{\"kind\":\"ExecCredential\",\"apiVersion\":"
                                "\"client.authentication.k8s.io/v1\",\"spec\":"
                                "{\"interactive\": false}}"));
        CliResult r = runCli(QStringLiteral(TK_TOKENCTL),
                             {QStringLiteral("kubectl"), QStringLiteral("work")}, e);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("client.authentication.k8s.io/v1"));
        QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("ExecCredential"));
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        QCOMPARE(status.value(QLatin1String("token")).toString().toLatin1(),
                 s->currentAccessToken());
        const QDateTime expiry = QDateTime::fromString(
                status.value(QLatin1String("expirationTimestamp")).toString(), Qt::ISODate);
        QVERIFY(expiry.isValid());
        QCOMPARE(expiry.toMSecsSinceEpoch(), s->snapshot().accessExpiresAtMs / 1000 * 1000);
        QVERIFY(expiry.toMSecsSinceEpoch() > rig.clock.wallMs());
        // Non-interactive kubectl against an account that needs a sign-in: no prompt, exit 3.
        AccountConfig idle = rig.config(Dialect::Generic);
        idle.displayName = QStringLiteral("idle");
        Session *idleSession = rig.add(idle);
        QVERIFY(QTest::qWaitFor([&] { return idleSession->machineState().loaded; }, 5000));
        QSignalSpy prompts(rig.service.get(), &AgentService::signInRequested);
        r = runCli(QStringLiteral(TK_TOKENCTL), {QStringLiteral("kubectl"), QStringLiteral("idle")},
                   e);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(prompts.size(), 0);
    }

    void gitCredentialFill()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        QVERIFY(rig.signedInAs(QStringLiteral("work")));
        Session *generic = rig.signedInAs(QStringLiteral("api"), Dialect::Generic);
        QVERIFY(generic);
        QProcessEnvironment e = env(rig);
        e.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        e.insert(QStringLiteral("HOME"), rig.runtime.path());
        e.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
        const QString host = QStringLiteral("127.0.0.1:%1").arg(rig.server.port());
        const QStringList args = {
                QStringLiteral("-c"),
                QStringLiteral("credential.helper=") + QStringLiteral(TK_GIT_HELPER),
                QStringLiteral("-c"),
                QStringLiteral("credential.useHttpPath=true"),
                QStringLiteral("credential"),
                QStringLiteral("fill")};
        CliResult r =
                runCli(QStringLiteral("git"), args, e,
                       "protocol=http\nhost=" + host.toLatin1() + "\npath=generic/repo.git\n\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QByteArray("password=" + generic->currentAccessToken() + '\n')),
                 r.out.constData());
        QVERIFY(r.out.contains("username=alice\n"));
        // erase = rejected: one refresh, a new token next time.
        const QByteArray old = generic->currentAccessToken();
        const int refreshes = rig.server.requestCount(QStringLiteral("generic.token"));
        r = runCli(QStringLiteral(TK_GIT_HELPER), {QStringLiteral("erase")}, e,
                   "protocol=http\nhost=" + host.toLatin1()
                           + "\npath=generic/repo.git\npassword=" + old + "\n\n");
        QCOMPARE(r.exitCode, 0);
        r = runCli(QStringLiteral(TK_GIT_HELPER), {QStringLiteral("get")}, e,
                   "protocol=http\nhost=" + host.toLatin1() + "\npath=generic/repo.git\n\n");
        QVERIFY(!r.out.contains(old));
        QVERIFY(r.out.contains(QByteArray("password=" + generic->currentAccessToken())));
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), refreshes + 1);
        // A host Tokenkeeper does not manage: no output, no noise, git asks the next helper.
        r = runCli(QStringLiteral(TK_GIT_HELPER), {QStringLiteral("get")}, e,
                   "protocol=https\nhost=git.elsewhere.example\n\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.isEmpty());
        // Two accounts on the same host and no path to tell them apart: refused, candidates listed.
        AccountConfig twin = rig.config(Dialect::Salesforce);
        twin.displayName = QStringLiteral("twin");
        rig.add(twin);
        r = runCli(QStringLiteral(TK_GIT_HELPER), {QStringLiteral("get")}, e,
                   "protocol=http\nhost=" + host.toLatin1() + "\n\n");
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("several accounts"), r.err.constData());
        // Naming the account settles it, through git's own configuration of the helper.
        const QStringList named = {QStringLiteral("-c"),
                                   QStringLiteral("credential.helper=")
                                           + QStringLiteral(TK_GIT_HELPER)
                                           + QStringLiteral(" --account api"),
                                   QStringLiteral("credential"), QStringLiteral("fill")};
        r = runCli(QStringLiteral("git"), named, e,
                   "protocol=http\nhost=" + host.toLatin1() + "\n\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QByteArray("password=" + generic->currentAccessToken() + '\n')),
                 r.err.constData());
        r = runCli(QStringLiteral(TK_GIT_HELPER),
                   {QStringLiteral("--account"), QStringLiteral("nosuch"), QStringLiteral("get")},
                   e, "protocol=http\nhost=" + host.toLatin1() + "\n\n");
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.exitCode != 0);
        r = runCli(QStringLiteral(TK_GIT_HELPER),
                   {QStringLiteral("--bogus"), QStringLiteral("get")}, e,
                   "protocol=http\nhost=" + host.toLatin1() + "\n\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("usage"));
    }

    void addLoginRemoveThroughTokenctl()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        CliResult r = tokenctl(
                rig,
                {QStringLiteral("add"), QStringLiteral("--dialect"), QStringLiteral("salesforce"),
                 QStringLiteral("--server"), rig.server.salesforceUrl().toString(),
                 QStringLiteral("--client-id"), QStringLiteral("tk-sf"), QStringLiteral("--user"),
                 QStringLiteral("alice"), QStringLiteral("--scope"),
                 QStringLiteral("api refresh_token"), QStringLiteral("--name"),
                 QStringLiteral("sf"), QStringLiteral("--client-secret-stdin")},
                "sf-secret\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("added sf"));
        r = tokenctl(
                rig,
                {QStringLiteral("login"), QStringLiteral("sf"), QStringLiteral("--password-stdin")},
                QByteArray(SessionRig::kPassword) + '\n');
        QCOMPARE(r.exitCode, 0);
        r = tokenctl(rig, {QStringLiteral("token"), QStringLiteral("sf")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.trimmed().isEmpty());
        r = tokenctl(rig,
                     {QStringLiteral("remove"), QStringLiteral("sf"), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(rig.manager->sessions().isEmpty());
    }

    // M-66: a peer with another uid is refused by the peer-credential check alone: the test
    // opens the directories and the socket to everyone first.
    void anotherUidIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to run a client as nobody");
        AgentRig rig;
        QVERIFY(rig.listen());
        QVERIFY(rig.signedInAs(QStringLiteral("work")));
        for (const QString &p : {rig.runtime.path(), rig.socketDir()})
            QCOMPARE(::chmod(QFile::encodeName(p).constData(), 0711), 0);
        QCOMPARE(::chmod(QFile::encodeName(rig.socketPath()).constData(), 0777), 0);
        // A copy of tokenctl that nobody may execute wherever the build tree lives.
        const QString copy = rig.runtime.path() + QStringLiteral("/tokenctl");
        QVERIFY(QFile::copy(QStringLiteral(TK_TOKENCTL), copy));
        QVERIFY(QFile::setPermissions(
                copy, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("setpriv not installed");
        const CliResult r =
                runCli(setpriv,
                       {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                        QStringLiteral("--clear-groups"), copy, QStringLiteral("--no-start"),
                        QStringLiteral("token"), QStringLiteral("work")},
                       env(rig));
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("without a reply"), r.err.constData());
        QTRY_VERIFY(
                !rig.log.filter(QStringLiteral("refused a connection from uid 65534")).isEmpty());
        // The owner is still served.
        QCOMPARE(tokenctl(rig, {QStringLiteral("token"), QStringLiteral("work")}).exitCode, 0);
    }

    // Cross-process single flight: 100 tokenctl processes started together at the instant the
    // access token expires produce exactly one refresh request at the server.
    void hundredProcessesOneRefresh()
    {
        AgentRig rig;
        QVERIFY(rig.listen());
        Session *s = rig.signedInAs(QStringLiteral("work"));
        QVERIFY(s);
        const QByteArray old = s->currentAccessToken();
        rig.clock.advance(s->snapshot().accessExpiresAtMs - rig.clock.wallMs());
        rig.server.resetRecords();
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 100; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env(rig));
            p->start(QStringLiteral(TK_TOKENCTL),
                     {QStringLiteral("token"), QStringLiteral("work")});
            procs.push_back(std::move(p));
        }
        QVERIFY(QTest::qWaitFor(
                [&] {
                    return std::all_of(procs.begin(), procs.end(), [](const auto &p) {
                        return p->state() == QProcess::NotRunning;
                    });
                },
                60000));
        QByteArray fresh;
        for (const auto &p : procs) {
            QCOMPARE(p->exitCode(), 0);
            const QByteArray out = p->readAllStandardOutput().trimmed();
            QVERIFY(!out.isEmpty());
            QVERIFY(out != old);
            if (fresh.isEmpty())
                fresh = out;
            QCOMPARE(out, fresh);
        }
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 1);
        QCOMPARE(rig.log.filter(QStringLiteral("token handed to tokenctl")).size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestTokenctl)
#include "tst_tokenctl.moc"
