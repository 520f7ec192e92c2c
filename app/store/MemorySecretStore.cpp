#include "MemorySecretStore.h"

#include <QTimer>

MemorySecretStore::MemorySecretStore(QObject *parent) : SecretStore(parent) { }

MemorySecretStore::~MemorySecretStore()
{
    // Best effort: the session-only copies should not linger in freed memory.
    for (QByteArray &v : m_items)
        v.fill('\0');
}

void MemorySecretStore::read(const QString &key, Callback callback)
{
    submit(Operation::Read, key, QByteArray(), std::move(callback));
}

void MemorySecretStore::write(const QString &key, const QByteArray &data, Callback callback)
{
    submit(Operation::Write, key, data, std::move(callback));
}

void MemorySecretStore::remove(const QString &key, Callback callback)
{
    submit(Operation::Remove, key, QByteArray(), std::move(callback));
}

void MemorySecretStore::setForcedStatus(Operation op, Status status, const QString &message)
{
    if (status == Status::Ok)
        m_forced.remove(op);
    else
        m_forced.insert(op, Result{status, QByteArray(), message, false});
}

void MemorySecretStore::failNthWrite(int n, Status status, const QString &message)
{
    m_failWriteCountdown = n;
    m_failWriteResult = Result{status, QByteArray(), message, false};
}

void MemorySecretStore::clearFaults()
{
    m_forced.clear();
    m_neverAnswer = false;
    m_notFoundForAll = false;
    m_latencyMs = 0;
    m_sizeLimit = 0;
    m_failWriteCountdown = 0;
}

void MemorySecretStore::answerPending()
{
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        deliver(p.callback, apply(p.op, p.key, p.data));
}

void MemorySecretStore::submit(Operation op, const QString &key, const QByteArray &data,
                               Callback callback)
{
    m_counts[op] += 1;
    if (m_neverAnswer) {
        m_pending.append(Pending{op, key, data, std::move(callback)});
        return;
    }
    // Applied now (in call order, like a serial keychain); only the answer is delayed.
    deliver(std::move(callback), apply(op, key, data));
}

SecretStore::Result MemorySecretStore::apply(Operation op, const QString &key,
                                             const QByteArray &data)
{
    if (m_notFoundForAll)
        return Result{Status::NotFound, QByteArray(), QStringLiteral("No such secret item"), false};
    const auto forced = m_forced.constFind(op);
    if (forced != m_forced.constEnd())
        return *forced;
    Result result;
    switch (op) {
    case Operation::Read: {
        const auto it = m_items.constFind(key);
        if (it == m_items.constEnd())
            return Result{Status::NotFound, QByteArray(), QStringLiteral("Entry not found"), false};
        result.data = *it;
        return result;
    }
    case Operation::Write:
        if (m_failWriteCountdown > 0 && --m_failWriteCountdown == 0)
            return m_failWriteResult;
        if (m_sizeLimit > 0 && data.size() > m_sizeLimit)
            return Result{Status::TooLarge, QByteArray(),
                          QStringLiteral("Secret of %1 bytes exceeds the limit of %2")
                                  .arg(data.size())
                                  .arg(m_sizeLimit),
                          false};
        m_items.insert(key, data);
        return result;
    case Operation::Remove:
        if (m_items.remove(key) == 0)
            return Result{Status::NotFound, QByteArray(), QStringLiteral("Entry not found"), false};
        return result;
    }
    return result;
}

void MemorySecretStore::deliver(Callback callback, const Result &result)
{
    QTimer::singleShot(m_latencyMs, this,
                       [callback = std::move(callback), result] { callback(result); });
}
