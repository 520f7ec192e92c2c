#pragma once

#include "AccountConfig.h"

#include <QList>
#include <QObject>
#include <QString>

class AccountRegistry;
class SecretStore;

// `tokenkeeper --forget-all` (uninstall, a lost laptop's backup, starting over): removes every
// secret Tokenkeeper stored — each account's token blob (also under an older identity's key the
// marker remembers), its opt-in password and its client secret — and then the account itself,
// and reports each item. It changes nothing at the servers: the grants stay valid until they
// expire (revoke first to end them there).
//
// Nothing is lost by mistake: an item the registry says is stored but the keychain does not
// return (libsecret answers "not found" for a locked collection too) is a failure, not
// "absent"; an account keeps its registry row until all of its items are gone, so running it
// again after unlocking finishes the job.
class ForgetAll : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Removed, Absent, Failed };
    struct Item
    {
        QString accountId;
        QString accountName; // the display name, or the host when it has none
        QString what; // "tokens", "password", "client secret"
        Outcome outcome = Outcome::Absent;
        QString detail; // why it failed (English, for the terminal); never a secret
    };

    ForgetAll(SecretStore *secrets, AccountRegistry *registry, QObject *parent = nullptr);
    void start(); // answers with finished(), always later from the event loop
    QList<Item> items() const { return m_items; }
    int failures() const;
    int accountsRemoved() const { return m_accountsRemoved; }

Q_SIGNALS:
    void finished();

private:
    struct Step
    {
        AccountConfig account;
        QString key;
        QString what;
        bool expected = false; // the registry says it is stored
    };
    void next();
    void finishAccount(const AccountConfig &account);

    SecretStore *m_secrets;
    AccountRegistry *m_registry;
    QList<Step> m_steps;
    QList<Item> m_items;
    int m_accountsRemoved = 0;
};
