#pragma once

#include "AgentClient.h"
#include "Args.h"
#include "WireMessage.h"

// The tokenctl verbs. Each returns the process exit code (ErrorCodes.h) and prints what to do
// on stderr when it fails. Tokens go to stdout (or a pipe to curl), never to argv or the env.
namespace Commands {

struct Context
{
    tkcli::AgentClient client;
    bool interactive = true; // false with --no-prompt
};

int list(Context &c, const Args &a);
int token(Context &c, const Args &a);
int header(Context &c, const Args &a);
int curl(Context &c, const Args &a);
int kubectl(Context &c, const Args &a);
int rejected(Context &c, const Args &a);
int login(Context &c, const Args &a);
int add(Context &c, const Args &a);
int remove(Context &c, const Args &a);
int revoke(Context &c, const Args &a);
int status(Context &c, const Args &a);

// One line of stdin into request field `key` (a secret: never argv, never the environment).
bool secretFromStdin(tkwire::WireMessage *request, const char *key);

} // namespace Commands
