#pragma once

#include "DiscoveryResult.h"
#include "HttpExchange.h"

// Pure helpers of metadata discovery: where the documents live and how to judge one.
// RFC 8414 §3 inserts the well-known segment between host and path; OIDC appends it.
namespace Discovery {
QUrl rfc8414Url(const QUrl &issuer); // https://as/t1 ->
                                     // https://as/.well-known/oauth-authorization-server/t1
QUrl oidcUrl(const QUrl &issuer); // https://as/t1 -> https://as/t1/.well-known/openid-configuration
HttpRequest request(const QUrl &documentUrl);
// 200 + JSON object + issuer == configured issuer exactly (RFC 8414 §3.3, else Config
// "issuer_mismatch") + a token_endpoint that passes EndpointPolicy ("bad_token_endpoint").
DiscoveryResult parseDocument(const HttpReply &reply, const QUrl &issuer);
// Whether a failed attempt at the RFC 8414 URL should be followed by the OIDC URL (the first
// document was missing or unusable, rather than the server being unreachable or lying).
bool shouldTryNext(const DiscoveryResult &result);
} // namespace Discovery
