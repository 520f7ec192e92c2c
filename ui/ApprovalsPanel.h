#pragma once

#include <QWidget>

class ApprovalBroker;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

// The hand-off section of an account's detail pane: which of the person's programs may get this
// account's token (the account's policy: ask once per program, allow any program of mine, deny
// all), and the programs whose "Always allow" or "Deny" is remembered, each removable (the
// program is asked about again on its next call). Reads and writes through the broker, which
// announces every change, so a prompt answered in the tray shows up here at once.
class ApprovalsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ApprovalsPanel(QWidget *parent = nullptr);

    void setBroker(ApprovalBroker *broker);
    void setAccount(const QString &accountId, qint64 nowMs);
    QString text() const; // what is shown, for tests

    QComboBox *policyBox() const { return m_policy; }
    QTreeWidget *programs() const { return m_programs; }
    QPushButton *forgetButton() const { return m_forget; }

private:
    void reload();
    void forgetSelected();

    ApprovalBroker *m_broker = nullptr;
    QString m_accountId;
    qint64 m_nowMs = 0;
    QComboBox *m_policy;
    QLabel *m_hint;
    QTreeWidget *m_programs;
    QLabel *m_none;
    QPushButton *m_forget;
};
