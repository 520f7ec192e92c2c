#pragma once

#include "AuthError.h"

#include <QStringList>
#include <QUrl>

// What authorization-server metadata discovery found (RFC 8414 / OIDC Discovery 1.0): the
// endpoints a generic account needs, or the error that stopped it (issuer_mismatch, ...).
struct DiscoveryResult
{
    AuthError error;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // empty: the server cannot revoke (sign-out is local only)
    QUrl introspectionEndpoint;
    QUrl authorizationEndpoint; // browser sign-in (RFC 8414)
    QUrl deviceAuthorizationEndpoint; // device sign-in (RFC 8628 §4)
    bool issuerInRedirect = false; // authorization_response_iss_parameter_supported (RFC 9207)
    QStringList grantTypes; // grant_types_supported, RFC 8414 default when absent
    // token_endpoint_auth_methods_supported (RFC 8414 default client_secret_basic when absent).
    QStringList tokenAuthMethods;
    QUrl documentUrl; // which well-known URL answered

    bool ok() const { return !error.isError(); }
};
