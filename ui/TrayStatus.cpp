#include "TrayStatus.h"

#include <QCoreApplication>

namespace TrayStatusRules {

static TrayStatus forState(const AccountSnapshot &s, qint64 nowMs, qint64 grantLengthMs)
{
    switch (s.state) {
    case SessionState::SignedOut:
        return TrayStatus::SignedOut;
    case SessionState::SigningIn:
    case SessionState::Refreshing:
    case SessionState::Revoking:
        return TrayStatus::Refreshing;
    case SessionState::Active:
        if (s.refreshUntilMs > 0
            && s.refreshUntilMs - nowMs < (grantLengthMs > 0
                                                   ? qMin(kExpiringSoonMs, grantLengthMs / 5)
                                                   : kExpiringSoonMs))
            return TrayStatus::ExpiringSoon;
        return TrayStatus::Ok;
    case SessionState::Backoff:
    case SessionState::Offline:
        return TrayStatus::Offline;
    case SessionState::ReauthRequired:
    case SessionState::ConfigError:
        return TrayStatus::SignInNeeded;
    }
    return TrayStatus::Ok;
}

TrayStatus forAccount(const AccountSnapshot &snapshot, qint64 nowMs, qint64 grantLengthMs)
{
    const StorageStatus st = snapshot.storage;
    const bool storageProblem = storageIsBlocked(st) || st == StorageStatus::NotPersisted
            || st == StorageStatus::Unreadable;
    return storageProblem ? TrayStatus::StorageProblem : forState(snapshot, nowMs, grantLengthMs);
}

TrayStatus worst(const QList<AccountSnapshot> &snapshots, qint64 nowMs)
{
    TrayStatus result = TrayStatus::SignedOut;
    for (const AccountSnapshot &s : snapshots)
        result = qMax(result, forAccount(s, nowMs));
    return result;
}

QString iconName(TrayStatus status)
{
    switch (status) {
    case TrayStatus::SignedOut:
        return QStringLiteral("tray-signedout");
    case TrayStatus::Ok:
        return QStringLiteral("tray-ok");
    case TrayStatus::Refreshing:
        return QStringLiteral("tray-refreshing");
    case TrayStatus::ExpiringSoon:
        return QStringLiteral("tray-expiring");
    case TrayStatus::Offline:
        return QStringLiteral("tray-offline");
    case TrayStatus::SignInNeeded:
        return QStringLiteral("tray-reauth");
    case TrayStatus::StorageProblem:
        return QStringLiteral("tray-storage");
    }
    return QStringLiteral("tray-ok");
}

QString text(TrayStatus status)
{
    switch (status) {
    case TrayStatus::SignedOut:
        return QCoreApplication::translate("TrayStatus", "Not signed in");
    case TrayStatus::Ok:
        return QCoreApplication::translate("TrayStatus", "All accounts signed in");
    case TrayStatus::Refreshing:
        return QCoreApplication::translate("TrayStatus", "Renewing tokens");
    case TrayStatus::ExpiringSoon:
        return QCoreApplication::translate("TrayStatus", "A sign-in ends soon");
    case TrayStatus::Offline:
        return QCoreApplication::translate("TrayStatus", "Offline or retrying");
    case TrayStatus::SignInNeeded:
        return QCoreApplication::translate("TrayStatus", "Sign-in needed");
    case TrayStatus::StorageProblem:
        return QCoreApplication::translate("TrayStatus", "Keychain problem");
    }
    return QString();
}

} // namespace TrayStatusRules
