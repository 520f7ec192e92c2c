#include "RuntimeDirectory.h"

#include <QCoreApplication>
#include <QDir>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

QString RuntimeDirectory::defaultPath()
{
    const QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        return QString();
    return QDir::cleanPath(base) + QStringLiteral("/tokenkeeper");
}

QString RuntimeDirectory::defaultSocketPath()
{
    const QString dir = defaultPath();
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/agent.sock");
}

bool RuntimeDirectory::ensure(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("RuntimeDirectory",
                                             "XDG_RUNTIME_DIR is not set: no place for the "
                                             "agent socket");
        return false;
    }
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QCoreApplication::translate("RuntimeDirectory", "cannot create %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct stat st;
    if (::lstat(native.constData(), &st) != 0) {
        *error = QCoreApplication::translate("RuntimeDirectory", "cannot inspect %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        *error = QCoreApplication::translate("RuntimeDirectory",
                                             "%1 is not a directory (a symbolic link?)")
                         .arg(path);
        return false;
    }
    if (st.st_uid != ::geteuid()) {
        *error = QCoreApplication::translate("RuntimeDirectory", "%1 is owned by uid %2, not %3")
                         .arg(path)
                         .arg(st.st_uid)
                         .arg(::geteuid());
        return false;
    }
    if ((st.st_mode & 077) != 0) {
        *error = QCoreApplication::translate("RuntimeDirectory",
                                             "%1 has mode %2; it must be 0700 (others could "
                                             "reach the agent)")
                         .arg(path)
                         .arg(QString::number(st.st_mode & 07777, 8));
        return false;
    }
    return true;
}
