#pragma once

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs tk-session-scenario as a separate process with a private HOME / XDG tree, the password on
// stdin, and records what a leak scan needs: stdout, stderr, /proc/<pid>/cmdline and environ.
// The fake server lives in the test's event loop, so waiting always spins that loop.
struct ScenarioProcess
{
    QString exe;
    QTemporaryDir home;
    QString service;
    QStringList baseArgs;

    struct Result
    {
        bool finished = false;
        bool crashed = false;
        int exitCode = -1;
        QByteArray out, err, cmdline, environ;
        QMap<QString, QString> facts; // last value per key
    };

    QProcessEnvironment environment(const QByteArray &faultPoint) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokenkeeper.*=true"));
        env.remove(QStringLiteral("TOKENKEEPER_FAULT_POINT"));
        if (!faultPoint.isEmpty())
            env.insert(QStringLiteral("TOKENKEEPER_FAULT_POINT"), QString::fromLatin1(faultPoint));
        return env;
    }

    Result run(const QString &steps, const QByteArray &password,
               const QByteArray &faultPoint = QByteArray()) const
    {
        Result r;
        QProcess p;
        p.setProcessEnvironment(environment(faultPoint));
        QStringList args = baseArgs;
        args << QStringLiteral("--config") << home.filePath(QStringLiteral(".config/tk.conf"))
             << QStringLiteral("--service") << service << QStringLiteral("--steps") << steps;
        QObject::connect(&p, &QProcess::readyReadStandardOutput,
                         [&] { r.out += p.readAllStandardOutput(); });
        QObject::connect(&p, &QProcess::readyReadStandardError,
                         [&] { r.err += p.readAllStandardError(); });
        QObject::connect(&p, &QProcess::finished, [&](int code, QProcess::ExitStatus status) {
            r.finished = true;
            r.exitCode = code;
            r.crashed = status == QProcess::CrashExit;
        });
        p.start(exe, args);
        if (!p.waitForStarted(10000))
            return r;
        const QString proc = QStringLiteral("/proc/") + QString::number(p.processId());
        r.cmdline = readAll(proc + QStringLiteral("/cmdline"));
        r.environ = readAll(proc + QStringLiteral("/environ"));
        p.write(password + '\n');
        (void)QTest::qWaitFor(
                [&] {
                    return r.finished || r.out.contains("\ndone\n") || r.out.startsWith("done\n");
                },
                60000);
        if (!r.finished) {
            // Alive at the end of its steps: look once more, then let it go.
            r.environ += readAll(proc + QStringLiteral("/environ"));
            p.closeWriteChannel();
            (void)QTest::qWaitFor([&] { return r.finished; }, 20000);
        }
        r.out += p.readAllStandardOutput();
        r.err += p.readAllStandardError();
        for (const QByteArray &line : r.out.split('\n')) {
            const int eq = line.indexOf('=');
            if (eq > 0)
                r.facts.insert(QString::fromUtf8(line.left(eq)),
                               QString::fromUtf8(line.mid(eq + 1)));
        }
        return r;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Every file below `root` that contains `needle`.
    static QStringList filesContaining(const QString &root, const QByteArray &needle)
    {
        QStringList hits;
        QDir dir(root);
        const auto entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden
                                               | QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo &fi : entries) {
            if (fi.isSymLink())
                continue;
            if (fi.isDir())
                hits += filesContaining(fi.filePath(), needle);
            else if (readAll(fi.filePath()).contains(needle))
                hits << fi.filePath();
        }
        return hits;
    }
};
