#include "BrowserOpen.h"

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
static bool spawn(const std::vector<std::string> &args)
{
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0)
        return false;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(report[0]);
        ::close(report[1]);
        return false;
    }
    if (pid == 0) {
        ::close(report[0]);
        ::setsid();
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        if (::fork() != 0)
            ::_exit(0); // the grandchild is reparented: no zombie, nothing to wait for
        std::vector<char *> argv;
        for (const std::string &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        const int err = errno;
        if (::write(report[1], &err, sizeof err) < 0) { }
        ::_exit(127);
    }
    ::close(report[1]);
    int execErrno = 0;
    ssize_t got;
    while ((got = ::read(report[0], &execErrno, sizeof execErrno)) < 0 && errno == EINTR) { }
    ::close(report[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return got != sizeof execErrno;
}

bool open(const std::string &url, std::string *used)
{
    const char *env = std::getenv("BROWSER");
    for (const auto &argv : candidates(env ? env : "", url)) {
        if (spawn(argv)) {
            *used = argv.front();
            return true;
        }
    }
    return false;
}

} // namespace BrowserOpen
