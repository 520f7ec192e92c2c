#include "SessionTypes.h"

#include <QCoreApplication>

QString sessionStateId(SessionState s)
{
    switch (s) {
    case SessionState::SignedOut:
        return QStringLiteral("signed_out");
    case SessionState::SigningIn:
        return QStringLiteral("signing_in");
    case SessionState::Active:
        return QStringLiteral("active");
    case SessionState::Refreshing:
        return QStringLiteral("refreshing");
    case SessionState::Backoff:
        return QStringLiteral("backoff");
    case SessionState::Offline:
        return QStringLiteral("offline");
    case SessionState::ReauthRequired:
        return QStringLiteral("reauth_required");
    case SessionState::Revoking:
        return QStringLiteral("revoking");
    case SessionState::ConfigError:
        return QStringLiteral("config_error");
    }
    return QStringLiteral("unknown");
}

QString sessionStateText(SessionState s)
{
    switch (s) {
    case SessionState::SignedOut:
        return QCoreApplication::translate("SessionState", "Signed out");
    case SessionState::SigningIn:
        return QCoreApplication::translate("SessionState", "Signing in…");
    case SessionState::Active:
        return QCoreApplication::translate("SessionState", "Active");
    case SessionState::Refreshing:
        return QCoreApplication::translate("SessionState", "Refreshing…");
    case SessionState::Backoff:
        return QCoreApplication::translate("SessionState", "Retrying");
    case SessionState::Offline:
        return QCoreApplication::translate("SessionState", "Offline");
    case SessionState::ReauthRequired:
        return QCoreApplication::translate("SessionState", "Sign-in needed");
    case SessionState::Revoking:
        return QCoreApplication::translate("SessionState", "Signing out…");
    case SessionState::ConfigError:
        return QCoreApplication::translate("SessionState", "Needs attention");
    }
    return QString();
}
