#include "AccountDetails.h"
#include "ErrorText.h"

#include "AccountText.h"
#include "ApprovalsPanel.h"
#include "TimeFormat.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

AccountDetails::AccountDetails(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
    m_title->setAccessibleName(tr("Account"));
    m_subtitle = new QLabel(this);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText); // secondary text, from the palette
    m_subtitle->setAccessibleName(tr("Server"));
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    m_state->setAccessibleName(tr("State"));
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_state);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    m_access = addRow(tr("Access token:"));
    m_grantEnd = addRow(tr("Sign-in ends:"));
    m_lastRefresh = addRow(tr("Last renewal:"));
    m_nextRefresh = addRow(tr("Next renewal:"));
    m_storage = addRow(tr("Stored in:"));
    m_method = addRow(tr("Sign-in method:"));
    m_scopes = addRow(tr("Scopes:"));
    m_problem = addRow(tr("Last problem:"));
    m_actions = new QHBoxLayout;
    layout->addLayout(m_actions);
    layout->addSpacing(fontMetrics().height() / 2);
    m_approvals = new ApprovalsPanel(this);
    layout->addWidget(m_approvals);
    layout->addStretch(1);
}

void AccountDetails::setApprovalBroker(ApprovalBroker *broker)
{
    m_approvals->setBroker(broker);
}

QLabel *AccountDetails::addRow(const QString &label)
{
    auto *value = new QLabel(this);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(label, value);
    return value;
}

void AccountDetails::setTime(QLabel *label, qint64 atMs, qint64 nowMs, const QString &none)
{
    label->setText(atMs > 0 ? TimeFormat::relative(atMs, nowMs) : none);
    label->setToolTip(atMs > 0 ? TimeFormat::absolute(atMs, nowMs) : QString());
}

QString AccountDetails::methodText(const AccountConfig &c)
{
    if (c.signInMethod == SignInMethod::Browser)
        return tr("Browser sign-in (authorization code with PKCE), client %1").arg(c.clientId);
    if (c.signInMethod == SignInMethod::Device)
        return tr("Device code entered on the server's page, client %1").arg(c.clientId);
    switch (c.dialect) {
    case Dialect::Venafi:
        return tr("Venafi TPP password sign-in as %1 (client %2)").arg(c.username, c.clientId);
    case Dialect::Salesforce:
        return tr("Salesforce username-password flow as %1 (consumer key %2)")
                .arg(c.username, c.clientId);
    case Dialect::Generic:
        return tr("OAuth 2.0 password grant as %1 (client %2)").arg(c.username, c.clientId);
    }
    return QString();
}

void AccountDetails::setAccount(const AccountSnapshot &s, qint64 now, const QString &statusLine)
{
    m_title->setText(AccountText::name(s.config));
    m_subtitle->setText(s.config.hostLabel() + QStringLiteral(" · ")
                        + dialectDisplayName(s.config.dialect));
    m_state->setText(s.state == SessionState::ReauthRequired
                             ? statusLine + QLatin1Char('\n') + AccountText::reauthReason(s)
                             : statusLine);
    const bool signedIn = s.state != SessionState::SignedOut;
    if (s.hasAccessToken) {
        m_access->setText(s.accessExpiresAtMs > now || s.accessExpiresAtMs == 0
                                  ? tr("valid, expires %1").arg(AccountText::accessExpiry(s, now))
                                  : tr("expired"));
        m_access->setToolTip(s.accessExpiresAtMs > 0
                                     ? TimeFormat::absolute(s.accessExpiresAtMs, now)
                                     : QString());
    } else {
        m_access->setText(tr("none"));
        m_access->setToolTip(QString());
    }
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_grantEnd)))
        label->setText(s.state == SessionState::ReauthRequired ? tr("Sign-in ended:")
                                                               : tr("Sign-in ends:"));
    if (s.state == SessionState::ReauthRequired) {
        m_grantEnd->setText(s.reauthSinceMs > 0 ? TimeFormat::relative(s.reauthSinceMs, now)
                                                : tr("yes"));
        m_grantEnd->setToolTip(s.reauthSinceMs > 0 ? TimeFormat::absolute(s.reauthSinceMs, now)
                                                   : QString());
    } else {
        // Nothing is known of a grant until the first sign-in has finished.
        const bool granted = signedIn && (s.hasAccessToken || s.refreshUntilMs > 0);
        setTime(m_grantEnd, granted ? s.refreshUntilMs : 0, now,
                granted ? tr("not announced by the server") : tr("not signed in"));
    }
    setTime(m_lastRefresh, s.lastRefreshMs, now, tr("not since Tokenkeeper started"));
    setTime(m_nextRefresh, s.nextRefreshMs, now, tr("none scheduled"));
    // "Saved in the keychain" only when tokens are there: before the first sign-in and after
    // a grant ended there are none (a client secret may still be, so "no tokens").
    const bool noTokens = !s.hasAccessToken
            && (s.state == SessionState::SignedOut || s.state == SessionState::SigningIn
                || s.state == SessionState::ReauthRequired);
    if (noTokens && s.storage == StorageStatus::Ok)
        m_storage->setText(s.state == SessionState::ReauthRequired
                                   ? tr("no usable tokens (the sign-in ended)")
                                   : tr("no tokens yet (not signed in)"));
    else
        m_storage->setText(ErrorText::storage(s.storage));
    m_method->setText(methodText(s.config));
    const QString scopes = s.grantedScope.isEmpty() ? s.config.scope : s.grantedScope;
    m_scopes->setText(scopes.isEmpty() ? tr("the server's default") : scopes);
    const QString problem = AccountText::lastError(s);
    m_problem->setText(problem.isEmpty() ? tr("none") : problem);
    m_approvals->setAccount(s.config.id, now);
}

QString AccountDetails::text() const
{
    QStringList parts{m_title->text(), m_subtitle->text(), m_state->text()};
    for (int i = 0; i < m_form->rowCount(); ++i) {
        auto *label = qobject_cast<QLabel *>(m_form->itemAt(i, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(i, QFormLayout::FieldRole)->widget());
        if (label && value)
            parts << label->text() + QLatin1Char(' ') + value->text();
    }
    if (m_approvals->isVisibleTo(this))
        parts << m_approvals->text();
    return parts.join(QLatin1Char('\n'));
}
