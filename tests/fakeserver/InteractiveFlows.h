#pragma once

#include "FakeAuthServer.h"
#include "FakeHttpResponse.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

struct FakeServerState;
struct FakeGrant;

// The browser and device sign-in flows for one dialect (issue 12): the authorization endpoint's
// login and consent page with one-time PKCE S256 codes and RFC 9207 `iss` (AuthorizeFlow.cpp),
// and RFC 8628 device codes with their verification page (DeviceFlow.cpp). The dialects'
// endpoint classes call in and format the token reply of the grant created here.
class InteractiveFlows
{
public:
    static constexpr const char *DeviceGrantType = "urn:ietf:params:oauth:grant-type:device_code";

    InteractiveFlows(FakeServerState &state, Dialect dialect) : m_state(state), m_dialect(dialect)
    { }

    // Discovery's *_auth_methods_supported members from the knobs.
    static void insertAuthMethods(QJsonObject &o, const FakeAuthServer::Knobs &k);

    // GET: validate the request and show the consent page; POST: the page's form.
    FakeHttpResponse authorize(const FakeRequest &request, const QString &issuer);
    // grant_type=authorization_code for an authenticated client. *grant is set on success (the
    // response is then meaningless); otherwise the response is the OAuth error.
    FakeHttpResponse exchangeCode(const QHash<QString, QString> &form, const QString &clientId,
                                  FakeGrant **grant);

    FakeHttpResponse deviceStart(const QString &clientId, const QString &scope,
                                 const QString &verificationUri);
    FakeHttpResponse devicePoll(const QByteArray &deviceCode, const QString &clientId,
                                FakeGrant **grant);
    FakeHttpResponse devicePage(const FakeRequest &request); // GET form, POST approve/deny
    bool setDeviceDecision(const QString &userCode, const QString &username, bool approve);

private:
    bool redirectAllowed(const FakeAuthServer::Client &client, const QString &uri) const;
    FakeHttpResponse redirect(const QString &redirectUri,
                              const QList<QPair<QString, QString>> &params,
                              const QString &issuer) const;
    FakeHttpResponse consentPage(const QByteArray &requestId, const QString &message) const;
    bool withRefresh(const FakeAuthServer::Client &client, const QString &scope) const;
    bool scopeAllowed(const QString &scope, const QString &allowed) const;

    FakeServerState &m_state;
    Dialect m_dialect;
};
