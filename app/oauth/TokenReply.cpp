#include "TokenReply.h"

#include "ReplyClassifier.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

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

// The number literal that ends at or just before `offset` (where Qt reports it) as [start, end).
static bool numberAround(const QByteArray &text, int offset, int *start, int *end)
{
    auto isNumberChar = [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    int e = std::clamp(offset, 0, int(text.size()));
    while (e > 0 && e > offset - 2 && !isNumberChar(text.at(e - 1)))
        --e;
    int b = e;
    while (b > 0 && isNumberChar(text.at(b - 1)))
        --b;
    while (e < text.size() && isNumberChar(text.at(e)))
        ++e;
    if (b >= e)
        return false;
    *start = b;
    *end = e;
    return true;
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out)
{
    QByteArray text = body;
    // A number Qt cannot represent (1e309, 1e400) makes the whole document invalid. One
    // out-of-range field must not throw away a rotated refresh token (M-16, audit L1): such a
    // literal reads as null, which every field treats as unknown.
    for (int attempt = 0; attempt < 8; ++attempt) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error == QJsonParseError::NoError) {
            if (!doc.isObject())
                return false;
            *out = doc.object();
            return true;
        }
        int start = 0, end = 0;
        if (error.error != QJsonParseError::IllegalNumber
            || !numberAround(text, error.offset, &start, &end))
            return false;
        text.replace(start, end - start, QByteArrayLiteral("null"));
    }
    return false;
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

bool readStandardReply(const HttpReply &reply, OAuthDialect::Grant grant, const TokenSet &previous,
                       qint64 nowMs, TokenResult *result, TokenSet *tokens, QJsonObject *object)
{
    if (!reply.isSuccess())
        result->error = ReplyClassifier::tokenEndpointError(reply, grant);
    else
        result->error = readTokens(reply, grant, previous, nowMs, tokens, object);
    return !result->error.isError();
}

} // namespace TokenReply
