#pragma once

#include "AgentClient.h"
#include "WireMessage.h"

#include <string>
#include <vector>

// What tokenctl and git-credential-tokenkeeper share beyond the socket: asking for a token,
// reporting errors on stderr with what to do, reading a secret from stdin.
namespace tkcli {

// Sends `request`; on failure prints "<program>: <message>" and a hint to stderr and returns
// the exit code (0 when the reply is "ok").
int request(AgentClient &client, const tkwire::WireMessage &request, tkwire::WireMessage *reply,
            const char *program);
// The same for a call already made: prints what went wrong, returns the exit code.
int report(const AgentClient &client, AgentClient::Result result, const tkwire::WireMessage &reply,
           const char *program);

// One line from stdin without the trailing newline (a secret: never echoed, never in argv).
bool readLineFromStdin(std::string *out);
// All of stdin (trailing whitespace removed).
bool readAllFromStdin(std::string *out);

// The hint printed after the agent's message for an exit code.
const char *hintFor(int exitCode);

void wipe(std::string *s);

} // namespace tkcli
