#include "LoginDialog.h"

#include "AccountDetails.h"
#include "AccountText.h"
#include "ProblemLabel.h"
#include "SignInErrorText.h"
#include "SignInMethodPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using Field = LoginValidator::Field;

LoginDialog::LoginDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Sign in"));
    setAccessibleName(tr("Sign in"));
    buildForm();
    applyDialect();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setConfig(const AccountConfig &config)
{
    m_base = config;
    m_dialect->setCurrentIndex(m_dialect->findData(int(config.dialect)));
    m_name->setText(config.displayName);
    m_server->setText(config.serverUrl.toString());
    const bool manual = config.dialect == Dialect::Generic && !config.tokenEndpoint.isEmpty();
    m_manual->setChecked(manual);
    m_tokenEndpoint->setText(config.tokenEndpoint.toString());
    m_revocationEndpoint->setText(config.revocationEndpoint.toString());
    m_clientId->setText(config.clientId);
    m_username->setText(config.username);
    m_scope->setText(config.scope);
    m_remember->setChecked(config.rememberCredentials);
    m_method->setDialect(config.dialect);
    m_method->setMethod(config.signInMethod);
    m_password->clear();
    applyDialect();
    focusFirstToType();
}

void LoginDialog::focusFirstToType()
{
    // The first field the person still has to fill; with nothing left, the Sign in button.
    for (QLineEdit *e : {m_server, m_clientId, m_username, m_password}) {
        if (m_form->isRowVisible(e) && !e->isReadOnly() && e->text().isEmpty()) {
            e->setFocus();
            return;
        }
    }
    m_signIn->setFocus();
}

void LoginDialog::setReprompt(const AccountSnapshot &snapshot)
{
    setConfig(snapshot.config);
    m_dialectLocked = true; // a different account type would be a different account
    m_dialect->setEnabled(false);
    setWindowTitle(tr("Sign in again — %1").arg(AccountText::name(snapshot.config)));
    // Says how it will sign in, so that a re-prompt is never a surprise form.
    setReason(AccountText::reauthReason(snapshot) + QLatin1Char('\n')
              + tr("Signs in with: %1").arg(AccountDetails::methodText(snapshot.config)));
    focusFirstToType();
}

void LoginDialog::setIdentityLocked(bool locked)
{
    m_identityLocked = locked;
    m_dialectLocked = locked || m_dialectLocked;
    m_dialect->setEnabled(!m_dialectLocked && !m_busy);
    for (QLineEdit *e : {m_server, m_tokenEndpoint, m_revocationEndpoint, m_clientId, m_username}) {
        e->setReadOnly(locked);
        // Read-only must look it (Fusion draws it like an editable field): the window's colour
        // for the field, from the palette.
        QPalette p = e->palette();
        p.setBrush(QPalette::Base, palette().brush(locked ? QPalette::Window : QPalette::Base));
        e->setPalette(p);
        e->setToolTip(locked ? tr("Part of the account's identity: change it with Edit")
                             : QString());
    }
    m_manual->setEnabled(!locked && !m_busy);
    applyDialect();
    if (locked) {
        if (m_reasonLabel->isHidden()) // a re-prompt keeps its "Sign in again" title
            setWindowTitle(tr("Sign in — %1").arg(AccountText::name(m_base)));
        focusFirstToType();
    }
}

void LoginDialog::setEditMode()
{
    setWindowTitle(tr("Edit account — %1").arg(AccountText::name(m_base)));
    m_signInText = tr("&Save and sign in");
    m_signIn->setText(m_signInText);
    setReason(tr("Changing the server, the client or the user makes this a different sign-in: "
                 "Tokenkeeper revokes the current one, forgets its tokens and signs in anew. "
                 "The name, scope and password choice can change freely."));
}

void LoginDialog::setReason(const QString &reason)
{
    m_reasonLabel->setText(reason);
    m_reasonLabel->setVisible(!reason.isEmpty());
}

LoginValidator::Input LoginDialog::validationInput() const
{
    LoginValidator::Input in;
    in.dialect = dialect();
    in.server = m_server->text();
    in.manualEndpoints = in.dialect == Dialect::Generic && m_manual->isChecked();
    in.tokenEndpoint = m_tokenEndpoint->text();
    in.revocationEndpoint = m_revocationEndpoint->text();
    in.clientId = m_clientId->text();
    in.hasClientSecret = !m_clientSecret->text().isEmpty() || m_base.hasClientSecret;
    in.username = m_username->text();
    in.hasPassword = !m_password->text().isEmpty();
    in.method = m_method->method();
    in.scope = m_scope->text();
    return in;
}

AccountConfig LoginDialog::config() const
{
    AccountConfig c = m_base;
    c.dialect = dialect();
    c.displayName = m_name->text().trimmed();
    c.serverUrl = QUrl(m_server->text().trimmed());
    const bool manual = c.dialect == Dialect::Generic && m_manual->isChecked();
    c.tokenEndpoint = manual ? QUrl(m_tokenEndpoint->text().trimmed()) : QUrl();
    c.revocationEndpoint = manual ? QUrl(m_revocationEndpoint->text().trimmed()) : QUrl();
    c.clientId = m_clientId->text().trimmed();
    c.username = m_username->text().trimmed();
    c.scope = m_scope->text().trimmed();
    c.hasClientSecret = c.dialect != Dialect::Venafi
            && (!m_clientSecret->text().isEmpty() || m_base.hasClientSecret);
    c.signInMethod = m_method->method();
    c.rememberCredentials = c.signInMethod == SignInMethod::Password && m_remember->isChecked();
    if (c.displayName.isEmpty())
        c.displayName = AccountText::name(c);
    return c;
}

bool LoginDialog::nameTyped() const
{
    return !m_name->text().trimmed().isEmpty();
}

Credentials LoginDialog::credentials() const
{
    Credentials c;
    c.password = m_password->text().toUtf8();
    if (dialect() != Dialect::Venafi)
        c.clientSecret = m_clientSecret->text().toUtf8();
    return c;
}

QLineEdit *LoginDialog::field(Field f) const
{
    switch (f) {
    case Field::Server:
        return m_server;
    case Field::TokenEndpoint:
        return m_tokenEndpoint;
    case Field::RevocationEndpoint:
        return m_revocationEndpoint;
    case Field::ClientId:
        return m_clientId;
    case Field::ClientSecret:
        return m_clientSecret;
    case Field::Username:
        return m_username;
    case Field::Password:
        return m_password;
    case Field::Scope:
        return m_scope;
    case Field::Method:
        break; // not a line edit; showProblem focuses the method choice
    }
    return nullptr;
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    clearError();
    const QList<LoginValidator::Problem> problems = LoginValidator::validate(validationInput());
    if (!problems.isEmpty()) {
        showProblem(problems.first());
        return;
    }
    Q_EMIT submitted(config(), credentials());
}

void LoginDialog::showProblem(const LoginValidator::Problem &problem)
{
    m_problem->setProblem(problem.message, QStringLiteral("validation"));
    QWidget *edit = field(problem.field);
    if (!edit)
        edit = m_method;
    edit->setFocus();
    edit->setAccessibleDescription(problem.message);
}

void LoginDialog::showNameProblem(const QString &message)
{
    m_problem->setProblem(message, QStringLiteral("validation"));
    m_name->setFocus();
    m_name->selectAll();
    m_name->setAccessibleDescription(message);
}

void LoginDialog::showError(const AuthError &error)
{
    setBusy(false);
    // A browser or device sign-in that ended (denied, expired, cancelled at the server) starts
    // over with a new code or page: the button says so (RFC 8628 "Start again").
    if (m_method->method() != SignInMethod::Password)
        m_signIn->setText(tr("Start &again"));
    const auto category = SignInErrorText::category(error);
    // The port too: "Cannot reach 127.0.0.1" hid which of several local servers was meant.
    const AccountConfig c = config();
    const QString text =
            SignInErrorText::message(error, AccountText::hostAndPort(c), c.scope, c.dialect);
    m_problem->setProblem(text, int(category));
    switch (category) {
    case SignInErrorText::Category::Credentials:
        m_password->clear(); // no retry with the same password: accounts lock out
        m_password->setFocus();
        break;
    case SignInErrorText::Category::Configuration:
        m_clientId->setFocus();
        break;
    case SignInErrorText::Category::Scope:
        m_scope->setFocus();
        break;
    default:
        m_server->setFocus();
        break;
    }
}

void LoginDialog::clearError()
{
    m_problem->clearProblem();
    for (QWidget *w : std::as_const(m_inputs))
        w->setAccessibleDescription(w == m_remember ? m_rememberHint->text() : QString());
}

QString LoginDialog::errorText() const
{
    return m_problem->text();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::as_const(m_inputs))
        w->setEnabled(!busy && !(w == m_dialect && m_dialectLocked)
                      && !(w == m_manual && m_identityLocked));
    m_signIn->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_busyLabel->setVisible(busy);
    if (!busy)
        m_method->clear();
    if (busy) {
        m_signIn->setText(m_signInText);
        m_busyLabel->setText(tr("Signing in to %1…").arg(config().hostLabel()));
        m_buttons->button(QDialogButtonBox::Cancel)->setFocus();
    }
}

void LoginDialog::reject()
{
    if (m_busy) {
        setBusy(false);
        Q_EMIT cancelRequested();
        m_problem->setProblem(tr("Sign-in cancelled."), QStringLiteral("cancelled"));
        return;
    }
    QDialog::reject();
}

void LoginDialog::done(int result)
{
    m_password->clear(); // do not keep the typed password around in a closed dialog
    m_clientSecret->clear();
    QDialog::done(result);
}
