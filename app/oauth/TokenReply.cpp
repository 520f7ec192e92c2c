#include "TokenReply.h"

#include "ReplyClassifier.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace TokenReply {

bool isWellFormedToken(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    for (char ch : token) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x21 || c > 0x7E)
            return false;
    }
    return true;
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

qint64 sendTime(const HttpReply &reply, qint64 nowMs)
{
    return reply.sentAtMs > 0 ? reply.sentAtMs : nowMs;
}

bool readInteger(const QJsonValue &value, qint64 *out)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!(d > -9.0e15 && d < 9.0e15)) // also false for NaN
            return false;
        *out = qint64(d);
        return true;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            *out = v;
        return ok;
    }
    return false;
}

bool readOAuthError(const HttpReply &reply, QString *code, QString *description)
{
    QJsonObject obj;
    if (!parseJsonObject(reply.body, &obj))
        return false;
    const QJsonValue error = obj.value(QLatin1String("error"));
    if (!error.isString() || error.toString().isEmpty())
        return false;
    *code = error.toString();
    *description = obj.value(QLatin1String("error_description")).toString();
    return true;
}

AuthError readTokens(const HttpReply &reply, OAuthDialect::Grant grant, const TokenSet &previous,
                     qint64 nowMs, TokenSet *tokens, QJsonObject *object)
{
    using ReplyClassifier::withEvidence;
    using K = AuthError::Kind;
    QJsonObject obj;
    if (!parseJsonObject(reply.body, &obj))
        return withEvidence(AuthError(K::Ambiguous, QStringLiteral("unparseable_token_response")),
                            reply);
    *object = obj;

    // 200 with "error" (golang/oauth2 TestTokenRetrieveError200, M-22).
    const QJsonValue error = obj.value(QLatin1String("error"));
    if (error.isString() && !error.toString().isEmpty())
        return withEvidence(ReplyClassifier::oauthError(
                                    error.toString(),
                                    obj.value(QLatin1String("error_description")).toString(),
                                    grant),
                            reply);

    TokenSet t;
    const QJsonValue access = obj.value(QLatin1String("access_token"));
    if (!access.isString())
        return withEvidence(AuthError(K::Ambiguous, QStringLiteral("missing_access_token")), reply);
    t.accessToken = access.toString().toUtf8();
    if (!isWellFormedToken(t.accessToken))
        return withEvidence(AuthError(K::Ambiguous, QStringLiteral("malformed_access_token")),
                            reply);

    // Absent, null or "" means "not issued": keep the one we have (RFC 6749 §6, M-17).
    const QJsonValue refresh = obj.value(QLatin1String("refresh_token"));
    if (refresh.isUndefined() || refresh.isNull()
        || (refresh.isString() && refresh.toString().isEmpty())) {
        if (grant == OAuthDialect::Grant::Refresh)
            t.refreshToken = previous.refreshToken;
    } else {
        t.refreshToken = refresh.toString().toUtf8();
        if (!refresh.isString() || !isWellFormedToken(t.refreshToken))
            return withEvidence(AuthError(K::Ambiguous, QStringLiteral("malformed_refresh_token")),
                                reply);
    }

    const QJsonValue type = obj.value(QLatin1String("token_type"));
    if (!type.isUndefined() && !type.isNull()
        && type.toString().compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return withEvidence(AuthError(K::Config, QStringLiteral("unsupported_token_type"),
                                      ReplyClassifier::cleanText(type.toString().left(40))),
                            reply);
    t.tokenType = QStringLiteral("Bearer");

    const QJsonValue scope = obj.value(QLatin1String("scope"));
    t.scope = scope.isString()
            ? scope.toString()
            : (grant == OAuthDialect::Grant::Refresh ? previous.scope : QString());
    t.issuedAtMs = sendTime(reply, nowMs);
    if (grant == OAuthDialect::Grant::Refresh) {
        t.identity = previous.identity;
        t.instanceUrl = previous.instanceUrl;
    }
    *tokens = t;
    return AuthError();
}

} // namespace TokenReply
