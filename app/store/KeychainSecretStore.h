#pragma once

#include "KeychainBackend.h"
#include "SecretStore.h"

#include <deque>
#include <memory>
#include <optional>
#include <QTimer>

// SecretStore on the OS keychain (QtKeychain). Requests run one at a time from a per-store queue
// (QtKeychain serialises jobs anyway), each under a watchdog. When a job does not answer in time
// the caller gets TimedOut, the job is left alone (never deleted, M-47), and until it finishes
// every queued or new request answers TimedOut at once: the store is "stalled" (Pending).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr int kDefaultWatchdogMs = 30000;

    explicit KeychainSecretStore(const QString &service = QStringLiteral("tokenkeeper"),
                                 QObject *parent = nullptr);
    // Tests: a substitute backend (one that hangs or answers late).
    explicit KeychainSecretStore(std::unique_ptr<KeychainBackend> backend,
                                 QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    using SecretStore::read; // and write, remove: the overloads with a context
    using SecretStore::remove;
    using SecretStore::write;
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QByteArray &data, Callback callback) override;
    void remove(const QString &key, Callback callback) override;
    QString backendName() const override;

    void setWatchdogMs(int ms) { m_watchdogMs = ms; }
    int watchdogMs() const { return m_watchdogMs; }
    // True while an abandoned job still occupies the keychain.
    bool isStalled() const { return m_stalled; }
    int queuedCount() const { return int(m_queue.size()); }
    // Nothing queued and no job running: every write and erase asked for has been answered.
    bool isIdle() const { return m_runningJobId == 0 && m_queue.empty(); }

    // QtKeychain's error code and text -> Status (headless-ci.md, reliability.md §8.1).
    static Status mapError(int qkeychainError, const QString &message);

Q_SIGNALS:
    // Emitted when a job exceeds the watchdog (true) and when the abandoned job finally answers
    // (false): a good moment for the owner to retry what was answered TimedOut.
    void stalledChanged(bool stalled);
    // The last queued request was answered (see isIdle()); quitting can wait for this.
    void idle();

private:
    struct Request
    {
        quint64 id = 0;
        KeychainBackend::Operation op = KeychainBackend::Operation::Read;
        QString key;
        QByteArray data;
        Callback callback;
    };
    void enqueue(KeychainBackend::Operation op, const QString &key, const QByteArray &data,
                 Callback callback);
    void startNext();
    void onAnswer(quint64 id, const KeychainBackend::Answer &answer);
    void onWatchdog();
    void answerLater(Callback callback, const Result &result);

    std::unique_ptr<KeychainBackend> m_backend;
    std::deque<Request> m_queue;
    std::optional<Request> m_current; // started and not yet answered to its caller
    quint64 m_runningJobId = 0; // the job occupying the backend (answered or abandoned); 0: idle
    quint64 m_nextId = 1;
    bool m_stalled = false;
    int m_watchdogMs = kDefaultWatchdogMs;
    QTimer m_watchdog;
};
