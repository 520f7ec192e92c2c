#include "ErrorText.h"

#include "Redaction.h"

#include <QCoreApplication>

// The translation contexts ("AuthError", "SignInMessages", "Session") are those the sentences
// had before they were gathered here, so that their translations stay valid.

namespace {
using K = AuthError::Kind;

QString generalText(const AuthError &e)
{
    QString base;
    switch (e.kind) {
    case K::None:
        return QString();
    case K::GrantDead:
        if (e.code == QLatin1String("lost_rotation"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The sign-in session ended because the connection was interrupted during "
                    "renewal. Sign in again.");
        else if (e.code == QLatin1String("refresh_until_passed"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The sign-in session reached its maximum lifetime. Sign in again.");
        else if (e.description.contains(QLatin1String("authentication failure"),
                                        Qt::CaseInsensitive))
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
    case K::BadCredentials:
        base = QCoreApplication::translate("AuthError", "Username or password was rejected.");
        break;
    case K::Transient:
        base = e.httpStatus > 0
                ? QCoreApplication::translate("AuthError",
                                              "The server is temporarily unavailable; retrying.")
                : QCoreApplication::translate("AuthError",
                                              "The server cannot be reached; retrying.");
        break;
    case K::Ambiguous:
        base = QCoreApplication::translate("AuthError",
                                           "The server did not answer clearly; retrying.");
        break;
    case K::Config:
        if (e.code == QLatin1String("endpoint_policy")
            || e.code == QLatin1String("bad_token_endpoint"))
            return QCoreApplication::translate(
                    "AuthError",
                    "An endpoint address is not allowed to receive secrets: it must start with "
                    "https:// (plain http only to 127.0.0.1 or [::1]) and hold no user name or "
                    "#fragment. Nothing was sent.");
        if (e.code == QLatin1String("invalid_client")
            || e.code == QLatin1String("invalid_client_id"))
            base = QCoreApplication::translate(
                    "AuthError",
                    "The client ID or client secret was rejected. Check the account settings.");
        else if (e.code == QLatin1String("http_404") || e.code == QLatin1String("http_405"))
            base = QCoreApplication::translate(
                    "AuthError", "The token endpoint was not found. Check the server URL.");
        else
            base = QCoreApplication::translate(
                    "AuthError",
                    "The server rejected the request as misconfigured. Check the account "
                    "settings.");
        break;
    case K::Scope:
        base = QCoreApplication::translate("AuthError",
                                           "The requested scope is not allowed for this account.");
        break;
    case K::Tls:
        base = QCoreApplication::translate("AuthError", "The server's certificate is not trusted.");
        break;
    case K::Redirect:
        base = QCoreApplication::translate(
                "AuthError", "The endpoint redirected elsewhere; nothing was sent. Check the URL.");
        break;
    case K::Offline:
        base = QCoreApplication::translate("AuthError", "You are offline.");
        break;
    case K::AccessTokenRejected:
        base = QCoreApplication::translate("AuthError", "The server rejected the access token.");
        break;
    case K::InsufficientScope:
        base = QCoreApplication::translate(
                "AuthError", "The token lacks the permission (scope) this call needs.");
        break;
    case K::Cancelled:
        base = QCoreApplication::translate("AuthError", "The request was cancelled.");
        break;
    case K::Storage:
        base = QCoreApplication::translate("AuthError", "Secure storage is not available.");
        break;
    }
    // The server's words, redacted: an error_description has been seen echoing a token (I-6).
    QString extra = Redaction::redact(e.description);
    if (!e.detail.isEmpty())
        extra = extra.isEmpty() ? e.detail
                                : extra + QStringLiteral(" (") + e.detail + QLatin1Char(')');
    if (!extra.isEmpty() && e.kind != K::GrantDead)
        return base + QLatin1Char(' ') + extra;
    return base;
}
} // namespace

QString ErrorText::describe(const AuthError &error)
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
    else if (c == QLatin1String("bad_device_endpoint")
             || c == QLatin1String("device_sign_in_unsupported"))
        base = QCoreApplication::translate(
                "SignInMessages", "This server does not offer sign-in with a device code.");
    else if (c == QLatin1String("bad_verification_uri"))
        base = QCoreApplication::translate(
                "SignInMessages", "The server sent no safe (https) page to enter the code on.");
    else if (c == QLatin1String("cancelled"))
        base = QCoreApplication::translate("SignInMessages", "Sign-in cancelled.");
    else
        return generalText(error);
    // The server's own words help ("PKCE verification failed"); never for the issuer check.
    // The endpoint checks' evidence is for the log: the sentence above already says it.
    const bool withDescription = !error.description.isEmpty() && !c.startsWith(QLatin1String("iss"))
            && !c.startsWith(QLatin1String("bad_")) && !c.endsWith(QLatin1String("_unsupported"));
    return withDescription ? base + QLatin1Char(' ') + Redaction::redact(error.description) : base;
}

bool ErrorText::canStartAgain(const AuthError &error)
{
    static const char *const codes[] = {
            "authorization_code_rejected", "access_denied", "sign_in_timeout", "expired_token",
            "device_code_rejected",        "missing_code",  "malformed_code",  "cancelled"};
    for (const char *code : codes)
        if (error.code == QLatin1String(code))
            return true;
    return error.isRetryable();
}

QString ErrorText::revokeProblem(const AuthError &problem)
{
    if (!problem.isError())
        return QString();
    const QString &c = problem.code;
    if (c == QLatin1String("no_revocation_endpoint"))
        return QCoreApplication::translate(
                "Session",
                "The server has no revocation endpoint; the tokens were deleted here only.");
    if (c == QLatin1String("renewal_interrupted"))
        return QCoreApplication::translate(
                "Session",
                "A renewal was interrupted; the server may have issued tokens that are still "
                "valid until they expire.");
    if (c == QLatin1String("nothing_to_revoke"))
        return QCoreApplication::translate("Session", "There was no grant to revoke.");
    if (c == QLatin1String("grant_already_ended"))
        return QCoreApplication::translate("Session", "The server had already ended the grant.");
    switch (problem.kind) {
    case K::Transient:
    case K::Ambiguous:
    case K::Offline:
        return problem.httpStatus > 0
                ? QCoreApplication::translate("Session", "The server answered HTTP %1.")
                          .arg(problem.httpStatus)
                : QCoreApplication::translate("Session", "The server could not be reached.");
    default:
        return describe(problem);
    }
}

// The context "LoginValidator" is where these sentences were written first.

static QString refusalText(EndpointPolicy::Refusal why)
{
    using R = EndpointPolicy::Refusal;
    switch (why) {
    case R::None:
        return QString();
    case R::PlainHttp:
        return QCoreApplication::translate(
                "LoginValidator",
                "The URL must use https:// (plain http is only allowed to 127.0.0.1 or "
                "[::1]).");
    case R::UserInfo:
        return QCoreApplication::translate("LoginValidator",
                                           "The URL must not contain a user name or password.");
    case R::Fragment:
        return QCoreApplication::translate("LoginValidator",
                                           "The URL must not contain a fragment (#...).");
    case R::Scheme:
        return QCoreApplication::translate(
                "LoginValidator",
                "The URL must start with https://, for example https://auth.example.com.");
    case R::Empty:
    case R::Invalid:
    case R::NoHost:
        break;
    }
    return QCoreApplication::translate(
            "LoginValidator",
            "The URL has no host name; it should look like https://auth.example.com/realm.");
}

static QString missingText(ConfigProblem::Field field, Dialect dialect)
{
    using F = ConfigProblem::Field;
    switch (field) {
    case F::Server:
        return dialect == Dialect::Generic
                ? QCoreApplication::translate("LoginValidator",
                                              "Enter the issuer URL of the server.")
                : QCoreApplication::translate("LoginValidator", "Enter the server URL.");
    case F::TokenEndpoint:
        return QCoreApplication::translate("LoginValidator", "Enter the token endpoint URL.");
    case F::RevocationEndpoint:
        return QCoreApplication::translate("LoginValidator", "Enter the revocation endpoint URL.");
    case F::ClientId:
        return dialect == Dialect::Salesforce
                ? QCoreApplication::translate("LoginValidator", "Enter the consumer key.")
                : QCoreApplication::translate("LoginValidator", "Enter the client ID.");
    case F::ClientSecret:
        return QCoreApplication::translate("LoginValidator", "Enter the consumer secret.");
    case F::Username:
        return QCoreApplication::translate("LoginValidator", "Enter your username.");
    case F::Password:
        return QCoreApplication::translate("LoginValidator", "Enter your password.");
    case F::Scope:
        return QCoreApplication::translate(
                "LoginValidator", "Enter the scope, for example certificate:manage,revoke.");
    case F::Method:
        break;
    }
    return QCoreApplication::translate("LoginValidator", "Choose how to sign in.");
}

QString ErrorText::configProblem(const ConfigProblem &problem, Dialect dialect)
{
    using C = ConfigProblem::Code;
    switch (problem.code) {
    case C::Missing:
        return missingText(problem.field, dialect);
    case C::UrlHasSpace:
        return QCoreApplication::translate("LoginValidator",
                                           "The URL contains a space. A URL has none, for example "
                                           "https://auth.example.com/realm.");
    case C::UrlNoScheme:
        if (problem.typed.contains(QLatin1Char(':')))
            return QCoreApplication::translate(
                    "LoginValidator",
                    "The URL must start with https:// followed by the server name, for "
                    "example https://auth.example.com.");
        return QCoreApplication::translate(
                       "LoginValidator",
                       "The URL must start with https://, for example https://%1.")
                .arg(problem.typed);
    case C::UrlBadPort:
        return QCoreApplication::translate(
                "LoginValidator",
                "The port after the server name must be a number, for example "
                "https://auth.example.com:8443.");
    case C::UrlBadCharacters:
        return QCoreApplication::translate(
                "LoginValidator",
                "The URL contains characters that are not allowed in a URL. Check it for typos; "
                "it should look like https://auth.example.com/realm.");
    case C::UrlRefused:
        return refusalText(problem.refusal);
    case C::ScopeGrammar:
        return dialect == Dialect::Venafi
                ? QCoreApplication::translate(
                        "LoginValidator",
                        "The scope must look like certificate:manage,revoke;configuration:manage "
                        "(no spaces).")
                : QCoreApplication::translate(
                        "LoginValidator", "The scope must be names separated by single spaces.");
    case C::MethodUnsupported:
        return QCoreApplication::translate(
                "LoginValidator",
                "Venafi TPP has no browser sign-in; choose Device code or Password.");
    }
    return QString();
}

// The context stays "StorageStatus", where these sentences were written first.
QString ErrorText::storage(StorageStatus s)
{
    switch (s) {
    case StorageStatus::Ok:
        return QCoreApplication::translate("StorageStatus", "Saved in the system keychain");
    case StorageStatus::NotPersisted:
        return QCoreApplication::translate(
                "StorageStatus",
                "Not saved: unlock your keyring, or you will need to sign in after a restart");
    case StorageStatus::Locked:
        return QCoreApplication::translate("StorageStatus",
                                           "Keyring locked: unlock it to restore the session");
    case StorageStatus::Denied:
        return QCoreApplication::translate("StorageStatus", "Access to the keyring was denied");
    case StorageStatus::Unavailable:
        return QCoreApplication::translate(
                "StorageStatus",
                "Secure storage unavailable: tokens are kept for this session only");
    case StorageStatus::Pending:
        return QCoreApplication::translate("StorageStatus", "Waiting for the keyring to answer…");
    case StorageStatus::Unreadable:
        return QCoreApplication::translate("StorageStatus",
                                           "Stored tokens could not be read; sign in again");
    case StorageStatus::SessionOnly:
        return QCoreApplication::translate("StorageStatus", "This session only (not saved)");
    }
    return QString();
}
