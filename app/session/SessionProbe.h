#pragma once

#include "AuthError.h"
#include "HttpExchange.h"
#include "TokenSet.h"

class OAuthDialect;
struct AccountConfig;

// Asking the server whether it still accepts an access token whose expiry is only assumed
// (Salesforce sends none): RFC 7662 introspection where the account allows it, else the
// dialect's light resource probe (Salesforce userinfo). Pure: the shell sends and dispatches.
namespace SessionProbe {
// The request to send; `*viaResource` says which kind it is (in: introspection was refused
// before, so use the resource probe). Empty URL: this dialect cannot probe.
HttpRequest request(const OAuthDialect &dialect, const AccountConfig &config,
                    const TokenSet &tokens, const QByteArray &clientSecret, bool *viaResource);
// The answer: None with `*active`, or why it could not tell. `*refused` when introspection is
// not allowed for this client (probe the resource from now on).
AuthError read(const OAuthDialect &dialect, const HttpReply &reply, bool viaResource, bool *active,
               bool *refused);
} // namespace SessionProbe
