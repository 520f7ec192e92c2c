#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AccountDetails;
class ApprovalBroker;
class AccountListModel;
class AccountSession;
class ClipboardGuard;
class EventLogModel;
class EventLogView;
class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class SessionManager;
class SignInController;
class TrayController;

// The account list with a detail pane (the selected account's times, storage, method, scopes,
// last problem and actions), a menu bar with the keyboard shortcuts, a filter box once there are
// more than a handful of accounts, an empty first-run page, and the event log. Confirmations are
// non-modal boxes (no nested event loop); closing keeps the app in the tray when there is one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kFilterThreshold = 5; // more accounts than this get a filter box

    MainWindow(SessionManager *manager, AccountListModel *model, EventLogModel *log,
               SignInController *signIn, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setTrayController(TrayController *tray);
    void setClipboardGuard(ClipboardGuard *clipboard);
    // Which programs may have each account's token, in the detail pane (the agent's broker).
    void setApprovalBroker(ApprovalBroker *broker);
    void setDemoMode(bool demo); // title, demo password hint, no "Start at login"
    void showAndRaise();
    QString selectedAccountId() const;
    void selectAccount(const QString &accountId);
    QListView *accountView() const { return m_accounts; }
    AccountDetails *details() const { return m_details; }
    QLineEdit *filterBox() const { return m_filter; }
    QAction *action(const QString &objectName) const; // "signIn", "refresh", "copy", ...
    QString copyStatusText() const; // "Copied — clears in 30 s", empty when nothing is held

    // Both return the open, non-modal confirmation (tests click its buttons).
    QMessageBox *confirmRevoke(const QString &accountId);
    QMessageBox *confirmRemove(const QString &accountId);
    QMessageBox *lastResultBox() const;
    void copyLog();
    void copyToken(const QString &accountId);
    // Ends the app from any state (window shown, dialogs open): Tray and File -> Quit.
    void quitApplication();
    void toggleVisible(); // tray left click

Q_SIGNALS:
    void closedWithoutTray(); // window-only mode: the app should quit

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildUi();
    QWidget *buildEmptyPage();
    void updateActions();
    void updateDetails();
    void updatePages();
    void updateCopyStatus();
    void fitToScreen();
    AccountSession *selectedSession() const;
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &key);
    QPushButton *buttonFor(QAction *action, const QString &accessibleName);
    QMessageBox *ask(const QString &title, const QString &text, const QString &confirmText);
    void showResult(const QString &title, const QString &text, bool warning);
    void showShortcuts();
    void showAbout();

    SessionManager *m_manager;
    AccountListModel *m_model;
    EventLogModel *m_log;
    SignInController *m_signIn;
    QPointer<TrayController> m_tray;
    QPointer<ClipboardGuard> m_clipboard;
    QSortFilterProxyModel *m_proxy = nullptr;
    QListView *m_accounts = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_detailPages = nullptr;
    QWidget *m_detailArea = nullptr; // the pane's scroll area: hidden while there is no account
    AccountDetails *m_details = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_demoHint = nullptr;
    EventLogView *m_logView = nullptr;
    QLabel *m_copyStatus = nullptr;
    QAction *m_startAtLogin = nullptr;
    QList<QAction *> m_actions;
    QPointer<QMessageBox> m_resultBox;
    QTimer m_tick;
    QTimer m_copyTick;
    bool m_toldAboutTray = false;
    bool m_quitting = false;
    bool m_demo = false;
};
