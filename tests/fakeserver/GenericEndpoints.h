#pragma once

#include "FakeHttpResponse.h"

#include <QHash>
#include <QString>

struct FakeServerState;
struct FakeGrant;
struct FakeRequest;
namespace FakeHttp {
struct ClientCredentials;
}

// A plain RFC 6749 server under <base>/generic (protocols.md §3.8): RFC 8414 and OIDC discovery,
// password / refresh_token / client_credentials grants with Basic or body client auth, RFC 7009
// revocation, RFC 7662 introspection and an RFC 6750 resource. Authorization-code, PKCE and
// device flows are not implemented yet.
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
    // Validates client authentication; returns false and sets *error when it fails.
    bool authenticate(const FakeHttp::ClientCredentials &cred, FakeHttpResponse *error) const;
    FakeHttpResponse tokenReply(const FakeGrant &grant, bool includeRefresh, const QString &scope,
                                qint64 nowMs);
    QString issuer() const;

    FakeServerState &m_state;
};
