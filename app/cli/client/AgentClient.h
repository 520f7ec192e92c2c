#pragma once

#include "WireMessage.h"

#include <csignal>
#include <functional>
#include <string>

// The client side of the agent socket for the small CLI programs (plain C++17, POSIX): finds
// $XDG_RUNTIME_DIR/tokenkeeper/agent.sock, starts `tokenkeeper --minimized` when nothing
// listens (bounded wait for its socket), sends one request frame and reads one reply frame.
// A "busy" agent is retried briefly.
namespace tkcli {

class AgentClient
{
public:
    enum class Result {
        Ok, // a reply was read (it may still carry an error code)
        NotRunning, // no agent, and it could not be started (exit 7)
        Failed, // protocol or I/O error (exit 1); error() says what
        Interrupted, // the interrupt flag was raised while waiting (Ctrl-C); connection closed
    };
    // A progress frame (status=progress) that arrived before the reply (revision 2).
    using Progress = std::function<void(const tkwire::WireMessage &frame)>;

    AgentClient();

    // Environment overrides (for tests and unusual setups; none carries a secret):
    // TOKENKEEPER_SOCKET (socket path), TOKENKEEPER_APP (the app to start),
    // TOKENKEEPER_START_TIMEOUT_MS (how long to wait for it, default 10000).
    std::string socketPath() const { return m_socketPath; }
    void setAutoStart(bool on) { m_autoStart = on; }

    // Without `progress`, one reply within 120 s. With it (the request carries progress=1),
    // every progress frame goes to `progress` and moves the deadline to what it announced
    // (wait_s, at most 2 h) before the one reply.
    Result call(const tkwire::WireMessage &request, tkwire::WireMessage *reply,
                const Progress &progress = nullptr);
    // While waiting, a raised flag (set by the caller's signal handler) ends the call.
    void setInterruptFlag(const volatile std::sig_atomic_t *flag) { m_interrupt = flag; }
    const std::string &error() const { return m_error; }
    bool started() const { return m_started; } // this call started the app

    static std::string defaultSocketPath();

private:
    int connectOnce(int *err) const;
    bool startApp();
    Result exchange(int fd, const tkwire::WireMessage &request, tkwire::WireMessage *reply,
                    const Progress &progress);

    std::string m_socketPath;
    std::string m_error;
    bool m_autoStart = true;
    bool m_started = false;
    const volatile std::sig_atomic_t *m_interrupt = nullptr;
};

} // namespace tkcli
