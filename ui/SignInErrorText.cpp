#include "SignInErrorText.h"
#include "ErrorText.h"

using Kind = AuthError::Kind;

SignInErrorText::Category SignInErrorText::category(const AuthError &e)
{
    switch (e.kind) {
    case Kind::None:
    case Kind::Cancelled:
        return Category::None;
    case Kind::BadCredentials:
        return Category::Credentials;
    case Kind::Transient:
    case Kind::Ambiguous:
    case Kind::Offline:
        return Category::Unreachable;
    case Kind::Tls:
        return Category::Certificate;
    case Kind::Config:
    case Kind::Redirect:
        return Category::Configuration;
    case Kind::Scope:
    case Kind::InsufficientScope:
        return Category::Scope;
    case Kind::GrantDead:
    case Kind::AccessTokenRejected:
    case Kind::Storage:
        return Category::Other;
    }
    return Category::Other;
}

QString SignInErrorText::detailValue(const QString &detail, const QString &key)
{
    const QString prefix = key + QLatin1Char('=');
    for (const QString &part : detail.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (part.startsWith(prefix))
            return part.mid(prefix.size());
    return QString();
}

// A server's error_description helps an administrator; keep it short and on its own line.
static QString serverSaid(const AuthError &e)
{
    const QString d = e.description.simplified();
    if (d.isEmpty() || d.size() > 160)
        return QString();
    return QLatin1Char('\n') + SignInErrorText::tr("The server said: “%1”").arg(d);
}

QString SignInErrorText::message(const AuthError &e, const QString &host, const QString &scope,
                                 Dialect dialect)
{
    switch (category(e)) {
    case Category::None:
        return QString();
    case Category::Credentials:
        return tr("%1 did not accept this username or password. Check them and try again "
                  "(repeated attempts may lock the account).")
                .arg(host);
    case Category::Unreachable:
        if (e.kind == Kind::Offline)
            return tr("You are offline. Connect to the network and try again.");
        if (e.httpStatus >= 500 || e.httpStatus == 429 || e.httpStatus == 408)
            return tr("%1 is temporarily unavailable (status %2). Try again in a few minutes.")
                    .arg(host)
                    .arg(e.httpStatus);
        return tr("Cannot reach %1. Check the server address and your network connection.")
                .arg(host);
    case Category::Certificate: {
        const QString certHost = detailValue(e.detail, QStringLiteral("host"));
        const QString fp = detailValue(e.detail, QStringLiteral("sha256"));
        QString text = tr("The certificate of %1 is not trusted, so nothing was sent.")
                               .arg(certHost.isEmpty() ? host : certHost);
        if (!fp.isEmpty())
            text += QLatin1Char('\n') + tr("SHA-256 fingerprint: %1").arg(fp);
        text += QLatin1Char('\n')
                + tr("Compare the fingerprint with your administrator. If your organisation uses "
                     "its own certificate authority, add it to the system's trusted "
                     "certificates.");
        return text;
    }
    case Category::Configuration:
        if (e.kind == Kind::Redirect)
            return tr("The server redirected the sign-in to %1; nothing was sent. Check the "
                      "server URL.")
                    .arg(e.detail.isEmpty() ? tr("another address") : e.detail);
        if (e.code == QLatin1String("invalid_client")
            || e.code == QLatin1String("invalid_client_id"))
            return (dialect == Dialect::Salesforce
                            ? tr("%1 did not accept the consumer key or consumer secret. Check "
                                 "them in the connected app's settings.")
                            : tr("%1 did not accept the client ID or client secret. Check them "
                                 "with your administrator."))
                           .arg(host)
                    + serverSaid(e);
        if (e.code.startsWith(QLatin1String("http_40")))
            return tr("No sign-in service was found at this address on %1. Check the server URL.")
                    .arg(host);
        if (e.code == QLatin1String("unauthorized_client")
            || e.code == QLatin1String("unsupported_grant_type"))
            return tr("This client is not allowed to sign in with a username and password on %1. "
                      "Ask your administrator to allow it.")
                           .arg(host)
                    + serverSaid(e);
        return tr("%1 rejected the sign-in request as misconfigured. Check the account settings.")
                       .arg(host)
                + serverSaid(e);
    case Category::Scope:
        return tr("The scope “%1” is not allowed for this user or client on %2. Request less, or "
                  "ask your administrator.")
                       .arg(scope, host)
                + serverSaid(e);
    case Category::Other:
        return ErrorText::describe(e);
    }
    return ErrorText::describe(e);
}
