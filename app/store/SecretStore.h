#pragma once

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QString>

// Asynchronous key -> bytes storage for secrets. Implementations: KeychainSecretStore (QtKeychain,
// the only one used for persistent secrets), MemorySecretStore ("this session only" and tests),
// ChunkedSecretStore (splits blobs for backends with a size cap, e.g. Windows Credential Manager).
// Callbacks always run later from the event loop, never inside the call.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound, // the backend says "no such entry" (ambiguous on libsecret: may be locked)
        Locked, // collection locked / cannot create an item in a locked collection
        Denied, // the user or the system refused access
        Unavailable, // no backend: no D-Bus, no Secret Service, no KWallet
        TimedOut, // the watchdog gave up waiting; the job is still pending (never deleted)
        TooLarge, // the backend cannot hold this many bytes
        Other,
    };
    Q_ENUM(Status)

    struct Result
    {
        Status status = Status::Ok;
        QByteArray data; // for reads
        QString message; // backend's description (never contains the secret)
        bool corrupt = false; // data came back but failed an integrity check (chunk checksum)
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;
    ~SecretStore() override;

    virtual void read(const QString &key, Callback callback) = 0;
    virtual void write(const QString &key, const QByteArray &data, Callback callback) = 0;
    virtual void remove(const QString &key, Callback callback) = 0;
    virtual QString backendName() const = 0;

    // The same, answered only while `context` lives (the caller's lifetime, as
    // QObject::connect takes it), so that no caller needs a liveness guard of its own.
    void read(const QString &key, const QObject *context, Callback callback);
    void write(const QString &key, const QByteArray &data, const QObject *context,
               Callback callback);
    void remove(const QString &key, const QObject *context, Callback callback);

    static QString statusName(Status status); // "ok", "not_found", ... for logs and helpers
};
