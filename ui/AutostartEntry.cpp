#include "AutostartEntry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

AutostartEntry::AutostartEntry(const QString &configHome, const QString &runningBinary,
                               const QString &binaryOnPath)
    : m_autostart(Autostart::defaultDesktopId(), configHome),
      m_binary(runningBinary),
      m_pathBinary(binaryOnPath)
{ }

QString AutostartEntry::defaultBinary()
{
    return QCoreApplication::applicationFilePath();
}

QString AutostartEntry::defaultPathBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("tokenkeeper"));
}

QString AutostartEntry::quoteExec(const QString &program)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = false;
    for (QChar c : program)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return program;
    QString out;
    for (QChar c : program) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
            || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool AutostartEntry::setEnabled(bool enabled)
{
    m_error.clear();
    if (!m_autostart.setEnabled(enabled)) {
        m_error = m_autostart.errorString();
        return false;
    }
    const QString running = QFileInfo(m_binary).canonicalFilePath();
    if (!enabled || running.isEmpty() || running == QFileInfo(m_pathBinary).canonicalFilePath())
        return true;
    // Not the installed program: "Exec=tokenkeeper" would start nothing, or another build.
    QFile in(m_autostart.entryPath());
    if (!in.open(QIODevice::ReadOnly)) {
        m_error = in.errorString();
        return false;
    }
    QByteArrayList lines = in.readAll().split('\n');
    in.close();
    for (QByteArray &line : lines) {
        if (line.startsWith("Exec="))
            line = "Exec=" + quoteExec(running).toUtf8() + " --minimized";
        else if (line.startsWith("TryExec="))
            line = "TryExec=" + running.toUtf8();
    }
    QSaveFile out(m_autostart.entryPath());
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join('\n')) < 0 || !out.commit()) {
        m_error = out.errorString();
        return false;
    }
    return true;
}
