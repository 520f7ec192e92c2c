#include "PeerIdentity.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static QByteArray readSmallFile(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QByteArray();
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    return n > 0 ? QByteArray(buffer, int(n)) : QByteArray();
}

PeerIdentity::Process PeerIdentity::readProcess(qint64 pid, qint64 *parentPid)
{
    Process p;
    p.pid = pid;
    *parentPid = 0;
    const QByteArray base = "/proc/" + QByteArray::number(pid);
    char link[4096];
    const ssize_t n = ::readlink(QByteArray(base + "/exe").constData(), link, sizeof link - 1);
    if (n > 0)
        p.exe = QFile::decodeName(QByteArray(link, int(n)));
    struct stat st;
    if (::stat(QByteArray(base + "/exe").constData(), &st) == 0) {
        p.fileIdentity =
                QStringLiteral("%1:%2:%3:%4")
                        .arg(quint64(st.st_dev))
                        .arg(quint64(st.st_ino))
                        .arg(qint64(st.st_size))
                        .arg(qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
    }
    // "pid (comm) state ppid ... starttime(22) ...": comm may hold spaces and parentheses.
    const QByteArray stat = readSmallFile(QByteArray(base + "/stat"));
    const int open = stat.indexOf('(');
    const int close = stat.lastIndexOf(')');
    if (open < 0 || close < open)
        return p;
    p.name = QString::fromUtf8(stat.mid(open + 1, close - open - 1));
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() > 19) {
        *parentPid = fields.at(1).toLongLong();
        p.startTime = fields.at(19).toULongLong();
    }
    return p;
}

PeerIdentity PeerIdentity::fromSocket(int fd)
{
    PeerIdentity id;
    struct ucred cred;
    socklen_t length = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) != 0 || length != sizeof cred)
        return id;
    id.credentialsKnown = true;
    id.uid = cred.uid;
    id.gid = cred.gid;
    qint64 parent = 0;
    id.process = readProcess(cred.pid, &parent);
    while (parent > 1 && id.parents.size() < kMaxParents) {
        qint64 next = 0;
        id.parents.append(readProcess(parent, &next));
        parent = next;
    }
    return id;
}

bool PeerIdentity::stillSameProcess() const
{
    if (process.pid <= 0)
        return false;
    qint64 parent = 0;
    const Process now = readProcess(process.pid, &parent);
    return now.startTime != 0 && now.startTime == process.startTime;
}

const PeerIdentity::Process &PeerIdentity::subject() const
{
    auto ours = [](const Process &p) {
        const QString name = QFileInfo(p.exe).fileName();
        return name == QLatin1String("tokenctl")
                || name == QLatin1String("git-credential-tokenkeeper");
    };
    if (!ours(process))
        return process;
    for (const Process &p : parents) {
        if (!ours(p))
            return p;
    }
    return process;
}

static QString shortName(const PeerIdentity::Process &p)
{
    if (!p.exe.isEmpty())
        return QFileInfo(p.exe).fileName();
    return p.name.isEmpty() ? QStringLiteral("?") : p.name;
}

QString PeerIdentity::programName() const
{
    return shortName(process);
}

QString PeerIdentity::describe() const
{
    QString text = QStringLiteral("%1 (pid %2)").arg(programName()).arg(process.pid);
    // Nested shells read "from bash ×3", not "from bash, from bash, from bash".
    int shown = 0;
    for (int i = 0; i < parents.size();) {
        const QString name = shortName(parents.at(i));
        int same = 1;
        while (i + same < parents.size() && shortName(parents.at(i + same)) == name)
            ++same;
        text += (shown++ == 0 ? QStringLiteral(", started from ") : QStringLiteral(", from "))
                + name + (same > 1 ? QStringLiteral(" ×%1").arg(same) : QString());
        i += same;
    }
    return text;
}
