#include "Autostart.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// "Start at login": the XDG autostart entry is written under $XDG_CONFIG_HOME, starts the app
// minimized, is removed again, and entries switched off by the desktop count as off.
class tst_Autostart : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QByteArray m_savedXdg;

    QString autostartDir() const { return m_home.path() + QStringLiteral("/autostart"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_savedXdg = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
    }
    void cleanupTestCase() { qputenv("XDG_CONFIG_HOME", m_savedXdg); }
    void cleanup() { QDir(autostartDir()).removeRecursively(); }

    void desktopIdMatchesDesktopFile()
    {
        // The autostart entry must carry the same id as the installed desktop file, or desktops
        // show two different applications.
        QCOMPARE(Autostart::defaultDesktopId(), QStringLiteral(TK_APP_ID));
    }

    void entryPathFollowsXdgConfigHome()
    {
        const Autostart autostart;
        QCOMPARE(autostart.entryPath(),
                 autostartDir() + QStringLiteral("/io.github.tokenkeeper.Tokenkeeper.desktop"));
    }

    void relativeXdgConfigHomeIsIgnored()
    {
        qputenv("XDG_CONFIG_HOME", "relative/dir");
        const QString path = Autostart().entryPath();
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path()));
        QCOMPARE(path,
                 QDir::homePath()
                         + QStringLiteral("/.config/autostart/"
                                          "io.github.tokenkeeper.Tokenkeeper.desktop"));
    }

    void enableWritesEntryAndDisableRemovesIt()
    {
        Autostart autostart;
        QVERIFY(!autostart.isEnabled());
        QVERIFY2(autostart.setEnabled(true), qPrintable(autostart.errorString()));
        QVERIFY(autostart.isEnabled());

        QFile file(autostart.entryPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        file.close();
        QCOMPARE(contents, Autostart::entryContents());
        const QList<QByteArray> lines = contents.split('\n');
        QVERIFY(lines.contains("[Desktop Entry]"));
        QVERIFY(lines.contains("Type=Application"));
        QVERIFY(lines.contains("Exec=tokenkeeper --minimized"));
        QVERIFY(lines.contains("X-GNOME-Autostart-enabled=true"));

        // Enabling twice is harmless and leaves one entry.
        QVERIFY(autostart.setEnabled(true));
        QCOMPARE(QDir(autostartDir()).entryList(QDir::Files).size(), 1);

        QVERIFY(autostart.setEnabled(false));
        QVERIFY(!QFile::exists(autostart.entryPath()));
        QVERIFY(!autostart.isEnabled());
        // Disabling when nothing is there succeeds.
        QVERIFY(autostart.setEnabled(false));
    }

    void switchedOffEntries_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("ours") << Autostart::entryContents() << true;
        QTest::newRow("gnome off") << QByteArray("[Desktop Entry]\nType=Application\n"
                                                 "Exec=tokenkeeper --minimized\n"
                                                 "X-GNOME-Autostart-enabled=false\n")
                                   << false;
        QTest::newRow("hidden") << QByteArray("[Desktop Entry]\nHidden=true\nExec=tokenkeeper\n")
                                << false;
        QTest::newRow("hidden in other group")
                << QByteArray("[Desktop Entry]\nExec=tokenkeeper\n[Desktop Action x]\n"
                              "Hidden=true\n")
                << true;
        QTest::newRow("spaces and case") << QByteArray("[Desktop Entry]\nHidden = True\n") << false;
    }
    void switchedOffEntries()
    {
        QFETCH(QByteArray, contents);
        QFETCH(bool, enabled);
        Autostart autostart;
        QVERIFY(QDir().mkpath(autostartDir()));
        QFile file(autostart.entryPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        QCOMPARE(autostart.isEnabled(), enabled);
        // Turning it on again rewrites a switched-off entry into a working one.
        QVERIFY(autostart.setEnabled(true));
        QVERIFY(autostart.isEnabled());
    }

    void unwritableDirectoryReportsError()
    {
        // A file where the autostart directory should be: mkpath fails, no crash, an error text.
        QFile blocker(autostartDir());
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Autostart autostart;
        QVERIFY(!autostart.setEnabled(true));
        QVERIFY(!autostart.errorString().isEmpty());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(QFile::remove(autostartDir()));
    }

    void explicitConfigHomeOverridesEnvironment()
    {
        QTemporaryDir other;
        QVERIFY(other.isValid());
        Autostart autostart(QStringLiteral("org.example.Test"), other.path());
        QCOMPARE(autostart.entryPath(),
                 other.path() + QStringLiteral("/autostart/org.example.Test.desktop"));
        QVERIFY(autostart.setEnabled(true));
        QVERIFY(QFile::exists(autostart.entryPath()));
        QVERIFY(!QFile::exists(Autostart().entryPath()));
    }
};

QTEST_GUILESS_MAIN(tst_Autostart)
#include "tst_autostart.moc"
