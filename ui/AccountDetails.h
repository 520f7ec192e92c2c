#pragma once

#include "SessionTypes.h"

#include <QWidget>

class ApprovalBroker;
class ApprovalsPanel;
class QBoxLayout;
class QFormLayout;
class QLabel;

// The detail pane of the main window for the selected account: name, host and state on top;
// the times (access token, sign-in end, last and next refresh, exact times on hover), storage,
// sign-in method, scopes and the last problem in full; below them the row of action buttons
// the window puts there, then which programs may have the token (ApprovalsPanel, once the
// window has the agent's broker). Shows text only, never a token.
class AccountDetails : public QWidget
{
    Q_OBJECT
public:
    explicit AccountDetails(QWidget *parent = nullptr);

    void setAccount(const AccountSnapshot &snapshot, qint64 nowMs, const QString &statusLine);
    QBoxLayout *actionRow() const { return m_actions; }
    void setApprovalBroker(ApprovalBroker *broker);
    ApprovalsPanel *approvals() const { return m_approvals; }
    QString text() const; // everything shown, for tests and accessibility checks

    static QString methodText(const AccountConfig &config);

private:
    QLabel *addRow(const QString &label);
    static void setTime(QLabel *label, qint64 atMs, qint64 nowMs, const QString &none);

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_state;
    QFormLayout *m_form;
    QLabel *m_access;
    QLabel *m_grantEnd;
    QLabel *m_lastRefresh;
    QLabel *m_nextRefresh;
    QLabel *m_storage;
    QLabel *m_method;
    QLabel *m_scopes;
    QLabel *m_problem;
    QBoxLayout *m_actions;
    ApprovalsPanel *m_approvals;
};
