#pragma once

#include "FakeHttpResponse.h"

#include <QHash>
#include <QString>

struct FakeServerState;
struct FakeGrant;
struct FakeRequest;

// A plain RFC 6749 server under <base>/generic (protocols.md §3.8): RFC 8414 and OIDC discovery,
// password / refresh_token / client_credentials grants with Basic or body client auth, RFC 7009
// revocation, RFC 7662 introspection, an RFC 6750 resource and userinfo; authorization code +
// PKCE and the RFC 8628 device flow through InteractiveFlows.
class GenericEndpoints
{
public:
    explicit GenericEndpoints(FakeServerState &state) : m_state(state) { }

    QString route(const QByteArray &path) const;
    FakeHttpResponse handle(const QString &endpoint, const FakeRequest &request);

private:
    FakeHttpResponse discovery() const;
    FakeHttpResponse token(const FakeRequest &request);
    FakeHttpResponse passwordGrant(const QHash<QString, QString> &form, const QString &clientId);
    FakeHttpResponse refreshGrant(const QHash<QString, QString> &form, const QString &clientId);
    FakeHttpResponse clientCredentialsGrant(const QHash<QString, QString> &form,
                                            const QString &clientId);
    FakeHttpResponse revoke(const FakeRequest &request);
    FakeHttpResponse introspect(const FakeRequest &request);
    FakeHttpResponse resource(const FakeRequest &request);
    FakeHttpResponse userinfo(const FakeRequest &request);
    FakeHttpResponse tokenReply(const FakeGrant &grant, bool includeRefresh, const QString &scope,
                                qint64 nowMs);
    QString issuer() const;

    FakeServerState &m_state;
};
