#pragma once

#include "AccountConfig.h"
#include "ApprovalPolicy.h"
#include "PeerIdentity.h"

#include <functional>
#include <memory>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

class Clock;

// Decides whether a program may have an account's token: the account's policy, then the
// remembered decision for this executable (path + file identity), then the person. Prompts are
// coalesced: one prompt per account at a time, and every caller of the same program waits on
// that one answer; a caller that may not wait on a person (non-interactive) is refused at once
// while its prompt is still shown, for the program's next call.
// A wait is bounded: no answer within the timeout means "denied".
//   decide ─► policy allow/deny ─► done
//          └► remembered ─► done
//          └► queue(account, program) ─► [first in account's queue] promptRequested
//                      answer(id, …) ─► done for all its waiters ─► next program's prompt
class ApprovalBroker : public QObject
{
    Q_OBJECT
public:
    enum class Answer { AllowOnce, AlwaysAllow, Deny };
    struct Prompt
    {
        quint64 id = 0;
        QString accountId;
        QString accountName;
        QString scope;
        QString program; // verified executable path (seen through tokenctl to its caller)
        QString description; // "git (pid 42), started from bash, from konsole"
    };
    using Done = std::function<void(bool allowed, const QString &why)>;

    ApprovalBroker(ApprovalPolicy *policy, const Clock *clock, QObject *parent = nullptr);
    ~ApprovalBroker() override;

    void decide(const AccountConfig &account, const PeerIdentity &peer, bool interactive,
                Done done);
    void answer(quint64 promptId, Answer answer);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // What the account's settings pane shows and changes; every change is announced.
    const ApprovalPolicy *policy() const { return m_policy; }
    void setPolicy(const QString &accountId, ApprovalPolicy::Policy policy);
    void forget(const QString &accountId, const QString &entryKey);
    int pendingPrompts() const; // programs waiting (shown or queued), for tests

Q_SIGNALS:
    void promptRequested(const ApprovalBroker::Prompt &prompt);
    void promptWithdrawn(quint64 promptId); // timed out: the UI closes it
    void decisionsChanged(const QString &accountId); // policy or remembered programs

private:
    struct Pending
    {
        Prompt prompt;
        QString fileIdentity;
        QList<Done> waiters;
        std::unique_ptr<QTimer> timer;
        bool shown = false;
    };
    void showNext(const QString &accountId);
    void resolve(const QString &accountId, quint64 id, bool allowed, const QString &why,
                 bool timedOut = false);

    ApprovalPolicy *m_policy;
    const Clock *m_clock;
    int m_timeoutMs = 30000;
    quint64 m_nextId = 1;
    QHash<QString, QList<std::shared_ptr<Pending>>> m_queues; // per account, shown first
};
