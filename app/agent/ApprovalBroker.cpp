#include "ApprovalBroker.h"

#include "ApprovalPolicy.h"
#include "Clock.h"

#include <QCoreApplication>
#include <QFileInfo>

ApprovalBroker::ApprovalBroker(ApprovalPolicy *policy, const Clock *clock, QObject *parent)
    : QObject(parent), m_policy(policy), m_clock(clock)
{ }

ApprovalBroker::~ApprovalBroker() = default;

int ApprovalBroker::pendingPrompts() const
{
    int n = 0;
    for (const auto &queue : m_queues)
        n += int(queue.size());
    return n;
}

void ApprovalBroker::decide(const AccountConfig &account, const PeerIdentity &peer,
                            bool interactive, Done done)
{
    switch (m_policy->policy(account.id)) {
    case ApprovalPolicy::Policy::Allow:
        done(true, QString());
        return;
    case ApprovalPolicy::Policy::Deny:
        done(false, tr("the policy of %1 denies tokens to programs").arg(account.displayName));
        return;
    case ApprovalPolicy::Policy::Ask:
        break;
    }
    const PeerIdentity::Process &subject = peer.subject();
    const QString exe = subject.exe;
    const QString program = QFileInfo(exe).fileName();
    if (const auto known = m_policy->remembered(account.id, exe, subject.fileIdentity)) {
        done(*known,
             *known ? QString()
                    : tr("you denied %1 access to %2").arg(program, account.displayName));
        return;
    }
    // A caller that may not wait on a person is refused at once; the prompt still appears (no
    // one waits on it) so that the person can allow the program for its next call.
    Done waiter = std::move(done);
    if (!interactive) {
        waiter(false,
               tr("%1 needs your approval for %2 and may not wait for it: answer Tokenkeeper's "
                  "prompt, then try again (or set the account's policy)")
                       .arg(program, account.displayName));
        waiter = nullptr;
    }
    auto &queue = m_queues[account.id];
    for (const auto &pending : queue) {
        if (pending->prompt.program == exe && pending->fileIdentity == subject.fileIdentity) {
            if (waiter)
                pending->waiters << std::move(waiter); // coalesced onto the one prompt
            return;
        }
    }
    auto pending = std::make_shared<Pending>();
    pending->prompt.id = m_nextId++;
    pending->prompt.accountId = account.id;
    pending->prompt.accountName = account.displayName;
    pending->prompt.scope = account.scope;
    pending->prompt.program = exe;
    pending->prompt.description = peer.describe();
    pending->fileIdentity = subject.fileIdentity;
    if (waiter)
        pending->waiters << std::move(waiter);
    pending->timer = std::make_unique<QTimer>();
    pending->timer->setSingleShot(true);
    const QString accountId = account.id;
    const quint64 id = pending->prompt.id;
    connect(pending->timer.get(), &QTimer::timeout, this, [this, accountId, id] {
        resolve(accountId, id, false, tr("no answer to the approval prompt in time"), true);
    });
    pending->timer->start(m_timeoutMs);
    queue << pending;
    showNext(account.id);
}

void ApprovalBroker::setPolicy(const QString &accountId, ApprovalPolicy::Policy policy)
{
    if (m_policy->policy(accountId) == policy)
        return;
    m_policy->setPolicy(accountId, policy);
    Q_EMIT decisionsChanged(accountId);
}

void ApprovalBroker::forget(const QString &accountId, const QString &entryKey)
{
    m_policy->forget(accountId, entryKey);
    Q_EMIT decisionsChanged(accountId);
}

void ApprovalBroker::showNext(const QString &accountId)
{
    auto it = m_queues.find(accountId);
    if (it == m_queues.end() || it->isEmpty()) {
        m_queues.remove(accountId);
        return;
    }
    const auto &first = it->first();
    if (first->shown)
        return; // one prompt per account at a time
    first->shown = true;
    Q_EMIT promptRequested(first->prompt);
}

void ApprovalBroker::answer(quint64 promptId, Answer answer)
{
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        for (const auto &pending : std::as_const(*it)) {
            if (pending->prompt.id != promptId)
                continue;
            const bool allowed = answer != Answer::Deny;
            if (answer != Answer::AllowOnce) {
                m_policy->remember(pending->prompt.accountId, pending->prompt.program,
                                   pending->fileIdentity, allowed, m_clock->wallMs());
                Q_EMIT decisionsChanged(pending->prompt.accountId);
            }
            resolve(it.key(), promptId, allowed,
                    allowed ? QString()
                            : tr("you denied %1 access to %2")
                                      .arg(pending->prompt.program, pending->prompt.accountName));
            return;
        }
    }
}

void ApprovalBroker::resolve(const QString &accountId, quint64 id, bool allowed, const QString &why,
                             bool timedOut)
{
    auto it = m_queues.find(accountId);
    if (it == m_queues.end())
        return;
    std::shared_ptr<Pending> found;
    for (int i = 0; i < it->size(); ++i) {
        if (it->at(i)->prompt.id == id) {
            found = it->takeAt(i);
            break;
        }
    }
    if (!found)
        return;
    found->timer->stop();
    if (found->shown && timedOut)
        Q_EMIT promptWithdrawn(id);
    const QList<Done> waiters = found->waiters;
    showNext(accountId);
    for (const Done &done : waiters)
        done(allowed, why);
}
