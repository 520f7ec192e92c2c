#pragma once

#include <map>
#include <string>
#include <vector>

// tokenctl's command line: a verb, positional arguments and --flags (with or without a value),
// checked against what the verb accepts. Secrets never come from here (S-20): flags such as
// --password=… are refused with a pointer to the *-stdin variant.
struct Args
{
    std::string verb;
    std::vector<std::string> positional;
    std::map<std::string, std::string> flags; // "--min-valid" -> "60"; valueless -> ""
    std::vector<std::string> rest; // curl: everything after ACCOUNT, verbatim
    std::string error; // non-empty: a usage error

    bool has(const std::string &flag) const { return flags.count(flag) != 0; }
    std::string value(const std::string &flag, const std::string &fallback = {}) const
    {
        const auto it = flags.find(flag);
        return it == flags.end() ? fallback : it->second;
    }

    static Args parse(int argc, char **argv);
};
