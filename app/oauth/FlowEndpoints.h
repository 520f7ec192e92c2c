#pragma once

#include "AccountConfig.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

// Where the browser and device sign-ins of one account go, per dialect: fixed paths for
// Salesforce (/services/oauth2/authorize, device flow at the token endpoint) and Venafi
// (/vedauth/authorize/device, no browser flow), discovery metadata for generic servers
// (handoff-and-flows.md §2, protocols.md §3.1, §3.6). A value type: pure and table-tested.
struct FlowEndpoints
{
    QUrl authorizationEndpoint; // empty: no browser sign-in
    QUrl deviceAuthorizationEndpoint; // empty: no device sign-in
    QUrl tokenEndpoint; // the code exchange and the device polls
    QString issuer; // expected RFC 9207 `iss`; empty: nothing to compare with
    bool issuerRequired = false; // authorization_response_iss_parameter_supported: true
    QStringList codeChallengeMethods; // code_challenge_methods_supported (empty: not advertised)

    bool supportsBrowser() const { return !authorizationEndpoint.isEmpty(); }
    bool supportsDevice() const { return !deviceAuthorizationEndpoint.isEmpty(); }

    // The fields of an RFC 8414 / OIDC discovery document the two flows need. Endpoints that
    // are not strings or not absolute URLs are left empty.
    static FlowEndpoints fromMetadata(const QJsonObject &document);
    // Per dialect. Generic: `discovered` (its token endpoint replaced by the account's when
    // the account names one; its issuer defaulting to the account's server URL). Salesforce
    // and Venafi: fixed paths under config.serverUrl; `discovered` is ignored.
    static FlowEndpoints forAccount(const AccountConfig &config, const FlowEndpoints &discovered);
    static FlowEndpoints forAccount(const AccountConfig &config); // nothing discovered
    // Fixed redirect ports for servers that match the port exactly (Salesforce: 1717 as the
    // Salesforce CLI, plus two spares, all to be registered); empty: an ephemeral port.
    static QList<quint16> defaultRedirectPorts(Dialect dialect);

    enum class Flow { Browser, Device };
    // Empty when `flow` can start; otherwise why not, for the log and the error's evidence
    // (the person reads ErrorText's sentence for the error code).
    QString check(Flow flow) const;
};
