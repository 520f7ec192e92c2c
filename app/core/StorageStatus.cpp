#include "StorageStatus.h"

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
