#include "SessionKeychain.h"

#include "AccountRegistry.h"
#include "CredentialStore.h"
#include "FaultPoint.h"
#include "Logging.h"

using namespace SessionMachine;
using ET = Event::Type;
using Owed = AccountRegistry::EraseOwed;

SessionKeychain::SessionKeychain(CredentialStore *store, CredentialStore *sessionOnlyStore,
                                 AccountRegistry *registry, Dispatch dispatch)
    : m_store(store),
      m_sessionOnlyStore(sessionOnlyStore),
      m_registry(registry),
      m_dispatch(std::move(dispatch))
{ }

SessionKeychain::~SessionKeychain()
{
    *m_alive = false;
    forgetSecret();
}

CredentialStore *SessionKeychain::active() const
{
    return m_sessionOnly && m_sessionOnlyStore ? m_sessionOnlyStore : m_store;
}

void SessionKeychain::forgetSecret()
{
    m_clientSecret.fill('\0');
    m_clientSecret.clear();
}

void SessionKeychain::start(const AccountConfig &config)
{
    if (m_registry->eraseOwed(config.id) == Owed::None) {
        load(config);
        return;
    }
    // An earlier run signed out but quit before the keychain confirmed the erase: finish it
    // before anything is read, so the old grant can never come back as Active.
    qCInfo(lcSession).noquote() << config.id << "finishing an interrupted sign-out";
    const std::weak_ptr<bool> alive = m_alive;
    AccountRegistry *registry = m_registry;
    m_registry->setPasswordStored(config.id, false);
    m_store->eraseAll(config, [this, alive, registry, config](StorageStatus status) {
        if (status == StorageStatus::Ok)
            registry->setEraseOwed(config.id, Owed::None);
        if (!alive.expired())
            load(config);
    });
}

void SessionKeychain::load(const AccountConfig &config)
{
    const std::weak_ptr<bool> alive = m_alive;
    active()->loadTokens(config, [this, alive, config](const CredentialStore::LoadResult &r) {
        if (alive.expired())
            return;
        const AccountRegistry::Journal journal = m_registry->journal(config.id);
        Event e = Event::of(ET::Loaded);
        e.storage = r.status;
        e.found = r.found;
        e.tokens = r.tokens;
        e.generation = r.generation;
        e.passwordStored = m_registry->passwordStored(config.id);
        e.journalInFlight = journal.inFlight;
        e.journalFingerprint = journal.refreshTokenFingerprint;
        if (r.status != StorageStatus::Ok || !config.hasClientSecret) {
            m_dispatch(e);
            return;
        }
        // The client secret is needed for refreshes; the password is not kept in memory.
        active()->loadCredentials(
                config, [this, alive, e](StorageStatus status, const Credentials &credentials) {
                    if (alive.expired())
                        return;
                    Credentials c = credentials;
                    m_clientSecret = c.clientSecret;
                    c.wipe();
                    Event loaded = e;
                    if (loaded.found && loaded.tokens.hasRefreshToken()
                        && (status != StorageStatus::Ok || m_clientSecret.isEmpty())) {
                        // Without its secret a confidential client cannot refresh: say the
                        // keychain is the problem now, not "check the settings" later.
                        loaded.storage =
                                status == StorageStatus::Ok ? StorageStatus::Unreadable : status;
                    }
                    m_dispatch(loaded);
                });
    });
}

void SessionKeychain::reread(const AccountConfig &config)
{
    const std::weak_ptr<bool> alive = m_alive;
    active()->loadTokens(config, [this, alive](const CredentialStore::LoadResult &r) {
        if (alive.expired())
            return;
        Event e = Event::of(ET::Reread);
        e.found = r.found && r.status == StorageStatus::Ok;
        e.tokens = r.tokens;
        m_dispatch(e);
    });
}

void SessionKeychain::persist(const AccountConfig &config, const TokenSet &tokens,
                              quint64 generation)
{
    const std::weak_ptr<bool> alive = m_alive;
    active()->saveTokens(config, tokens, generation,
                         [this, alive, generation](StorageStatus status, const QString &) {
                             if (alive.expired())
                                 return;
                             FaultPoint::hit("after_persist_before_publish");
                             Event e = Event::of(ET::PersistDone);
                             e.generation = generation;
                             e.storage = status;
                             m_dispatch(e);
                         });
}

void SessionKeychain::dropTokens(const AccountConfig &config)
{
    active()->eraseTokens(config, [](StorageStatus) {});
}

void SessionKeychain::eraseAll(const AccountConfig &config)
{
    // Owed until the keychain confirms: a quit or crash in between is finished by the next
    // start. Removal owes the account row too; it goes once the erase is done.
    AccountRegistry *registry = m_registry;
    const QString id = config.id;
    if (registry->eraseOwed(id) == Owed::None)
        registry->setEraseOwed(id, Owed::Secrets);
    registry->setPasswordStored(id, false);
    active()->eraseAll(config, [registry, id](StorageStatus status) {
        if (status != StorageStatus::Ok)
            return; // still owed: the next start tries again
        const Owed owed = registry->eraseOwed(id);
        if (owed == Owed::SecretsAndAccount)
            registry->remove(id);
        else if (owed == Owed::Secrets)
            registry->setEraseOwed(id, Owed::None);
    });
    if (m_sessionOnly && m_store != active())
        m_store->eraseAll(config, [](StorageStatus) {});
    m_sessionOnly = false;
}

void SessionKeychain::erasePassword(const AccountConfig &config)
{
    m_registry->setPasswordStored(config.id, false);
    active()->erasePassword(config, [](StorageStatus) {});
}

void SessionKeychain::saveCredentials(const AccountConfig &config, Credentials credentials,
                                      bool keepPassword)
{
    if (!keepPassword)
        credentials.password.clear();
    if (!credentials.clientSecret.isEmpty())
        m_clientSecret = credentials.clientSecret;
    if (!credentials.isEmpty())
        active()->saveCredentials(config, credentials, [](StorageStatus) {});
    credentials.wipe();
}

void SessionKeychain::loadForSilentSignIn(const AccountConfig &config,
                                          std::function<void(StorageStatus, Credentials)> done)
{
    const std::weak_ptr<bool> alive = m_alive;
    active()->loadCredentials(config,
                              [this, alive, done](StorageStatus status, const Credentials &stored) {
                                  if (alive.expired())
                                      return;
                                  Credentials credentials = stored;
                                  if (credentials.clientSecret.isEmpty())
                                      credentials.clientSecret = m_clientSecret;
                                  done(status, credentials);
                                  credentials.wipe();
                              });
}
