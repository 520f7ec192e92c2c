#pragma once

#include "AccountConfig.h"
#include "SessionMachine.h"

#include <functional>
#include <QObject>

class AccountRegistry;
class CredentialStore;

// The keychain half of one account's shell: which store holds its secrets (the keychain, or
// memory for a sign-in "for this session only"), the client secret kept in memory for refreshes
// and revocations, and the effects that read or write secrets. Every answer comes back to the
// machine as an event through `dispatch`, and only while this object lives (the store answers
// only while m_context does: no guards of our own).
//
// Sign-out erases are owed in the registry until the keychain confirms them, so a quit in
// between is finished by the next start() (audit L4).
class SessionKeychain
{
public:
    using Dispatch = std::function<void(const SessionMachine::Event &)>;

    SessionKeychain(CredentialStore *store, CredentialStore *sessionOnlyStore,
                    AccountRegistry *registry, Dispatch dispatch);
    ~SessionKeychain();

    // Finishes an erase an earlier run owed, then load().
    void start(const AccountConfig &config);
    // Tokens, the stored-password marker, the journal and (confidential clients) the secret.
    void load(const AccountConfig &config);
    void reread(const AccountConfig &config);
    void persist(const AccountConfig &config, const TokenSet &tokens, quint64 generation);
    void dropTokens(const AccountConfig &config);
    void eraseAll(const AccountConfig &config); // the client secret stays until forgetSecret()
    void erasePassword(const AccountConfig &config);
    // After an interactive sign-in: the client secret always, the password only if `keep`.
    void saveCredentials(const AccountConfig &config, Credentials credentials, bool keepPassword);
    // The stored password for a silent re-sign-in (S-15b), with the client secret filled in.
    void loadForSilentSignIn(const AccountConfig &config,
                             std::function<void(StorageStatus, Credentials)> done);

    void useSessionOnly() { m_sessionOnly = true; }
    bool sessionOnly() const { return m_sessionOnly; }
    QByteArray clientSecret() const { return m_clientSecret; }
    void forgetSecret();

private:
    CredentialStore *active() const;

    CredentialStore *m_store;
    CredentialStore *m_sessionOnlyStore;
    AccountRegistry *m_registry;
    Dispatch m_dispatch;
    bool m_sessionOnly = false;
    QByteArray m_clientSecret;
    // The lifetime every keychain answer for this session is tied to (StoreCall::guarded).
    QObject m_context;
};
