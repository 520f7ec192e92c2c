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
