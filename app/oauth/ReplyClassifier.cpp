#include "ReplyClassifier.h"

#include "RetryAfter.h"
#include "TokenReply.h"

#include <QJsonObject>

namespace ReplyClassifier {

QString cleanText(const QString &text)
{
    QString out;
    out.reserve(qMin(text.size(), 300));
    for (const QChar c : text) {
        if (out.size() >= 300)
            break;
        out += (c.isPrint() || c == QLatin1Char(' ')) ? c : QLatin1Char(' ');
    }
    return out.simplified();
}

QString cleanText(const QByteArray &utf8)
{
    return cleanText(QString::fromUtf8(utf8.left(1200)));
}

AuthError withEvidence(AuthError error, const HttpReply &reply)
{
    if (reply.isHttp()) {
        error.httpStatus = reply.status;
        error.reasonPhrase = cleanText(reply.reasonPhrase);
    }
    return error;
}

AuthError transportError(const HttpReply &reply)
{
    using T = HttpReply::Transport;
    const QString why = cleanText(reply.errorString);
    switch (reply.transport) {
    case T::Ok:
        return AuthError();
    case T::PolicyRefused:
        return AuthError(AuthError::Kind::Config, QStringLiteral("endpoint_policy"), why);
    case T::Timeout:
        return AuthError(AuthError::Kind::Ambiguous, QStringLiteral("timeout"), why);
    case T::RemoteClosed:
        return AuthError(AuthError::Kind::Ambiguous, QStringLiteral("connection_closed"), why);
    case T::ConnectionRefused:
        return AuthError(AuthError::Kind::Transient, QStringLiteral("connection_refused"), why);
    case T::HostNotFound:
        return AuthError(AuthError::Kind::Transient, QStringLiteral("host_not_found"), why);
    case T::NetworkDown:
        return AuthError(AuthError::Kind::Offline, QStringLiteral("network_down"), why);
    case T::Tls: {
        AuthError e(AuthError::Kind::Tls, QStringLiteral("tls"), why);
        e.detail = reply.tlsDetail;
        return e;
    }
    case T::TooLarge:
        return AuthError(AuthError::Kind::Transient, QStringLiteral("response_too_large"), why);
    case T::Aborted:
        return AuthError(AuthError::Kind::Cancelled, QStringLiteral("cancelled"));
    case T::ConnectTimeout:
        return AuthError(AuthError::Kind::Transient, QStringLiteral("connect_timeout"), why);
    case T::Proxy:
        return AuthError(AuthError::Kind::Transient, QStringLiteral("proxy_error"), why);
    case T::ProxyAuth:
        return AuthError(AuthError::Kind::Config, QStringLiteral("proxy_auth_required"), why);
    case T::Other:
        // We cannot tell whether the server saw the request: treat it as possibly processed.
        return AuthError(AuthError::Kind::Ambiguous, QStringLiteral("network_error"), why);
    }
    return AuthError(AuthError::Kind::Ambiguous, QStringLiteral("network_error"), why);
}

AuthError commonHttpError(const HttpReply &reply)
{
    const int status = reply.status;
    const QString code = QStringLiteral("http_") + QString::number(status);
    AuthError e;
    if (status >= 300 && status < 400) {
        e = AuthError(AuthError::Kind::Redirect, QStringLiteral("redirect"));
        const QString host = reply.redirectTarget.host();
        e.detail = host.isEmpty() ? QStringLiteral("(no location)") : host;
    } else if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
        // Never parse these bodies as OAuth errors: 502/504 are usually a proxy's HTML (M-03).
        e = AuthError(AuthError::Kind::Transient, code);
        e.retryAfterMs = RetryAfter::parse(reply.header("Retry-After"), reply.receivedAtMs);
    } else if (status == 404 || status == 405) {
        e = AuthError(AuthError::Kind::Config, code);
    } else if (status == 407) {
        e = AuthError(AuthError::Kind::Config, QStringLiteral("proxy_auth_required"));
    } else if (status < 100 || status >= 600) {
        e = AuthError(AuthError::Kind::Ambiguous, QStringLiteral("bad_status"));
    } else {
        return AuthError();
    }
    return withEvidence(e, reply);
}

AuthError commonError(const HttpReply &reply)
{
    return reply.isHttp() ? commonHttpError(reply) : transportError(reply);
}

AuthError oauthError(const QString &code, const QString &description, OAuthDialect::Grant grant)
{
    using K = AuthError::Kind;
    const QString c = cleanText(code);
    const QString d = cleanText(description);
    if (c == QLatin1String("invalid_grant"))
        return AuthError(grant == OAuthDialect::Grant::Refresh ? K::GrantDead : K::BadCredentials,
                         c, d);
    if (c == QLatin1String("invalid_scope"))
        return AuthError(K::Scope, c, d);
    if (c == QLatin1String("temporarily_unavailable") || c == QLatin1String("server_error")
        || c == QLatin1String("slow_down") || c == QLatin1String("authorization_pending"))
        return AuthError(K::Transient, c, d);
    if (c == QLatin1String("access_denied") && grant == OAuthDialect::Grant::Password)
        return AuthError(K::BadCredentials, c, d);
    // invalid_client, invalid_client_id, unauthorized_client, unsupported_grant_type,
    // invalid_request, unsupported_token_type and anything unknown: a human must look.
    return AuthError(K::Config, c.isEmpty() ? QStringLiteral("unknown_error") : c, d);
}

bool looksLikeHtml(const HttpReply &reply)
{
    if (reply.header("Content-Type").toLower().contains("text/html"))
        return true;
    const QByteArray head = reply.body.left(256).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
}

AuthError tokenEndpointError(const HttpReply &reply, OAuthDialect::Grant grant)
{
    const AuthError common = commonError(reply);
    if (common.isError())
        return common;
    QString code, description;
    if (TokenReply::readOAuthError(reply, &code, &description))
        // invalid_grant keeps its description: "expired access/refresh token" (grant ended)
        // and "authentication failure" (password changed) read differently (M-28).
        return withEvidence(oauthError(code, description, grant), reply);
    return bareStatusError(reply, grant);
}

bool saysNothing(const HttpReply &reply)
{
    const QByteArray body = reply.body.trimmed();
    if (body.isEmpty())
        return true;
    if (looksLikeHtml(reply))
        return false;
    QJsonObject obj;
    return TokenReply::parseJsonObject(body, &obj); // JSON, but without an error code
}

AuthError bareStatusError(const HttpReply &reply, OAuthDialect::Grant grant)
{
    using K = AuthError::Kind;
    const QString code = QStringLiteral("http_") + QString::number(reply.status);
    const QString phrase = cleanText(reply.reasonPhrase);
    if (!saysNothing(reply))
        // HTML or other text: a proxy or gateway page, not the authorization server's
        // verdict. Keep the refresh token, back off, show the status (audit L2).
        return withEvidence(AuthError(K::Transient, code, phrase), reply);
    if (reply.status == 400 || reply.status == 401 || reply.status == 403)
        // The server itself refused this grant and said nothing more: a refresh token it no
        // longer accepts (dead, reused, revoked), or credentials it rejects.
        return withEvidence(
                AuthError(grant == OAuthDialect::Grant::Refresh ? K::GrantDead : K::BadCredentials,
                          code, phrase),
                reply);
    return withEvidence(AuthError(K::Config, code, phrase), reply);
}

AuthError introspection(const HttpReply &reply, bool *active)
{
    *active = false;
    if (reply.isSuccess()) {
        QJsonObject obj;
        if (!TokenReply::parseJsonObject(reply.body, &obj)
            || !obj.value(QLatin1String("active")).isBool())
            return withEvidence(AuthError(AuthError::Kind::Ambiguous,
                                          QStringLiteral("unparseable_introspection")),
                                reply);
        *active = obj.value(QLatin1String("active")).toBool();
        return AuthError();
    }
    const AuthError common = commonError(reply);
    if (common.isError())
        return common;
    QString code, description;
    TokenReply::readOAuthError(reply, &code, &description);
    return withEvidence(oauthError(code.isEmpty()
                                           ? QStringLiteral("http_") + QString::number(reply.status)
                                           : code,
                                   description, OAuthDialect::Grant::Refresh),
                        reply);
}

} // namespace ReplyClassifier
