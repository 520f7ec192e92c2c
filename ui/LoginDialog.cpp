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
#include <QScreen>
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

QLineEdit *LoginDialog::addField(const QString &label, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setAccessibleName(accessibleName);
    auto *l = new QLabel(label, this);
    l->setBuddy(edit);
    m_form->addRow(l, edit);
    m_inputs.append(edit);
    return edit;
}

void LoginDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    // The layout sets the minimum size, so wrapped hints always get their height; the strut
    // keeps the dialog wide enough for URLs.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addStrut(540);
    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setAccessibleName(tr("Why a sign-in is needed"));
    // A note in the palette's own note colours (tooltip roles): readable in light and dark
    // themes alike, no colour spelled here.
    m_reasonLabel->setFrameShape(QFrame::StyledPanel);
    m_reasonLabel->setAutoFillBackground(true);
    m_reasonLabel->setBackgroundRole(QPalette::ToolTipBase);
    m_reasonLabel->setForegroundRole(QPalette::ToolTipText);
    m_reasonLabel->setMargin(6);
    m_reasonLabel->hide();
    layout->addWidget(m_reasonLabel);

    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_dialect = new QComboBox(this);
    m_dialect->addItem(tr("Venafi TPP"), int(Dialect::Venafi));
    m_dialect->addItem(tr("Salesforce"), int(Dialect::Salesforce));
    m_dialect->addItem(tr("Other OAuth 2.0 server"), int(Dialect::Generic));
    m_dialect->setAccessibleName(tr("Account type"));
    auto *typeLabel = new QLabel(tr("Account &type:"), this);
    typeLabel->setBuddy(m_dialect);
    m_form->addRow(typeLabel, m_dialect);
    m_inputs.append(m_dialect);

    m_name = addField(tr("&Name:"), tr("Account name"));
    m_name->setPlaceholderText(tr("Optional, e.g. Production"));
    m_server = addField(tr("Ser&ver URL:"), tr("Server URL"));
    m_manual = new QCheckBox(tr("Enter endpoints by &hand (no discovery)"), this);
    m_manual->setAccessibleName(tr("Enter endpoints by hand"));
    m_form->addRow(QString(), m_manual);
    m_inputs.append(m_manual);
    m_tokenEndpoint = addField(tr("T&oken endpoint:"), tr("Token endpoint"));
    m_revocationEndpoint = addField(tr("Re&vocation endpoint:"), tr("Revocation endpoint"));
    m_revocationEndpoint->setPlaceholderText(tr("Optional"));
    m_clientId = addField(tr("&Client ID:"), tr("Client ID"));
    m_clientSecret = addField(tr("Client s&ecret:"), tr("Client secret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_method = new SignInMethodPanel(this);
    auto *methodLabel = new QLabel(tr("Sign in &with:"), this);
    methodLabel->setBuddy(m_method->chooser());
    m_form->addRow(methodLabel, m_method->chooser());
    m_inputs.append(m_method->chooser());
    connect(m_method, &SignInMethodPanel::methodChanged, this, [this] { applyDialect(); });
    // Once the browser is open or the code is shown, the wait is the person's, not the server's.
    connect(m_method, &SignInMethodPanel::waitingOnPerson, this, [this](SignInMethod method) {
        if (m_busy)
            m_busyLabel->setText(method == SignInMethod::Device
                                         ? tr("Waiting for the code to be entered…")
                                         : tr("Waiting for you to sign in in the browser…"));
    });
    m_username = addField(tr("&Username:"), tr("Username"));
    m_password = addField(tr("&Password:"), tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_scope = addField(tr("&Requested scope:"), tr("Requested scope"));
    m_scopeHint = new QLabel(this);
    m_scopeHint->setWordWrap(true); // German hints are longer than the field
    m_scopeHint->setAccessibleName(tr("Scope syntax"));
    m_scopeHint->setEnabled(false); // rendered as secondary text
    m_form->addRow(QString(), m_scopeHint);

    m_remember = new QCheckBox(tr("Re&member my password for automatic sign-in"), this);
    m_remember->setAccessibleName(tr("Remember my password for automatic sign-in"));
    m_inputs.append(m_remember);
    layout->addWidget(m_remember);
    m_rememberHint = new QLabel(
            tr("If stored in the keychain, Tokenkeeper can sign in again by itself when the "
               "session ends. Not storing it is safer, but you will be asked again then."),
            this);
    m_rememberHint->setWordWrap(true);
    m_rememberHint->setAccessibleName(tr("About remembering the password"));
    layout->addWidget(m_rememberHint);
    m_remember->setAccessibleDescription(m_rememberHint->text());

    m_problem = new ProblemLabel(tr("Sign-in problem"), this);
    layout->addWidget(m_problem);
    layout->addWidget(m_method); // the URL or the code while a browser/device sign-in runs

    auto *busyRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(12);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Signing in"));
    m_busyLabel = new QLabel(tr("Signing in…"), this);
    m_busyLabel->setAccessibleName(tr("Progress"));
    busyRow->addWidget(m_busyLabel);
    busyRow->addWidget(m_progress, 1);
    layout->addLayout(busyRow);
    m_progress->hide();
    m_busyLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInText = tr("&Sign in");
    m_signIn = m_buttons->addButton(m_signInText, QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_dialect, &QComboBox::currentIndexChanged, this, &LoginDialog::applyDialect);
    // A problem found for the previous account type no longer applies.
    connect(m_dialect, &QComboBox::currentIndexChanged, this, &LoginDialog::clearError);
    connect(m_manual, &QCheckBox::toggled, this, &LoginDialog::applyDialect);
}

Dialect LoginDialog::dialect() const
{
    return Dialect(m_dialect->currentData().toInt());
}

void LoginDialog::applyDialect()
{
    const Dialect d = dialect();
    const bool generic = d == Dialect::Generic;
    auto *serverLabel = qobject_cast<QLabel *>(m_form->labelForField(m_server));
    auto *clientLabel = qobject_cast<QLabel *>(m_form->labelForField(m_clientId));
    auto *secretLabel = qobject_cast<QLabel *>(m_form->labelForField(m_clientSecret));
    switch (d) {
    case Dialect::Venafi:
        serverLabel->setText(tr("Ser&ver URL:"));
        m_server->setPlaceholderText(QStringLiteral("https://tpp.example.com"));
        clientLabel->setText(tr("&Client ID:"));
        m_scopeHint->setText(tr("Syntax: certificate:manage,revoke;configuration:manage"));
        break;
    case Dialect::Salesforce:
        serverLabel->setText(tr("&Login host:"));
        m_server->setPlaceholderText(QStringLiteral("https://login.salesforce.com"));
        clientLabel->setText(tr("Consumer &key:"));
        secretLabel->setText(tr("Consumer s&ecret:"));
        m_scopeHint->setText(tr("Optional; space-separated, e.g. api refresh_token"));
        break;
    case Dialect::Generic:
        serverLabel->setText(tr("&Issuer URL:"));
        m_server->setPlaceholderText(QStringLiteral("https://auth.example.com"));
        clientLabel->setText(tr("&Client ID:"));
        secretLabel->setText(tr("Client s&ecret:"));
        m_scopeHint->setText(tr("Optional; space-separated, e.g. openid offline_access"));
        break;
    }
    m_server->setAccessibleName(serverLabel->text().remove(QLatin1Char('&')).chopped(1));
    m_clientId->setAccessibleName(clientLabel->text().remove(QLatin1Char('&')).chopped(1));
    m_clientSecret->setAccessibleName(secretLabel->text().remove(QLatin1Char('&')).chopped(1));
    m_clientSecret->setPlaceholderText(
            m_base.hasClientSecret
                    ? tr("Stored in the keychain; leave empty to keep it")
                    : (generic ? tr("Only for confidential clients")
                               : (m_method->method() == SignInMethod::Password
                                          ? QString()
                                          : tr("Only if the app requires it for this flow"))));
    // A locked identity shows the endpoints as configured, not a "typed by hand" choice.
    m_form->setRowVisible(m_manual, generic && !m_identityLocked);
    m_form->setRowVisible(m_tokenEndpoint, generic && m_manual->isChecked());
    m_form->setRowVisible(m_revocationEndpoint, generic && m_manual->isChecked());
    m_form->setRowVisible(m_clientSecret, d != Dialect::Venafi);
    m_method->setDialect(d);
    // Browser and device sign-ins happen on the server's own page: no user name or password here.
    const bool password = m_method->method() == SignInMethod::Password;
    m_form->setRowVisible(m_username, password);
    m_form->setRowVisible(m_password, password);
    m_remember->setVisible(password);
    m_rememberHint->setVisible(password);
    if (isVisible())
        adjustSize();
}

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

bool LoginDialog::event(QEvent *e)
{
    const bool handled = QDialog::event(e);
    if (e->type() == QEvent::LayoutRequest && isVisible()) {
        QSize wanted = size().expandedTo(sizeHint());
        if (const QScreen *s = screen())
            wanted = wanted.boundedTo(s->availableGeometry().size());
        if (wanted != size())
            resize(wanted);
    }
    return handled;
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
    const QString host = c.serverUrl.port() > 0
            ? c.hostLabel() + QLatin1Char(':') + QString::number(c.serverUrl.port())
            : c.hostLabel();
    const QString text = SignInErrorText::message(error, host, c.scope, c.dialect);
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
