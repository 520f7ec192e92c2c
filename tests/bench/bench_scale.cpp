// bench_scale: starts the real app (build/app/tokenkeeper, test build) with 0, 100 and 1000
// accounts pre-seeded in a private XDG_CONFIG_HOME registry, under the current DISPLAY (Xvfb)
// or offscreen, and prints per size: time to the first paint of the main window (median of
// runs), RSS after start and RSS after 10,000 simulated ticks and state changes (the app's
// TOKENKEEPER_BENCH_TICKS hook, ui/BenchDriver). The same run of a bare Qt widgets app
// (bench_bare_app) is printed beside it.
//
//   bench_scale [--quick] [--accounts 0,100,1000] [--ticks 10000] [--runs 3] [--app PATH]
//               [--bare PATH]       (--quick: 0 and 10 accounts, 200 ticks, one run each: the
//                                    CTest smoke run)
//
// Targets (issue 9): 100 accounts start within 1.3x of 0 and add under 8 MB; RSS growth under
// 1 MB over the ticks. Exit code 1 only when a run failed or printed no figures (a correctness
// check); the figures are for people to read.
#include <algorithm>
#include <cstdio>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

struct Run
{
    bool ok = false;
    double shownMs = 0;
    qint64 rssStartKb = -1;
    qint64 rssTicksKb = -1;
    qint64 ticksMs = -1;
    QString error;
};

// The registry's INI layout (app/store/AccountRegistry.cpp): signed-out generic accounts, so
// no keychain item and no network request is involved.
bool seedRegistry(const QString &configHome, int accounts)
{
    const QString dir = configHome + QStringLiteral("/Tokenkeeper");
    if (!QDir().mkpath(dir))
        return false;
    QFile ini(dir + QStringLiteral("/tokenkeeper.ini"));
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&ini);
    out << "[General]\nnextOrder=" << accounts << "\n\n[accounts]\n";
    for (int i = 0; i < accounts; ++i) {
        const QString id = QStringLiteral("bench-%1").arg(i, 4, 10, QLatin1Char('0'));
        out << id << "\\order=" << i << '\n'
            << id << "\\displayName=Bench account " << i << '\n'
            << id << "\\dialect=generic\n"
            << id << "\\serverUrl=https://auth" << i % 17 << ".example.com/realm" << i << '\n'
            << id << "\\clientId=bench-client\n"
            << id << "\\username=user" << i << '\n'
            << id << "\\scope=openid profile\n";
    }
    return out.status() == QTextStream::Ok;
}

Run runOnce(const QString &program, int accounts, int ticks, bool seed)
{
    Run run;
    QTemporaryDir home;
    const QString configHome = home.filePath(QStringLiteral("config"));
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (seed && !seedRegistry(configHome, accounts)) {
        run.error = QStringLiteral("cannot seed the registry");
        return run;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("TOKENKEEPER_BENCH_TICKS"), QString::number(ticks));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
    if (!env.contains(QStringLiteral("DISPLAY"))
        && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer clock;
    clock.start();
    p.start(program, {});
    if (!p.waitForStarted(10000)) {
        run.error = QStringLiteral("did not start: ") + p.errorString();
        return run;
    }
    QByteArray buffer;
    const qint64 deadline = 300000;
    while (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0) {
        if (p.state() != QProcess::NotRunning)
            p.waitForReadyRead(200);
        buffer += p.readAllStandardOutput();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(nl).trimmed();
            buffer.remove(0, nl + 1);
            if (line == "tk-bench shown")
                run.shownMs = double(clock.nsecsElapsed()) / 1e6;
            else if (line.startsWith("tk-bench rss_start_kb="))
                run.rssStartKb = line.mid(22).toLongLong();
            else if (line.startsWith("tk-bench ticks_ms="))
                run.ticksMs = line.mid(18).toLongLong();
            else if (line.startsWith("tk-bench rss_ticks_kb="))
                run.rssTicksKb = line.mid(22).toLongLong();
        }
        if (clock.elapsed() > deadline) {
            p.kill();
            p.waitForFinished(5000);
            run.error = QStringLiteral("timed out");
            return run;
        }
        if (p.state() == QProcess::NotRunning && p.bytesAvailable() == 0)
            break;
    }
    p.waitForFinished(5000);
    run.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && run.shownMs > 0
            && run.rssStartKb > 0 && run.rssTicksKb > 0;
    if (!run.ok)
        run.error = QStringLiteral("exit %1, no figures; stderr: %2")
                            .arg(p.exitCode())
                            .arg(QString::fromLocal8Bit(p.readAllStandardError().right(400)));
    return run;
}

// Median start time over `repeats` runs; RSS figures from the median run.
Run measure(const QString &program, int accounts, int ticks, int repeats, bool seed)
{
    std::vector<Run> runs;
    for (int i = 0; i < repeats; ++i) {
        Run r = runOnce(program, accounts, ticks, seed);
        if (!r.ok)
            return r;
        runs.push_back(r);
    }
    std::sort(runs.begin(), runs.end(),
              [](const Run &a, const Run &b) { return a.shownMs < b.shownMs; });
    return runs.at(runs.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    auto option = [&args](const QString &name, const QString &fallback) {
        const auto i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const QString appPath = option(QStringLiteral("--app"), QStringLiteral(TK_APP_PATH));
    const QString barePath = option(QStringLiteral("--bare"), QStringLiteral(TK_BARE_PATH));
    QList<int> sizes = quick ? QList<int>{0, 10} : QList<int>{0, 100, 1000};
    if (args.contains(QStringLiteral("--accounts"))) // e.g. --accounts 0,100
        sizes.clear();
    for (const QString &n : option(QStringLiteral("--accounts"), QString())
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts))
        sizes.append(n.toInt());
    const int ticks =
            option(QStringLiteral("--ticks"), QString::number(quick ? 200 : 10000)).toInt();
    const int repeats = option(QStringLiteral("--runs"), QString::number(quick ? 1 : 3)).toInt();

    std::printf("bench_scale: platform %s, %d ticks, start time = median of %d runs\n",
                qEnvironmentVariableIsSet("DISPLAY") ? "xcb (DISPLAY)" : "offscreen", ticks,
                repeats);
    std::printf("%-20s %8s %9s %13s %13s %10s %9s\n", "program", "accounts", "shown ms",
                "RSS start MB", "RSS ticks MB", "growth KB", "ticks ms");
    bool allOk = true;
    auto print = [&allOk](const char *name, int accounts, const Run &r) {
        if (!r.ok) {
            allOk = false;
            std::printf("%-20s %8d FAILED: %s\n", name, accounts, qPrintable(r.error));
            return;
        }
        std::printf("%-20s %8d %9.0f %13.1f %13.1f %10lld %9lld\n", name, accounts, r.shownMs,
                    double(r.rssStartKb) / 1024, double(r.rssTicksKb) / 1024,
                    r.rssTicksKb - r.rssStartKb, r.ticksMs);
        std::fflush(stdout);
    };
    print("bare Qt widgets app", 0, measure(barePath, 0, ticks, repeats, false));
    Run base;
    for (int n : sizes) {
        const Run r = measure(appPath, n, ticks, repeats, true);
        print("tokenkeeper", n, r);
        if (n == 0)
            base = r;
        else if (r.ok && base.ok)
            std::printf("%-20s %8d start x%.2f of 0 accounts, +%.1f MB RSS\n", "", n,
                        r.shownMs / base.shownMs, double(r.rssStartKb - base.rssStartKb) / 1024);
    }
    return allOk ? 0 : 1;
}
