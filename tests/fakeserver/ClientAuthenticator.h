#pragma once

#include "FakeHttpResponse.h"

#include <QHash>
#include <QString>

struct FakeServerState;
struct FakeRequest;
enum class Dialect;

// Client authentication at the token, revocation and introspection endpoints of the generic and
// Salesforce dialects: the client's registered method (FakeAuthServer::ClientAuth) is enforced
// with 401 invalid_client; clients left at ClientAuth::Any keep each endpoint's older, lenient
// rules (`legacy`). Every invalid_client answer marks the request (FakeServerState::authRejected).
class ClientAuthenticator
{
public:
    enum class Legacy {
        Generic, // secret if registered; 401 + Basic challenge via header, else 400
        SalesforceToken, // secret if registered; 400 invalid_client
        SalesforceIntrospect, // a secret is required; 401 invalid_client
        Open // no check at all (Salesforce revocation)
    };

    ClientAuthenticator(FakeServerState &state, Dialect dialect)
        : m_state(state), m_dialect(dialect)
    { }

    // True when the request authenticates a known client; *clientId is that client. With
    // Legacy::Open and no credentials, *clientId is the form's client_id (possibly empty).
    bool check(const FakeRequest &request, const QHash<QString, QString> &form, Legacy legacy,
               QString *clientId, FakeHttpResponse *error) const;
    // The strict check for a client that is already known (e.g. a token's owner at revocation);
    // true when that client is at ClientAuth::Any.
    bool checkAs(const QString &clientId, const FakeRequest &request,
                 const QHash<QString, QString> &form, FakeHttpResponse *error) const;

private:
    FakeHttpResponse reject(int status, bool challenge, const char *description) const;

    FakeServerState &m_state;
    Dialect m_dialect;
};
