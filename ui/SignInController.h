#pragma once

#include "AccountConfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class AccountListModel;
class AccountSession;
class LoginDialog;
class SessionManager;
class QWidget;

// Runs the login dialog against the engine: opens it for a new account, for a sign-in, for an
// edit, or prefilled with the reason when a session ended (once per account, however many
// callers failed; several ended sessions queue and get one dialog at a time); resolves generic
// endpoints by discovery; hands the credentials to the session and shows its answer in the dialog.
// The dialog itself never talks to the engine.
//
//   submitted ─► [generic, no endpoint] discover ─► add/update account ─► session->signIn()
//       ▲                                                         │
//       └──────── showError(error) ◄── signInFinished(error) ◄────┘ (success: dialog closes)
class SignInController : public QObject
{
    Q_OBJECT
public:
    SignInController(SessionManager *manager, AccountListModel *model, QWidget *parentWindow,
                     QObject *parent = nullptr);
    ~SignInController() override; // deletes the dialogs still open

    LoginDialog *addAccount(const AccountConfig &preset = AccountConfig());
    // Prefilled, identity locked; with the reason if one is known.
    LoginDialog *signIn(const QString &accountId);
    // Everything editable, with the identity-change warning.
    LoginDialog *edit(const QString &accountId);
    // Automatic re-prompts waiting behind the one open (one dialog at a time).
    QStringList pendingReprompts() const { return m_pending; }
    LoginDialog *dialogFor(const QString &accountId) const;
    // Re-prompts open automatically when a session says a sign-in is needed (default on).
    void setAutoReprompt(bool on) { m_autoReprompt = on; }

Q_SIGNALS:
    void dialogOpened(LoginDialog *dialog);
    void signedIn(const QString &accountId);

private:
    struct Flow
    {
        QString accountId; // empty until the account exists
        bool createdHere = false;
        bool succeeded = false;
        QMetaObject::Connection finished;
        QMetaObject::Connection browser; // the URL to open (browser sign-in)
        QMetaObject::Connection device; // the code to enter (device sign-in)
        QMetaObject::Connection openAgain; // the dialog's "Open browser" button
    };
    LoginDialog *open(LoginDialog *dialog);
    void onSubmitted(LoginDialog *dialog, AccountConfig config, Credentials credentials);
    void startSignIn(LoginDialog *dialog, const AccountConfig &config, Credentials credentials);
    void onCancel(LoginDialog *dialog);
    void onClosed(LoginDialog *dialog);
    void watch(AccountSession *session);
    void openNextReprompt();
    LoginDialog *openFor(const QString &accountId, bool edit);

    SessionManager *m_manager;
    AccountListModel *m_model;
    QPointer<QWidget> m_parentWindow;
    QHash<LoginDialog *, Flow> m_flows;
    bool m_autoReprompt = true;
    QStringList m_pending; // accounts whose automatic re-prompt waits its turn
    QPointer<LoginDialog> m_reprompt; // the automatic re-prompt on screen
};
