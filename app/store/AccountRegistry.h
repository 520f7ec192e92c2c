#pragma once

#include "AccountConfig.h"

#include <memory>
#include <QList>
#include <QSettings>

// The non-secret account registry in QSettings (S-16): account configuration, the
// "credentials stored" marker with its generation, the refresh journal and the
// last error code. Never a secret: a test scans the file for canaries (M-69).
class AccountRegistry
{
public:
    // Uses the given settings file (tests) or the application's default QSettings.
    explicit AccountRegistry(const QString &settingsPath = QString());
    ~AccountRegistry();

    QList<AccountConfig> accounts() const;
    bool contains(const QString &accountId) const;
    AccountConfig account(const QString &accountId) const;
    void save(const AccountConfig &config); // insert or update
    void remove(const QString &accountId); // the account and all its markers
    // accountId is listed where oldId was (an account replaced by an identity change).
    void takePlaceOf(const QString &accountId, const QString &oldId);

    struct Marker
    {
        bool stored = false; // a token blob was written successfully
        quint64 generation = 0; // generation of the last blob written
        QString storageKey; // the keychain key it was written under
    };
    Marker marker(const QString &accountId) const;
    void setMarker(const QString &accountId, const Marker &marker);
    void clearMarker(const QString &accountId);

    // written before a refresh is sent, cleared when its outcome is known.
    struct Journal
    {
        bool inFlight = false;
        QString refreshTokenFingerprint;
        qint64 startedAtMs = 0;
    };
    Journal journal(const QString &accountId) const;
    void setJournal(const QString &accountId, const Journal &journal);
    void clearJournal(const QString &accountId);

    QString lastErrorCode(const QString &accountId) const;
    void setLastErrorCode(const QString &accountId, const QString &code);
    // Why and when the account's sign-in ended (the grant died), until it is signed in again or
    // signed out: a restart shows "Sign-in needed" with its reason, not "Signed out".
    struct Ended
    {
        QString reason; // empty: not ended
        qint64 atMs = 0;
    };
    Ended signInEnded(const QString &accountId) const;
    void setSignInEnded(const QString &accountId, const Ended &ended);

    bool passwordStored(const QString &accountId) const; // marker for the opt-in password item
    void setPasswordStored(const QString &accountId, bool stored);

    // A sign-out or removal whose keychain erase has not been confirmed yet (audit L4): set
    // before the erase starts, cleared when it finished; a restart finishes what is owed.
    // `remove` also forgets the account once erased.
    enum class EraseOwed { None, Secrets, SecretsAndAccount };
    EraseOwed eraseOwed(const QString &accountId) const;
    void setEraseOwed(const QString &accountId, EraseOwed owed);

    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};
