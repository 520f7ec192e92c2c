#pragma once

#include "AuthError.h"
#include "HttpExchange.h"
#include "OAuthDialect.h"

// The part of reliability.md §3.3 that is the same for every dialect: transport failures,
// redirects, 408/429/5xx (with Retry-After), 404/405, HTML from proxies, and the RFC 6749 §5.2
// error codes. Dialects run their own quirks first and fall back to these.
namespace ReplyClassifier {
// For reply.transport != Ok. Timeout / RemoteClosed mean the request may have been processed
// (Ambiguous); refused / DNS mean it was not (Transient); NetworkDown -> Offline; Tls -> Tls.
AuthError transportError(const HttpReply &reply);
// For an HTTP reply: 3xx -> Redirect (target host in detail), 408/429/5xx -> Transient with
// Retry-After, 404/405 -> Config "http_404"/"http_405". None for every other status.
AuthError commonHttpError(const HttpReply &reply);
// transportError() or commonHttpError(), whichever applies (None for 2xx and other 4xx).
AuthError commonError(const HttpReply &reply);
// RFC 6749 §5.2 code (plus common vendor codes) -> kind. invalid_grant depends on the grant.
AuthError oauthError(const QString &code, const QString &description, OAuthDialect::Grant grant);
// Copies status, reason phrase and Retry-After evidence from the reply into the error.
AuthError withEvidence(AuthError error, const HttpReply &reply);
bool looksLikeHtml(const HttpReply &reply);
// Whether a reply's body carries no verdict of its own: empty, or JSON without `error`.
// HTML and other text (a proxy's page) is not "nothing": someone else is talking.
bool saysNothing(const HttpReply &reply);
// A 4xx token-endpoint reply without an OAuth `error`, classified by its status: 400/401/403
// with nothing in the body = the grant is unusable (Refresh) or the credentials are wrong
// (Password); HTML or other text = Transient (not proof of a dead grant, for any dialect);
// any other 4xx = Config "http_<status>".
AuthError bareStatusError(const HttpReply &reply, OAuthDialect::Grant grant);
// A non-2xx token-endpoint reply in RFC 6749 §5.2 form (generic and Salesforce): the transport
// or common HTTP error, else the OAuth `error` code (invalid_grant depends on the grant), else
// bareStatusError().
AuthError tokenEndpointError(const HttpReply &reply, OAuthDialect::Grant grant);
// RFC 7662 introspection answer (generic and Salesforce): None with `*active` set, Ambiguous
// for an unparseable 2xx, else the common or RFC 6749 §5.2 error.
AuthError introspection(const HttpReply &reply, bool *active);
// Server-provided text made safe for messages: control characters dropped, at most 300 chars.
QString cleanText(const QString &text);
QString cleanText(const QByteArray &utf8);
} // namespace ReplyClassifier
