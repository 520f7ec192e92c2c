#include "CliCommon.h"

#include "ErrorCodes.h"

#include <cstdio>
#include <unistd.h>

namespace tkcli {

const char *hintFor(int exitCode)
{
    switch (exitCode) {
    case tkwire::ExitSignInNeeded:
        return "sign in from the Tokenkeeper tray, or: tokenctl login ACCOUNT";
    case tkwire::ExitKeychainLocked:
        return "unlock your keychain (Secret Service / KWallet), then try again";
    case tkwire::ExitOffline:
        return "the server is unreachable or the network is down; try again later";
    case tkwire::ExitDenied:
        return "allow this program in Tokenkeeper (account settings), then try again";
    case tkwire::ExitNotRunning:
        return "start Tokenkeeper (tokenkeeper --minimized)";
    default:
        return nullptr;
    }
}

int request(AgentClient &client, const tkwire::WireMessage &req, tkwire::WireMessage *reply,
            const char *program)
{
    return report(client, client.call(req, reply), *reply, program);
}

int report(const AgentClient &client, AgentClient::Result r, const tkwire::WireMessage &reply,
           const char *program)
{
    if (r == AgentClient::Result::NotRunning) {
        std::fprintf(stderr, "%s: %s\n", program, client.error().c_str());
        return tkwire::ExitNotRunning;
    }
    if (r == AgentClient::Result::Failed || r == AgentClient::Result::Interrupted) {
        std::fprintf(stderr, "%s: %s\n", program, client.error().c_str());
        return tkwire::ExitOther;
    }
    if (reply.get("status") == "ok")
        return tkwire::ExitOk;
    const int code = tkwire::exitCodeFor(reply.get("code", "internal"));
    std::fprintf(stderr, "%s: %s\n", program, reply.get("message", "request failed").c_str());
    if (const char *hint = hintFor(code))
        std::fprintf(stderr, "%s: %s\n", program, hint);
    return code;
}

bool readLineFromStdin(std::string *out)
{
    out->clear();
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(0, &c, 1);
        if (n < 0)
            return false;
        if (n == 0 || c == '\n')
            break;
        out->push_back(c);
    }
    if (!out->empty() && out->back() == '\r')
        out->pop_back();
    return true;
}

bool readAllFromStdin(std::string *out)
{
    out->clear();
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(0, buffer, sizeof buffer);
        if (n < 0)
            return false;
        if (n == 0)
            break;
        out->append(buffer, std::size_t(n));
        if (out->size() > 1024 * 1024)
            return false;
    }
    while (!out->empty() && (out->back() == '\n' || out->back() == '\r' || out->back() == ' '))
        out->pop_back();
    return true;
}

void wipe(std::string *s)
{
    volatile char *p = s->empty() ? nullptr : &(*s)[0];
    for (std::size_t i = 0; p && i < s->size(); ++i)
        p[i] = 0;
    s->clear();
}

} // namespace tkcli
