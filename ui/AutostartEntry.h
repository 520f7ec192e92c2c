#pragma once

#include "Autostart.h"

#include <QString>

// "Start with the desktop session" as the window offers it: the XDG autostart entry of
// Autostart, pointed at the running binary when `tokenkeeper` on PATH is not this program (a
// source build, an unpacked archive), so that the entry starts what the person is using.
class AutostartEntry
{
public:
    explicit AutostartEntry(const QString &configHome = QString(),
                            const QString &runningBinary = defaultBinary(),
                            const QString &binaryOnPath = defaultPathBinary());

    static bool isSupported() { return Autostart::isSupported(); }
    static QString defaultBinary(); // QCoreApplication::applicationFilePath()
    static QString defaultPathBinary(); // `tokenkeeper` found on PATH, or empty

    bool isEnabled() const { return m_autostart.isEnabled(); }
    bool setEnabled(bool enabled);
    QString errorString() const { return m_error; }
    QString entryPath() const { return m_autostart.entryPath(); }

    // Exec= quoting of the desktop entry specification.
    static QString quoteExec(const QString &program);

private:
    Autostart m_autostart;
    QString m_binary;
    QString m_pathBinary;
    QString m_error;
};
