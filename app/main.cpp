// The composition root: builds the objects and wires them; no logic.
#include "AccountListModel.h"
#include "AccountRegistry.h"
#ifdef TOKENKEEPER_FAULT_POINTS
#include "BenchDriver.h"
#endif
#include "AgentServer.h"
#include "AgentService.h"
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "ApprovalPrompt.h"
#include "ChunkedSecretStore.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "EventLogModel.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "Redaction.h"
#include "SessionManager.h"
#include "SignInController.h"
#include "SingleInstance.h"
#include "SystemEvents.h"
#include "Translations.h"
#include "TrayController.h"
#include "TrayIconFactory.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>

#include <cstdio>
#include <memory>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

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

// Demo mode (scripts/run.sh): three accounts aimed at the demo server. Password "demo" for all;
// the dialog is never prefilled with it.
static constexpr int kQuitKeychainWaitMs = 3000;

static void addDemoAccounts(SessionManager *manager, const QUrl &server)
{
    const QString client = QStringLiteral("tokenkeeper-demo");
    AccountConfig venafi;
    venafi.displayName = QStringLiteral("Demo Venafi TPP");
    venafi.dialect = Dialect::Venafi;
    venafi.serverUrl = server;
    venafi.clientId = client;
    venafi.username = QStringLiteral("demo");
    venafi.scope = QStringLiteral("certificate:manage,revoke");
    manager->addAccount(venafi);

    AccountConfig salesforce;
    salesforce.displayName = QStringLiteral("Demo Salesforce");
    salesforce.dialect = Dialect::Salesforce;
    salesforce.serverUrl = server;
    salesforce.clientId = client; // consumer key; the secret ("demo-secret") is typed in the dialog
    salesforce.username = QStringLiteral("demo");
    salesforce.scope = QStringLiteral("api refresh_token");
    manager->addAccount(salesforce);

    AccountConfig generic;
    generic.displayName = QStringLiteral("Demo OAuth 2.0");
    generic.dialect = Dialect::Generic;
    generic.serverUrl =
            QUrl(server.toString(QUrl::StripTrailingSlash) + QStringLiteral("/generic"));
    generic.clientId = client;
    generic.username = QStringLiteral("demo");
    generic.scope = QStringLiteral("openid profile");
    manager->addAccount(generic);

    // The two other sign-in methods, on clients the demo server registers for them.
    AccountConfig browser = salesforce;
    browser.displayName = QStringLiteral("Demo browser sign-in");
    browser.clientId = QStringLiteral("tokenkeeper-demo-browser"); // public, PKCE
    browser.username.clear();
    browser.signInMethod = SignInMethod::Browser;
    manager->addAccount(browser);

    AccountConfig device = venafi;
    device.displayName = QStringLiteral("Demo device code");
    device.clientId = QStringLiteral("tokenkeeper-demo-device");
    device.username.clear();
    device.signInMethod = SignInMethod::Device;
    manager->addAccount(device);
}

// --help and --version print and exit: they must work without a display (SSH, packaging).
static bool textOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *opt : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
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
    parser.addOptions({minimized, demo});
    parser.process(*app); // --help/--version exit here, before anything needs a display
    QApplication::setWindowIcon(TrayIconFactory::appIcon());
    QApplication::setQuitOnLastWindowClosed(false); // the tray keeps running
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tokenkeeper.Tokenkeeper"));

    const bool demoMode = parser.isSet(demo);
    const QString name =
            demoMode ? QStringLiteral("tokenkeeper-demo") : QStringLiteral("tokenkeeper");
    if (demoMode)
        QApplication::setOrganizationName(QStringLiteral("Tokenkeeper-demo"));

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

    KeychainSecretStore keychain(name);
#ifdef Q_OS_WIN
    // Windows Credential Manager holds 2560 bytes per item in QtKeychain 0.13: split larger blobs.
    ChunkedSecretStore secrets(&keychain);
#else
    SecretStore &secrets = keychain;
#endif
    MemorySecretStore sessionOnlySecrets;
    AccountRegistry registry;
    CredentialStore store(&secrets, &registry);
    CredentialStore sessionOnlyStore(&sessionOnlySecrets, &registry);
    QNetworkAccessManager nam;
    SystemEvents events;
    events.connectToSystem();
    SessionManager::Deps deps;
    deps.nam = &nam;
    deps.clock = SystemClock::instance();
    deps.store = &store;
    deps.sessionOnlyStore = &sessionOnlyStore;
    deps.registry = &registry;
    deps.events = &events;
    SessionManager manager(deps);
    // The keychain answers again after a stall: the accounts waiting on it read it by themselves.
    QObject::connect(&keychain, &KeychainSecretStore::stalledChanged, &manager,
                     [&manager](bool stalled) {
                         if (!stalled)
                             manager.retryStorageEverywhere();
                     });
    manager.start();
    if (demoMode && manager.sessions().isEmpty())
        addDemoAccounts(&manager, QUrl(parser.value(demo)));

    AccountListModel model(SystemClock::instance());
    EventLogModel log(SystemClock::instance());
    log.setStorageFile(EventLogModel::defaultStorageFile()); // kept across restarts, 0600
    ClipboardGuard clipboard(QApplication::clipboard());
    SignInController signIn(&manager, &model, nullptr);
    MainWindow window(&manager, &model, &log, &signIn);
    TrayController tray(&model, &clipboard);
    window.setTrayController(&tray);
    window.setClipboardGuard(&clipboard);
    window.setDemoMode(demoMode);
    QObject::connect(&tray, &TrayController::signInRequested, &signIn, &SignInController::signIn);
    QObject::connect(&instance, &SingleInstance::raiseRequested, &window,
                     &MainWindow::showAndRaise);
    // Without a tray host the window is the only way in: closing it quits (MainWindow).
    QObject::connect(&window, &MainWindow::closedWithoutTray, app.get(), &QCoreApplication::quit);

#ifdef TOKENKEEPER_FAULT_POINTS
    BenchDriver::installIfRequested(&window, &model, &tray); // tests/bench/bench_scale
#endif
    // The agent hands tokens to the person's programs (tokenctl, git, kubectl).
    AgentService agentService(&manager, SystemClock::instance());
    QSettings approvalSettings(QSettings::IniFormat, QSettings::UserScope,
                               QCoreApplication::organizationName(), QStringLiteral("approvals"));
    ApprovalPolicy approvalPolicy(&approvalSettings);
    ApprovalBroker approvals(&approvalPolicy, SystemClock::instance());
    agentService.setApprovalBroker(&approvals);
    QObject::connect(&approvals, &ApprovalBroker::promptRequested, &approvals,
                     [&approvals](const ApprovalBroker::Prompt &prompt) {
                         ApprovalPrompt::showFor(&approvals, prompt);
                     });
    QObject::connect(&manager, &SessionManager::accountRemoved, &approvals,
                     [&approvalPolicy](const QString &id) { approvalPolicy.forgetAccount(id); });
    AgentServer agent(&agentService, AgentServer::Options());
    QObject::connect(&agentService, &AgentService::signInRequested, &signIn,
                     [&signIn](const QString &accountId) { signIn.signIn(accountId); });
    const auto logAgent = [&log](const QString &account, const QString &line) {
        log.append(SystemClock::instance()->wallMs(), account, line);
    };
    QObject::connect(&agentService, &AgentService::logEvent, &log, logAgent);
    QObject::connect(&agent, &AgentServer::logEvent, &log, logAgent);
    QString agentError;
    if (!agent.listen(&agentError))
        qWarning("agent socket unavailable: %s", qPrintable(agentError));

    if (!parser.isSet(minimized) || !tray.isAvailable())
        window.show();
    const int rc = app->exec();
    // Sign-out and removal finish their keychain work before the process ends (audit L4): the
    // loop runs on, bounded, until the keychain has answered everything asked of it. What a
    // crash still interrupts, the next start finishes (the registry says what is owed).
    if (!keychain.isIdle()) {
        QTimer::singleShot(kQuitKeychainWaitMs, app.get(), &QCoreApplication::quit);
        QObject::connect(&keychain, &KeychainSecretStore::idle, app.get(), &QCoreApplication::quit);
        app->exec();
    }
    return rc;
}
