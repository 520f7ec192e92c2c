#include "AuthError.h"

#include <QCoreApplication>

QString AuthError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::GrantDead:
        return QStringLiteral("GrantDead");
    case Kind::BadCredentials:
        return QStringLiteral("BadCredentials");
    case Kind::Transient:
        return QStringLiteral("Transient");
    case Kind::Ambiguous:
        return QStringLiteral("Ambiguous");
    case Kind::Config:
        return QStringLiteral("Config");
    case Kind::Scope:
        return QStringLiteral("Scope");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::Redirect:
        return QStringLiteral("Redirect");
    case Kind::Offline:
        return QStringLiteral("Offline");
    case Kind::AccessTokenRejected:
        return QStringLiteral("AccessTokenRejected");
    case Kind::InsufficientScope:
        return QStringLiteral("InsufficientScope");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::Storage:
        return QStringLiteral("Storage");
    }
    return QStringLiteral("Unknown");
}

QString AuthError::userMessage() const
{
    QString base;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::GrantDead:
        if (code == QLatin1String("lost_rotation"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The sign-in session ended because the connection was interrupted during "
                    "renewal. Sign in again.");
        else if (code == QLatin1String("refresh_until_passed"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The sign-in session reached its maximum lifetime. Sign in again.");
        else if (description.contains(QLatin1String("authentication failure"), Qt::CaseInsensitive))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The server no longer accepts your credentials (password changed or account "
                    "deactivated). Sign in again.");
        else
            base = QCoreApplication::translate(
                    "AuthError",
                    "The sign-in session has ended (the refresh token expired or was revoked). "
                    "Sign in again.");
        break;
    case Kind::BadCredentials:
        base = QCoreApplication::translate("AuthError", "Username or password was rejected.");
        break;
    case Kind::Transient:
        base = httpStatus > 0
                ? QCoreApplication::translate("AuthError",
                                              "The server is temporarily unavailable; retrying.")
                : QCoreApplication::translate("AuthError",
                                              "The server cannot be reached; retrying.");
        break;
    case Kind::Ambiguous:
        base = QCoreApplication::translate("AuthError",
                                           "The server did not answer clearly; retrying.");
        break;
    case Kind::Config:
        if (code == QLatin1String("invalid_client") || code == QLatin1String("invalid_client_id"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The client ID or client secret was rejected. Check the account settings.");
        else if (code == QLatin1String("http_404") || code == QLatin1String("http_405"))
            base = QCoreApplication::translate(
                    "AuthError", "The token endpoint was not found. Check the server URL.");
        else
            base = QCoreApplication::translate(
                    "AuthError",
                    "The server rejected the request as misconfigured. Check the account "
                    "settings.");
        break;
    case Kind::Scope:
        base = QCoreApplication::translate("AuthError",
                                           "The requested scope is not allowed for this account.");
        break;
    case Kind::Tls:
        base = QCoreApplication::translate("AuthError", "The server's certificate is not trusted.");
        break;
    case Kind::Redirect:
        base = QCoreApplication::translate(
                "AuthError", "The endpoint redirected elsewhere; nothing was sent. Check the URL.");
        break;
    case Kind::Offline:
        base = QCoreApplication::translate("AuthError", "You are offline.");
        break;
    case Kind::AccessTokenRejected:
        base = QCoreApplication::translate("AuthError", "The server rejected the access token.");
        break;
    case Kind::InsufficientScope:
        base = QCoreApplication::translate(
                "AuthError", "The token lacks the permission (scope) this call needs.");
        break;
    case Kind::Cancelled:
        base = QCoreApplication::translate("AuthError", "Cancelled.");
        break;
    case Kind::Storage:
        base = QCoreApplication::translate("AuthError", "Secure storage is not available.");
        break;
    }
    QString extra = description;
    if (!detail.isEmpty())
        extra = extra.isEmpty() ? detail : extra + QStringLiteral(" (") + detail + QLatin1Char(')');
    if (!extra.isEmpty() && kind != Kind::GrantDead)
        return base + QLatin1Char(' ') + extra;
    return base;
}

QString AuthError::toLogString() const
{
    QString s = kindName(kind);
    if (!code.isEmpty())
        s += QLatin1Char('(') + code + QLatin1Char(')');
    if (httpStatus)
        s += QStringLiteral(" status=") + QString::number(httpStatus);
    if (retryAfterMs >= 0)
        s += QStringLiteral(" retryAfterMs=") + QString::number(retryAfterMs);
    return s;
}
