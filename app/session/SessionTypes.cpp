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
    auto tr = [](const char *t) { return QCoreApplication::translate("SessionState", t); };
    switch (s) {
    case SessionState::SignedOut:
        return tr("Signed out");
    case SessionState::SigningIn:
        return tr("Signing in…");
    case SessionState::Active:
        return tr("Active");
    case SessionState::Refreshing:
        return tr("Refreshing…");
    case SessionState::Backoff:
        return tr("Retrying");
    case SessionState::Offline:
        return tr("Offline");
    case SessionState::ReauthRequired:
        return tr("Sign-in needed");
    case SessionState::Revoking:
        return tr("Signing out…");
    case SessionState::ConfigError:
        return tr("Needs attention");
    }
    return QString();
}
