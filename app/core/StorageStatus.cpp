#include "StorageStatus.h"

#include <QCoreApplication>

QString storageStatusId(StorageStatus s)
{
    switch (s) {
    case StorageStatus::Ok:
        return QStringLiteral("ok");
    case StorageStatus::NotPersisted:
        return QStringLiteral("not_persisted");
    case StorageStatus::Locked:
        return QStringLiteral("locked");
    case StorageStatus::Denied:
        return QStringLiteral("denied");
    case StorageStatus::Unavailable:
        return QStringLiteral("unavailable");
    case StorageStatus::Pending:
        return QStringLiteral("pending");
    case StorageStatus::Unreadable:
        return QStringLiteral("unreadable");
    case StorageStatus::SessionOnly:
        return QStringLiteral("session_only");
    }
    return QStringLiteral("unknown");
}

QString storageStatusText(StorageStatus s)
{
    switch (s) {
    case StorageStatus::Ok:
        return QCoreApplication::translate("StorageStatus", "Saved in the system keychain");
    case StorageStatus::NotPersisted:
        return QCoreApplication::translate(
                "StorageStatus",
                "Not saved: unlock your keyring, or you will need to sign in after a restart");
    case StorageStatus::Locked:
        return QCoreApplication::translate("StorageStatus",
                                           "Keyring locked: unlock it to restore the session");
    case StorageStatus::Denied:
        return QCoreApplication::translate("StorageStatus", "Access to the keyring was denied");
    case StorageStatus::Unavailable:
        return QCoreApplication::translate(
                "StorageStatus",
                "Secure storage unavailable: tokens are kept for this session only");
    case StorageStatus::Pending:
        return QCoreApplication::translate("StorageStatus", "Waiting for the keyring to answer…");
    case StorageStatus::Unreadable:
        return QCoreApplication::translate("StorageStatus",
                                           "Stored tokens could not be read; sign in again");
    case StorageStatus::SessionOnly:
        return QCoreApplication::translate("StorageStatus", "This session only (not saved)");
    }
    return QString();
}
