#include "SessionKeychain.h"

#include "AccountRegistry.h"
#include "CredentialStore.h"
#include "FaultPoint.h"
#include "Logging.h"
#include "StoreSequence.h"

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
    // The registry learns of the erase even if this session is gone by then; the load is ours.
    AccountRegistry *registry = m_registry;
    m_registry->setPasswordStored(config.id, false);
    const auto loadIfAlive =
            StoreCall::guarded(&m_context, std::function<void()>([this, config] { load(config); }));
    m_store->eraseAll(config, m_store, [registry, config, loadIfAlive](StorageStatus status) {
        if (status == StorageStatus::Ok)
            registry->setEraseOwed(config.id, Owed::None);
        loadIfAlive();
    });
}

void SessionKeychain::load(const AccountConfig &config)
{
    active()->loadTokens(config, &m_context, [this, config](const CredentialStore::LoadResult &r) {
        const AccountRegistry::Journal journal = m_registry->journal(config.id);
        Event e = Event::of(ET::Loaded);
        e.storage = r.status;
        e.found = r.found;
        e.tokens = r.tokens;
        e.generation = r.generation;
        e.passwordStored = m_registry->passwordStored(config.id);
        e.journalInFlight = journal.inFlight;
        e.journalFingerprint = journal.refreshTokenFingerprint;
        const AccountRegistry::Ended ended = m_registry->signInEnded(config.id);
        e.endedReason = ended.reason;
        e.endedAtMs = ended.atMs;
        if (r.status != StorageStatus::Ok || !config.hasClientSecret) {
            m_dispatch(e);
            return;
        }
        // The client secret is needed for refreshes; the password is not kept in memory.
        active()->loadCredentials(
                config, &m_context,
                [this, e](StorageStatus status, const Credentials &credentials) {
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
    active()->loadTokens(config, &m_context, [this](const CredentialStore::LoadResult &r) {
        Event e = Event::of(ET::Reread);
        e.found = r.found && r.status == StorageStatus::Ok;
        e.tokens = r.tokens;
        m_dispatch(e);
    });
}

void SessionKeychain::persist(const AccountConfig &config, const TokenSet &tokens,
                              quint64 generation)
{
    active()->saveTokens(config, tokens, generation, &m_context,
                         [this, generation](StorageStatus status, const QString &) {
                             FaultPoint::hit("after_persist_before_publish");
                             Event e = Event::of(ET::PersistDone);
                             e.generation = generation;
                             e.storage = status;
                             m_dispatch(e);
                         });
}

void SessionKeychain::dropTokens(const AccountConfig &config)
{
    active()->eraseTokens(config, active(), [](StorageStatus) {});
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
    // The store is the context: the registry is settled even after this session is gone.
    active()->eraseAll(config, active(), [registry, id](StorageStatus status) {
        if (status != StorageStatus::Ok)
            return; // still owed: the next start tries again
        const Owed owed = registry->eraseOwed(id);
        if (owed == Owed::SecretsAndAccount)
            registry->remove(id);
        else if (owed == Owed::Secrets)
            registry->setEraseOwed(id, Owed::None);
    });
    if (m_sessionOnly && m_store != active())
        m_store->eraseAll(config, m_store, [](StorageStatus) {});
    m_sessionOnly = false;
}

void SessionKeychain::erasePassword(const AccountConfig &config)
{
    m_registry->setPasswordStored(config.id, false);
    active()->erasePassword(config, active(), [](StorageStatus) {});
}

void SessionKeychain::saveCredentials(const AccountConfig &config, Credentials credentials,
                                      bool keepPassword)
{
    if (!keepPassword)
        credentials.password.clear();
    if (!credentials.clientSecret.isEmpty())
        m_clientSecret = credentials.clientSecret;
    if (!credentials.isEmpty())
        active()->saveCredentials(config, credentials, active(), [](StorageStatus) {});
    credentials.wipe();
}

void SessionKeychain::loadForSilentSignIn(const AccountConfig &config,
                                          std::function<void(StorageStatus, Credentials)> done)
{
    active()->loadCredentials(config, &m_context,
                              [this, done](StorageStatus status, const Credentials &stored) {
                                  Credentials credentials = stored;
                                  if (credentials.clientSecret.isEmpty())
                                      credentials.clientSecret = m_clientSecret;
                                  done(status, credentials);
                                  credentials.wipe();
                              });
}
