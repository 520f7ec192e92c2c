#include "DesktopShell.h"

#include "AccountListModel.h"
#include "AccountRegistry.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "AgentReplies.h"
#include "AgentServer.h"
#include "AgentService.h"
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "ApprovalPrompt.h"
#include "ChunkedSecretStore.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "DemoAccounts.h"
#include "ErrorText.h"
#include "EventLogModel.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "SessionManager.h"
#include "SignInController.h"
#include "SystemEvents.h"
#include "TrayController.h"
#ifdef TOKENKEEPER_FAULT_POINTS
#include "BenchDriver.h"
#endif

#include <QApplication>
#include <QClipboard>
#include <QNetworkAccessManager>
#include <QTimer>

namespace {
constexpr int kQuitKeychainWaitMs = 3000;

SessionManager::Deps engineDeps(QNetworkAccessManager *nam, CredentialStore *store,
                                CredentialStore *sessionOnlyStore, AccountRegistry *registry,
                                SystemEvents *events)
{
    SessionManager::Deps deps;
    deps.nam = nam;
    deps.clock = SystemClock::instance();
    deps.store = store;
    deps.sessionOnlyStore = sessionOnlyStore;
    deps.registry = registry;
    deps.events = events;
    return deps;
}
} // namespace

// Declaration order is construction order: the keychain and the registry before the stores
// that use them, the engine before the models, the models before the widgets, and the agent
// last (it serves the engine to other programs). Destruction runs the other way.
struct DesktopShell::Parts
{
    explicit Parts(const QString &name)
        : keychain(name),
#ifdef Q_OS_WIN
          // Windows Credential Manager holds 2560 bytes per item in QtKeychain 0.13.
          chunked(&keychain),
          store(&chunked, &registry),
#else
          store(&keychain, &registry),
#endif
          sessionOnlyStore(&sessionOnlySecrets, &registry),
          manager(engineDeps(&nam, &store, &sessionOnlyStore, &registry, &events)),
          model(SystemClock::instance()),
          log(SystemClock::instance()),
          clipboard(QApplication::clipboard()),
          signIn(&manager, &model, nullptr),
          window(&manager, &model, &log, &signIn),
          tray(&model, &clipboard),
          agentService(&manager, SystemClock::instance()),
          approvalSettings(QSettings::IniFormat, QSettings::UserScope,
                           QCoreApplication::organizationName(), QStringLiteral("approvals")),
          approvalPolicy(&approvalSettings),
          approvals(&approvalPolicy, SystemClock::instance()),
          agent(&agentService, AgentServer::Options())
    { }

    KeychainSecretStore keychain;
#ifdef Q_OS_WIN
    ChunkedSecretStore chunked;
#endif
    MemorySecretStore sessionOnlySecrets;
    AccountRegistry registry;
    CredentialStore store;
    CredentialStore sessionOnlyStore;
    QNetworkAccessManager nam;
    SystemEvents events;
    SessionManager manager;
    AccountListModel model;
    EventLogModel log;
    ClipboardGuard clipboard;
    SignInController signIn;
    MainWindow window;
    TrayController tray;
    AgentService agentService;
    QSettings approvalSettings;
    ApprovalPolicy approvalPolicy;
    ApprovalBroker approvals;
    AgentServer agent;
};

void DesktopShell::connectModels(SessionManager *manager, AccountListModel *model,
                                 EventLogModel *log)
{
    QObject::connect(model, &AccountListModel::sessionAdded, log, &EventLogModel::watch);
    for (AccountSession *s : manager->sessions())
        model->addSession(s);
    QObject::connect(manager, &SessionManager::accountAdded, model, &AccountListModel::addSession);
    QObject::connect(manager, &SessionManager::accountRemoved, model,
                     &AccountListModel::removeSession);
}

DesktopShell::DesktopShell(const Options &options) : m_options(options)
{
    d = std::make_unique<Parts>(options.name);
    Parts &p = *d;
    p.events.connectToSystem();
    // The keychain answers again after a stall: the accounts waiting on it read it by themselves.
    QObject::connect(&p.keychain, &KeychainSecretStore::stalledChanged, &p.manager,
                     [m = &p.manager](bool stalled) {
                         if (!stalled)
                             m->retryStorageEverywhere();
                     });
    p.manager.start();
    if (!options.demoServer.isEmpty() && p.manager.sessions().isEmpty())
        DemoAccounts::addTo(&p.manager, options.demoServer);

    p.log.setStorageFile(EventLogModel::defaultStorageFile()); // kept across restarts, 0600
    connectModels(&p.manager, &p.model, &p.log);
    p.window.setTrayController(&p.tray);
    p.window.setClipboardGuard(&p.clipboard);
    p.window.setDemoMode(!options.demoServer.isEmpty());
    QObject::connect(&p.tray, &TrayController::signInRequested, &p.signIn,
                     &SignInController::signIn);
    // Without a tray host the window is the only way in: closing it quits (MainWindow).
    QObject::connect(&p.window, &MainWindow::closedWithoutTray, qApp, &QCoreApplication::quit);
#ifdef TOKENKEEPER_FAULT_POINTS
    BenchDriver::installIfRequested(&p.window, &p.model, &p.tray); // tests/bench/bench_scale
#endif

    // The agent hands tokens to the person's programs (tokenctl, git, kubectl), in the words
    // of the desktop's one error table.
    AgentReplies::setDescriber(&ErrorText::describe);
    AgentReplies::setProblemDescriber(&ErrorText::configProblem);
    AgentReplies::setReauthDescriber([](const AccountSnapshot &s) {
        return AccountText::reauthPhrase(s.reauthCode, s.lastError);
    });
    p.agentService.setApprovalBroker(&p.approvals);
    p.window.setApprovalBroker(&p.approvals);
    QObject::connect(&p.approvals, &ApprovalBroker::promptRequested, &p.approvals,
                     [a = &p.approvals](const ApprovalBroker::Prompt &prompt) {
                         ApprovalPrompt::showFor(a, prompt);
                     });
    QObject::connect(
            &p.manager, &SessionManager::accountRemoved, &p.approvals,
            [policy = &p.approvalPolicy](const QString &id) { policy->forgetAccount(id); });
    QObject::connect(&p.agentService, &AgentService::signInRequested, &p.signIn,
                     [s = &p.signIn](const QString &accountId) { s->signIn(accountId); });
    const auto logAgent = [log = &p.log](const QString &account, const QString &line) {
        log->append(SystemClock::instance()->wallMs(), account, line);
    };
    QObject::connect(&p.agentService, &AgentService::logEvent, &p.log, logAgent);
    QObject::connect(&p.agent, &AgentServer::logEvent, &p.log, logAgent);
    QString agentError;
    if (!p.agent.listen(&agentError))
        qWarning("agent socket unavailable: %s", qPrintable(agentError));
}

DesktopShell::~DesktopShell() = default;

MainWindow *DesktopShell::window() const
{
    return &d->window;
}

int DesktopShell::exec()
{
    Parts &p = *d;
    if (!m_options.minimized || !p.tray.isAvailable())
        p.window.show();
    const int rc = QCoreApplication::exec();
    // Sign-out and removal finish their keychain work before the process ends (audit L4): the
    // loop runs on, bounded, until the keychain has answered everything asked of it. What a
    // crash still interrupts, the next start finishes (the registry says what is owed).
    if (!p.keychain.isIdle()) {
        QTimer::singleShot(kQuitKeychainWaitMs, qApp, &QCoreApplication::quit);
        QObject::connect(&p.keychain, &KeychainSecretStore::idle, qApp, &QCoreApplication::quit);
        QCoreApplication::exec();
    }
    return rc;
}
