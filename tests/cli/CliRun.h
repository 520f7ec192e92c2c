#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

// Runs a CLI program (tokenctl, the git helper, git) as a real subprocess while the test's
// event loop keeps running, so an agent living in the test process can answer it.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

inline CliResult runCli(const QString &program, const QStringList &args,
                        const QProcessEnvironment &env, const QByteArray &input = QByteArray(),
                        int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    CliResult r;
    if (!p.waitForStarted(5000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(2000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A CLI program left running while the test acts (a login waiting for the person): stderr is
// collected as it comes, so the test can wait for a line and then do its part.
class CliProcess
{
public:
    CliProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env)
    {
        m_process.setProcessEnvironment(env);
        m_process.start(program, args);
        m_process.closeWriteChannel();
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    bool started() { return m_process.waitForStarted(5000); }
    qint64 pid() const { return m_process.processId(); }
    // Waits (the event loop runs) until stderr contains `needle`.
    bool waitForErr(const QByteArray &needle, int timeoutMs = 20000)
    {
        return QTest::qWaitFor(
                       [this, &needle] {
                           m_err += m_process.readAllStandardError();
                           return m_err.contains(needle)
                                   || m_process.state() == QProcess::NotRunning;
                       },
                       timeoutMs)
                && m_err.contains(needle);
    }
    QByteArray err()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    // Waits for the end; exitCode -1 when it ended by a signal (crashed() says which way).
    CliResult finish(int timeoutMs = 30000)
    {
        CliResult r;
        r.finished = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; },
                                     timeoutMs);
        if (!r.finished) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
        r.exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        r.out = m_process.readAllStandardOutput();
        r.err = err();
        return r;
    }
    bool crashed() const { return m_process.exitStatus() == QProcess::CrashExit; }

private:
    QProcess m_process;
    QByteArray m_err;
};
