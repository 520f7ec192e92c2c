// bench_single_flight: N callers ask for a token at the instant of expiry while the fake server
// delays the refresh by 50 ms. Prints, per N: refresh requests received (must be exactly 1),
// callers served, p50/p99 wait beyond the server delay, and the cost of a cache hit.
//
//   bench_single_flight [--quick]     (--quick: N up to 100, for the CTest smoke run)
//
// "extra" is everything between the caller asking and being served, minus the server's delay:
// the journal write before sending, loopback HTTP, the keychain write before publishing
// (I-2, here the in-memory store) and the marker write. "fan-out" is the time from the first to
// the last waiter served, the part that grows with N.
//
// Exit code 1 if any N saw more than one refresh or an unserved caller (a correctness check,
// not a timing one: the figures are for people to read).
#include "SessionRig.h"

#include <algorithm>
#include <cstdio>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

namespace {

constexpr int kServerDelayMs = 50;

struct Row
{
    int n = 0;
    int refreshes = 0;
    int served = 0;
    double p50ExtraMs = 0;
    double p99ExtraMs = 0;
    double fanOutMs = 0; // first to last caller served: the cost of answering N waiters
};

Row runOnce(int n)
{
    SessionRig rig;
    Row row;
    row.n = n;
    rig.server.setLogRequests(qEnvironmentVariableIsSet("BENCH_VERBOSE"));
    Session *s = rig.signedIn(Dialect::Generic);
    if (!s)
        return row;
    const int before = rig.server.requestCount(QStringLiteral("generic.token"));
    FakeFault delay;
    delay.kind = FakeFault::Kind::Delay;
    delay.delayMs = kServerDelayMs;
    rig.server.injectFault(QStringLiteral("generic.token"), delay);
    rig.clock.advance(s->machineState().tokens.accessExpiresAtMs - rig.clock.wallMs());

    QElapsedTimer timer;
    std::vector<qint64> asked(static_cast<size_t>(n));
    std::vector<qint64> served(static_cast<size_t>(n), -1);
    QByteArray first;
    bool allSame = true;
    int remaining = n;
    QEventLoop loop; // a real event loop: QTest's polling waits add 10 ms sleeps per step
    timer.start();
    for (int i = 0; i < n; ++i) {
        asked[size_t(i)] = timer.nsecsElapsed();
        s->withFreshToken([&, i](const QByteArray &token, const AuthError &error) {
            served[size_t(i)] = timer.nsecsElapsed();
            if (error || token.isEmpty())
                allSame = false;
            if (first.isEmpty())
                first = token;
            else if (token != first)
                allSame = false;
            if (--remaining == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(30000, &loop, &QEventLoop::quit); // safety net, never reached when OK
    if (remaining > 0)
        loop.exec();
    row.refreshes = rig.server.requestCount(QStringLiteral("generic.token")) - before;
    std::vector<double> extra;
    for (size_t i = 0; i < served.size(); ++i) {
        if (served[i] < 0)
            continue;
        ++row.served;
        extra.push_back(double(served[i] - asked[i]) / 1e6 - kServerDelayMs);
    }
    if (!allSame)
        row.served = -row.served; // flag: not everyone got the same fresh token
    std::sort(extra.begin(), extra.end());
    const auto [lo, hi] = std::minmax_element(served.cbegin(), served.cend());
    row.fanOutMs = double(*hi - *lo) / 1e6;
    if (!extra.empty()) {
        row.p50ExtraMs = extra[extra.size() / 2];
        row.p99ExtraMs = extra[std::min(extra.size() - 1, size_t(double(extra.size()) * 0.99))];
    }
    return row;
}

double cacheHitNs()
{
    SessionRig rig;
    Session *s = rig.signedIn(Dialect::Generic);
    if (!s)
        return -1;
    constexpr int kCalls = 2000000;
    qint64 sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCalls; ++i)
        s->withFreshToken(
                [&sink](const QByteArray &token, const AuthError &) { sink += token.size(); });
    const double ns = double(timer.nsecsElapsed()) / kCalls;
    return sink > 0 ? ns : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!qEnvironmentVariableIsSet("BENCH_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("tokenkeeper.*.info=false"));
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const QList<int> sizes = quick ? QList<int>{1, 10, 100} : QList<int>{1, 10, 100, 1000, 10000};
    bool ok = true;
    std::printf("bench_single_flight: server delay %d ms (loopback HTTP, simulated clock)\n",
                kServerDelayMs);
    std::printf("%8s %10s %8s %14s %14s %12s\n", "N", "refreshes", "served", "p50 extra ms",
                "p99 extra ms", "fan-out ms");
    for (int n : sizes) {
        const Row r = runOnce(n);
        std::printf("%8d %10d %8d %14.3f %14.3f %12.3f\n", r.n, r.refreshes, r.served, r.p50ExtraMs,
                    r.p99ExtraMs, r.fanOutMs);
        ok = ok && r.refreshes == 1 && r.served == n;
    }
    const double hit = cacheHitNs();
    std::printf("cache hit: %.1f ns per withFreshToken() call\n", hit);
    ok = ok && hit > 0;
    std::printf("%s\n", ok ? "single flight: OK" : "single flight: FAILED");
    return ok ? 0 : 1;
}
