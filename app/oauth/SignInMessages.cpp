#include "SignInMessages.h"

#include <QCoreApplication>

namespace SignInMessages {

QString text(const AuthError &error)
{
    const QString &c = error.code;
    QString base;
    if (c == QLatin1String("authorization_code_rejected"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "The server did not accept the sign-in (it expired, was already used, or "
                "did not match this attempt). Sign in again.");
    else if (c == QLatin1String("access_denied"))
        base = QCoreApplication::translate(
                "SignInMessages", "Access was denied at the server. Sign in again to retry.");
    else if (c == QLatin1String("sign_in_timeout"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "Sign-in timed out: no answer came from the browser within 10 minutes.");
    else if (c == QLatin1String("expired_token"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "The code expired before the sign-in was approved. Start again for a new code.");
    else if (c == QLatin1String("device_code_rejected"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "The server no longer accepts this code. Start again for a new code.");
    else if (c == QLatin1String("iss_mismatch") || c == QLatin1String("iss_missing"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "The sign-in answer did not come from the expected server (issuer check "
                "failed); it was discarded.");
    else if (c == QLatin1String("missing_code") || c == QLatin1String("malformed_code"))
        base = QCoreApplication::translate(
                "SignInMessages", "The server's sign-in answer was incomplete. Sign in again.");
    else if (c == QLatin1String("listener_unavailable"))
        base = QCoreApplication::translate(
                "SignInMessages",
                "Tokenkeeper could not open a local port for the browser to return to. Close "
                "programs that use it, or change the redirect ports in the account settings.");
    else if (c == QLatin1String("browser_sign_in_unsupported")
             || c == QLatin1String("bad_authorization_endpoint"))
        base = QCoreApplication::translate(
                "SignInMessages", "This server does not offer sign-in through the browser.");
    else if (c == QLatin1String("bad_device_endpoint"))
        base = QCoreApplication::translate(
                "SignInMessages", "This server does not offer sign-in with a device code.");
    else if (c == QLatin1String("bad_verification_uri"))
        base = QCoreApplication::translate(
                "SignInMessages", "The server sent no safe (https) page to enter the code on.");
    else if (c == QLatin1String("cancelled"))
        base = QCoreApplication::translate("SignInMessages", "Sign-in cancelled.");
    else
        return error.userMessage();
    // The server's own words help ("PKCE verification failed"); never for the issuer check.
    const bool withDescription =
            !error.description.isEmpty() && !c.startsWith(QLatin1String("iss"));
    return withDescription ? base + QLatin1Char(' ') + error.description : base;
}

bool canStartAgain(const AuthError &error)
{
    static const char *const codes[] = {
            "authorization_code_rejected", "access_denied", "sign_in_timeout", "expired_token",
            "device_code_rejected",        "missing_code",  "malformed_code",  "cancelled"};
    for (const char *code : codes)
        if (error.code == QLatin1String(code))
            return true;
    return error.isRetryable();
}

} // namespace SignInMessages
