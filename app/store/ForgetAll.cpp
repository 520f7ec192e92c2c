#include "ForgetAll.h"

#include "AccountRegistry.h"
#include "CredentialStore.h"
#include "SecretStore.h"

#include <QMetaObject>

ForgetAll::ForgetAll(SecretStore *secrets, AccountRegistry *registry, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_registry(registry)
{ }

void ForgetAll::start()
{
    m_steps.clear();
    m_items.clear();
    m_accountsRemoved = 0;
    for (const AccountConfig &a : m_registry->accounts()) {
        const AccountRegistry::Marker marker = m_registry->marker(a.id);
        const QString tokens = CredentialStore::tokensKey(a);
        m_steps.append({a, tokens, QStringLiteral("tokens"), marker.stored});
        // An identity change can leave the blob under the key it was written with.
        if (!marker.storageKey.isEmpty() && marker.storageKey != tokens)
            m_steps.append({a, marker.storageKey, QStringLiteral("tokens"), marker.stored});
        m_steps.append({a, CredentialStore::passwordKey(a), QStringLiteral("password"),
                        m_registry->passwordStored(a.id)});
        m_steps.append({a, CredentialStore::clientSecretKey(a), QStringLiteral("client secret"),
                        a.hasClientSecret});
    }
    QMetaObject::invokeMethod(this, &ForgetAll::next, Qt::QueuedConnection);
}

int ForgetAll::failures() const
{
    int n = 0;
    for (const Item &i : m_items)
        n += i.outcome == Outcome::Failed;
    return n;
}

void ForgetAll::next()
{
    if (m_steps.isEmpty()) {
        m_registry->sync();
        Q_EMIT finished();
        return;
    }
    const Step step = m_steps.takeFirst();
    Item item;
    item.accountId = step.account.id;
    item.accountName = step.account.displayName.isEmpty() ? step.account.hostLabel()
                                                          : step.account.displayName;
    item.what = step.what;
    // Read first: "removed" is said only of what was there, and a stored item that does not
    // come back (locked) is not taken for absent.
    m_secrets->read(step.key, this, [this, step, item](const SecretStore::Result &found) mutable {
        if (found.status == SecretStore::Status::NotFound) {
            item.outcome = step.expected ? Outcome::Failed : Outcome::Absent;
            if (step.expected)
                item.detail = QStringLiteral("stored but not found: is the keyring locked?");
            m_items.append(item);
            finishAccount(step.account);
            return;
        }
        if (!found.ok()) {
            item.outcome = Outcome::Failed;
            item.detail = SecretStore::statusName(found.status);
            m_items.append(item);
            finishAccount(step.account);
            return;
        }
        m_secrets->remove(step.key, this, [this, step, item](const SecretStore::Result &r) mutable {
            item.outcome = r.ok() || r.status == SecretStore::Status::NotFound ? Outcome::Removed
                                                                               : Outcome::Failed;
            if (item.outcome == Outcome::Failed)
                item.detail = SecretStore::statusName(r.status);
            m_items.append(item);
            finishAccount(step.account);
        });
    });
}

// After the account's last item: its registry row goes only if nothing of it failed.
void ForgetAll::finishAccount(const AccountConfig &account)
{
    const bool more = !m_steps.isEmpty() && m_steps.first().account.id == account.id;
    if (!more) {
        bool failed = false;
        for (const Item &i : std::as_const(m_items))
            failed |= i.accountId == account.id && i.outcome == Outcome::Failed;
        if (!failed) {
            m_registry->remove(account.id);
            ++m_accountsRemoved;
        }
    }
    next();
}
