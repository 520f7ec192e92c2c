#include "CredentialStore.h"

#include "AccountRegistry.h"
#include "FaultPoint.h"
#include "Logging.h"
#include "TokenBlob.h"

#include <QPointer>

namespace {
// The worse of two outcomes of a multi-item operation: the first failure wins.
StorageStatus firstFailure(StorageStatus a, StorageStatus b)
{
    return a != StorageStatus::Ok ? a : b;
}
} // namespace

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

void CredentialStore::loadTokens(const AccountConfig &config,
                                 std::function<void(const LoadResult &)> done)
{
    QPointer<CredentialStore> self(this);
    m_secrets->read(tokensKey(config), [self, config, done](const SecretStore::Result &r) {
        if (!self)
            return;
        LoadResult out;
        const AccountRegistry::Marker marker = self->m_registry->marker(config.id);
        // Only a marker written for this very identity counts (M-61: a changed server, client
        // or user is a new key, and "nothing under the new key" really is signed out).
        const bool markerSaysStored = marker.stored && marker.storageKey == config.storageKey();
        if (r.status == SecretStore::Status::NotFound) {
            if (markerSaysStored) {
                // R-09 / M-46 / M-48: libsecret answers a locked keyring with "not found".
                out.status = StorageStatus::Locked;
                out.message = tr("Stored credentials not found in the current keyring; unlock "
                                 "it and retry");
            }
        } else if (!r.ok()) {
            out.status = readStatus(r);
            out.message = storageStatusText(out.status);
            qCInfo(lcStore) << "loading tokens for" << config.id << "->"
                            << storageStatusId(out.status) << r.message;
        } else {
            TokenBlob blob;
            QString field;
            const TokenBlob::Error error = TokenBlob::decode(r.data, &blob, &field);
            if (error != TokenBlob::Error::None) {
                out.status = StorageStatus::Unreadable;
                out.message = storageStatusText(out.status);
                qCWarning(lcStore) << "stored token blob for" << config.id
                                   << "is unreadable:" << TokenBlob::errorName(error) << field;
            } else if (blob.storageKey != config.storageKey()) {
                out.message = tr("Stored tokens belong to other account settings; ignored");
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
        done(out);
    });
}

void CredentialStore::saveTokens(const AccountConfig &config, const TokenSet &tokens,
                                 quint64 generation,
                                 std::function<void(StorageStatus, const QString &)> done)
{
    QPointer<CredentialStore> self(this);
    const QByteArray blob = TokenBlob::encode(tokens, generation, config.storageKey());
    m_secrets->write(
            tokensKey(config), blob,
            [self, config, generation, done](const SecretStore::Result &r) {
                if (!self)
                    return;
                if (!r.ok()) {
                    // M-44: the marker and the old item stay as they were.
                    const StorageStatus status = writeStatus(r.status);
                    qCWarning(lcStore)
                            << "saving tokens for" << config.id
                            << "failed:" << SecretStore::statusName(r.status) << r.message;
                    done(status, storageStatusText(status));
                    return;
                }
                // The blob is the truth; the marker only says one exists. A crash here
                // leaves a newer blob with an older marker generation, which loads. So
                // the caller hears "saved" first: the marker's disk sync is not on the
                // path of callers waiting for a freshly rotated token (I-2).
                done(StorageStatus::Ok, QString());
                FaultPoint::hit("store_mid_write");
                if (self)
                    self->m_registry->setMarker(
                            config.id,
                            AccountRegistry::Marker{true, generation, config.storageKey()});
            });
}

void CredentialStore::eraseAll(const AccountConfig &config, std::function<void(StorageStatus)> done)
{
    QPointer<CredentialStore> self(this);
    const QString id = config.id;
    auto removeClientSecret = [self, config, done](StorageStatus soFar) {
        self->m_secrets->remove(clientSecretKey(config),
                                [self, soFar, done](const SecretStore::Result &r) {
                                    if (self)
                                        done(firstFailure(soFar, readStatus(r)));
                                });
    };
    auto removePassword = [self, config, id, removeClientSecret](StorageStatus soFar) {
        self->m_secrets->remove(
                passwordKey(config),
                [self, id, soFar, removeClientSecret](const SecretStore::Result &r) {
                    if (!self)
                        return;
                    const StorageStatus s = readStatus(r);
                    if (s == StorageStatus::Ok)
                        self->m_registry->setPasswordStored(id, false);
                    removeClientSecret(firstFailure(soFar, s));
                });
    };
    m_secrets->remove(tokensKey(config), [self, id, removePassword](const SecretStore::Result &r) {
        if (!self)
            return;
        const StorageStatus s = readStatus(r);
        // The marker goes only with the item: a failed delete leaves both, consistently.
        if (s == StorageStatus::Ok)
            self->m_registry->clearMarker(id);
        removePassword(s);
    });
}

void CredentialStore::eraseTokens(const AccountConfig &config,
                                  std::function<void(StorageStatus)> done)
{
    QPointer<CredentialStore> self(this);
    const QString id = config.id;
    m_secrets->remove(tokensKey(config), [self, id, done](const SecretStore::Result &r) {
        if (!self)
            return;
        const StorageStatus s = readStatus(r);
        if (s == StorageStatus::Ok)
            self->m_registry->clearMarker(id);
        done(s);
    });
}

void CredentialStore::loadCredentials(const AccountConfig &config,
                                      std::function<void(StorageStatus, const Credentials &)> done)
{
    QPointer<CredentialStore> self(this);
    const bool wantPassword = config.rememberCredentials || m_registry->passwordStored(config.id);
    auto readSecret = [self, config, done](StorageStatus soFar, Credentials creds) {
        if (!config.hasClientSecret) {
            done(soFar, creds);
            return;
        }
        self->m_secrets->read(clientSecretKey(config),
                              [self, soFar, creds, done](const SecretStore::Result &r) mutable {
                                  if (!self)
                                      return;
                                  // hasClientSecret is the marker: "not found" means locked.
                                  StorageStatus s = r.status == SecretStore::Status::NotFound
                                          ? StorageStatus::Locked
                                          : readStatus(r);
                                  if (r.ok())
                                      creds.clientSecret = r.data;
                                  done(firstFailure(soFar, s), creds);
                              });
    };
    if (!wantPassword) {
        readSecret(StorageStatus::Ok, Credentials());
        return;
    }
    m_secrets->read(passwordKey(config), [self, config, readSecret](const SecretStore::Result &r) {
        if (!self)
            return;
        Credentials creds;
        StorageStatus s = readStatus(r);
        if (r.status == SecretStore::Status::NotFound
            && self->m_registry->passwordStored(config.id))
            s = StorageStatus::Locked;
        if (r.ok())
            creds.password = r.data;
        readSecret(s, creds);
    });
}

void CredentialStore::saveCredentials(const AccountConfig &config, const Credentials &credentials,
                                      std::function<void(StorageStatus)> done)
{
    QPointer<CredentialStore> self(this);
    const QByteArray clientSecret = credentials.clientSecret;
    auto writeSecret = [self, config, clientSecret, done](StorageStatus soFar) {
        if (clientSecret.isEmpty()) {
            done(soFar);
            return;
        }
        self->m_secrets->write(clientSecretKey(config), clientSecret,
                               [self, soFar, done](const SecretStore::Result &r) {
                                   if (self)
                                       done(firstFailure(soFar, writeStatus(r.status)));
                               });
    };
    // S-15b: the password is kept only when the person opted in for this account.
    if (!config.rememberCredentials || credentials.password.isEmpty()) {
        writeSecret(StorageStatus::Ok);
        return;
    }
    const QString id = config.id;
    m_secrets->write(passwordKey(config), credentials.password,
                     [self, id, writeSecret](const SecretStore::Result &r) {
                         if (!self)
                             return;
                         if (r.ok())
                             self->m_registry->setPasswordStored(id, true);
                         writeSecret(writeStatus(r.status));
                     });
}

void CredentialStore::erasePassword(const AccountConfig &config,
                                    std::function<void(StorageStatus)> done)
{
    QPointer<CredentialStore> self(this);
    const QString id = config.id;
    m_secrets->remove(passwordKey(config), [self, id, done](const SecretStore::Result &r) {
        if (!self)
            return;
        const StorageStatus s = readStatus(r);
        if (s == StorageStatus::Ok)
            self->m_registry->setPasswordStored(id, false);
        done(s);
    });
}
