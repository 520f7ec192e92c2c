#pragma once

#include "KeychainBackend.h"

#include <QList>
#include <QMap>
#include <QTimer>

// Test double for KeychainSecretStore's seam: an in-memory keychain whose jobs can hang (held
// until release()) or fail with a given QtKeychain error code and text.
class FakeKeychainBackend final : public KeychainBackend
{
public:
    struct Job
    {
        Operation op;
        QString key;
        QByteArray data;
        Done done;
    };

    QMap<QString, QByteArray> items;
    bool hang = false; // hold every job until release()
    int error = 0; // answer every job with this QKeychain::Error ...
    QString message; // ... and this text
    QList<Job> held;
    int started = 0;
    bool *destroyed = nullptr;

    ~FakeKeychainBackend() override
    {
        if (destroyed)
            *destroyed = true;
    }
    void start(Operation op, const QString &key, const QByteArray &data, Done done) override
    {
        ++started;
        Job job{op, key, data, std::move(done)};
        if (hang) {
            held.append(job);
            return;
        }
        finish(job);
    }
    QString name() const override { return QStringLiteral("fake"); }

    // Lets the held jobs finish now (a keyring that was unlocked after all).
    void release()
    {
        const QList<Job> jobs = std::exchange(held, {});
        for (const Job &j : jobs)
            finish(j);
    }

private:
    void finish(const Job &job)
    {
        Answer a;
        a.error = error;
        a.message = message;
        if (error == 0) {
            switch (job.op) {
            case Operation::Read:
                if (items.contains(job.key))
                    a.data = items.value(job.key);
                else
                    a = Answer{1, QStringLiteral("Entry not found"), QByteArray()};
                break;
            case Operation::Write:
                items.insert(job.key, job.data);
                break;
            case Operation::Remove:
                if (items.remove(job.key) == 0)
                    a = Answer{1, QStringLiteral("Entry not found"), QByteArray()};
                break;
            }
        }
        // Like QtKeychain: the answer comes from the event loop, never inside start().
        QTimer::singleShot(0, [done = job.done, a] { done(a); });
    }
};
