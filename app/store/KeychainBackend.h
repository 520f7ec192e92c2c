#pragma once

#include <functional>
#include <QByteArray>
#include <QString>

// The raw keychain calls behind KeychainSecretStore, as a seam: QtKeychainBackend starts real
// QtKeychain jobs; tests substitute a backend that hangs or answers late, so the watchdog and
// the queue can be exercised without a keyring that refuses to answer.
class KeychainBackend
{
public:
    enum class Operation { Read, Write, Remove };
    struct Answer
    {
        int error = 0; // a QKeychain::Error value (0 = NoError)
        QString message; // the backend's error text; never contains the secret
        QByteArray data; // for reads
    };
    using Done = std::function<void(const Answer &)>;

    virtual ~KeychainBackend();
    // Starts one job. `done` runs once from the event loop when the job finishes, or never when
    // it hangs. The job must outlive a hang on its own: nobody may delete it while pending.
    virtual void start(Operation op, const QString &key, const QByteArray &data, Done done) = 0;
    virtual QString name() const = 0;
};
