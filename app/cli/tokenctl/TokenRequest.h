#pragma once

#include "Args.h"
#include "Commands.h"
#include "WireMessage.h"

#include <string>

// Asks the agent for ACCOUNT's token with the caller's minimum validity (token, header, curl,
// kubectl). Holds the token only as long as the command needs it; wiped on destruction.
struct TokenRequest
{
    std::string token;
    tkwire::WireMessage reply;

    ~TokenRequest();
    int fetch(Commands::Context &c, const Args &a);

    // Puts "account" (the first positional) or "url" (--url) into `request`.
    static bool selectAccount(const Args &a, tkwire::WireMessage *request);
};
