#include "SignInController.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "BrowserLauncher.h"
#include "LoginDialog.h"
#include "SessionManager.h"
#include "SignInMethodPanel.h"

#include <QStringList>

SignInController::SignInController(SessionManager *manager, AccountListModel *model,
                                   QWidget *parentWindow, QObject *parent)
    : QObject(parent), m_manager(manager), m_model(model), m_parentWindow(parentWindow)
{
    for (AccountSession *s : model->sessions())
        watch(s);
    connect(model, &AccountListModel::sessionAdded, this, &SignInController::watch);
}

SignInController::~SignInController()
{
    // Dialogs still open (at quit) are top-level windows owned by nobody else; they go with the
    // controller, without the closing path (which would remove accounts, queue re-prompts).
    const QList<LoginDialog *> open = m_flows.keys();
    m_flows.clear();
    for (LoginDialog *dialog : open) {
        disconnect(dialog, nullptr, this, nullptr);
        delete dialog;
    }
}

void SignInController::watch(AccountSession *session)
{
    const QString id = session->id();
    connect(session, &AccountSession::reauthRequired, this, [this, id] {
        if (!m_autoReprompt || dialogFor(id) || m_pending.contains(id))
            return;
        m_pending.append(id);
        openNextReprompt();
    });
}

LoginDialog *SignInController::dialogFor(const QString &accountId) const
{
    for (auto it = m_flows.cbegin(); it != m_flows.cend(); ++it)
        if (it.value().accountId == accountId)
            return it.key();
    return nullptr;
}

LoginDialog *SignInController::open(LoginDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::submitted, this,
            [this, dialog](const AccountConfig &c, const Credentials &cr) {
                onSubmitted(dialog, c, cr);
            });
    connect(dialog, &LoginDialog::cancelRequested, this, [this, dialog] { onCancel(dialog); });
    connect(dialog, &QDialog::finished, this, [this, dialog] { onClosed(dialog); });
    // Deleted without closing (by its parent, by a test): no flow outlives it, or a later dialog
    // allocated at the same address would inherit it.
    connect(dialog, &QObject::destroyed, this, [this, dialog] { m_flows.remove(dialog); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    Q_EMIT dialogOpened(dialog);
    return dialog;
}

LoginDialog *SignInController::addAccount(const AccountConfig &preset)
{
    auto *dialog = new LoginDialog(m_parentWindow);
    dialog->setWindowTitle(tr("Add account"));
    if (!preset.clientId.isEmpty() || !preset.serverUrl.isEmpty())
        dialog->setConfig(preset);
    m_flows.insert(dialog, Flow());
    return open(dialog);
}

void SignInController::openNextReprompt()
{
    while (!m_reprompt && !m_pending.isEmpty()) {
        const QString id = m_pending.takeFirst();
        AccountSession *s = m_model->session(id);
        if (!s || s->state() != SessionState::ReauthRequired || dialogFor(id))
            continue; // signed in meanwhile, removed, or already on screen
        m_reprompt = openFor(id, false);
    }
}

LoginDialog *SignInController::signIn(const QString &accountId)
{
    m_pending.removeAll(accountId);
    return openFor(accountId, false);
}

LoginDialog *SignInController::edit(const QString &accountId)
{
    return openFor(accountId, true);
}

LoginDialog *SignInController::openFor(const QString &accountId, bool edit)
{
    AccountSession *session = m_model->session(accountId);
    if (!session)
        return nullptr;
    const AccountSnapshot snapshot = session->snapshot();
    if (LoginDialog *existing = dialogFor(accountId)) {
        if (snapshot.state == SessionState::ReauthRequired && !existing->isBusy() && !edit)
            existing->setReprompt(snapshot);
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    auto *dialog = new LoginDialog(m_parentWindow);
    if (edit) {
        dialog->setConfig(snapshot.config);
        dialog->setEditMode();
    } else {
        if (snapshot.state == SessionState::ReauthRequired)
            dialog->setReprompt(snapshot);
        else
            dialog->setConfig(snapshot.config);
        if (snapshot.state == SessionState::Backoff || snapshot.state == SessionState::Offline)
            // Retrying is not a reason to sign in again: say so before the person types.
            dialog->setReason(tr("Tokenkeeper is retrying by itself (%1). Signing in again is "
                                 "only needed if the problem is your password.")
                                      .arg(AccountText::lastError(snapshot)));
        dialog->setIdentityLocked(true);
    }
    Flow flow;
    flow.accountId = accountId;
    m_flows.insert(dialog, flow);
    return open(dialog);
}

static bool sameSettings(const AccountConfig &a, const AccountConfig &b)
{
    return a.sameIdentity(b) && a.displayName == b.displayName && a.scope == b.scope
            && a.tokenEndpoint == b.tokenEndpoint && a.revocationEndpoint == b.revocationEndpoint
            && a.hasClientSecret == b.hasClientSecret
            && a.rememberCredentials == b.rememberCredentials && a.signInMethod == b.signInMethod;
}

void SignInController::onSubmitted(LoginDialog *dialog, AccountConfig config,
                                   Credentials credentials)
{
    // One account per user, client and server: a second would share the first one's keychain
    // item and grant. (The account this dialog created on an earlier try is not "another".)
    AccountConfig probe = config;
    if (probe.id.isEmpty())
        probe.id = m_flows.value(dialog).accountId;
    if (const AccountSession *twin = m_manager->accountSigningInAs(probe)) {
        credentials.wipe();
        dialog->showProblem(
                {LoginValidator::Field::Username,
                 tr("“%1” already signs in as %2 with this client at %3. Choose it in "
                    "the list and sign in there, or enter another user name or client ID.")
                         .arg(twin->config().displayName, twin->config().username,
                              AccountText::hostAndPort(twin->config()))});
        return;
    }
    if (!dialog->nameTyped()) { // the default name, made free: "alice@host (2)"
        config.displayName = m_manager->freeName(config.displayName, probe.id);
    } else if (m_manager->accountNamed(probe.displayName, probe.id)) {
        credentials.wipe();
        dialog->showNameProblem(tr("Another account is already called “%1”. Choose another name, "
                                   "or leave it empty for one of Tokenkeeper's choosing.")
                                        .arg(probe.displayName));
        return;
    }
    dialog->setBusy(true);
    if (config.dialect != Dialect::Generic || !config.tokenEndpoint.isEmpty()) {
        startSignIn(dialog, config, credentials);
        credentials.wipe();
        return;
    }
    QPointer<LoginDialog> guard(dialog);
    m_manager->discover(config,
                        [this, guard, credentials](const AccountConfig &resolved,
                                                   const AuthError &error) mutable {
                            if (guard && guard->isBusy()) { // not cancelled meanwhile
                                if (error.isError())
                                    guard->showError(error);
                                else
                                    startSignIn(guard, resolved, credentials);
                            }
                            credentials.wipe();
                        });
}

void SignInController::startSignIn(LoginDialog *dialog, const AccountConfig &config,
                                   Credentials credentials)
{
    Flow &flow = m_flows[dialog];
    AccountSession *session =
            flow.accountId.isEmpty() ? nullptr : m_manager->session(flow.accountId);
    if (!session) {
        session = m_manager->addAccount(config);
        flow.createdHere = true;
    } else if (!sameSettings(session->config(), config)) {
        session = m_manager->updateAccount(config);
    }
    if (!session) {
        dialog->showError(AuthError(AuthError::Kind::Config, QStringLiteral("account_rejected")));
        return;
    }
    flow.accountId = session->id();
    // Browser and device sign-ins: what the person needs appears in the dialog itself.
    SignInMethodPanel *panel = dialog->methodPanel();
    disconnect(flow.browser);
    disconnect(flow.device);
    flow.browser = connect(session, &AccountSession::browserSignInRequested, panel,
                           [panel](const QUrl &url) {
                               panel->showBrowserUrl(url);
                               BrowserLauncher::open(url);
                           });
    flow.device = connect(session, &AccountSession::deviceCodeReady, panel,
                          [panel](const QString &code, const QUrl &uri, const QUrl &complete,
                                  qint64 expiresAtMs) {
                              panel->showDeviceCode(code, uri, complete, expiresAtMs);
                          });
    // (Qt::UniqueConnection does not work with a free function: Qt refused it and the button
    // did nothing. One connection per flow instead.)
    disconnect(flow.openAgain);
    flow.openAgain = connect(panel, &SignInMethodPanel::openUrlRequested, panel,
                             [](const QUrl &url) { BrowserLauncher::open(url); });
    disconnect(flow.finished);
    QPointer<LoginDialog> guard(dialog);
    flow.finished = connect(session, &AccountSession::signInFinished, this,
                            [this, guard, id = flow.accountId](const AuthError &error) {
                                if (!guard || !guard->isBusy())
                                    return;
                                if (error.isError()) {
                                    guard->showError(error);
                                    return;
                                }
                                m_flows[guard].succeeded = true;
                                guard->accept();
                                Q_EMIT signedIn(id);
                            });
    session->signIn(credentials);
    credentials.wipe();
}

void SignInController::onCancel(LoginDialog *dialog)
{
    const Flow flow = m_flows.value(dialog);
    if (AccountSession *s = flow.accountId.isEmpty() ? nullptr : m_manager->session(flow.accountId))
        s->cancelSignIn();
}

void SignInController::onClosed(LoginDialog *dialog)
{
    const Flow flow = m_flows.take(dialog);
    disconnect(flow.finished);
    // An account added in this dialog and never signed in is not kept around.
    if (flow.createdHere && !flow.succeeded && !flow.accountId.isEmpty())
        m_manager->removeAccount(flow.accountId);
    if (dialog == m_reprompt)
        m_reprompt = nullptr;
    if (!m_reprompt) // the next waiting re-prompt gets its turn
        QMetaObject::invokeMethod(this, &SignInController::openNextReprompt, Qt::QueuedConnection);
}
