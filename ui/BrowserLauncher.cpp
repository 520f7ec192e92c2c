#include "BrowserLauncher.h"

#include <QDesktopServices>
#include <QProcess>
#include <QStringList>

namespace BrowserLauncher {

bool open(const QUrl &url)
{
    const QString browser = qEnvironmentVariable("BROWSER").split(QLatin1Char(':')).value(0);
    if (browser.trimmed().isEmpty())
        return QDesktopServices::openUrl(url);
    QStringList args = QProcess::splitCommand(browser);
    if (args.isEmpty())
        return QDesktopServices::openUrl(url);
    const QString program = args.takeFirst();
    const QString target = url.toString(QUrl::FullyEncoded);
    bool placed = false;
    for (QString &a : args) {
        if (a.contains(QLatin1String("%s"))) {
            a.replace(QLatin1String("%s"), target);
            placed = true;
        }
    }
    if (!placed)
        args.append(target);
    return QProcess::startDetached(program, args);
}

} // namespace BrowserLauncher
