#pragma once

#include "AuthError.h"
#include "LoginValidator.h"
#include "SessionTypes.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class ProblemLabel;
class SignInMethodPanel;

// The sign-in form for one account: dialect presets with only the fields each needs, the opt-in
// "remember" choice with its trade-off, validation before anything is sent, a busy state with
// Cancel, and inline errors told apart by cause. Re-opened prefilled (never with the password)
// with the reason when a session ended. It only collects input and emits it; SignInController
// talks to the engine.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setConfig(const AccountConfig &config); // prefill (an existing account)
    void setReprompt(const AccountSnapshot &snapshot); // prefill + reason; type is fixed
    void setReason(const QString &reason);
    // Sign-in on an existing account: server, client, user and type are shown, not edited
    // (changing them is "Edit", which says what an identity change does).
    void setIdentityLocked(bool locked);
    bool isIdentityLocked() const { return m_identityLocked; }
    void setEditMode(); // "Edit account": everything editable, with the identity warning

    AccountConfig config() const; // an empty name field gives AccountText::name()
    bool nameTyped() const; // whether the name is the person's, not that default
    Credentials credentials() const;
    LoginValidator::Input validationInput() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const AuthError &error);
    void showProblem(const LoginValidator::Problem &problem);
    void showNameProblem(const QString &message); // the account name (not a field of the draft)
    void clearError();
    QString errorText() const;
    QLineEdit *field(LoginValidator::Field field) const;
    SignInMethodPanel *methodPanel() const { return m_method; }

    void reject() override; // busy: cancels the sign-in and stays open

Q_SIGNALS:
    void submitted(const AccountConfig &config, const Credentials &credentials);
    void cancelRequested();

protected:
    void done(int result) override;
    // Grows with what it shows (an error, a code): the minimum-size constraint alone would
    // squeeze the fields to their minimum height instead.
    bool event(QEvent *event) override;

private:
    void buildForm();
    void submit();
    void applyDialect();
    void focusFirstToType();
    Dialect dialect() const;
    QLineEdit *addField(const QString &label, const QString &accessibleName);

    QFormLayout *m_form = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QComboBox *m_dialect = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_server = nullptr;
    QCheckBox *m_manual = nullptr;
    QLineEdit *m_tokenEndpoint = nullptr;
    QLineEdit *m_revocationEndpoint = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_scope = nullptr;
    QLabel *m_scopeHint = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_rememberHint = nullptr;
    ProblemLabel *m_problem = nullptr;
    SignInMethodPanel *m_method = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_busyLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signIn = nullptr;
    QString m_signInText; // "Sign in" or "Save and sign in"; "Start again" after a failed flow
    QList<QWidget *> m_inputs;
    AccountConfig m_base;
    bool m_busy = false;
    bool m_dialectLocked = false;
    bool m_identityLocked = false;
};
