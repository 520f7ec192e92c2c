#pragma once

#include "SecretStore.h"

#include <QHash>
#include <QList>
#include <QMap>

// SecretStore in process memory: the "this session only" mode, and the fake for tests, with the
// fault knobs of reliability.md §4 (forced status per operation, never answer, latency, size
// limit, fail the Nth write, "not found for everything" like a locked libsecret keyring).
// Callbacks always run from the event loop, after `latencyMs`.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    using SecretStore::read; // and write, remove: the overloads with a context
    using SecretStore::remove;
    using SecretStore::write;
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QByteArray &data, Callback callback) override;
    void remove(const QString &key, Callback callback) override;
    QString backendName() const override { return QStringLiteral("memory"); }

    // --- fault knobs -------------------------------------------------------------------------
    // Every `op` answers `status` (with `message`) and changes nothing. Ok clears it.
    void setForcedStatus(Operation op, Status status, const QString &message = QString());
    // Requests are held and never answered (until answerPending()); the watchdog's job.
    void setNeverAnswer(bool on) { m_neverAnswer = on; }
    // Answers the held requests now (a keychain that finally answers), applying them in order.
    void answerPending();
    int pendingCount() const { return int(m_pending.size()); }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    // Writes of more than `bytes` answer TooLarge (0: no limit), like Windows' 2560-byte cap.
    void setSizeLimit(int bytes) { m_sizeLimit = bytes; }
    // The nth write from now (1 = the next one) fails with `status`; earlier/later ones work.
    void failNthWrite(int n, Status status = Status::Locked, const QString &message = QString());
    // Every operation answers NotFound and changes nothing (a locked libsecret keyring on read).
    void setNotFoundForAll(bool on) { m_notFoundForAll = on; }
    void clearFaults();

    // --- direct access for tests (no callbacks, no faults) -------------------------------------
    bool contains(const QString &key) const { return m_items.contains(key); }
    QByteArray value(const QString &key) const { return m_items.value(key); }
    void setValue(const QString &key, const QByteArray &data) { m_items.insert(key, data); }
    QStringList keys() const { return m_items.keys(); }
    void clear() { m_items.clear(); }
    int count(Operation op) const { return m_counts.value(op); }

private:
    struct Pending
    {
        Operation op;
        QString key;
        QByteArray data;
        Callback callback;
    };
    void submit(Operation op, const QString &key, const QByteArray &data, Callback callback);
    Result apply(Operation op, const QString &key, const QByteArray &data);
    void deliver(Callback callback, const Result &result);

    QMap<QString, QByteArray> m_items;
    QHash<Operation, Result> m_forced;
    QHash<Operation, int> m_counts;
    QList<Pending> m_pending;
    bool m_neverAnswer = false;
    bool m_notFoundForAll = false;
    int m_latencyMs = 0;
    int m_sizeLimit = 0;
    int m_failWriteCountdown = 0; // 0: off
    Result m_failWriteResult;
};
