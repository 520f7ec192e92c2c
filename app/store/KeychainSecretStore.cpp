#include "KeychainSecretStore.h"

#include "Logging.h"
#include "QtKeychainBackend.h"

#include <QPointer>

namespace {
// QKeychain::Error values (qt6keychain/keychain.h); kept here so the header needs no QtKeychain.
enum QKeychainError {
    NoError = 0,
    EntryNotFound = 1,
    CouldNotDeleteEntry = 2,
    AccessDeniedByUser = 3,
    AccessDenied = 4,
    NoBackendAvailable = 5,
    NotImplemented = 6,
    OtherError = 7,
};

// libsecret reports a missing or unreachable Secret Service as OtherError; its text is the only
// way to tell that from a genuine failure (reliability.md §8.1, headless-ci.md).
bool looksUnavailable(const QString &message)
{
    static const char *const patterns[] = {
            "D-Bus",
            "DBus",
            "autolaunch",
            "was not provided by any .service files",
            "Object does not exist",
            "Could not connect",
    };
    for (const char *p : patterns) {
        if (message.contains(QLatin1String(p), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString operationName(KeychainBackend::Operation op)
{
    switch (op) {
    case KeychainBackend::Operation::Read:
        return QStringLiteral("read");
    case KeychainBackend::Operation::Write:
        return QStringLiteral("write");
    case KeychainBackend::Operation::Remove:
        return QStringLiteral("remove");
    }
    return QString();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : KeychainSecretStore(std::make_unique<QtKeychainBackend>(service), parent)
{ }

KeychainSecretStore::KeychainSecretStore(std::unique_ptr<KeychainBackend> backend, QObject *parent)
    : SecretStore(parent), m_backend(std::move(backend))
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &KeychainSecretStore::onWatchdog);
}

// Pending callbacks are dropped; a job still running in QtKeychain only holds a QPointer to us.
KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, Callback callback)
{
    enqueue(KeychainBackend::Operation::Read, key, QByteArray(), std::move(callback));
}

void KeychainSecretStore::write(const QString &key, const QByteArray &data, Callback callback)
{
    enqueue(KeychainBackend::Operation::Write, key, data, std::move(callback));
}

void KeychainSecretStore::remove(const QString &key, Callback callback)
{
    enqueue(KeychainBackend::Operation::Remove, key, QByteArray(), std::move(callback));
}

QString KeychainSecretStore::backendName() const
{
    return m_backend->name();
}

SecretStore::Status KeychainSecretStore::mapError(int qkeychainError, const QString &message)
{
    switch (qkeychainError) {
    case NoError:
        return Status::Ok;
    case EntryNotFound:
        return Status::NotFound;
    case AccessDeniedByUser:
        return Status::Denied;
    case AccessDenied:
        // libsecret: "Cannot create an item in a locked collection".
        return message.contains(QLatin1String("locked"), Qt::CaseInsensitive) ? Status::Locked
                                                                              : Status::Denied;
    case NoBackendAvailable:
    case NotImplemented:
        return Status::Unavailable;
    case CouldNotDeleteEntry:
    case OtherError:
    default:
        return looksUnavailable(message) ? Status::Unavailable : Status::Other;
    }
}

void KeychainSecretStore::enqueue(KeychainBackend::Operation op, const QString &key,
                                  const QByteArray &data, Callback callback)
{
    if (m_stalled) {
        // An abandoned job still blocks QtKeychain's single executor: anything started now would
        // queue behind it, so say "pending" at once instead of making the caller wait again.
        answerLater(std::move(callback),
                    Result{Status::TimedOut, QByteArray(),
                           QStringLiteral("The keychain has not answered an earlier request"),
                           false});
        return;
    }
    m_queue.push_back(Request{m_nextId++, op, key, data, std::move(callback)});
    startNext();
}

void KeychainSecretStore::startNext()
{
    if (m_runningJobId != 0 || m_queue.empty())
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    const quint64 id = m_current->id;
    m_runningJobId = id;
    m_watchdog.start(m_watchdogMs);
    QPointer<KeychainSecretStore> self(this);
    m_backend->start(m_current->op, m_current->key, m_current->data,
                     [self, id](const KeychainBackend::Answer &answer) {
                         if (self)
                             self->onAnswer(id, answer);
                     });
}

void KeychainSecretStore::onAnswer(quint64 id, const KeychainBackend::Answer &answer)
{
    if (id != m_runningJobId)
        return; // cannot happen: one job at a time; ignore rather than guess
    m_runningJobId = 0;
    m_watchdog.stop();
    if (m_current && m_current->id == id) {
        Request request = std::move(*m_current);
        m_current.reset();
        Result result;
        result.status = mapError(answer.error, answer.message);
        result.message = answer.message;
        if (result.ok())
            result.data = answer.data;
        if (!result.ok() && result.status != Status::NotFound)
            qCInfo(lcStore) << "keychain" << operationName(request.op)
                            << "failed:" << statusName(result.status) << answer.error
                            << answer.message;
        request.callback(result);
    } else {
        // The watchdog already answered TimedOut; the late result only tells us the keychain
        // is moving again. The caller retries what it still needs.
        qCInfo(lcStore) << "keychain answered after the watchdog; result dropped, error"
                        << answer.error;
        if (m_stalled) {
            m_stalled = false;
            Q_EMIT stalledChanged(false);
        }
    }
    startNext();
    if (isIdle())
        Q_EMIT idle();
}

void KeychainSecretStore::onWatchdog()
{
    if (!m_current)
        return;
    qCWarning(lcStore) << "keychain" << operationName(m_current->op) << "did not answer within"
                       << m_watchdogMs << "ms; the job is left pending";
    m_stalled = true;
    Request request = std::move(*m_current);
    m_current.reset();
    std::deque<Request> queued;
    queued.swap(m_queue);
    const Result timedOut{Status::TimedOut, QByteArray(),
                          QStringLiteral("The keychain did not answer in time"), false};
    Q_EMIT stalledChanged(true);
    request.callback(timedOut);
    for (Request &r : queued)
        r.callback(timedOut);
}

void KeychainSecretStore::answerLater(Callback callback, const Result &result)
{
    QTimer::singleShot(0, this, [callback = std::move(callback), result] { callback(result); });
}
