// bench_handoff: what a program pays to get a cached token from Tokenkeeper.
//   bench_handoff [--quick] [N]      (default N = 1000; --quick: N = 50, for the CTest smoke run)
// A child process runs the agent on the real engine (fake server, in-memory keychain, an
// account signed in) plus a plain local-socket echo server; the parent, which never starts Qt,
// measures per call:
//   echo        connect + one small frame each way + close, from this process (the IPC floor)
//   spawn       a new process that does nothing useful (tokenctl --version): the exec floor
//   tokenctl    `tokenctl token work` as a new process per call (what a script pays)
// and prints p50/p99 in milliseconds. Exit code 1 if any tokenctl call failed or printed a token
// other than the session's (a correctness check; the figures are for people to read).
#include "../agent/AgentRig.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <QCoreApplication>
#include <QLocalServer>
#include <QLoggingCategory>
#include <QSocketNotifier>

extern char **environ;

namespace {

double nowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// The child: agent + echo server; reports "<socket>\n<echo socket>\n<token>\n" on `fd`.
int runServer(int fd, int stopFd, const std::string &runtime)
{
    int argc = 1;
    char name[] = "bench_handoff-agent";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tokenkeeper.*.info=false"));
    // The parent closes its end of the stop pipe when done: quit cleanly (temporary dirs go).
    QSocketNotifier stop(stopFd, QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(runtime));
    AgentRig rig;
    if (!rig.listen())
        return 1;
    AccountConfig c = rig.config(Dialect::Venafi);
    c.displayName = QStringLiteral("work");
    Session *s = rig.signedIn(Dialect::Venafi, c);
    if (!s)
        return 1;
    QLocalServer echo;
    const QString echoPath = QString::fromStdString(runtime) + QStringLiteral("/echo.sock");
    QLocalServer::removeServer(echoPath);
    if (!echo.listen(echoPath))
        return 1;
    QObject::connect(&echo, &QLocalServer::newConnection, &echo, [&echo] {
        while (QLocalSocket *sock = echo.nextPendingConnection()) {
            QObject::connect(sock, &QLocalSocket::readyRead, sock, [sock] {
                sock->write(sock->readAll());
                sock->disconnectFromServer();
            });
            QObject::connect(sock, &QLocalSocket::disconnected, sock, &QObject::deleteLater);
        }
    });
    const std::string ready = rig.socketPath().toStdString() + "\n" + echoPath.toStdString() + "\n"
            + s->currentAccessToken().toStdString() + "\n";
    if (::write(fd, ready.data(), ready.size()) != ssize_t(ready.size()))
        return 1;
    ::close(fd);
    return app.exec();
}

double echoOnce(const std::string &path)
{
    const double t0 = nowMs();
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return -1;
    const char msg[] = "TK\x01\x00\x00\x00\x00\x00";
    if (::write(fd, msg, 8) != 8)
        return -1;
    char buf[64];
    ssize_t got = 0;
    while (got < 8) {
        const ssize_t n = ::read(fd, buf + got, sizeof buf - std::size_t(got));
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    return got == 8 ? nowMs() - t0 : -1;
}

// Runs `argv` as a new process, stdout captured; returns the wall time or -1.
double spawnOnce(const std::vector<std::string> &args, std::string *out)
{
    int pipefd[2];
    if (::pipe2(pipefd, O_CLOEXEC) != 0)
        return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
    std::vector<char *> argv;
    for (const std::string &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    const double t0 = nowMs();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(pipefd[1]);
    if (rc != 0) {
        ::close(pipefd[0]);
        return -1;
    }
    out->clear();
    char buf[4096];
    ssize_t n;
    while ((n = ::read(pipefd[0], buf, sizeof buf)) > 0)
        out->append(buf, std::size_t(n));
    ::close(pipefd[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const double elapsed = nowMs() - t0;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? elapsed : -1;
}

void report(const char *name, std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto pct = [&v](double p) { return v[std::min(v.size() - 1, std::size_t(p * v.size()))]; };
    std::printf("%-34s %6zu  %8.3f  %8.3f  %8.3f\n", name, v.size(), pct(0.5), pct(0.99), v.back());
}

} // namespace

int main(int argc, char **argv)
{
    int n = 1000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            n = 50;
        else
            n = std::max(1, std::atoi(argv[i]));
    }
    char dirTemplate[] = "/tmp/bench_handoff.XXXXXX";
    if (!::mkdtemp(dirTemplate))
        return 1;
    const std::string runtime = dirTemplate;
    int ready[2], stop[2];
    if (::pipe(ready) != 0 || ::pipe(stop) != 0)
        return 1;
    const pid_t server = ::fork();
    if (server == 0) {
        ::close(ready[0]);
        ::close(stop[1]);
        const int rc = runServer(ready[1], stop[0], runtime);
        std::fflush(stdout);
        ::_exit(rc);
    }
    ::close(ready[1]);
    ::close(stop[0]);
    std::string info;
    char buf[1024];
    ssize_t got;
    while ((got = ::read(ready[0], buf, sizeof buf)) > 0)
        info.append(buf, std::size_t(got));
    ::close(ready[0]);
    const auto nl1 = info.find('\n'), nl2 = info.find('\n', nl1 + 1);
    if (nl1 == std::string::npos || nl2 == std::string::npos) {
        std::fprintf(stderr, "bench_handoff: the agent did not start\n");
        ::close(stop[1]);
        ::waitpid(server, nullptr, 0);
        return 1;
    }
    const std::string agentPath = info.substr(0, nl1);
    const std::string echoPath = info.substr(nl1 + 1, nl2 - nl1 - 1);
    const std::string token = info.substr(nl2 + 1, info.find('\n', nl2 + 1) - nl2 - 1);
    ::setenv("TOKENKEEPER_SOCKET", agentPath.c_str(), 1);
    ::setenv("TOKENKEEPER_APP", "/nonexistent/tokenkeeper", 1);

    std::vector<double> echo, spawn, handoff;
    int failures = 0;
    std::string out;
    for (int i = 0; i < n; ++i) {
        const double e = echoOnce(echoPath);
        if (e >= 0)
            echo.push_back(e);
        const double s = spawnOnce({TK_TOKENCTL, "--version"}, &out);
        if (s >= 0)
            spawn.push_back(s);
        const double t = spawnOnce({TK_TOKENCTL, "token", "work"}, &out);
        if (t < 0 || out != token + "\n")
            ++failures;
        else
            handoff.push_back(t);
    }
    ::close(stop[1]); // the child quits its event loop and cleans up
    int status = 0;
    ::waitpid(server, &status, 0);
    std::string cleanup = "rm -rf '" + runtime + "'";
    if (std::system(cleanup.c_str()) != 0)
        std::fprintf(stderr, "bench_handoff: could not remove %s\n", runtime.c_str());

    std::printf("bench_handoff: %d calls each, cached token (ms)\n", n);
    std::printf("%-34s %6s  %8s  %8s  %8s\n", "path", "n", "p50", "p99", "max");
    if (!echo.empty())
        report("local-socket echo (no new process)", echo);
    if (!spawn.empty())
        report("new process: tokenctl --version", spawn);
    if (!handoff.empty())
        report("new process: tokenctl token", handoff);
    if (failures) {
        std::printf("FAILED: %d tokenctl calls failed or printed the wrong token\n", failures);
        return 1;
    }
    return handoff.size() == std::size_t(n) ? 0 : 1;
}
