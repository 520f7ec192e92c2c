#pragma once

#include <QString>

// "Start at login" on freedesktop systems: writes or removes the XDG autostart entry
// $XDG_CONFIG_HOME/autostart/<desktop id>.desktop, which starts "tokenkeeper --minimized".
// QtCore only; on Windows and macOS isSupported() is false and nothing is written.
class Autostart
{
public:
    // configHome overrides $XDG_CONFIG_HOME (tests); empty means "ask the environment".
    explicit Autostart(const QString &desktopId = defaultDesktopId(),
                       const QString &configHome = QString());

    static QString defaultDesktopId(); // io.github.tokenkeeper.Tokenkeeper
    static bool isSupported();

    QString entryPath() const;
    // True when the entry exists and is not switched off (Hidden=true or
    // X-GNOME-Autostart-enabled=false, as a desktop's own settings tool may leave it).
    bool isEnabled() const;
    // Writes or removes the entry. Returns false (and leaves errorString()) when the file system
    // refuses; turning off an absent entry succeeds.
    bool setEnabled(bool enabled);
    QString errorString() const { return m_error; }

    static QByteArray entryContents(); // the exact bytes written

private:
    QString autostartDir() const;

    QString m_desktopId;
    QString m_configHome;
    QString m_error;
};
