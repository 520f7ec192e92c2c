// MainWindow, second half: the actions with their shortcuts, the menu bar, the action buttons,
// confirmations and results, copying. The layout and selection live in MainWindow.cpp.
#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "AutostartEntry.h"
#include "ClipboardGuard.h"
#include "ErrorText.h"
#include "EventLogModel.h"
#include "MainWindow.h"
#include "SessionManager.h"
#include "SignInController.h"
#include "TrayController.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QKeySequence &key)
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    if (!key.isEmpty())
        a->setShortcut(key);
    m_actions.append(a);
    return a;
}

QAction *MainWindow::action(const QString &objectName) const
{
    for (QAction *a : m_actions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QPushButton *MainWindow::buttonFor(QAction *a, const QString &accessibleName)
{
    auto *b = new QPushButton(a->text(), this);
    b->setAccessibleName(accessibleName);
    b->setToolTip(a->toolTip());
    b->setEnabled(a->isEnabled());
    b->setVisible(a->isVisible());
    connect(b, &QPushButton::clicked, a, &QAction::trigger);
    connect(a, &QAction::changed, b, [a, b] {
        b->setEnabled(a->isEnabled());
        b->setVisible(a->isVisible());
    });
    return b;
}

void MainWindow::buildActions()
{
    connect(makeAction(QStringLiteral("add"), tr("&Add account…"), QKeySequence(tr("Ctrl+N"))),
            &QAction::triggered, this, [this] {
                if (m_signIn)
                    m_signIn->addAccount();
            });
    connect(makeAction(QStringLiteral("quit"), tr("&Quit"), QKeySequence(tr("Ctrl+Q"))),
            &QAction::triggered, this, &MainWindow::quitApplication);
    connect(makeAction(QStringLiteral("signIn"), tr("&Sign in…"), QKeySequence(Qt::Key_Return)),
            &QAction::triggered, this, [this] {
                if (m_signIn && selectedSession())
                    m_signIn->signIn(selectedAccountId());
            });
    connect(makeAction(QStringLiteral("refresh"), tr("&Refresh now"), QKeySequence(Qt::Key_F5)),
            &QAction::triggered, this, [this] {
                if (AccountSession *s = selectedSession())
                    s->refreshNow();
            });
    QAction *copy = makeAction(QStringLiteral("copy"), tr("&Copy access token"),
                               QKeySequence(tr("Ctrl+Shift+C")));
    copy->setToolTip(tr("A fresh access token to the clipboard; cleared after 30 seconds"));
    connect(copy, &QAction::triggered, this, [this] { copyToken(selectedAccountId()); });
    connect(makeAction(QStringLiteral("edit"), tr("&Edit…"), QKeySequence(tr("Ctrl+E"))),
            &QAction::triggered, this, [this] {
                if (m_signIn && selectedSession())
                    m_signIn->edit(selectedAccountId());
            });
    connect(makeAction(QStringLiteral("revoke"), tr("Re&voke…"), QKeySequence()),
            &QAction::triggered, this, [this] { confirmRevoke(selectedAccountId()); });
    connect(makeAction(QStringLiteral("remove"), tr("Re&move…"), QKeySequence::Delete),
            &QAction::triggered, this, [this] { confirmRemove(selectedAccountId()); });
    QAction *retry =
            makeAction(QStringLiteral("retryStorage"), tr("Retry &keychain"), QKeySequence());
    retry->setToolTip(tr("Unlock your keyring, then read the stored session again"));
    connect(retry, &QAction::triggered, this, [this] {
        if (AccountSession *s = selectedSession())
            s->retryStorage();
    });
    connect(makeAction(QStringLiteral("find"), tr("&Filter accounts"), QKeySequence::Find),
            &QAction::triggered, this, [this] {
                m_filter->show();
                m_filter->setFocus();
                m_filter->selectAll();
            });
    connect(makeAction(QStringLiteral("shortcuts"), tr("&Keyboard shortcuts"),
                       QKeySequence::HelpContents),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(makeAction(QStringLiteral("about"), tr("&About Tokenkeeper"), QKeySequence()),
            &QAction::triggered, this, &MainWindow::showAbout);
    m_startAtLogin = makeAction(QStringLiteral("startAtLogin"),
                                tr("Start with the &desktop session"), QKeySequence());
    m_startAtLogin->setCheckable(true);
    m_startAtLogin->setToolTip(tr("Starts Tokenkeeper in the tray when you log in, so that "
                                  "tokens stay fresh"));
    m_startAtLogin->setVisible(AutostartEntry::isSupported());
    m_startAtLogin->setChecked(AutostartEntry().isEnabled());
    connect(m_startAtLogin, &QAction::toggled, this, [this](bool on) {
        AutostartEntry entry;
        if (!entry.setEnabled(on)) {
            statusBar()->showMessage(entry.errorString(), 10000);
            const QSignalBlocker block(m_startAtLogin);
            m_startAtLogin->setChecked(entry.isEnabled());
        }
    });
    QAction *notify = makeAction(QStringLiteral("infoNotifications"),
                                 tr("Show &informational notifications"), QKeySequence());
    notify->setCheckable(true);
    notify->setToolTip(tr("Copies and hints; a needed sign-in is always shown"));
    notify->setChecked(
            QSettings().value(QStringLiteral("notifications/information"), true).toBool());
    connect(notify, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("notifications/information"), on);
        if (m_tray)
            m_tray->setInformationMuted(!on);
    });
    for (QAction *a : std::as_const(m_actions))
        addAction(a); // shortcuts work while the menu bar is hidden too
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("add")));
    file->addAction(m_startAtLogin);
    file->addAction(action(QStringLiteral("infoNotifications")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    for (const char *name : {"signIn", "refresh", "copy", "edit"})
        account->addAction(action(QLatin1String(name)));
    account->addSeparator();
    for (const char *name : {"revoke", "remove", "retryStorage"})
        account->addAction(action(QLatin1String(name)));
    account->addSeparator();
    account->addAction(action(QStringLiteral("find")));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("shortcuts")));
    help->addAction(action(QStringLiteral("about")));
}

void MainWindow::updateActions()
{
    AccountSession *s = selectedSession();
    const int row = m_model->rowOf(selectedAccountId());
    const AccountSnapshot &snap = m_model->snapshotAt(row);
    const SessionState state = s ? snap.state : SessionState::SignedOut;
    const bool signedIn = s && state != SessionState::SignedOut && state != SessionState::Revoking;
    action(QStringLiteral("signIn"))->setEnabled(s);
    action(QStringLiteral("edit"))->setEnabled(s && m_signIn);
    action(QStringLiteral("refresh"))->setEnabled(s && refreshNowApplies(state));
    action(QStringLiteral("copy"))->setEnabled(signedIn && snap.hasAccessToken);
    action(QStringLiteral("revoke"))->setEnabled(s && revokeApplies(snap));
    action(QStringLiteral("remove"))->setEnabled(s && m_manager);
    action(QStringLiteral("retryStorage"))
            ->setVisible(s
                         && (storageIsBlocked(snap.storage)
                             || snap.storage == StorageStatus::NotPersisted));
}

void MainWindow::setClipboardGuard(ClipboardGuard *clipboard)
{
    m_clipboard = clipboard;
    connect(clipboard, &ClipboardGuard::cleared, this, &MainWindow::updateCopyStatus);
    connect(clipboard, &ClipboardGuard::copied, this, &MainWindow::updateCopyStatus);
}

void MainWindow::copyToken(const QString &accountId)
{
    if (m_tray) { // one path for the tray and the window: fresh token, notification, countdown
        m_tray->copyToken(accountId);
        return;
    }
    AccountSession *s = m_model->session(accountId);
    if (!s || !m_clipboard)
        return;
    QPointer<ClipboardGuard> clipboard = m_clipboard;
    s->withFreshToken([this, clipboard](const QByteArray &token, const AuthError &error) {
        if (error.isError() || token.isEmpty() || !clipboard) {
            statusBar()->showMessage(tr("Nothing copied: no valid access token right now."), 8000);
            return;
        }
        clipboard->copySecret(token);
    });
}

QString MainWindow::copyStatusText() const
{
    return m_copyStatus->text();
}

void MainWindow::updateCopyStatus()
{
    if (m_clipboard && m_clipboard->isHolding()) {
        const int seconds = int((m_clipboard->remainingMs() + 999) / 1000);
        m_copyStatus->setText(tr("Copied — clears in %1 s").arg(seconds));
        if (!m_copyTick.isActive())
            m_copyTick.start();
        return;
    }
    m_copyStatus->clear();
    m_copyTick.stop();
}

QMessageBox *MainWindow::ask(const QString &title, const QString &text, const QString &confirmText)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setAccessibleName(QString(confirmText).remove(QLatin1Char('&')));
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
                [this, name](bool confirmed, const AuthError &problem) {
                    const QString message = ErrorText::revokeProblem(problem);
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
    const bool signedIn = s->state() != SessionState::SignedOut;
    const QString text = signedIn
            ? tr("Remove “%1”?\n\nTokenkeeper first revokes its sign-in at %2, then deletes the "
                 "account and everything stored for it.")
                      .arg(AccountText::name(c), c.hostLabel())
            : tr("Remove “%1”?\n\nTokenkeeper deletes the account and everything stored for it.")
                      .arg(AccountText::name(c));
    QMessageBox *box = ask(tr("Remove account"), text, tr("&Remove"));
    box->setObjectName(QStringLiteral("removeConfirmation"));
    const QString name = AccountText::name(c);
    connect(box, &QMessageBox::buttonClicked, this, [this, accountId, name](QAbstractButton *b) {
        if (b->objectName() != QLatin1String("confirm"))
            return;
        m_manager->removeAccount(accountId);
        statusBar()->showMessage(tr("Removed “%1”.").arg(name), 10000);
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

QMessageBox *MainWindow::lastResultBox() const
{
    return m_resultBox;
}

void MainWindow::copyLog()
{
    QApplication::clipboard()->setText(m_log->toPlainText());
    statusBar()->showMessage(tr("Event log copied to the clipboard."), 5000);
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (QAction *a : std::as_const(m_actions))
        if (!a->shortcut().isEmpty())
            rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;<b>%2</b></td></tr>")
                            .arg(QString(a->text()).remove(QLatin1Char('&')),
                                 a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"),
                                QStringLiteral("<table>") + rows + QStringLiteral("</table>"),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("shortcuts"));
    box->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(
            QMessageBox::Information, tr("About Tokenkeeper"),
            tr("<p><b>Tokenkeeper %1</b></p><p>Keeps OAuth 2.0 tokens fresh and safe in your "
               "desktop keychain.</p><p>Source, issues and documentation: <a "
               "href=\"https://github.com/tokenkeeper/tokenkeeper\">github.com/tokenkeeper/"
               "tokenkeeper</a></p><p>Qt %2</p>")
                    .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())),
            QMessageBox::Ok, this);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("about"));
    box->open();
}
