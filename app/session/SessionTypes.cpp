#include "SessionTypes.h"

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
