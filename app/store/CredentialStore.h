#pragma once

#include "AccountConfig.h"
#include "SecretStore.h"
#include "StorageStatus.h"
#include "TokenSet.h"

#include <functional>
#include <QObject>

class AccountRegistry;

// Reads and writes one account's secrets: a single versioned JSON blob with the token set
// (S-17), and separate items for the opt-in password and the client secret. Turns keychain
// answers plus the registry marker into a StorageStatus: "not found" while the marker
// says stored means locked/unavailable, never "signed out". Never deletes anything on error.
// Every answer goes to `done` only while `context` lives (and never after the store is gone),
// so callers need no liveness guards; multi-item operations run as a StoreCall::Sequence.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    CredentialStore(SecretStore *secrets, AccountRegistry *registry, QObject *parent = nullptr);

    struct LoadResult
    {
        StorageStatus status = StorageStatus::Ok;
        bool found = false; // tokens present (status Ok)
        TokenSet tokens;
        quint64 generation = 0;
        QString message; // a diagnostic for the log (English); the person reads ErrorText
    };
    void loadTokens(const AccountConfig &config, const QObject *context,
                    std::function<void(const LoadResult &)> done);
    // Writes the blob with `generation`; on success updates the marker. On failure the status
    // says why (the caller keeps the tokens in memory and retries: NotPersisted).
    void saveTokens(const AccountConfig &config, const TokenSet &tokens, quint64 generation,
                    const QObject *context,
                    std::function<void(StorageStatus, const QString &message)> done);
    // Deletes tokens, stored password and client secret, and clears the marker.
    void eraseAll(const AccountConfig &config, const QObject *context,
                  std::function<void(StorageStatus)> done);
    // Deletes only the token blob and its marker (the grant is dead, I-1); the stored password
    // and client secret stay for a silent or prefilled sign-in.
    void eraseTokens(const AccountConfig &config, const QObject *context,
                     std::function<void(StorageStatus)> done);

    void loadCredentials(const AccountConfig &config, const QObject *context,
                         std::function<void(StorageStatus, const Credentials &)> done);
    // Stores the password only if config.rememberCredentials; the client secret if present.
    void saveCredentials(const AccountConfig &config, const Credentials &credentials,
                         const QObject *context, std::function<void(StorageStatus)> done);
    void erasePassword(const AccountConfig &config, const QObject *context,
                       std::function<void(StorageStatus)> done);

    AccountRegistry *registry() const { return m_registry; }
    SecretStore *secrets() const { return m_secrets; }

    // Item keys in the secret store (all include the identity, M-61).
    static QString tokensKey(const AccountConfig &config);
    static QString passwordKey(const AccountConfig &config);
    static QString clientSecretKey(const AccountConfig &config);
    // A secret-store answer to a read as a StorageStatus, ignoring markers (NotFound -> Ok).
    static StorageStatus readStatus(const SecretStore::Result &result);
    // A failed write: the tokens exist only in memory, and why (R-09, M-44, M-51).
    static StorageStatus writeStatus(SecretStore::Status status);

private:
    SecretStore *m_secrets;
    AccountRegistry *m_registry;
};
