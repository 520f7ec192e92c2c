#include "MainWindow.h"

#include "AccountDelegate.h"
#include "AccountDetails.h"
#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "EventLogModel.h"
#include "EventLogView.h"
#include "SessionManager.h"
#include "SignInController.h"
#include "TrayController.h"
#include "TrayIconFactory.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

MainWindow::MainWindow(SessionManager *manager, AccountListModel *model, EventLogModel *log,
                       SignInController *signIn, QWidget *parent)
    : QMainWindow(parent), m_manager(manager), m_model(model), m_log(log), m_signIn(signIn)
{
    setWindowTitle(QStringLiteral("Tokenkeeper"));
    setWindowIcon(TrayIconFactory::appIcon());
    setAccessibleName(tr("Tokenkeeper main window"));
    buildActions();
    buildMenus();
    buildUi();
    if (signIn) // after "Add", the new account is the selected one
        connect(signIn, &SignInController::signedIn, this, &MainWindow::selectAccount);
    connect(model, &AccountListModel::dataChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) {
                // A new account is selected (a restored list keeps its first row selected).
                if (!m_accounts->currentIndex().isValid() || isVisible())
                    m_accounts->setCurrentIndex(m_proxy->index(first, 0));
                updatePages();
            });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_accounts->selectionModel()->hasSelection())
            m_accounts->selectionModel()->setCurrentIndex(QModelIndex(),
                                                          QItemSelectionModel::Clear);
        updatePages();
    });
    m_tick.setInterval(5000); // countdowns
    connect(&m_tick, &QTimer::timeout, model, &AccountListModel::refreshTimes);
    m_tick.start();
    m_copyTick.setInterval(1000);
    connect(&m_copyTick, &QTimer::timeout, this, &MainWindow::updateCopyStatus);
    if (m_proxy->rowCount() > 0)
        m_accounts->setCurrentIndex(m_proxy->index(0, 0));
    updatePages();
    fitToScreen();
}

MainWindow::~MainWindow()
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
}

void MainWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_demoHint = new QLabel(central);
    m_demoHint->setWordWrap(true);
    m_demoHint->setAccessibleName(tr("Demo mode"));
    m_demoHint->setText(tr("Demo mode: every demo account signs in with the password “demo”; "
                           "the Salesforce consumer secret is “demo-secret”. Nothing here touches "
                           "your real accounts."));
    m_demoHint->setFrameShape(QFrame::StyledPanel);
    m_demoHint->setBackgroundRole(QPalette::AlternateBase);
    m_demoHint->setAutoFillBackground(true);
    m_demoHint->setMargin(6);
    m_demoHint->hide();
    layout->addWidget(m_demoHint);

    auto *vertical = new QSplitter(Qt::Vertical, central);
    auto *horizontal = new QSplitter(Qt::Horizontal, vertical);
    auto *left = new QWidget(horizontal);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Filter accounts (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter accounts"));
    m_filter->setClearButtonEnabled(true);
    leftLayout->addWidget(m_filter);
    m_proxy = new QSortFilterProxyModel(this);
    // Connected before the proxy and the view see the removal: after "Remove" nothing is
    // selected, instead of the view moving the selection onto a neighbour for a second click.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const int current = m_model->rowOf(selectedAccountId());
                if (current >= first && current <= last)
                    m_accounts->selectionModel()->clear();
            });
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(AccountListModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_pages = new QStackedWidget(left);
    m_accounts = new QListView(m_pages);
    m_accounts->setModel(m_proxy);
    m_accounts->setItemDelegate(new AccountDelegate(m_accounts));
    m_accounts->setAccessibleName(tr("Accounts"));
    m_accounts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accounts->setUniformItemSizes(true);
    m_accounts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the delegate elides
    m_accounts->setMinimumWidth(20 * fontMetrics().averageCharWidth());
    m_accounts->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (const char *name : {"signIn", "refresh", "copy", "edit", "revoke", "remove"})
        m_accounts->addAction(action(QLatin1String(name)));
    m_pages->addWidget(m_accounts);
    m_pages->addWidget(buildEmptyPage());
    leftLayout->addWidget(m_pages, 1);

    // In a scroll area: the pane's natural size must not make the window larger than a small
    // (or 2x scaled) screen.
    auto *detailScroll = new QScrollArea(horizontal);
    m_detailArea = detailScroll;
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    m_detailPages = new QStackedWidget(detailScroll);
    m_details = new AccountDetails(m_detailPages);
    auto *row = m_details->actionRow();
    row->addWidget(buttonFor(action(QStringLiteral("signIn")), tr("Sign in")));
    row->addWidget(buttonFor(action(QStringLiteral("refresh")), tr("Refresh now")));
    row->addWidget(buttonFor(action(QStringLiteral("copy")), tr("Copy access token")));
    row->addWidget(buttonFor(action(QStringLiteral("edit")), tr("Edit account")));
    row->addWidget(buttonFor(action(QStringLiteral("revoke")), tr("Revoke")));
    row->addWidget(buttonFor(action(QStringLiteral("remove")), tr("Remove account")));
    row->addWidget(
            buttonFor(action(QStringLiteral("retryStorage")), tr("Retry reading the keychain")));
    row->addStretch(1);
    m_detailPages->addWidget(m_details);
    auto *nothing = new QLabel(tr("Select an account to see its details."), m_detailPages);
    nothing->setAlignment(Qt::AlignCenter);
    nothing->setForegroundRole(QPalette::PlaceholderText);
    m_detailPages->addWidget(nothing);
    detailScroll->setWidget(m_detailPages);
    horizontal->setStretchFactor(0, 2);
    horizontal->setStretchFactor(1, 3);
    horizontal->setSizes(
            {38 * fontMetrics().averageCharWidth(), 62 * fontMetrics().averageCharWidth()});

    auto *logBox = new QWidget(vertical);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logHeader = new QHBoxLayout;
    auto *logLabel = new QLabel(tr("Event &log (tokens and passwords are never recorded)"), logBox);
    auto *logFilter = new QComboBox(logBox);
    logFilter->setAccessibleName(tr("Show the events of"));
    logFilter->addItem(tr("All accounts"));
    auto *copyLog = new QPushButton(tr("&Copy log"), logBox);
    copyLog->setAccessibleName(tr("Copy log for a support request"));
    logHeader->addWidget(logLabel, 1);
    logHeader->addWidget(logFilter);
    logHeader->addWidget(copyLog);
    logLayout->addLayout(logHeader);
    m_logView = new EventLogView(m_log, logBox);
    logLabel->setBuddy(m_logView);
    logLayout->addWidget(m_logView);
    // The account choice follows adds and removals, once per event-loop pass (a start with a
    // thousand accounts must not refill it a thousand times).
    auto *refill = new QTimer(this);
    refill->setSingleShot(true);
    refill->setInterval(0);
    connect(refill, &QTimer::timeout, this, [this, logFilter] {
        const QString current =
                logFilter->currentIndex() > 0 ? logFilter->currentText() : QString();
        const QSignalBlocker block(logFilter);
        while (logFilter->count() > 1)
            logFilter->removeItem(1);
        for (int r = 0; r < m_model->rowCount(); ++r)
            logFilter->addItem(m_model->snapshotAt(r).config.displayName);
        logFilter->setCurrentIndex(qMax(0, logFilter->findText(current)));
    });
    refill->start();
    connect(m_model, &AccountListModel::sessionAdded, refill, qOverload<>(&QTimer::start));
    connect(m_model, &AccountListModel::sessionRemoved, refill, qOverload<>(&QTimer::start));
    connect(logFilter, &QComboBox::currentIndexChanged, this, [this, logFilter](int i) {
        m_logView->setAccountFilter(i > 0 ? logFilter->itemText(i) : QString());
    });
    connect(copyLog, &QPushButton::clicked, this, &MainWindow::copyLog);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    // The accounts and their pane get most of the height; the log shows its last lines.
    vertical->setSizes({28 * fontMetrics().height(), 11 * fontMetrics().height()});
    layout->addWidget(vertical, 1);
    setCentralWidget(central);
    statusBar()->setAccessibleName(tr("Status"));
    m_copyStatus = new QLabel(statusBar());
    m_copyStatus->setAccessibleName(tr("Clipboard"));
    statusBar()->addPermanentWidget(m_copyStatus);

    connect(m_accounts->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(m_accounts, &QListView::doubleClicked, action(QStringLiteral("signIn")),
            &QAction::trigger);
}

QWidget *MainWindow::buildEmptyPage()
{
    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto *title = new QLabel(tr("No accounts yet"), page);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    m_emptyHint = new QLabel(tr("Add the Venafi TPP, Salesforce or OAuth 2.0 account whose tokens "
                                "Tokenkeeper should keep fresh. You sign in once; Tokenkeeper "
                                "renews the tokens from then on."),
                             page);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setAccessibleName(tr("What to do first"));
    auto *add = buttonFor(action(QStringLiteral("add")), tr("Add an account"));
    add->setText(tr("&Add an account…"));
    layout->addWidget(title);
    layout->addWidget(m_emptyHint);
    layout->addWidget(add, 0, Qt::AlignCenter);
    layout->addStretch(2);
    return page;
}

void MainWindow::setDemoMode(bool demo)
{
    m_demo = demo;
    setWindowTitle(demo ? tr("Tokenkeeper (demo)") : QStringLiteral("Tokenkeeper"));
    m_demoHint->setVisible(demo);
    if (m_startAtLogin) // a demo must never register itself (or the real app) at login
        m_startAtLogin->setVisible(!demo && m_startAtLogin->isVisible());
}

void MainWindow::fitToScreen()
{
    const QByteArray saved = QSettings().value(QStringLiteral("window/geometry")).toByteArray();
    if (!saved.isEmpty())
        restoreGeometry(saved);
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QRect avail = screen ? screen->availableGeometry() : QRect(0, 0, 1024, 700);
    // At any scale factor: never larger than 90 % of the available area.
    const QSize wanted = saved.isEmpty() ? QSize(1060, 760) : size();
    resize(wanted.boundedTo(avail.size() * 0.9));
    if (!avail.contains(frameGeometry()))
        move(avail.topLeft()
             + QPoint((avail.width() - width()) / 2, (avail.height() - height()) / 2));
}

void MainWindow::updatePages()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentIndex(empty ? 1 : 0);
    m_detailArea->setVisible(!empty); // a first run is the "what to do" page, window-wide
    m_filter->setVisible(m_model->rowCount() > kFilterThreshold || !m_filter->text().isEmpty());
    updateActions();
    updateDetails();
}

void MainWindow::updateDetails()
{
    const int row = m_model->rowOf(selectedAccountId());
    m_detailPages->setCurrentIndex(row >= 0 ? 0 : 1);
    if (row >= 0)
        m_details->setAccount(m_model->snapshotAt(row), m_model->clock()->wallMs(),
                              m_model->statusLine(row));
}

void MainWindow::setApprovalBroker(ApprovalBroker *broker)
{
    m_details->setApprovalBroker(broker);
}

void MainWindow::setTrayController(TrayController *tray)
{
    m_tray = tray;
    tray->setInformationMuted(!action(QStringLiteral("infoNotifications"))->isChecked());
    connect(tray, &TrayController::openRequested, this, &MainWindow::showAndRaise);
    connect(tray, &TrayController::toggleRequested, this, &MainWindow::toggleVisible);
    connect(tray, &TrayController::quitRequested, this, &MainWindow::quitApplication);
    connect(tray, &TrayController::revokeRequested, this, [this](const QString &id) {
        showAndRaise();
        selectAccount(id);
        confirmRevoke(id);
    });
    connect(tray, &TrayController::tokenCopied, this, &MainWindow::updateCopyStatus);
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
    return current.isValid() ? current.data(AccountListModel::AccountIdRole).toString() : QString();
}

void MainWindow::selectAccount(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by the filter: show everything again
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_accounts->setCurrentIndex(index);
}

AccountSession *MainWindow::selectedSession() const
{
    return m_model->session(selectedAccountId());
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
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
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
                            QString(), TrayController::Notice::Information);
    }
}
