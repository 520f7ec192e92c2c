#pragma once

#include "SecretStore.h"

#include <deque>

// Decorator for backends with a per-item size cap (Windows Credential Manager: 2560 bytes in
// QtKeychain 0.13). A value larger than the chunk size is stored as parts `<key>.part<N>` plus,
// under `<key>` itself, a small manifest (first part, count, size, sha256). The manifest is
// written last and is the commit point: new parts never overwrite the ones the current manifest
// names, so a crash mid-write leaves the old value readable (M-40). Reads verify the checksum.
class ChunkedSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr int kWindowsBlobLimit = 2560;
    static constexpr int kOverhead = 512; // QtKeychain/DPAPI framing headroom
    static constexpr int kDefaultChunkSize = kWindowsBlobLimit - kOverhead;

    // `inner` is not owned and must outlive this store.
    explicit ChunkedSecretStore(SecretStore *inner, int chunkSize = kDefaultChunkSize,
                                QObject *parent = nullptr);
    ~ChunkedSecretStore() override;

    using SecretStore::read; // and write, remove: the overloads with a context
    using SecretStore::remove;
    using SecretStore::write;
    void read(const QString &key, Callback callback) override;
    void write(const QString &key, const QByteArray &data, Callback callback) override;
    void remove(const QString &key, Callback callback) override;
    QString backendName() const override;

    int chunkSize() const { return m_chunkSize; }
    static QString partKey(const QString &key, int index);

    struct Manifest
    {
        int first = 0;
        int count = 0;
        qint64 size = 0;
        QByteArray sha256Hex;
    };
    static QByteArray encodeManifest(const Manifest &manifest);
    static bool decodeManifest(const QByteArray &data, Manifest *out);
    static bool isManifest(const QByteArray &data);

private:
    using Finished = std::function<void()>;
    using Task = std::function<void(Finished)>;
    void schedule(Task task);
    void runNext();

    void doRead(const QString &key, const Callback &callback, const Finished &finished);
    void doWrite(const QString &key, const QByteArray &data, const Callback &callback,
                 const Finished &finished);
    void doRemove(const QString &key, const Callback &callback, const Finished &finished);

    // Inner calls whose answers are dropped if this store is gone.
    void innerRead(const QString &key, Callback callback);
    void innerWrite(const QString &key, const QByteArray &data, Callback callback);
    void innerRemove(const QString &key, Callback callback);
    // Writes parts [first, first + parts.size()) one after another; stops at the first failure.
    void writeParts(const QString &key, int first, const QList<QByteArray> &parts, int index,
                    Callback done);
    // Reads the parts a manifest names and checks size and checksum.
    void readParts(const QString &key, const Manifest &manifest, int index, QByteArray collected,
                   Callback done);
    // Deletes the given part indices; NotFound is fine; reports the first other failure.
    void removeParts(const QString &key, QList<int> indices, Result firstFailure, Callback done);

    SecretStore *m_inner;
    int m_chunkSize;
    std::deque<Task> m_tasks;
    bool m_busy = false;
};
