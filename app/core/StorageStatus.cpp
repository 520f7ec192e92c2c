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
    auto tr = [](const char *t) { return QCoreApplication::translate("StorageStatus", t); };
    switch (s) {
    case StorageStatus::Ok:
        return tr("Saved in the system keychain");
    case StorageStatus::NotPersisted:
        return tr("Not saved: unlock your keyring, or you will need to sign in after a restart");
    case StorageStatus::Locked:
        return tr("Keyring locked: unlock it to restore the session");
    case StorageStatus::Denied:
        return tr("Access to the keyring was denied");
    case StorageStatus::Unavailable:
        return tr("Secure storage unavailable: tokens are kept for this session only");
    case StorageStatus::Pending:
        return tr("Waiting for the keyring to answer…");
    case StorageStatus::Unreadable:
        return tr("Stored tokens could not be read; sign in again");
    case StorageStatus::SessionOnly:
        return tr("This session only (not saved)");
    }
    return QString();
}
