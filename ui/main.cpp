// The desktop executable: reads the command line, makes sure it runs once, and hands over to
// DesktopShell, the composition root. No logic.
#include "DesktopShell.h"
#include "ForgetAllCommand.h"
#include "MainWindow.h"
#include "Redaction.h"
#include "SingleInstance.h"
#include "Translations.h"
#include "TrayIconFactory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

// S-22: a crash must not write the tokens in memory to a core file (release builds only, so
// developers keep their cores).
static void disableCoreDumps()
{
#if defined(Q_OS_LINUX) && defined(QT_NO_DEBUG)
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

// --help, --version and --forget-all print and exit: they must work without a display (SSH,
// packaging and uninstall scripts).
static bool textOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *opt :
             {"-h", "--help", "-?", "--help-all", "-v", "--version", "--forget-all"})
            if (qstrcmp(argv[i], opt) == 0)
                return true;
    return false;
}

int main(int argc, char *argv[])
{
    Redaction::installMessageHandler();
    disableCoreDumps();
    const std::unique_ptr<QCoreApplication> app = textOnly(argc, argv)
            ? std::make_unique<QCoreApplication>(argc, argv)
            : std::make_unique<QApplication>(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tokenkeeper"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tokenkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Tokenkeeper"));
    QApplication::setApplicationVersion(QStringLiteral(TOKENKEEPER_VERSION));
    // Translations first, so that --help is translated too (Qt's own strings included).
    Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Keeps OAuth 2.0 tokens fresh and safe."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption minimized(
            QStringLiteral("minimized"),
            QApplication::translate("main",
                                    "Start in the system tray without opening the window."));
    const QCommandLineOption demo(
            QStringLiteral("demo-server"),
            QApplication::translate("main",
                                    "Use the demo server at <url> with separate demo "
                                    "settings and keychain entries."),
            QStringLiteral("url"));
    const QCommandLineOption forgetAll(
            QStringLiteral("forget-all"),
            QApplication::translate("main",
                                    "Remove every secret Tokenkeeper stored in the keychain, and "
                                    "its accounts, then exit (for uninstalling)."));
    parser.addOptions({minimized, demo, forgetAll});
    parser.process(*app); // --help/--version exit here, before anything needs a display
    const bool demoMode = parser.isSet(demo);
    const QString name =
            demoMode ? QStringLiteral("tokenkeeper-demo") : QStringLiteral("tokenkeeper");
    if (demoMode)
        QApplication::setOrganizationName(QStringLiteral("Tokenkeeper-demo"));
    if (parser.isSet(forgetAll))
        return ForgetAllCommand::run(name);
    QApplication::setWindowIcon(TrayIconFactory::appIcon());
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tokenkeeper.Tokenkeeper"));

    SingleInstance instance(SingleInstance::defaultSocketDir(), name);
    const SingleInstance::Role role = instance.start();
    if (role == SingleInstance::Role::Secondary)
        return 0; // the running instance raises its window
    if (role == SingleInstance::Role::Failed) {
        // Fail closed: without the check a second refresher could rotate the grants under us.
        const QString text = QApplication::translate("main",
                                                     "Tokenkeeper did not start: it cannot make "
                                                     "sure that it runs only once.\n%1")
                                     .arg(instance.errorString());
        fprintf(stderr, "%s\n", qPrintable(text));
        QMessageBox::critical(nullptr, QStringLiteral("Tokenkeeper"), text);
        return 1;
    }

    DesktopShell::Options options;
    options.name = name;
    options.minimized = parser.isSet(minimized);
    if (demoMode)
        options.demoServer = QUrl(parser.value(demo));
    DesktopShell shell(options);
    QObject::connect(&instance, &SingleInstance::raiseRequested, shell.window(),
                     &MainWindow::showAndRaise);
    return shell.exec();
}
