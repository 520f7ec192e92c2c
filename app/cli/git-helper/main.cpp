// git-credential-tokenkeeper: git's credential-helper protocol on top of the agent.
//   get   -> the account matching protocol://host/path answers with a token checked or
//            refreshed just now (Debian 12's git 2.39 ignores password_expiry_utc, so the
//            token must have room left: --min-valid 300, capped for short lifetimes)
//   erase -> the token git says failed is reported as rejected (one refresh)
//   store -> nothing to do: Tokenkeeper keeps the tokens
// Configure: git config --global credential.https://git.example.com.helper tokenkeeper
// Two accounts on one host: name the account, per URL git matches:
//   git config --global credential.https://git.example.com/team.helper 'tokenkeeper --account work'
#include "AgentClient.h"
#include "CliCommon.h"
#include "ErrorCodes.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <signal.h>
#include <string>

static std::map<std::string, std::string> readAttributes()
{
    std::map<std::string, std::string> attrs;
    std::string line;
    while (tkcli::readLineFromStdin(&line)) {
        if (line.empty())
            break; // a blank line or EOF ends the description
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            attrs[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return attrs;
}

int main(int argc, char **argv)
{
    ::signal(SIGPIPE, SIG_IGN);
    const char *program = "git-credential-tokenkeeper";
    const auto usage = [program] {
        std::fprintf(stderr, "usage: %s [--account ACCOUNT] get|store|erase (run by git)\n",
                     program);
        return tkwire::ExitUsage;
    };
    std::string account; // a display name or id; without it, the account matching the URL
    int i = 1;
    for (; i < argc - 1; ++i) {
        if (std::strcmp(argv[i], "--account") == 0 && i + 1 < argc - 1)
            account = argv[++i];
        else if (std::strncmp(argv[i], "--account=", 10) == 0)
            account = argv[i] + 10;
        else
            return usage();
    }
    if (i != argc - 1 || (argc > 2 && account.empty()))
        return usage();
    const std::string action = argv[argc - 1];
    auto attrs = readAttributes();
    if (action == "store")
        return 0;
    if (action != "get" && action != "erase")
        return 0; // unknown actions are ignored, as the protocol asks
    const std::string protocol = attrs.count("protocol") ? attrs["protocol"] : "https";
    if (!attrs.count("host") || (protocol != "https" && protocol != "http"))
        return 0; // not ours: git asks the next helper
    std::string url = protocol + "://" + attrs["host"] + "/";
    if (attrs.count("path"))
        url += attrs["path"];
    tkcli::AgentClient client;
    tkwire::WireMessage req(action == "get" ? "token" : "rejected");
    if (account.empty())
        req.set("url", url);
    else
        req.set("account", account);
    if (action == "erase") {
        if (!attrs.count("password"))
            return 0;
        req.set("token", attrs["password"]);
        tkcli::wipe(&attrs["password"]);
        tkwire::WireMessage reply;
        const int rc = tkcli::request(client, req, &reply, program);
        req.wipe();
        return rc;
    }
    req.set("min_valid", "300");
    const char *prompt = std::getenv("GIT_TERMINAL_PROMPT");
    req.set("interactive", prompt && std::strcmp(prompt, "0") == 0 ? "0" : "1");
    tkwire::WireMessage reply;
    const auto result = client.call(req, &reply);
    if (result == tkcli::AgentClient::Result::Ok && reply.get("code") == tkwire::code::kNotFound
        && account.empty())
        return 0; // a host Tokenkeeper does not manage: quietly let git ask the next helper
    // A named account that does not exist is a mistake in git's configuration: say so.
    const int rc = tkcli::report(client, result, reply, program);
    if (rc != 0)
        return rc;
    std::string user = attrs.count("username") ? attrs["username"] : reply.get("user");
    if (user.empty())
        user = "oauth2";
    std::printf("username=%s\npassword=%s\n", user.c_str(), reply.get("access_token").c_str());
    if (reply.has("expires_at"))
        std::printf("password_expiry_utc=%s\n", reply.get("expires_at").c_str());
    reply.wipe();
    return std::fflush(stdout) == 0 ? 0 : tkwire::ExitOther;
}
