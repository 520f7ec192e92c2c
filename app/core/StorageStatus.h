#pragma once

#include <QString>

// Where an account's secrets stand with the OS keychain (orthogonal to the session state).
enum class StorageStatus {
    Ok, // keychain holds what memory holds
    NotPersisted, // newer tokens exist only in memory; a write is being retried (I-2, M-44)
    Locked, // keyring locked (or "not found" while the marker says stored: R-09, M-46)
    Denied, // access denied by the user or the system (M-49)
    Unavailable, // no Secret Service / KWallet / D-Bus (M-45, M-48)
    Pending, // a keychain job did not answer within the watchdog (M-47)
    Unreadable, // corrupt or unknown-version blob (M-50)
    SessionOnly, // the person chose to keep tokens in memory only
};

QString storageStatusId(StorageStatus s); // "ok", "not_persisted", ...
// The sentence for the person is ui/ErrorText::storage().
// True when the stored data is believed intact but cannot be reached right now.
inline bool storageIsBlocked(StorageStatus s)
{
    return s == StorageStatus::Locked || s == StorageStatus::Denied
            || s == StorageStatus::Unavailable || s == StorageStatus::Pending;
}
