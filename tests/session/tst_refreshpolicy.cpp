#include "RefreshPolicy.h"

#include <algorithm>
#include <QTest>

using namespace RefreshPolicy;

// The timing rules of reliability.md R-02 / R-10 / I-5 as pure functions: when a token is
// handed out, when it is renewed, how retries back off and how the per-account ceiling spaces
// requests. Every lead and floor is relative to the token's lifetime, so 10-second tokens are
// renewed at mid-life, not in a storm, and 90-day tokens days ahead, not minutes.
class tst_RefreshPolicy : public QObject
{
    Q_OBJECT
private:
    static constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    static constexpr qint64 kSecond = 1000;
    static constexpr qint64 kMinute = 60 * kSecond;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr qint64 kDay = 24 * kHour;

    static TokenSet tokens(qint64 lifetimeMs, qint64 issuedAtMs = kT0, bool refresh = true)
    {
        TokenSet t;
        t.accessToken = "at";
        if (refresh)
            t.refreshToken = "rt";
        t.issuedAtMs = issuedAtMs;
        t.accessExpiresAtMs = issuedAtMs + lifetimeMs;
        return t;
    }

private Q_SLOTS:
    // Lifetime, hand-out floor and proactive refresh time, as offsets from issue. The rule:
    // floor = min(60 s, L/4); refresh at max(L/2, L - max(5 min, L/10)), never after L - floor.
    void schedule_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("floor");
        QTest::addColumn<qint64>("refreshAfter"); // since issue
        QTest::newRow("1 s") << kSecond << qint64(250) << qint64(500);
        QTest::newRow("10 s") << 10 * kSecond << qint64(2500) << 5 * kSecond;
        QTest::newRow("60 s") << kMinute << 15 * kSecond << 30 * kSecond;
        QTest::newRow("4 min (floor reaches 60 s)") << 4 * kMinute << kMinute << 2 * kMinute;
        QTest::newRow("10 min (lead = half)") << 10 * kMinute << kMinute << 5 * kMinute;
        QTest::newRow("30 min (5 min lead)") << 30 * kMinute << kMinute << 25 * kMinute;
        QTest::newRow("1 h (10 % lead)") << kHour << kMinute << 54 * kMinute;
        QTest::newRow("2 h") << 2 * kHour << kMinute << 108 * kMinute;
        QTest::newRow("90 d") << 90 * kDay << kMinute << 81 * kDay;
    }
    void schedule()
    {
        QFETCH(qint64, lifetime);
        QFETCH(qint64, floor);
        QFETCH(qint64, refreshAfter);
        const TokenSet t = tokens(lifetime);
        QCOMPARE(lifetimeMs(t), lifetime);
        QCOMPARE(handOutFloorMs(t), floor);
        const qint64 at = proactiveRefreshAt(t);
        QCOMPARE(at - kT0, refreshAfter);
        // Never before mid-life (no storm), never after the token stops being handed out.
        QVERIFY(at >= kT0 + lifetime / 2);
        QVERIFY(at <= t.accessExpiresAtMs - floor);
        QVERIFY(isUsable(t, at - 1));
        QVERIFY(isUsable(t, at));
    }

    // A grant of short-lived tokens renewed for ten minutes, each refresh at the policy's time
    // but no sooner than kMinProactiveSpacingMs after the previous request (the session's
    // spacing). The ceiling is never what stops a proactive refresh, refreshes are never back
    // to back, and from 10 s up the token in hand stays usable until its successor arrives.
    void shortLifetimesDoNotStorm_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<bool>("servedThroughout");
        QTest::newRow("1 s") << kSecond << false;
        QTest::newRow("5 s") << 5 * kSecond << false;
        QTest::newRow("10 s") << 10 * kSecond << true;
        QTest::newRow("12 s") << 12 * kSecond << true;
        QTest::newRow("30 s") << 30 * kSecond << true;
        QTest::newRow("2 min") << 2 * kMinute << true;
    }
    void shortLifetimesDoNotStorm()
    {
        QFETCH(qint64, lifetime);
        QFETCH(bool, servedThroughout);
        QVERIFY(kMinProactiveSpacingMs * kCeilingRequests >= kCeilingWindowMs);
        TokenSet t = tokens(lifetime);
        QList<qint64> recent = recordRequest({}, kT0);
        QList<qint64> sent{kT0};
        while (sent.last() < kT0 + 10 * kMinute) {
            const qint64 due = proactiveRefreshAt(t);
            QVERIFY(due > sent.last()); // a fresh token is never due at once
            const qint64 at = std::max(due, sent.last() + kMinProactiveSpacingMs);
            QCOMPARE(ceilingAllowsAt(recent, at), at);
            if (servedThroughout)
                QVERIFY2(isUsable(t, at), qPrintable(QString::number(at - t.issuedAtMs)));
            recent = recordRequest(recent, at);
            sent.append(at);
            t = tokens(lifetime, at);
        }
        for (int i = 1; i < sent.size(); ++i)
            QVERIFY(sent.at(i) - sent.at(i - 1) >= std::max(lifetime / 2, kMinProactiveSpacingMs));
        // Ten minutes hold at most ten requests a minute.
        QVERIFY(sent.size() <= 10 * kCeilingRequests + 1);
    }

    void unknownOrOddLifetimes_data()
    {
        QTest::addColumn<qint64>("issued");
        QTest::addColumn<qint64>("expires");
        QTest::addColumn<bool>("refresh");
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("refreshAt"); // absolute; 0: nothing scheduled
        QTest::newRow("unknown expiry") << kT0 << qint64(0) << true << qint64(0) << qint64(0);
        QTest::newRow("no refresh token") << kT0 << kT0 + kHour << false << kHour << qint64(0);
        QTest::newRow("expired on arrival") << kT0 << kT0 << true << qint64(0) << kT0;
        QTest::newRow("expiry before issue (clock moved)")
                << kT0 << kT0 - kMinute << true << qint64(0) << kT0 - kMinute;
        QTest::newRow("expiry without issue time")
                << qint64(0) << kT0 + kHour << true << qint64(0) << kT0 + kHour;
        QTest::newRow("beyond the sanity bound")
                << kT0 << kT0 + 500 * kDay << true << kMaxSchedulingLifetimeMs
                << kT0 + 500 * kDay - kMaxSchedulingLifetimeMs / 10;
    }
    void unknownOrOddLifetimes()
    {
        QFETCH(qint64, issued);
        QFETCH(qint64, expires);
        QFETCH(bool, refresh);
        QFETCH(qint64, lifetime);
        QFETCH(qint64, refreshAt);
        TokenSet t = tokens(0, issued, refresh);
        t.accessExpiresAtMs = expires;
        QCOMPARE(lifetimeMs(t), lifetime);
        QVERIFY(handOutFloorMs(t) >= 0);
        QCOMPARE(proactiveRefreshAt(t), refreshAt);
        if (refreshAt > 0)
            QVERIFY(refreshAt <= expires); // never after expiry
    }

    void usability_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("refreshUntil"); // offset from issue; 0: unknown
        QTest::addColumn<qint64>("at"); // offset from issue
        QTest::addColumn<bool>("usable");
        QTest::addColumn<bool>("unexpired");
        QTest::addColumn<bool>("last");
        QTest::addColumn<bool>("grantOver");
        const qint64 h = kHour;
        QTest::newRow("fresh") << h << qint64(0) << qint64(0) << true << true << false << false;
        QTest::newRow("just before the floor")
                << h << qint64(0) << h - kMinute - 1 << true << true << false << false;
        QTest::newRow("at the floor")
                << h << qint64(0) << h - kMinute << false << true << false << false;
        QTest::newRow("just before expiry")
                << h << qint64(0) << h - 1 << false << true << false << false;
        QTest::newRow("at expiry") << h << qint64(0) << h << false << false << false << false;
        QTest::newRow("10 s token inside its 2.5 s floor")
                << 10 * kSecond << qint64(0) << qint64(7500) << false << true << false << false;
        QTest::newRow("10 s token before its floor")
                << 10 * kSecond << qint64(0) << qint64(7499) << true << true << false << false;
        // The last token of a grant (expiry capped at refresh_until) is served to its end.
        QTest::newRow("last token inside the floor")
                << h << h << h - 1 << true << true << true << false;
        QTest::newRow("last token at its end") << h << h << h << false << false << true << true;
        QTest::newRow("grant ends later: not the last")
                << h << 2 * h << h - kMinute << false << true << false << false;
        QTest::newRow("grant over") << h << 2 * h << 2 * h << false << false << false << true;
    }
    void usability()
    {
        QFETCH(qint64, lifetime);
        QFETCH(qint64, refreshUntil);
        QFETCH(qint64, at);
        QFETCH(bool, usable);
        QFETCH(bool, unexpired);
        QFETCH(bool, last);
        QFETCH(bool, grantOver);
        TokenSet t = tokens(lifetime);
        t.refreshUntilMs = refreshUntil ? kT0 + refreshUntil : 0;
        QCOMPARE(isUsable(t, kT0 + at), usable);
        QCOMPARE(isUnexpired(t, kT0 + at), unexpired);
        QCOMPARE(isLastToken(t), last);
        QCOMPARE(grantExpired(t, kT0 + at), grantOver);
        if (last)
            QCOMPARE(proactiveRefreshAt(t), qint64(0)); // nothing newer can come
        QVERIFY(!usable || unexpired); // usable implies unexpired
    }

    void noAccessToken()
    {
        TokenSet t = tokens(kHour);
        t.accessToken.clear();
        QVERIFY(!isUsable(t, kT0));
        QVERIFY(!isUnexpired(t, kT0));
        t.accessExpiresAtMs = 0;
        QVERIFY(!isUsable(t, kT0));
        // An access token of unknown lifetime is usable: the reactive path handles rejection.
        t.accessToken = "at";
        QVERIFY(isUsable(t, kT0 + 365 * kDay));
        QVERIFY(isUnexpired(t, kT0 + 365 * kDay));
        QVERIFY(!grantExpired(t, kT0 + 365 * kDay));
    }

    void backoff_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("first, full") << 0 << false << 1.0 << qint64(1000);
        QTest::newRow("third, full") << 2 << false << 1.0 << qint64(4000);
        QTest::newRow("third, half") << 2 << false << 0.5 << qint64(2000);
        QTest::newRow("zero jitter keeps the 1 s floor") << 5 << false << 0.0 << qint64(1000);
        QTest::newRow("tiny jitter keeps the floor") << 5 << false << 0.01 << qint64(1000);
        QTest::newRow("valid cap 5 min") << 12 << false << 1.0 << kBackoffCapValidMs;
        QTest::newRow("blocked cap 60 s") << 12 << true << 1.0 << kBackoffCapBlockedMs;
        QTest::newRow("blocked below the cap") << 3 << true << 1.0 << qint64(8000);
        QTest::newRow("huge attempt does not overflow")
                << 1'000'000 << false << 1.0 << kBackoffCapValidMs;
        QTest::newRow("negative attempt is the first") << -3 << false << 1.0 << qint64(1000);
        QTest::newRow("jitter above 1 is clamped") << 2 << false << 7.0 << qint64(4000);
        QTest::newRow("negative jitter is clamped") << 2 << false << -1.0 << qint64(1000);
    }
    void backoff()
    {
        QFETCH(int, attempt);
        QFETCH(bool, blocked);
        QFETCH(double, jitter);
        QFETCH(qint64, delay);
        QCOMPARE(backoffDelay(attempt, blocked, jitter), delay);
    }

    void ceiling_data()
    {
        QTest::addColumn<QList<qint64>>("recent"); // offsets from now (negative: past)
        QTest::addColumn<qint64>("allowsAt"); // offset from now
        QList<qint64> ten;
        for (int i = 0; i < kCeilingRequests; ++i)
            ten.append(-50'000 + i * 1000); // 50 s .. 41 s ago
        QTest::newRow("none") << QList<qint64>() << qint64(0);
        QTest::newRow("nine") << ten.mid(1) << qint64(0);
        QTest::newRow("ten in the window: wait for the oldest to leave") << ten << qint64(10'000);
        QList<qint64> shuffled = ten;
        std::reverse(shuffled.begin(), shuffled.end());
        QTest::newRow("any order") << shuffled << qint64(10'000);
        QList<qint64> withOld = ten;
        withOld.prepend(-120'000);
        withOld.prepend(-60'000); // exactly a window ago: out
        QTest::newRow("older ones do not count") << withOld << qint64(10'000);
        QList<qint64> withFuture = ten.mid(1);
        withFuture.append(5'000); // a clock that went back: not counted
        QTest::newRow("future entries do not count") << withFuture << qint64(0);
        QList<qint64> twelve = ten;
        twelve.append(-1000);
        twelve.append(0);
        QTest::newRow("twelve: the tenth newest decides") << twelve << qint64(-48'000 + 60'000);
    }
    void ceiling()
    {
        QFETCH(QList<qint64>, recent);
        QFETCH(qint64, allowsAt);
        const qint64 now = kT0;
        QList<qint64> absolute;
        for (qint64 r : recent)
            absolute.append(now + r);
        const qint64 at = ceilingAllowsAt(absolute, now);
        QCOMPARE(at - now, allowsAt);
        // At that instant the request fits: fewer than the ceiling in the window behind it.
        int inWindow = 0;
        for (qint64 r : absolute)
            inWindow += (r > at - kCeilingWindowMs && r <= at) ? 1 : 0;
        QVERIFY(inWindow < kCeilingRequests);
        QCOMPARE(ceilingAllowsAt(absolute, at), at);
    }

    void record()
    {
        QList<qint64> recent;
        qint64 now = kT0;
        for (int i = 0; i < 3 * kCeilingRequests; ++i, now += 1000)
            recent = recordRequest(recent, now);
        now -= 1000;
        QCOMPARE(recent.size(), kCeilingRequests); // at most the ceiling
        QCOMPARE(recent.last(), now);
        QCOMPARE(recent.first(), now - (kCeilingRequests - 1) * 1000);
        QVERIFY(std::is_sorted(recent.begin(), recent.end()));
        // After a quiet minute only the new one remains.
        recent = recordRequest(recent, now + kCeilingWindowMs);
        QCOMPARE(recent, QList<qint64>{now + kCeilingWindowMs});
        // Out-of-order input comes back sorted; entries from the future are dropped.
        recent = recordRequest({kT0 + 5000, kT0 + 1000, kT0 + 99'000}, kT0 + 6000);
        QCOMPARE(recent, (QList<qint64>{kT0 + 1000, kT0 + 5000, kT0 + 6000}));
    }
};

QTEST_GUILESS_MAIN(tst_RefreshPolicy)
#include "tst_refreshpolicy.moc"
