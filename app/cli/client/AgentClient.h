#pragma once

#include "WireMessage.h"

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
    };

    AgentClient();

    // Environment overrides (for tests and unusual setups; none carries a secret):
    // TOKENKEEPER_SOCKET (socket path), TOKENKEEPER_APP (the app to start),
    // TOKENKEEPER_START_TIMEOUT_MS (how long to wait for it, default 10000).
    std::string socketPath() const { return m_socketPath; }
    void setAutoStart(bool on) { m_autoStart = on; }

    Result call(const tkwire::WireMessage &request, tkwire::WireMessage *reply);
    const std::string &error() const { return m_error; }
    bool started() const { return m_started; } // this call started the app

    static std::string defaultSocketPath();

private:
    int connectOnce(int *err) const;
    bool startApp();
    Result exchange(int fd, const tkwire::WireMessage &request, tkwire::WireMessage *reply);

    std::string m_socketPath;
    std::string m_error;
    bool m_autoStart = true;
    bool m_started = false;
};

} // namespace tkcli
