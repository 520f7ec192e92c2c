#pragma once

#include "AuthError.h"
#include "HttpExchange.h"
#include "OAuthDialect.h"
#include "TokenSet.h"

#include <QJsonObject>

// Token-response checks every dialect shares (reliability.md §3.3, M-12, M-13, M-17, M-20..M-22):
// the body must be a JSON object, a 200 carrying "error" is that error, tokens must be safe to
// put in a header (S-06), token_type must be Bearer, and a refresh reply without a refresh
// token keeps the previous one (RFC 6749 §6).
namespace TokenReply {
// Visible ASCII only (0x21..0x7E): no CR, LF, NUL, space or non-ASCII (header injection).
bool isWellFormedToken(const QByteArray &token);
bool parseJsonObject(const QByteArray &body, QJsonObject *out);

// For a 2xx body: parses JSON, handles "error", reads access/refresh token, token_type and
// scope into *tokens (issuedAtMs = send time). Lifetimes are left to the dialect.
// Returns None on success.
AuthError readTokens(const HttpReply &reply, OAuthDialect::Grant grant, const TokenSet &previous,
                     qint64 nowMs, TokenSet *tokens, QJsonObject *object);

// The RFC 6749 reading shared by Salesforce and generic servers: a non-2xx reply classified by
// ReplyClassifier::tokenEndpointError, a 2xx one read by readTokens. False (with
// result->error set) when the reply holds no tokens.
bool readStandardReply(const HttpReply &reply, OAuthDialect::Grant grant, const TokenSet &previous,
                       qint64 nowMs, TokenResult *result, TokenSet *tokens, QJsonObject *object);

// For a non-2xx body: the RFC 6749 "error"/"error_description" pair, when the body has one.
bool readOAuthError(const HttpReply &reply, QString *code, QString *description);
// The local instant the request was sent, or nowMs when unknown (synthetic replies).
qint64 sendTime(const HttpReply &reply, qint64 nowMs);
// The integer value of a JSON number or numeric string (e.g. "issued_at":"1708058728442").
bool readInteger(const QJsonValue &value, qint64 *out);
} // namespace TokenReply
