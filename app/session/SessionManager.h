#pragma once

#include "AccountConfig.h"
#include "AuthError.h"

#include <functional>
#include <memory>
#include <QList>
#include <QObject>
#include <QUrl>

class AccountRegistry;
class AccountSession;
class Clock;
class CredentialStore;
class DeadlineScheduler;
class HttpClient;
class QNetworkAccessManager;
class SessionImpl;
class SystemEvents;

// Owns every account's session and the one scheduler for all their deadlines. Created by the
// composition root (ui/DesktopShell) and by tests with a ManualClock and a fake server.
class SessionManager : public QObject
{
    Q_OBJECT
public:
    struct Deps
    {
        QNetworkAccessManager *nam = nullptr;
        const Clock *clock = nullptr;
        CredentialStore *store = nullptr; // keychain-backed (or memory in tests)
        CredentialStore *sessionOnlyStore = nullptr; // memory: used when the person opts out
        AccountRegistry *registry = nullptr;
        SystemEvents *events = nullptr; // resume / clock jump / network (optional)
    };

    explicit SessionManager(const Deps &deps, QObject *parent = nullptr);
    ~SessionManager() override;

    // Loads the registry and starts a session per stored account (reads the keychain).
    void start();

    QList<AccountSession *> sessions() const;
    AccountSession *session(const QString &accountId) const;

    // Adds (and persists) a new account in SignedOut. Returns it; an id is assigned if empty,
    // a name if empty ("alice@host", or the host for an account without a user name; with
    // " (2)", " (3)"… when that one is taken).
    // Refused (nullptr) when another account signs in as the same user with the same client at
    // the same server (accountSigningInAs): the two would share one keychain item, and
    // removing either would end the other's grant.
    AccountSession *addAccount(AccountConfig config);
    // Updates non-identity settings in place; an identity change (server, client id, user,
    // dialect) revokes and wipes the old grant first (M-61). Returns the (possibly new) session;
    // nullptr, with the account untouched, when the new identity is another account's.
    AccountSession *updateAccount(const AccountConfig &config);
    // The other account (not config.id) that signs in as config's user with its client at its
    // server, if any. Accounts without a user name never clash: each keeps its own items.
    AccountSession *accountSigningInAs(const AccountConfig &config) const;
    // The other account (not exceptId) called displayName, if any: names are how people and
    // `tokenctl` address accounts, so a new account's default name is never taken.
    AccountSession *accountNamed(const QString &displayName, const QString &exceptId = {}) const;
    // `base` if no other account (not exceptId) is called so, else "base (2)", "base (3)"…
    QString freeName(const QString &base, const QString &exceptId = {}) const;
    // Revokes (best effort), wipes secrets and forgets the account.
    void removeAccount(const QString &accountId);

    // RFC 8414 / OIDC discovery for the generic dialect: fills token/revocation/introspection
    // endpoints of `config` from its serverUrl (the issuer), validating the issuer.
    void discover(const AccountConfig &config,
                  std::function<void(const AccountConfig &resolved, const AuthError &error)> done);

    // Re-evaluates every deadline now (tests that advance a ManualClock).
    void reevaluate();
    // The same after a resume or a clock jump, each account after its own 0-2 s jitter.
    void reevaluateStaggered();
    static constexpr int kResumeJitterMs = 2000;
    // The keychain answers again (it was stalled or locked): every account reads it again.
    void retryStorageEverywhere();
    DeadlineScheduler *scheduler() const;
    HttpClient *httpClient() const;

Q_SIGNALS:
    void accountAdded(AccountSession *session);
    void accountRemoved(const QString &accountId);
    void sessionChanged(AccountSession *session);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
