#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AccountListModel;
class AccountSession;
class EventLogModel;
class QMessageBox;
class QCheckBox;
class QPushButton;
class QTableView;
class SessionManager;
class SignInController;
class TrayController;

// The account list with its health columns, the actions (add, sign in, refresh now, revoke,
// remove) and the redacted event log. Confirmations are non-modal boxes (no nested event loop);
// closing keeps the app in the tray when there is one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(SessionManager *manager, AccountListModel *model, EventLogModel *log,
               SignInController *signIn, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setTrayController(TrayController *tray);
    void showAndRaise();
    QString selectedAccountId() const;
    void selectAccount(const QString &accountId);
    QTableView *accountView() const { return m_accounts; }

    // Both return the open, non-modal confirmation (tests click its buttons).
    QMessageBox *confirmRevoke(const QString &accountId);
    QMessageBox *confirmRemove(const QString &accountId);
    QMessageBox *lastResultBox() const;
    void copyLog();
    // Ends the app from any state (window shown, dialogs open): Tray and File -> Quit.
    void quitApplication();
    void toggleVisible(); // tray left click

Q_SIGNALS:
    void closedWithoutTray(); // window-only mode: the app should quit

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void updateButtons();
    AccountSession *selectedSession() const;
    QMessageBox *ask(const QString &title, const QString &text, const QString &confirmText);
    void showResult(const QString &title, const QString &text, bool warning);

    SessionManager *m_manager;
    AccountListModel *m_model;
    EventLogModel *m_log;
    SignInController *m_signIn;
    QPointer<TrayController> m_tray;
    QTableView *m_accounts = nullptr;
    QTableView *m_logView = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_revoke = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_retryStorage = nullptr;
    QCheckBox *m_startAtLogin = nullptr; // XDG autostart entry (Linux desktops) // shown only while
                                         // the keychain is locked/unavailable
    QPushButton *m_copyLog = nullptr;
    QPointer<QMessageBox> m_resultBox;
    QTimer m_tick;
    bool m_toldAboutTray = false;
    bool m_quitting = false;
};
