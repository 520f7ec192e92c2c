// LoginDialog's form: the fields and rows per account type and sign-in method, and how the
// dialog grows with what it shows. The behaviour (validation, errors, busy, re-prompt) is in
// LoginDialog.cpp.
#include "LoginDialog.h"

#include "ProblemLabel.h"
#include "SignInMethodPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

using Field = LoginValidator::Field;

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
