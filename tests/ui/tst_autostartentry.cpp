#include "AutostartEntry.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// "Start with the desktop session" starts the program the person runs, not whatever (if
// anything) is called tokenkeeper on PATH.
class tst_AutostartEntry : public QObject
{
    Q_OBJECT
private:
    static QByteArray entry(const AutostartEntry &e)
    {
        QFile f(e.entryPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void pointsAtTheRunningBinaryWhenItIsNotOnPath()
    {
        if (!AutostartEntry::isSupported())
            QSKIP("XDG autostart only");
        QTemporaryDir dir;
        const QString bin = dir.filePath(QStringLiteral("my build/tokenkeeper"));
        QDir().mkpath(dir.filePath(QStringLiteral("my build")));
        QFile exe(bin);
        QVERIFY(exe.open(QIODevice::WriteOnly));
        exe.close();
        AutostartEntry e(dir.filePath(QStringLiteral("config")), bin, QString());
        QVERIFY2(e.setEnabled(true), qPrintable(e.errorString()));
        const QByteArray text = entry(e);
        QVERIFY2(text.contains(QByteArray("Exec=\"" + QFile::encodeName(bin) + "\" --minimized\n")),
                 text.constData());
        QVERIFY(text.contains(QByteArray("TryExec=" + QFile::encodeName(bin) + "\n")));
        QVERIFY(e.isEnabled());
        QVERIFY(e.setEnabled(false));
        QVERIFY(!QFile::exists(e.entryPath()));
    }

    void keepsTheInstalledCommand()
    {
        if (!AutostartEntry::isSupported())
            QSKIP("XDG autostart only");
        QTemporaryDir dir;
        const QString bin = dir.filePath(QStringLiteral("tokenkeeper"));
        QFile exe(bin);
        QVERIFY(exe.open(QIODevice::WriteOnly));
        exe.close();
        AutostartEntry e(dir.filePath(QStringLiteral("config")), bin, bin); // it is on PATH
        QVERIFY(e.setEnabled(true));
        QVERIFY(entry(e).contains("Exec=tokenkeeper --minimized\n"));
    }

    void quotesLikeTheDesktopEntrySpec()
    {
        QCOMPARE(AutostartEntry::quoteExec(QStringLiteral("/usr/bin/tokenkeeper")),
                 QStringLiteral("/usr/bin/tokenkeeper"));
        QCOMPARE(AutostartEntry::quoteExec(QStringLiteral("/a b/$x\"y")),
                 QStringLiteral("\"/a b/\\$x\\\"y\""));
    }
};

QTEST_GUILESS_MAIN(tst_AutostartEntry)
#include "tst_autostartentry.moc"
