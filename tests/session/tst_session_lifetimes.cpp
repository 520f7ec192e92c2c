#include "RefreshPolicy.h"
#include "SessionRig.h"

#include <algorithm>

// Issue 9, "Lifetimes from 5 s to 90 days all work": the engine against the fake server with
// real loopback HTTP and simulated time. For each access-token lifetime a caller asks for a
// token every tick; the test counts the token-endpoint requests the server saw (timestamped on
// the shared clock), checks them against the ceiling and the spacing the policy promises, and
// that every caller was answered, with a token whenever one could exist.
class tst_SessionLifetimes : public QObject
{
    Q_OBJECT

    struct Run
    {
        QList<qint64> requestTimes; // token-endpoint requests, on the shared clock
        int asked = 0;
        int served = 0;
        int failed = 0;
        int unanswered = 0;
    };

    static void watchRequests(SessionRig &rig, Run *run, Dialect dialect)
    {
        const QString refresh = SessionRig::tokenEndpoint(dialect);
        const QString login = SessionRig::loginEndpoint(dialect);
        QObject::connect(&rig.server, &FakeAuthServer::requestReceived, &rig.server,
                         [run, refresh, login, &rig](const QString &endpoint) {
                             if (endpoint == refresh || endpoint == login)
                                 run->requestTimes.append(rig.clock.wallMs());
                         });
    }

    // Advances simulated time by `span` in `tick` steps; a caller asks at every tick and the
    // tick waits (real time) until the engine has settled, so every request is on the clock.
    static void drive(SessionRig &rig, Session *s, Run *run, qint64 span, qint64 tick)
    {
        QList<std::shared_ptr<SessionRig::Answer>> pending;
        for (qint64 t = 0; t < span; t += tick) {
            pending.append(SessionRig::ask(s));
            ++run->asked;
            QVERIFY(QTest::qWaitFor(
                    [s] {
                        return s->machineState().flight.op == SessionMachine::Op::None
                                && !s->machineState().persist.pending;
                    },
                    5000));
            rig.advance(tick);
            QVERIFY(QTest::qWaitFor(
                    [s] {
                        return s->machineState().flight.op == SessionMachine::Op::None
                                && !s->machineState().persist.pending;
                    },
                    5000));
        }
        // Anyone still waiting (for a ceiling slot seconds away) is answered within that wait.
        rig.advance(RefreshPolicy::kMaxCeilingWaitMs + 1000);
        QVERIFY(SessionRig::waitSettled(s));
        for (const auto &a : std::as_const(pending)) {
            if (!a->answered)
                ++run->unanswered;
            else if (a->token.isEmpty())
                ++run->failed;
            else
                ++run->served;
        }
    }

    static int maxInWindow(const QList<qint64> &times, qint64 window)
    {
        int best = 0;
        for (int i = 0; i < times.size(); ++i) {
            int n = 0;
            for (int j = i; j < times.size() && times.at(j) < times.at(i) + window; ++j)
                ++n;
            best = std::max(best, n);
        }
        return best;
    }

    static qint64 minGap(const QList<qint64> &times)
    {
        qint64 gap = std::numeric_limits<qint64>::max();
        for (int i = 1; i < times.size(); ++i)
            gap = std::min(gap, times.at(i) - times.at(i - 1));
        return gap;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AuthError>(); }

    void lifetimes_data()
    {
        QTest::addColumn<qint64>("lifetimeS");
        QTest::addColumn<qint64>("spanS");
        QTest::addColumn<qint64>("tickMs");
        QTest::newRow("5 s") << qint64(5) << qint64(180) << qint64(500);
        QTest::newRow("10 s") << qint64(10) << qint64(180) << qint64(500);
        QTest::newRow("30 s") << qint64(30) << qint64(300) << qint64(1000);
        QTest::newRow("60 s") << qint64(60) << qint64(600) << qint64(2000);
        QTest::newRow("61 s") << qint64(61) << qint64(600) << qint64(2000);
        QTest::newRow("5 min") << qint64(300) << qint64(3000) << qint64(10000);
        QTest::newRow("1 h") << qint64(3600) << qint64(6 * 3600) << qint64(60000);
        QTest::newRow("90 days") << qint64(90 * 86400) << qint64(360 * 86400)
                                 << qint64(86400 * 1000);
    }
    void lifetimes()
    {
        QFETCH(qint64, lifetimeS);
        QFETCH(qint64, spanS);
        QFETCH(qint64, tickMs);
        SessionRig rig;
        rig.server.knobs(Dialect::Generic).accessLifetime = lifetimeS;
        rig.server.knobs(Dialect::Generic).grantLifetime = 0; // the grant outlives the test
        Run run;
        watchRequests(rig, &run, Dialect::Generic);
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        drive(rig, s, &run, spanS * 1000, tickMs);

        // M-16: an expires_in beyond 24 h is clamped to 24 h for scheduling.
        const qint64 lifetimeMs = std::min<qint64>(lifetimeS, 24 * 3600) * 1000;
        const int requests = run.requestTimes.size();
        const double perLifetime = double(requests) * double(lifetimeMs) / double(spanS * 1000);
        qInfo("lifetime %8llds: %4d requests in %llds (%.2f per scheduled lifetime), max %d in a "
              "minute, "
              "min gap %.1fs; callers %d: served %d, failed %d, unanswered %d",
              qlonglong(lifetimeS), requests, qlonglong(spanS), perLifetime,
              maxInWindow(run.requestTimes, 60000), double(minGap(run.requestTimes)) / 1000.0,
              run.asked, run.served, run.failed, run.unanswered);

        // I-5: the ceiling holds whatever the lifetime.
        QVERIFY2(maxInWindow(run.requestTimes, RefreshPolicy::kCeilingWindowMs)
                         <= RefreshPolicy::kCeilingRequests,
                 "more token requests in a minute than the ceiling allows");
        // Never back to back: a token is refreshed around its middle or later, and never
        // closer to the previous request than the policy's spacing (or half the lifetime, for
        // tokens so short that a caller needs one before that spacing).
        const qint64 allowedGap =
                std::min(lifetimeMs / 2 - lifetimeMs / 20, RefreshPolicy::kMinProactiveSpacingMs)
                - tickMs;
        QVERIFY2(minGap(run.requestTimes) >= allowedGap, "two token requests too close");
        // At most about two requests per lifetime (middle-of-life refreshes) ...
        QVERIFY(perLifetime <= 2.2);
        // ... and for lifetimes the ceiling can sustain, never fewer than needed: every caller
        // got a token. Shorter ones leave short gaps; every caller is still answered.
        QCOMPARE(run.unanswered, 0);
        if (lifetimeS >= 60)
            QCOMPARE(run.served, run.asked);
        else
            QVERIFY(run.served >= run.asked * 6 / 10);
        QCOMPARE(s->state() == SessionState::Active || s->state() == SessionState::Backoff, true);
    }

    void lastTokenOfAGrantIsServedToItsEndThenReprompts()
    {
        // A Venafi grant of 15 min with 2-minute tokens (the demo): the server caps `expires` at
        // refresh_until, so the last token cannot be renewed. It is served until the end, then
        // one re-prompt; no storm in the last minute (was ~2,300 requests).
        SessionRig rig;
        rig.server.knobs(Dialect::Venafi).accessLifetime = 120;
        rig.server.knobs(Dialect::Venafi).grantLifetime = 15 * 60;
        Run run;
        watchRequests(rig, &run, Dialect::Venafi);
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        const qint64 grantEnd = s->machineState().tokens.refreshUntilMs;
        QVERIFY(grantEnd > rig.clock.wallMs());
        drive(rig, s, &run, 16 * 60 * 1000, 5000);
        QCOMPARE(s->state(), SessionState::ReauthRequired);
        QCOMPARE(s->machineState().reauth.reason, QStringLiteral("refresh_until_passed"));
        QCOMPARE(reauth.size(), 1);
        int lastMinute = 0;
        for (qint64 t : std::as_const(run.requestTimes))
            if (t >= grantEnd - 60000)
                ++lastMinute;
        qInfo("venafi 15-min grant: %d requests, %d in its last minute; callers %d served %d",
              int(run.requestTimes.size()), lastMinute, run.asked, run.served);
        QVERIFY(lastMinute <= 1);
        QVERIFY(run.requestTimes.size() <= 1 + 2 * 15 * 60 / 120);
        // Every caller before the grant's end got a token (the last token to its very end).
        const int beforeEnd = int(
                (grantEnd
                 - (rig.clock.wallMs() - 16 * 60 * 1000 - RefreshPolicy::kMaxCeilingWaitMs - 1000))
                / 5000);
        QVERIFY(run.served >= beforeEnd - 1);
        QCOMPARE(run.unanswered, 0);
    }

    void storedPasswordIsTriedOncePerDeadGrant()
    {
        // Security audit H2: a refresh that always fails with invalid_grant, short tokens and a
        // stored password gave 3,419 password grants in 30 s. Once per dead grant now.
        SessionRig rig;
        rig.server.knobs(Dialect::Venafi).accessLifetime = 30;
        AccountConfig config = rig.config(Dialect::Venafi);
        config.rememberCredentials = true;
        Session *s = rig.signedIn(Dialect::Venafi, config);
        QVERIFY(s);
        QTRY_VERIFY(rig.secrets.contains(QStringLiteral("password:") + config.storageKey()));
        FakeFault dead;
        dead.status = 400;
        dead.body = R"({"error":"invalid_grant","error_description":"Grant revoked"})";
        dead.headers = {{"Content-Type", "application/json"}};
        dead.times = -1;
        rig.server.injectFault(QStringLiteral("venafi.token"), dead);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        const int logins = rig.server.requestCount(QStringLiteral("venafi.oauth"));
        Run run;
        watchRequests(rig, &run, Dialect::Venafi);
        drive(rig, s, &run, 5 * 60 * 1000, 1000);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.oauth")) - logins, 1);
        QCOMPARE(s->state(), SessionState::ReauthRequired);
        QCOMPARE(reauth.size(), 1);
        QVERIFY(maxInWindow(run.requestTimes, 60000) <= RefreshPolicy::kCeilingRequests);
        // The password stays: it was never rejected, the grants were.
        QVERIFY(rig.secrets.contains(QStringLiteral("password:") + config.storageKey()));
    }

    void rejectingResourceIsBoundedByTheCeiling()
    {
        // Security audit L6: a resource that rejects every token cost one refresh per call
        // (4,068 in 30 s). The ceiling bounds it; every call is still answered.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault reject;
        reject.status = 401;
        reject.headers = {{"WWW-Authenticate", R"(Bearer error="invalid_token")"}};
        reject.times = -1;
        rig.server.injectFault(QStringLiteral("generic.resource"), reject);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        int answered = 0;
        for (int i = 0; i < 40; ++i) {
            HttpRequest request;
            request.url = rig.resourceUrl(Dialect::Generic);
            bool done = false;
            s->callResource(request, [&](const HttpReply &, const AuthError &) { done = true; });
            QVERIFY(QTest::qWaitFor([&] { return done; }, 5000)
                    || (rig.advance(RefreshPolicy::kMaxCeilingWaitMs),
                        QTest::qWaitFor([&] { return done; }, 5000)));
            ++answered;
        }
        const int refreshes = rig.server.requestCount(QStringLiteral("generic.token")) - before;
        qInfo("40 rejected calls: %d refreshes", refreshes);
        QCOMPARE(answered, 40);
        QVERIFY(refreshes <= RefreshPolicy::kCeilingRequests);
    }
};

QTEST_GUILESS_MAIN(tst_SessionLifetimes)
#include "tst_session_lifetimes.moc"
