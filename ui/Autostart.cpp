#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

Autostart::Autostart(const QString &desktopId, const QString &configHome)
    : m_desktopId(desktopId), m_configHome(configHome)
{ }

QString Autostart::defaultDesktopId()
{
    return QStringLiteral("io.github.tokenkeeper.Tokenkeeper");
}

bool Autostart::isSupported()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return true;
#else
    return false;
#endif
}

QString Autostart::autostartDir() const
{
    QString base = m_configHome;
    if (base.isEmpty()) {
        base = qEnvironmentVariable("XDG_CONFIG_HOME");
        // The XDG base directory spec says relative paths are invalid and must be ignored.
        if (base.isEmpty() || QDir::isRelativePath(base))
            base = QDir::homePath() + QStringLiteral("/.config");
    }
    return QDir::cleanPath(base + QStringLiteral("/autostart"));
}

QString Autostart::entryPath() const
{
    return autostartDir() + QLatin1Char('/') + m_desktopId + QStringLiteral(".desktop");
}

QByteArray Autostart::entryContents()
{
    return QByteArrayLiteral("[Desktop Entry]\n"
                             "Type=Application\n"
                             "Name=Tokenkeeper\n"
                             "Comment=Keep OAuth 2.0 tokens fresh and safe\n"
                             "Exec=tokenkeeper --minimized\n"
                             "TryExec=tokenkeeper\n"
                             "Icon=tokenkeeper\n"
                             "Terminal=false\n"
                             "X-GNOME-Autostart-enabled=true\n");
}

bool Autostart::isEnabled() const
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    // Only the keys that switch an entry off matter; the file is tiny, so a line scan is enough
    // (QSettings would mangle the desktop-entry syntax: lists, locale keys).
    bool inMainGroup = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.startsWith('[')) {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        if (!inMainGroup)
            continue;
        const int eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq).trimmed();
        const QByteArray value = line.mid(eq + 1).trimmed().toLower();
        if (key == "Hidden" && value == "true")
            return false;
        if (key == "X-GNOME-Autostart-enabled" && value == "false")
            return false;
    }
    return true;
}

bool Autostart::setEnabled(bool enabled)
{
    m_error.clear();
    const QString path = entryPath();
    if (!enabled) {
        if (!QFileInfo::exists(path))
            return true;
        QFile file(path);
        if (!file.remove()) {
            m_error = file.errorString();
            return false;
        }
        return true;
    }
    if (!isSupported()) {
        m_error = QCoreApplication::translate("Autostart",
                                              "Start at login is not supported on this platform.");
        return false;
    }
    if (!QDir().mkpath(autostartDir())) {
        m_error = QCoreApplication::translate("Autostart", "Cannot create the folder %1.")
                          .arg(QDir::toNativeSeparators(autostartDir()));
        return false;
    }
    // QSaveFile: a crash mid-write must not leave a half-written entry the session would run.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entryContents()) < 0 || !file.commit()) {
        m_error = file.errorString();
        return false;
    }
    return true;
}
