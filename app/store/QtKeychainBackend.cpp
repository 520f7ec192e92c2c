#include "QtKeychainBackend.h"

#include <qt6keychain/keychain.h>

KeychainBackend::~KeychainBackend() = default;

QtKeychainBackend::QtKeychainBackend(const QString &service) : m_service(service) { }

void QtKeychainBackend::start(Operation op, const QString &key, const QByteArray &data, Done done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setBinaryData(data);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // No parent and autoDelete: the job frees itself after `finished`, and a job that hangs in
    // QtKeychain's executor simply stays alive (deleting it there is a use-after-free).
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // a plaintext QSettings copy is never acceptable (S-16)
    job->setKey(key);
    QObject::connect(
            job, &QKeychain::Job::finished, [op, done = std::move(done)](QKeychain::Job *j) {
                Answer answer;
                answer.error = int(j->error());
                if (j->error() != QKeychain::NoError)
                    answer.message = j->errorString();
                if (op == Operation::Read && j->error() == QKeychain::NoError)
                    answer.data = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
                done(answer);
            });
    job->start(); // queued: QtKeychain runs one job at a time
}

QString QtKeychainBackend::name() const
{
    return QStringLiteral("QtKeychain (service \"") + m_service + QStringLiteral("\")");
}
