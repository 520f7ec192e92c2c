#include "ClientAuthenticator.h"

#include "FakeHttp.h"
#include "FakeServerState.h"

FakeHttpResponse ClientAuthenticator::reject(int status, bool challenge,
                                             const char *description) const
{
    m_state.authRejected = true;
    FakeHttpResponse r = FakeHttpResponse::oauthError(status, "invalid_client",
                                                      QString::fromLatin1(description));
    r.setHeader("Cache-Control", "no-store");
    if (challenge) // RFC 6749 §5.2: the client used (or must use) the Authorization header
        r.setHeader("WWW-Authenticate", "Basic realm=\"fake\"");
    return r;
}

bool ClientAuthenticator::checkAs(const QString &clientId, const FakeRequest &request,
                                  const QHash<QString, QString> &form,
                                  FakeHttpResponse *error) const
{
    using Method = FakeAuthServer::ClientAuth;
    const FakeAuthServer::Client *client = m_state.client(m_dialect, clientId);
    if (!client || client->auth == Method::Any)
        return true;
    const FakeHttp::ClientCredentials cred = FakeHttp::clientCredentials(request, form);
    const bool bodySecret = form.contains(QStringLiteral("client_secret"));
    switch (client->auth) {
    case Method::Any:
        return true;
    case Method::SecretBasic:
        if (cred.viaBasic && !cred.malformed && !bodySecret && cred.id == clientId
            && !client->secret.isEmpty() && cred.secret.toUtf8() == client->secret)
            return true;
        *error = reject(401, true, "client_secret_basic required");
        return false;
    case Method::SecretPost:
        if (!cred.viaBasic && form.value(QStringLiteral("client_id")) == clientId
            && !client->secret.isEmpty()
            && form.value(QStringLiteral("client_secret")).toUtf8() == client->secret)
            return true;
        *error = reject(401, cred.viaBasic, "client_secret_post required");
        return false;
    case Method::None:
        if (!cred.viaBasic && !bodySecret)
            return true;
        *error = reject(401, cred.viaBasic, "a public client must not send a secret");
        return false;
    }
    return false;
}

bool ClientAuthenticator::check(const FakeRequest &request, const QHash<QString, QString> &form,
                                Legacy legacy, QString *clientId, FakeHttpResponse *error) const
{
    const FakeHttp::ClientCredentials cred = FakeHttp::clientCredentials(request, form);
    *clientId = cred.id;
    const FakeAuthServer::Client *client = m_state.client(m_dialect, cred.id);
    if (client && client->auth != FakeAuthServer::ClientAuth::Any) {
        if (cred.twoMethods) { // RFC 6749 §2.3: one method per request
            *error = reject(401, true, "more than one client authentication method");
            return false;
        }
        return checkAs(cred.id, request, form, error);
    }
    const bool secretOk = client && !cred.malformed
            && (client->secret.isEmpty() || client->secret == cred.secret.toUtf8());
    switch (legacy) {
    case Legacy::Generic:
        if (cred.twoMethods) {
            *error = FakeHttpResponse::oauthError(400, "invalid_request",
                                                  QStringLiteral("more than one client "
                                                                 "authentication method"));
            error->setHeader("Cache-Control", "no-store");
            error->setHeader("Pragma", "no-cache");
            return false;
        }
        if (secretOk)
            return true;
        *error = reject(cred.viaBasic ? 401 : 400, cred.viaBasic, "client authentication failed");
        error->setHeader("Pragma", "no-cache");
        return false;
    case Legacy::SalesforceToken:
        if (secretOk)
            return true;
        *error = reject(400, false, "invalid client credentials");
        error->headers.removeIf([](const auto &h) { return h.first == "Cache-Control"; });
        return false;
    case Legacy::SalesforceIntrospect:
        if (client && !cred.malformed && client->secret == cred.secret.toUtf8())
            return true;
        *error = reject(401, false, "invalid client credentials");
        error->headers.removeIf([](const auto &h) { return h.first == "Cache-Control"; });
        return false;
    case Legacy::Open:
        return true;
    }
    return false;
}
