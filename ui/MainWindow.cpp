#include "MainWindow.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "Autostart.h"
#include "EventLogModel.h"
#include "SessionManager.h"
#include "SignInController.h"
#include "TrayController.h"
#include "TrayIconFactory.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(SessionManager *manager, AccountListModel *model, EventLogModel *log,
                       SignInController *signIn, QWidget *parent)
    : QMainWindow(parent), m_manager(manager), m_model(model), m_log(log), m_signIn(signIn)
{
    setWindowTitle(QStringLiteral("Tokenkeeper"));
    setWindowIcon(TrayIconFactory::appIcon());
    setAccessibleName(tr("Tokenkeeper main window"));
    buildUi();
    for (AccountSession *s : model->sessions())
        log->watch(s);
    connect(model, &AccountListModel::sessionAdded, log, &EventLogModel::watch);
    if (manager) { // the one place where the engine's account list reaches the models
        for (AccountSession *s : manager->sessions())
            model->addSession(s);
        connect(manager, &SessionManager::accountAdded, model, &AccountListModel::addSession);
        connect(manager, &SessionManager::accountRemoved, model, &AccountListModel::removeSession);
    }
    connect(model, &AccountListModel::dataChanged, this, &MainWindow::updateButtons);
    connect(model, &AccountListModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (!m_accounts->currentIndex().isValid())
            m_accounts->selectRow(first);
        updateButtons();
    });
    connect(model, &AccountListModel::rowsRemoved, this, &MainWindow::updateButtons);
    m_tick.setInterval(5000); // countdown columns
    connect(&m_tick, &QTimer::timeout, model, &AccountListModel::refreshTimes);
    m_tick.start();
    if (model->rowCount() > 0)
        m_accounts->selectRow(0);
    updateButtons();
}

MainWindow::~MainWindow() = default;

static QPushButton *makeButton(const QString &text, const QString &accessible, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

void MainWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *buttons = new QHBoxLayout;
    m_add = makeButton(tr("&Add account…"), tr("Add account"), central);
    m_signInButton = makeButton(tr("&Sign in…"), tr("Sign in"), central);
    m_refresh = makeButton(tr("&Refresh now"), tr("Refresh now"), central);
    m_revoke = makeButton(tr("Re&voke…"), tr("Revoke"), central);
    m_remove = makeButton(tr("Re&move account…"), tr("Remove account"), central);
    m_retryStorage = makeButton(tr("Retry &keychain"), tr("Retry reading the keychain"), central);
    m_retryStorage->setToolTip(tr("Unlock your keyring, then read the stored session again"));
    for (QPushButton *b : {m_add, m_signInButton, m_refresh, m_revoke, m_remove, m_retryStorage})
        buttons->addWidget(b);
    buttons->addStretch(1);
    m_startAtLogin = new QCheckBox(tr("Start at &login"), central);
    m_startAtLogin->setAccessibleName(tr("Start Tokenkeeper at login"));
    m_startAtLogin->setToolTip(tr("Starts Tokenkeeper in the tray when you log in, so that "
                                  "tokens stay fresh"));
    m_startAtLogin->setVisible(Autostart::isSupported());
    m_startAtLogin->setChecked(Autostart().isEnabled());
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        Autostart autostart;
        if (!autostart.setEnabled(on)) {
            statusBar()->showMessage(autostart.errorString(), 10000);
            const QSignalBlocker block(m_startAtLogin);
            m_startAtLogin->setChecked(autostart.isEnabled());
        }
    });
    buttons->addWidget(m_startAtLogin);
    layout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    m_accounts = new QTableView(splitter);
    m_accounts->setModel(m_model);
    m_accounts->setAccessibleName(tr("Accounts"));
    m_accounts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accounts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accounts->verticalHeader()->hide();
    m_accounts->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_accounts->horizontalHeader()->setStretchLastSection(true);
    m_accounts->setWordWrap(false);
    m_accounts->setAlternatingRowColors(true);

    auto *logBox = new QWidget(splitter);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logHeader = new QHBoxLayout;
    auto *logLabel = new QLabel(tr("Event &log (tokens and passwords are never recorded)"), logBox);
    m_copyLog = makeButton(tr("&Copy log"), tr("Copy log for a support request"), logBox);
    logHeader->addWidget(logLabel, 1);
    logHeader->addWidget(m_copyLog);
    logLayout->addLayout(logHeader);
    m_logView = new QTableView(logBox);
    m_logView->setModel(m_log);
    m_logView->setAccessibleName(tr("Event log"));
    m_logView->verticalHeader()->hide();
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->setWordWrap(false);
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    // The engine's lines carry their own time and account; the columns stay for the copy.
    m_logView->setColumnHidden(EventLogModel::TimeColumn, true);
    m_logView->setColumnHidden(EventLogModel::AccountColumn, true);
    m_logView->horizontalHeader()->hide();
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    logLabel->setBuddy(m_logView);
    logLayout->addWidget(m_logView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    statusBar()->setAccessibleName(tr("Status"));
    resize(1100, 560);

    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_signIn)
            m_signIn->addAccount();
    });
    connect(m_signInButton, &QPushButton::clicked, this, [this] {
        if (m_signIn)
            m_signIn->signIn(selectedAccountId());
    });
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (AccountSession *s = selectedSession())
            s->refreshNow();
    });
    connect(m_retryStorage, &QPushButton::clicked, this, [this] {
        if (AccountSession *s = selectedSession())
            s->retryStorage();
    });
    connect(m_revoke, &QPushButton::clicked, this, [this] { confirmRevoke(selectedAccountId()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { confirmRemove(selectedAccountId()); });
    connect(m_copyLog, &QPushButton::clicked, this, &MainWindow::copyLog);
    connect(m_accounts->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateButtons);
    connect(m_accounts, &QTableView::doubleClicked, this, [this] {
        if (m_signIn)
            m_signIn->signIn(selectedAccountId());
    });
}

void MainWindow::setTrayController(TrayController *tray)
{
    m_tray = tray;
    connect(tray, &TrayController::openRequested, this, &MainWindow::showAndRaise);
    connect(tray, &TrayController::toggleRequested, this, &MainWindow::toggleVisible);
    connect(tray, &TrayController::quitRequested, this, &MainWindow::quitApplication);
    connect(tray, &TrayController::revokeRequested, this, [this](const QString &id) {
        showAndRaise();
        selectAccount(id);
        confirmRevoke(id);
    });
}

void MainWindow::showAndRaise()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

QString MainWindow::selectedAccountId() const
{
    const QModelIndex current = m_accounts->currentIndex();
    return current.isValid()
            ? current.siblingAtColumn(0).data(AccountListModel::AccountIdRole).toString()
            : QString();
}

void MainWindow::selectAccount(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row >= 0)
        m_accounts->selectRow(row);
}

AccountSession *MainWindow::selectedSession() const
{
    return m_model->session(selectedAccountId());
}

void MainWindow::updateButtons()
{
    AccountSession *s = selectedSession();
    const SessionState state = s ? s->state() : SessionState::SignedOut;
    const bool signedIn = s && state != SessionState::SignedOut && state != SessionState::Revoking;
    m_signInButton->setEnabled(s);
    m_refresh->setEnabled(signedIn && state != SessionState::SigningIn);
    m_revoke->setEnabled(signedIn);
    m_remove->setEnabled(s && m_manager);
    const StorageStatus storage = s ? s->snapshot().storage : StorageStatus::Ok;
    m_retryStorage->setVisible(storageIsBlocked(storage) || storage == StorageStatus::NotPersisted);
}

QMessageBox *MainWindow::ask(const QString &title, const QString &text, const QString &confirmText)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setAccessibleName(confirmText);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(cancel); // destructive actions are never the Enter default
    box->setEscapeButton(cancel);
    box->setAccessibleName(title);
    box->open();
    return box;
}

QMessageBox *MainWindow::confirmRevoke(const QString &accountId)
{
    AccountSession *s = m_model->session(accountId);
    if (!s)
        return nullptr;
    const AccountConfig c = s->config();
    const QString name = AccountText::name(c);
    QMessageBox *box = ask(
            tr("Revoke sign-in"),
            tr("Revoke the sign-in of “%1” at %2?\n\nThe server is asked to invalidate the tokens "
               "and they are deleted from this computer. You will need to sign in again to use "
               "this account.")
                    .arg(name, c.hostLabel()),
            tr("&Revoke"));
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    QPointer<AccountSession> guard(s);
    connect(box, &QMessageBox::buttonClicked, this, [this, guard, name](QAbstractButton *b) {
        if (!guard || b->objectName() != QLatin1String("confirm"))
            return;
        connect(
                guard, &AccountSession::revokeFinished, this,
                [this, name](bool confirmed, const QString &message) {
                    const QString text = confirmed
                            ? tr("Signed out of “%1”. The server confirmed the revocation.")
                                      .arg(name)
                            : tr("Signed out of “%1” on this computer, but the server did not "
                                 "confirm the revocation: the token may stay valid until it "
                                 "expires.")
                                      .arg(name);
                    showResult(tr("Revoke"),
                               message.isEmpty() ? text : text + QStringLiteral("\n\n") + message,
                               !confirmed);
                },
                Qt::SingleShotConnection);
        guard->revoke();
    });
    return box;
}

QMessageBox *MainWindow::confirmRemove(const QString &accountId)
{
    AccountSession *s = m_model->session(accountId);
    if (!s || !m_manager)
        return nullptr;
    const AccountConfig c = s->config();
    QMessageBox *box = ask(tr("Remove account"),
                           tr("Remove “%1”?\n\nTokenkeeper first revokes its sign-in at %2, then "
                              "deletes the account and everything stored for it.")
                                   .arg(AccountText::name(c), c.hostLabel()),
                           tr("&Remove"));
    box->setObjectName(QStringLiteral("removeConfirmation"));
    connect(box, &QMessageBox::buttonClicked, this, [this, accountId](QAbstractButton *b) {
        if (b->objectName() == QLatin1String("confirm"))
            m_manager->removeAccount(accountId);
    });
    return box;
}

void MainWindow::showResult(const QString &title, const QString &text, bool warning)
{
    statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 15000);
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title,
                                text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("revokeResult"));
    box->setAccessibleName(title);
    box->open();
    m_resultBox = box;
}

void MainWindow::copyLog()
{
    QApplication::clipboard()->setText(m_log->toPlainText());
    statusBar()->showMessage(tr("Event log copied to the clipboard."), 5000);
}

void MainWindow::quitApplication()
{
    // Not QApplication::quit(): Qt 6 first offers every window a close, this window's closeEvent
    // hides to the tray and ignores it, a busy sign-in dialog refuses it, and the quit is then
    // cancelled after the tray icon has already gone (review P1 #1). exit() ends the loop itself.
    m_quitting = true;
    QCoreApplication::exit(0);
}

void MainWindow::toggleVisible()
{
    if (isVisible() && !isMinimized())
        hide();
    else
        showAndRaise();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitting) {
        event->accept();
        return;
    }
    if (!m_tray || !m_tray->isAvailable()) {
        event->accept(); // window-only: closing quits, nothing would be left to reach us
        Q_EMIT closedWithoutTray();
        return;
    }
    hide();
    event->ignore();
    if (!m_toldAboutTray) {
        m_toldAboutTray = true;
        m_tray->showMessage(QStringLiteral("Tokenkeeper"),
                            tr("Tokenkeeper keeps your tokens fresh from the tray. Use Quit in "
                               "its menu to stop it."),
                            QString());
    }
}

QMessageBox *MainWindow::lastResultBox() const
{
    return m_resultBox;
}
