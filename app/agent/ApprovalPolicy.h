#pragma once

#include <optional>
#include <QList>
#include <QString>

class QSettings;

// Per-program approval, stored in QSettings (no secrets): per account a policy (ask, allow any
// program of mine, deny) and the remembered decisions per (account, executable path + identity
// of the file). A rebuilt or replaced binary has a new identity and is asked about again.
class ApprovalPolicy
{
public:
    enum class Policy { Ask, Allow, Deny };
    struct Entry
    {
        QString key; // stable id of the remembered decision (for removal)
        QString executable;
        QString fileIdentity;
        bool allowed = false;
        qint64 decidedAtMs = 0;
    };

    // `settings` must outlive the policy (the app's approvals.conf; tests use a temporary file).
    explicit ApprovalPolicy(QSettings *settings);

    // For accounts without a policy of their own: "ask" unless the person chose otherwise.
    Policy defaultPolicy() const;
    void setDefaultPolicy(Policy policy);
    Policy policy(const QString &accountId) const;
    void setPolicy(const QString &accountId, Policy policy);

    std::optional<bool> remembered(const QString &accountId, const QString &executable,
                                   const QString &fileIdentity) const;
    void remember(const QString &accountId, const QString &executable, const QString &fileIdentity,
                  bool allowed, qint64 nowMs);
    QList<Entry> entries(const QString &accountId) const;
    void forget(const QString &accountId, const QString &key);
    void forgetAccount(const QString &accountId);

    static QString policyId(Policy policy); // "ask", "allow", "deny"
    static bool policyFromId(const QString &id, Policy *out);
    static QString entryKey(const QString &executable, const QString &fileIdentity);

private:
    QSettings *m_settings;
};
