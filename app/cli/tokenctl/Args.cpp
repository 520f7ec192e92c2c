#include "Args.h"

#include <set>

namespace {

struct VerbSpec
{
    std::set<std::string> valued; // flags that take a value
    std::set<std::string> plain; // flags without one
    bool passThrough = false; // curl: stop parsing after ACCOUNT
};

const std::map<std::string, VerbSpec> &specs()
{
    static const std::map<std::string, VerbSpec> s = {
            {"list", {{}, {"--json"}}},
            {"token", {{"--min-valid", "--url"}, {"--json"}}},
            {"header", {{"--min-valid", "--url"}, {}}},
            {"curl", {{"--min-valid", "--url"}, {}, true}},
            {"kubectl", {{"--min-valid", "--url"}, {}}},
            {"rejected", {{"--url"}, {}}},
            {"login", {{"--url"}, {"--password-stdin", "--no-browser", "--dialog", "--no-dialog"}}},
            {"add",
             {{"--dialect", "--server", "--client-id", "--name", "--user", "--scope", "--method"},
              {"--client-secret-stdin"}}},
            {"remove", {{"--url"}, {"--yes"}}},
            {"revoke", {{"--url"}, {"--yes"}}},
            {"status", {{}, {}}},
    };
    return s;
}

bool isSecretFlag(const std::string &name)
{
    return name == "--password" || name == "--token" || name == "--client-secret"
            || name == "--secret" || name == "--access-token";
}

} // namespace

Args Args::parse(int argc, char **argv)
{
    Args a;
    int i = 1;
    // Global flags before the verb.
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-prompt" || arg == "--no-start" || arg == "--help" || arg == "-h"
            || arg == "--version")
            a.flags[arg == "-h" ? "--help" : arg] = "";
        else
            break;
    }
    if (i >= argc) {
        if (!a.has("--help") && !a.has("--version"))
            a.error = "no command given";
        return a;
    }
    a.verb = argv[i++];
    if (a.verb == "help") {
        a.flags["--help"] = "";
        return a;
    }
    const auto spec = specs().find(a.verb);
    if (spec == specs().end()) {
        a.error = "unknown command '" + a.verb + "'";
        return a;
    }
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        if (spec->second.passThrough && (!a.positional.empty() || a.has("--url"))) {
            a.rest.assign(argv + i, argv + argc);
            break;
        }
        if (arg.size() < 2 || arg.compare(0, 2, "--") != 0 || arg == "--") {
            if (arg == "--" && spec->second.passThrough) {
                a.rest.assign(argv + i + 1, argv + argc);
                break;
            }
            a.positional.push_back(arg);
            continue;
        }
        std::string name = arg, value;
        bool inlineValue = false;
        const auto eq = arg.find('=');
        if (eq != std::string::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            inlineValue = true;
        }
        if (isSecretFlag(name)) {
            a.error = name
                    + " is refused: secrets on the command line are visible to every "
                      "user (ps, /proc); use --password-stdin or --client-secret-stdin";
            return a;
        }
        if (name == "--no-prompt" || name == "--no-start" || name == "--help") {
            a.flags[name] = "";
            continue;
        }
        if (spec->second.valued.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= argc) {
                    a.error = name + " needs a value";
                    return a;
                }
                value = argv[++i];
            }
            a.flags[name] = value;
        } else if (spec->second.plain.count(name) && !inlineValue) {
            a.flags[name] = "";
        } else {
            a.error = "unknown option '" + name + "' for '" + a.verb + "'";
            return a;
        }
    }
    return a;
}
