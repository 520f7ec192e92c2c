#pragma once

#include "FakeHttpResponse.h"

#include <QHash>
#include <QString>

struct FakeServerState;
struct FakeGrant;
struct FakeRequest;

// Salesforce OAuth endpoints and a REST resource stub (protocols.md §2.11): form bodies, no
// expires_in (issued_at in ms), sliding session lifetime, opt-in rotation, 5-grant limit,
// userinfo/identity URL, web server flow + PKCE and the device flow (InteractiveFlows).
// Deliberate deviation: the password grant DOES issue a refresh token when the client has
// refreshEnabled (real Salesforce never does), so the demo and tests can exercise refresh.
class SalesforceEndpoints
{
public:
    explicit SalesforceEndpoints(FakeServerState &state) : m_state(state) { }

    QString route(const QByteArray &path) const;
    FakeHttpResponse handle(const QString &endpoint, const FakeRequest &request);

private:
    FakeHttpResponse token(const FakeRequest &request);
    FakeHttpResponse passwordGrant(const QHash<QString, QString> &form, const QString &clientId);
    FakeHttpResponse refreshGrant(const QHash<QString, QString> &form, const QString &clientId);
    FakeHttpResponse revoke(const FakeRequest &request);
    FakeHttpResponse introspect(const FakeRequest &request);
    FakeHttpResponse resource(const FakeRequest &request);
    FakeHttpResponse discovery() const;
    FakeHttpResponse userinfo(const FakeRequest &request); // also the identity URL
    FakeHttpResponse tokenReply(const FakeGrant &grant, bool includeRefresh);
    QString identityUrl(const QString &username) const;
    QString baseString() const;

    FakeServerState &m_state;
};
