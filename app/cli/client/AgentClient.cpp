#include "AgentClient.h"

#include "SpawnDetached.h"

#include "ErrorCodes.h"
#include "FrameCodec.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tkcli {

static long long nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

static std::string env(const char *name)
{
    const char *v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string AgentClient::defaultSocketPath()
{
    const std::string override = env("TOKENKEEPER_SOCKET");
    if (!override.empty())
        return override;
    const std::string runtime = env("XDG_RUNTIME_DIR");
    if (runtime.empty() || runtime[0] != '/')
        return std::string();
    return runtime + "/tokenkeeper/agent.sock";
}

AgentClient::AgentClient() : m_socketPath(defaultSocketPath()) { }

int AgentClient::connectOnce(int *err) const
{
    sockaddr_un addr;
    std::memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (m_socketPath.empty() || m_socketPath.size() >= sizeof addr.sun_path) {
        *err = ENAMETOOLONG;
        return -1;
    }
    std::memcpy(addr.sun_path, m_socketPath.c_str(), m_socketPath.size() + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *err = errno;
        return -1;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        *err = errno;
        ::close(fd);
        return -1;
    }
    return fd;
}

static std::string appPath()
{
    const std::string override = env("TOKENKEEPER_APP");
    if (!override.empty())
        return override;
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        std::string dir(self, std::size_t(n));
        dir.erase(dir.rfind('/') + 1);
        const std::string beside = dir + "tokenkeeper";
        if (::access(beside.c_str(), X_OK) == 0)
            return beside;
    }
    return "tokenkeeper"; // from PATH
}

bool AgentClient::startApp()
{
    const std::string app = appPath();
    // The exec's outcome is known at once: a missing binary fails now, not after the wait.
    const int failed = tkcli::spawnDetached({app, "--minimized"});
    m_started = true;
    if (failed != 0) {
        m_error = "Tokenkeeper is not running and could not be started (" + app + ": "
                + std::strerror(failed) + "); install it, or start it yourself";
        return false;
    }
    const std::string t = env("TOKENKEEPER_START_TIMEOUT_MS");
    const long long timeout = t.empty() ? 10000 : std::atoll(t.c_str());
    const long long deadline = nowMs() + timeout;
    while (nowMs() < deadline) {
        int err = 0;
        const int fd = connectOnce(&err);
        if (fd >= 0) {
            ::close(fd);
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    m_error = "Tokenkeeper is not running and did not start within "
            + std::to_string(timeout / 1000.0).substr(0, 4) + " s (tried " + app
            + " --minimized); start it yourself, or check that XDG_RUNTIME_DIR is set";
    return false;
}

static bool writeAll(int fd, const std::string &data)
{
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

AgentClient::Result AgentClient::exchange(int fd, const tkwire::WireMessage &request,
                                          tkwire::WireMessage *reply, const Progress &progress)
{
    std::string frame = tkwire::encodeFrame(request);
    const bool sent = writeAll(fd, frame);
    std::fill(frame.begin(), frame.end(), '\0');
    if (!sent) {
        // A peer the agent refuses (another uid) is closed before it can write.
        m_error = errno == EPIPE || errno == ECONNRESET
                ? "the agent closed the connection without a reply"
                : std::string("cannot send the request: ") + std::strerror(errno);
        return Result::Failed;
    }
    // No shutdown(SHUT_WR): the agent reads a half-closed connection as gone.
    tkwire::FrameReader reader;
    // Long enough for a refresh or a person answering an approval prompt; never forever.
    long long waitMs = 120000;
    long long deadline = nowMs() + waitMs;
    char buffer[8192];
    for (;;) {
        if (m_interrupt && *m_interrupt) {
            reader.wipe();
            m_error = "interrupted";
            return Result::Interrupted;
        }
        tkwire::WireMessage m;
        const auto status = reader.next(&m);
        if (status == tkwire::FrameReader::Status::Frame && progress
            && m.get("status") == "progress") {
            // The agent says how long the person has (a browser or device sign-in): wait that.
            const long long announced = std::atoll(m.get("wait_s", "0").c_str());
            waitMs = std::min<long long>(std::max<long long>(announced, 1), 2 * 3600) * 1000;
            deadline = nowMs() + waitMs;
            progress(m);
            continue;
        }
        if (status == tkwire::FrameReader::Status::Frame) {
            *reply = std::move(m);
            reader.wipe();
            return Result::Ok;
        }
        if (status == tkwire::FrameReader::Status::UnsupportedVersion) {
            m_error = "Tokenkeeper speaks protocol version " + std::to_string(int(reader.version()))
                    + ", this tokenctl speaks " + std::to_string(int(tkwire::kProtocolVersion))
                    + ": install matching versions";
            return Result::Failed;
        }
        if (status != tkwire::FrameReader::Status::NeedMore) {
            m_error = std::string("malformed reply from the agent (")
                    + tkwire::frameStatusName(status) + ")";
            return Result::Failed;
        }
        const long long left = deadline - nowMs();
        if (left <= 0) {
            m_error = "no answer from Tokenkeeper within " + std::to_string(waitMs / 1000) + " s";
            return Result::Failed;
        }
        pollfd p{fd, POLLIN, 0};
        const int r = ::poll(&p, 1, int(left));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = reader.pending() > 0 ? "the agent's reply was cut short"
                                           : "the agent closed the connection without a reply";
            return Result::Failed;
        }
        reader.feed(buffer, std::size_t(n));
    }
}

AgentClient::Result AgentClient::call(const tkwire::WireMessage &request,
                                      tkwire::WireMessage *reply, const Progress &progress)
{
    if (m_socketPath.empty()) {
        m_error = "XDG_RUNTIME_DIR is not set, so the agent socket cannot be found";
        return Result::NotRunning;
    }
    for (int attempt = 0;; ++attempt) {
        int err = 0;
        int fd = connectOnce(&err);
        if (fd < 0 && (err == ENOENT || err == ECONNREFUSED) && m_autoStart && !m_started) {
            if (!startApp())
                return Result::NotRunning;
            fd = connectOnce(&err);
        }
        if (fd < 0) {
            m_error = "Tokenkeeper is not running (" + m_socketPath + ": " + std::strerror(err)
                    + "); start it, or run tokenctl without --no-start";
            return Result::NotRunning;
        }
        const Result r = exchange(fd, request, reply, progress);
        ::close(fd);
        if (r == Result::Ok && reply->get("code") == tkwire::code::kBusy && attempt < 100) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5 + (attempt % 10) * 3));
            continue;
        }
        return r;
    }
}

} // namespace tkcli
