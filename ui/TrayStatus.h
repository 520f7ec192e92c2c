#pragma once

#include "SessionTypes.h"

#include <QList>

// The one condition the tray icon shows. Ordered from least to most urgent so that the worst
// account wins; SignedOut only shows when no account is signed in at all (a deliberately
// signed-out account is not a problem to warn about while others work).
enum class TrayStatus {
    SignedOut,
    Ok,
    Refreshing,
    ExpiringSoon, // a known refresh-token end (Venafi refresh_until) is near
    Offline, // offline or retrying after a transient failure
    SignInNeeded, // ReauthRequired or ConfigError: a person must act
    StorageProblem, // keychain locked / unavailable / not saved: affects every account
};

namespace TrayStatusRules {
constexpr qint64 kExpiringSoonMs = 3LL * 24 * 3600 * 1000;
// "Ends soon" once the grant's last fifth (at most 3 days) has begun, as the engine's warning
// does. `grantLengthMs` is how long the grant was known to run (0: unknown, then 3 days).
TrayStatus forAccount(const AccountSnapshot &snapshot, qint64 nowMs, qint64 grantLengthMs = 0);
TrayStatus worst(const QList<AccountSnapshot> &snapshots, qint64 nowMs);
QString iconName(TrayStatus status); // "tray-ok", ... (file names in resources/icons)
QString text(TrayStatus status); // "All accounts signed in", ... (translated)
} // namespace TrayStatusRules
