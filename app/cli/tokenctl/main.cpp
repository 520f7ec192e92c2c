// tokenctl: hands Tokenkeeper's access tokens to the person's programs. A small plain C++
// program (no Qt) so that a call costs about a millisecond; all logic lives in the app's agent.
#include "Args.h"
#include "Commands.h"
#include "ErrorCodes.h"
#include "Usage.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <signal.h>

int main(int argc, char **argv)
{
    ::signal(SIGPIPE, SIG_IGN);
    const Args a = Args::parse(argc, argv);
    if (a.has("--version")) {
        std::printf("tokenctl %s\n", TOKENKEEPER_VERSION);
        return 0;
    }
    if (a.has("--help")) {
        std::fputs(tokenctlUsage(), stdout);
        return 0;
    }
    if (!a.error.empty()) {
        std::fprintf(stderr, "tokenctl: %s\ntokenctl: see tokenctl --help\n", a.error.c_str());
        return tkwire::ExitUsage;
    }
    Commands::Context context;
    context.interactive = !a.has("--no-prompt");
    context.client.setAutoStart(!a.has("--no-start"));
    using Fn = int (*)(Commands::Context &, const Args &);
    static const std::map<std::string, Fn> verbs = {
            {"list", Commands::list},       {"token", Commands::token},
            {"header", Commands::header},   {"curl", Commands::curl},
            {"kubectl", Commands::kubectl}, {"rejected", Commands::rejected},
            {"login", Commands::login},     {"add", Commands::add},
            {"remove", Commands::remove},   {"revoke", Commands::revoke},
            {"status", Commands::status},
    };
    return verbs.at(a.verb)(context, a);
}
