#include "SpawnDetached.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tkcli {

int spawnDetached(const std::vector<std::string> &args)
{
    if (args.empty())
        return EINVAL;
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0)
        return errno;
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        ::close(report[0]);
        ::close(report[1]);
        return err;
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
    return got == sizeof execErrno ? execErrno : 0;
}

} // namespace tkcli
