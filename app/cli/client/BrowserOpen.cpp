#include "BrowserOpen.h"

#include "SpawnDetached.h"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace BrowserOpen {

static std::vector<std::string> command(const std::string &entry, const std::string &url)
{
    std::vector<std::string> argv;
    std::string word;
    bool placed = false;
    auto flush = [&] {
        if (word.empty())
            return;
        std::string out;
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (word[i] == '%' && i + 1 < word.size() && word[i + 1] == 's') {
                out += url; // one argv element: never seen by a shell
                placed = true;
                ++i;
            } else if (word[i] == '%' && i + 1 < word.size() && word[i + 1] == '%') {
                out += '%';
                ++i;
            } else {
                out += word[i];
            }
        }
        argv.push_back(out);
        word.clear();
    };
    for (char ch : entry) {
        if (ch == ' ' || ch == '\t')
            flush();
        else
            word += ch;
    }
    flush();
    if (!argv.empty() && !placed)
        argv.push_back(url);
    return argv;
}

std::vector<std::vector<std::string>> candidates(const std::string &browserEnv,
                                                 const std::string &url)
{
    std::vector<std::vector<std::string>> out;
    std::size_t start = 0;
    while (start <= browserEnv.size()) {
        const std::size_t colon = browserEnv.find(':', start);
        const std::string entry = browserEnv.substr(
                start, colon == std::string::npos ? std::string::npos : colon - start);
        std::vector<std::string> argv = command(entry, url);
        if (!argv.empty())
            out.push_back(argv);
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    if (out.empty())
        out.push_back({"xdg-open", url});
    return out;
}

// Starts argv detached; false when it could not be executed (the errno comes back through a
// close-on-exec pipe, as when tokenctl starts the app).
bool open(const std::string &url, std::string *used)
{
    const char *env = std::getenv("BROWSER");
    for (const auto &argv : candidates(env ? env : "", url)) {
        if (tkcli::spawnDetached(argv) == 0) {
            *used = argv.front();
            return true;
        }
    }
    return false;
}

} // namespace BrowserOpen
