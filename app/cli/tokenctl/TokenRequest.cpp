#include "TokenRequest.h"

#include "CliCommon.h"
#include "ErrorCodes.h"

#include <cstdio>
#include <cstdlib>

TokenRequest::~TokenRequest()
{
    tkcli::wipe(&token);
    reply.wipe();
}

bool TokenRequest::selectAccount(const Args &a, tkwire::WireMessage *request)
{
    if (a.has("--url")) {
        if (!a.positional.empty())
            return false;
        request->set("url", a.value("--url"));
        return true;
    }
    if (a.positional.size() != 1)
        return false;
    request->set("account", a.positional.front());
    return true;
}

int TokenRequest::fetch(Commands::Context &c, const Args &a)
{
    tkwire::WireMessage req("token");
    if (!selectAccount(a, &req)) {
        std::fprintf(stderr,
                     "tokenctl: %s needs one ACCOUNT (a name, an id or --url URL)\n"
                     "tokenctl: see tokenctl --help\n",
                     a.verb.c_str());
        return tkwire::ExitUsage;
    }
    const std::string minValid = a.value("--min-valid", "60");
    char *end = nullptr;
    const long v = std::strtol(minValid.c_str(), &end, 10);
    if (minValid.empty() || *end != '\0' || v < 0) {
        std::fprintf(stderr, "tokenctl: --min-valid takes a number of seconds\n");
        return tkwire::ExitUsage;
    }
    req.set("min_valid", std::to_string(v));
    req.set("interactive", c.interactive ? "1" : "0");
    const int rc = tkcli::request(c.client, req, &reply, "tokenctl");
    if (rc != 0)
        return rc;
    token = reply.get("access_token");
    if (token.empty()) {
        std::fprintf(stderr, "tokenctl: the agent answered without a token\n");
        return tkwire::ExitOther;
    }
    return 0;
}
