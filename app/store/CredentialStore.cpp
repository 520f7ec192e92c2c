#include "CredentialStore.h"

#include "AccountRegistry.h"
#include "FaultPoint.h"
#include "Logging.h"
#include "TokenBlob.h"

#include "StoreSequence.h"

#include <QPointer>

using StoreCall::firstFailure;
using StoreCall::guarded;
using Next = StoreCall::Sequence::Next;

CredentialStore::CredentialStore(SecretStore *secrets, AccountRegistry *registry, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_registry(registry)
{ }

QString CredentialStore::tokensKey(const AccountConfig &config)
{
    return QStringLiteral("tokens:") + config.storageKey();
}

QString CredentialStore::passwordKey(const AccountConfig &config)
{
    return QStringLiteral("password:") + config.storageKey();
}

QString CredentialStore::clientSecretKey(const AccountConfig &config)
{
    return QStringLiteral("client-secret:") + config.storageKey();
}

StorageStatus CredentialStore::readStatus(const SecretStore::Result &result)
{
    switch (result.status) {
    case SecretStore::Status::Ok:
    case SecretStore::Status::NotFound:
        return StorageStatus::Ok;
    case SecretStore::Status::Locked:
        return StorageStatus::Locked;
    case SecretStore::Status::Denied:
        return StorageStatus::Denied;
    case SecretStore::Status::TimedOut:
        return StorageStatus::Pending;
    case SecretStore::Status::Unavailable:
    case SecretStore::Status::TooLarge:
        return StorageStatus::Unavailable;
    case SecretStore::Status::Other:
        // an unexplained failure means "cannot reach it now", never "nothing stored".
        return result.corrupt ? StorageStatus::Unreadable : StorageStatus::Unavailable;
    }
    return StorageStatus::Unavailable;
}

StorageStatus CredentialStore::writeStatus(SecretStore::Status status)
{
    switch (status) {
    case SecretStore::Status::Ok:
        return StorageStatus::Ok;
    case SecretStore::Status::Locked:
        return StorageStatus::Locked;
    case SecretStore::Status::Denied:
        return StorageStatus::Denied;
    case SecretStore::Status::Unavailable:
        return StorageStatus::Unavailable;
    case SecretStore::Status::TimedOut:
        return StorageStatus::Pending;
    case SecretStore::Status::NotFound:
    case SecretStore::Status::TooLarge:
    case SecretStore::Status::Other:
        return StorageStatus::NotPersisted;
    }
    return StorageStatus::NotPersisted;
}

void CredentialStore::loadTokens(const AccountConfig &config, const QObject *context,
                                 std::function<void(const LoadResult &)> done)
{
    auto reply = guarded(context, std::move(done));
    m_secrets->read(tokensKey(config), this, [this, config, reply](const SecretStore::Result &r) {
        LoadResult out;
        const AccountRegistry::Marker marker = m_registry->marker(config.id);
        // Only a marker written for this very identity counts (M-61: a changed server, client
        // or user is a new key, and "nothing under the new key" really is signed out).
        const bool markerSaysStored = marker.stored && marker.storageKey == config.storageKey();
        if (r.status == SecretStore::Status::NotFound) {
            if (markerSaysStored) {
                // R-09 / M-46 / M-48: libsecret answers a locked keyring with "not found".
                out.status = StorageStatus::Locked;
                out.message = QStringLiteral("not found although stored: keyring locked?");
            }
        } else if (!r.ok()) {
            out.status = readStatus(r);
            out.message = storageStatusId(out.status);
            qCInfo(lcStore) << "loading tokens for" << config.id << "->"
                            << storageStatusId(out.status) << r.message;
        } else {
            TokenBlob blob;
            QString field;
            const TokenBlob::Error error = TokenBlob::decode(r.data, &blob, &field);
            if (error != TokenBlob::Error::None) {
                out.status = StorageStatus::Unreadable;
                out.message = storageStatusId(out.status);
                qCWarning(lcStore) << "stored token blob for" << config.id
                                   << "is unreadable:" << TokenBlob::errorName(error) << field;
            } else if (blob.storageKey != config.storageKey()) {
                out.message = QStringLiteral("written for another identity; ignored");
                qCWarning(lcStore) << "stored token blob for" << config.id
                                   << "was written for another identity; ignored";
            } else {
                out.found = true;
                out.tokens = blob.tokens;
                out.generation = blob.generation;
                if (markerSaysStored && blob.generation < marker.generation)
                    qCWarning(lcStore)
                            << "keychain holds generation" << blob.generation << "but generation"
                            << marker.generation << "was written for" << config.id;
            }
        }
        reply(out);
    });
}

void CredentialStore::saveTokens(const AccountConfig &config, const TokenSet &tokens,
                                 quint64 generation, const QObject *context,
                                 std::function<void(StorageStatus, const QString &)> done)
{
    auto reply = guarded(context, std::move(done));
    const QByteArray blob = TokenBlob::encode(tokens, generation, config.storageKey());
    m_secrets->write(tokensKey(config), blob, this,
                     [this, config, generation, reply](const SecretStore::Result &r) {
                         if (!r.ok()) {
                             // M-44: the marker and the old item stay as they were.
                             const StorageStatus status = writeStatus(r.status);
                             qCWarning(lcStore)
                                     << "saving tokens for" << config.id
                                     << "failed:" << SecretStore::statusName(r.status) << r.message;
                             reply(status, storageStatusId(status));
                             return;
                         }
                         // The blob is the truth; the marker only says one exists. A crash
                         // here leaves a newer blob with an older marker generation, which
                         // loads. So the caller hears "saved" first: the marker's disk sync is
                         // not on the path of callers waiting for a freshly rotated token (I-2).
                         const QPointer<CredentialStore> self(this);
                         reply(StorageStatus::Ok, QString());
                         FaultPoint::hit("store_mid_write");
                         if (self)
                             m_registry->setMarker(config.id,
                                                   AccountRegistry::Marker{true, generation,
                                                                           config.storageKey()});
                     });
}

// One removal as a sequence step; `onRemoved` runs when the item is gone (or was never there).
static StoreCall::Sequence::Step removal(CredentialStore *store, const QString &key,
                                         std::function<void()> onRemoved = {})
{
    return [store, key, onRemoved](StorageStatus, const Next &next) {
        store->secrets()->remove(key, store, [next, onRemoved](const SecretStore::Result &r) {
            const StorageStatus s = CredentialStore::readStatus(r);
            if (s == StorageStatus::Ok && onRemoved)
                onRemoved();
            next(s);
        });
    };
}

void CredentialStore::eraseAll(const AccountConfig &config, const QObject *context,
                               std::function<void(StorageStatus)> done)
{
    AccountRegistry *registry = m_registry;
    const QString id = config.id;
    StoreCall::Sequence()
            // The marker goes only with the item: a failed delete leaves both, consistently.
            .then(removal(this, tokensKey(config), [registry, id] { registry->clearMarker(id); }))
            .then(removal(this, passwordKey(config),
                          [registry, id] { registry->setPasswordStored(id, false); }))
            .then(removal(this, clientSecretKey(config)))
            .run(guarded(context, std::move(done)));
}

void CredentialStore::eraseTokens(const AccountConfig &config, const QObject *context,
                                  std::function<void(StorageStatus)> done)
{
    AccountRegistry *registry = m_registry;
    const QString id = config.id;
    StoreCall::Sequence()
            .then(removal(this, tokensKey(config), [registry, id] { registry->clearMarker(id); }))
            .run(guarded(context, std::move(done)));
}

void CredentialStore::loadCredentials(const AccountConfig &config, const QObject *context,
                                      std::function<void(StorageStatus, const Credentials &)> done)
{
    auto creds = std::make_shared<Credentials>();
    StoreCall::Sequence sequence;
    if (config.rememberCredentials || m_registry->passwordStored(config.id)) {
        sequence.then([this, config, creds](StorageStatus, const Next &next) {
            m_secrets->read(passwordKey(config), this,
                            [this, config, creds, next](const SecretStore::Result &r) {
                                StorageStatus s = readStatus(r);
                                if (r.status == SecretStore::Status::NotFound
                                    && m_registry->passwordStored(config.id))
                                    s = StorageStatus::Locked;
                                if (r.ok())
                                    creds->password = r.data;
                                next(s);
                            });
        });
    }
    if (config.hasClientSecret) {
        sequence.then([this, config, creds](StorageStatus, const Next &next) {
            m_secrets->read(
                    clientSecretKey(config), this, [creds, next](const SecretStore::Result &r) {
                        // hasClientSecret is the marker: "not found" means locked.
                        if (r.ok())
                            creds->clientSecret = r.data;
                        next(r.status == SecretStore::Status::NotFound ? StorageStatus::Locked
                                                                       : readStatus(r));
                    });
        });
    }
    auto reply = guarded(context, std::move(done));
    sequence.run([creds, reply](StorageStatus status) { reply(status, *creds); });
}

void CredentialStore::saveCredentials(const AccountConfig &config, const Credentials &credentials,
                                      const QObject *context,
                                      std::function<void(StorageStatus)> done)
{
    StoreCall::Sequence sequence;
    // S-15b: the password is kept only when the person opted in for this account.
    if (config.rememberCredentials && !credentials.password.isEmpty()) {
        const QString id = config.id;
        const QByteArray password = credentials.password;
        sequence.then([this, config, id, password](StorageStatus, const Next &next) {
            m_secrets->write(passwordKey(config), password, this,
                             [this, id, next](const SecretStore::Result &r) {
                                 if (r.ok())
                                     m_registry->setPasswordStored(id, true);
                                 next(writeStatus(r.status));
                             });
        });
    }
    if (!credentials.clientSecret.isEmpty()) {
        const QByteArray secret = credentials.clientSecret;
        sequence.then([this, config, secret](StorageStatus, const Next &next) {
            m_secrets->write(clientSecretKey(config), secret, this,
                             [next](const SecretStore::Result &r) { next(writeStatus(r.status)); });
        });
    }
    sequence.run(guarded(context, std::move(done)));
}

void CredentialStore::erasePassword(const AccountConfig &config, const QObject *context,
                                    std::function<void(StorageStatus)> done)
{
    AccountRegistry *registry = m_registry;
    const QString id = config.id;
    StoreCall::Sequence()
            .then(removal(this, passwordKey(config),
                          [registry, id] { registry->setPasswordStored(id, false); }))
            .run(guarded(context, std::move(done)));
}
