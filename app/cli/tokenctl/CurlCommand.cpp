// tokenctl curl ACCOUNT [curl args...]: curl with the Authorization header read from a pipe
// (-H @/dev/fd/N), never from argv. The first attempt's output is held back (up to a limit)
// so that on HTTP 401 it can be discarded: report the token as rejected, fetch the fresh one
// (the account's one refresh), run curl once more with its output passed straight through.
#include "CliCommon.h"
#include "Commands.h"
#include "ErrorCodes.h"
#include "TokenRequest.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::size_t kHoldBackLimit = 8 * 1024 * 1024;

struct CurlRun
{
    int exitCode = 1;
    int httpStatus = 0;
    bool passedThrough = false; // output went to stdout already
};

// The last status line in curl's header dump ("HTTP/1.1 401 Unauthorized").
int lastStatus(const std::string &headers)
{
    int status = 0;
    std::size_t pos = 0;
    while ((pos = headers.find("HTTP/", pos)) != std::string::npos) {
        if (pos == 0 || headers[pos - 1] == '\n') {
            const auto space = headers.find(' ', pos);
            if (space != std::string::npos)
                status = std::atoi(headers.c_str() + space + 1);
        }
        pos += 5;
    }
    return status;
}

bool writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

CurlRun runCurl(const std::string &token, const std::vector<std::string> &args, bool holdBack)
{
    CurlRun run;
    int headerPipe[2], dumpPipe[2], outPipe[2] = {-1, -1};
    if (::pipe(headerPipe) != 0 || ::pipe(dumpPipe) != 0 || (holdBack && ::pipe(outPipe) != 0)) {
        std::fprintf(stderr, "tokenctl: pipe: %s\n", std::strerror(errno));
        return run;
    }
    // The header is far below the pipe's capacity: written before curl starts, then closed.
    std::string header = "Authorization: Bearer " + token + "\n";
    const bool written = writeAll(headerPipe[1], header.data(), header.size());
    tkcli::wipe(&header);
    ::close(headerPipe[1]);
    if (!written)
        return run;
    const std::string headerArg = "@/dev/fd/" + std::to_string(headerPipe[0]);
    const std::string dumpArg = "/dev/fd/" + std::to_string(dumpPipe[1]);
    std::vector<std::string> argv = {"curl", "-H", headerArg, "-D", dumpArg};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::fprintf(stderr, "tokenctl: fork: %s\n", std::strerror(errno));
        return run;
    }
    if (pid == 0) {
        ::close(dumpPipe[0]);
        if (holdBack) {
            ::close(outPipe[0]);
            ::dup2(outPipe[1], 1);
            ::close(outPipe[1]);
        }
        std::vector<char *> cargv;
        for (const std::string &s : argv)
            cargv.push_back(const_cast<char *>(s.c_str()));
        cargv.push_back(nullptr);
        ::execvp("curl", cargv.data());
        std::fprintf(stderr, "tokenctl: cannot run curl: %s\n", std::strerror(errno));
        ::_exit(127);
    }
    ::close(headerPipe[0]);
    ::close(dumpPipe[1]);
    if (holdBack)
        ::close(outPipe[1]);
    std::string headers, held;
    bool passThrough = !holdBack;
    std::vector<pollfd> fds = {{dumpPipe[0], POLLIN, 0}};
    if (holdBack)
        fds.push_back({outPipe[0], POLLIN, 0});
    char buffer[16384];
    int open = int(fds.size());
    while (open > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (pollfd &p : fds) {
            if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ::close(p.fd);
                p.fd = -1;
                --open;
                continue;
            }
            if (p.fd == dumpPipe[0]) {
                if (headers.size() < 1024 * 1024)
                    headers.append(buffer, std::size_t(n));
            } else if (passThrough) {
                writeAll(1, buffer, std::size_t(n));
            } else {
                held.append(buffer, std::size_t(n));
                if (held.size() > kHoldBackLimit) { // too big to be a 401 page: let it flow
                    writeAll(1, held.data(), held.size());
                    held.clear();
                    passThrough = true;
                    run.passedThrough = true;
                }
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    run.httpStatus = lastStatus(headers);
    if (holdBack && !run.passedThrough) {
        if (run.httpStatus == 401) {
            run.passedThrough = false; // discarded: the caller retries
        } else {
            writeAll(1, held.data(), held.size());
            run.passedThrough = true;
        }
    }
    return run;
}

} // namespace

namespace Commands {

int curl(Context &c, const Args &a)
{
    TokenRequest first;
    int rc = first.fetch(c, a);
    if (rc != 0)
        return rc;
    CurlRun run = runCurl(first.token, a.rest, true);
    if (run.httpStatus != 401 || run.passedThrough)
        return run.exitCode;
    // 401: the token was refused. Report it (one refresh if it is still the current one)
    // and retry once with the fresh token.
    tkwire::WireMessage rej("rejected");
    TokenRequest::selectAccount(a, &rej);
    rej.set("token", first.token);
    tkwire::WireMessage reply;
    rc = tkcli::request(c.client, rej, &reply, "tokenctl");
    rej.wipe();
    if (rc != 0)
        return rc;
    TokenRequest second;
    rc = second.fetch(c, a);
    if (rc != 0)
        return rc;
    if (second.token == first.token)
        std::fprintf(stderr,
                     "tokenctl: the server refused the token and no new one could be "
                     "obtained; retrying once anyway\n");
    run = runCurl(second.token, a.rest, false);
    if (run.httpStatus == 401)
        std::fprintf(stderr,
                     "tokenctl: the server refused a freshly refreshed token too (HTTP "
                     "401): the account may lack access to this resource\n");
    return run.exitCode;
}

} // namespace Commands
