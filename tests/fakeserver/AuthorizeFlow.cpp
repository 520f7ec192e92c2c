// InteractiveFlows, part 1: the authorization endpoint (login + consent page) and the code
// exchange at the token endpoint. RFC 6749 §4.1, RFC 7636 (S256 only), RFC 8252 §7.3, RFC 9207.
#include "FakeHttp.h"
#include "FakeServerState.h"
#include "InteractiveFlows.h"
#include "VenafiEndpoints.h"

#include <QJsonArray>
#include <QUrl>

namespace {

FakeHttpResponse errorPage(int status, const QString &message)
{
    // Never a redirect: the redirect URI itself is not trusted (RFC 6749 §4.1.2.1).
    return FakeHttpResponse::html(
            status, QStringLiteral("Sign-in error"),
            QStringLiteral("<h1>Sign-in error</h1><p>%1</p>").arg(message.toHtmlEscaped()));
}

FakeHttpResponse tokenError(const char *code, const char *description)
{
    FakeHttpResponse r = FakeHttpResponse::oauthError(400, code, QString::fromLatin1(description));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

bool isLoopback(const QUrl &u)
{
    return u.scheme() == QLatin1String("http")
            && (u.host() == QLatin1String("127.0.0.1") || u.host() == QLatin1String("::1"));
}

} // namespace

void InteractiveFlows::insertAuthMethods(QJsonObject &o, const FakeAuthServer::Knobs &k)
{
    if (k.tokenAuthMethods.isEmpty())
        return;
    const auto put = [&o](const char *name, const QStringList &list) {
        o.insert(QLatin1String(name), QJsonArray::fromStringList(list));
    };
    put("token_endpoint_auth_methods_supported", k.tokenAuthMethods);
    put("revocation_endpoint_auth_methods_supported",
        k.revocationAuthMethods.isEmpty() ? k.tokenAuthMethods : k.revocationAuthMethods);
    put("introspection_endpoint_auth_methods_supported",
        k.introspectionAuthMethods.isEmpty() ? k.tokenAuthMethods : k.introspectionAuthMethods);
}

bool InteractiveFlows::scopeAllowed(const QString &scope, const QString &allowed) const
{
    if (m_dialect == Dialect::Venafi)
        return scope.isEmpty() || VenafiEndpoints::scopeAllowed(scope, allowed);
    return FakeHttp::spaceScopeAllowed(scope, allowed);
}

bool InteractiveFlows::withRefresh(const FakeAuthServer::Client &client, const QString &scope) const
{
    if (!client.refreshEnabled)
        return false;
    if (m_dialect != Dialect::Salesforce)
        return true;
    const QStringList scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return scopes.contains(QStringLiteral("refresh_token"))
            || scopes.contains(QStringLiteral("offline_access"));
}

bool InteractiveFlows::redirectAllowed(const FakeAuthServer::Client &client,
                                       const QString &uri) const
{
    const QUrl u(uri, QUrl::StrictMode);
    if (uri.isEmpty() || !u.isValid() || u.isRelative() || !u.fragment().isNull())
        return false;
    if (client.redirectUris.isEmpty())
        return isLoopback(u) && u.port() > 0;
    for (const QString &registered : client.redirectUris) {
        if (registered == uri) // exact string match, port included
            return true;
        if (!client.anyLoopbackPort)
            continue;
        QUrl r(registered);
        QUrl candidate = u;
        if (isLoopback(r) && isLoopback(u)) {
            r.setPort(-1);
            candidate.setPort(-1);
            if (r == candidate)
                return true;
        }
    }
    return false;
}

FakeHttpResponse InteractiveFlows::redirect(const QString &redirectUri,
                                            const QList<QPair<QString, QString>> &params,
                                            const QString &issuer) const
{
    const FakeAuthServer::Knobs &k = m_state.knobs(m_dialect);
    QList<QPair<QString, QString>> all = params;
    if (k.authorizeIss == FakeAuthServer::Knobs::Iss::Correct)
        all.append({QStringLiteral("iss"), issuer});
    else if (k.authorizeIss == FakeAuthServer::Knobs::Iss::Wrong)
        all.append({QStringLiteral("iss"), QStringLiteral("https://evil.example/mix-up")});
    QByteArray location = redirectUri.toUtf8();
    char sep = location.contains('?') ? '&' : '?';
    for (const auto &p : all) {
        location +=
                sep + QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second);
        sep = '&';
    }
    FakeHttpResponse r = FakeHttpResponse::empty(302);
    r.setHeader("Location", location);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

FakeHttpResponse InteractiveFlows::consentPage(const QByteArray &requestId,
                                               const QString &message) const
{
    const FakeAuthServer::Knobs &k = m_state.knobs(m_dialect);
    const FakeAuthRequest *req = m_state.flows.request(requestId);
    QString html = QStringLiteral("<h1>Sign in to the Tokenkeeper fake server</h1>\n");
    if (!message.isEmpty())
        html += QStringLiteral("<p class=\"error\">%1</p>\n").arg(message.toHtmlEscaped());
    html += QStringLiteral("<p>The application <b>%1</b> asks for: <code>%2</code></p>\n")
                    .arg(req->clientId.toHtmlEscaped(), req->scope.toHtmlEscaped());
    html += QStringLiteral("<form id=\"consent\" method=\"post\">\n"
                           "<input type=\"hidden\" name=\"request_id\" value=\"%1\">\n")
                    .arg(QString::fromLatin1(requestId));
    if (k.autoApprove) {
        html += QStringLiteral("<input type=\"hidden\" name=\"username\" value=\"%1\">\n"
                               "<input type=\"hidden\" name=\"auto_approve\" value=\"1\">\n"
                               "<input type=\"hidden\" name=\"decision\" value=\"approve\">\n"
                               "</form>\n<script>document.getElementById('consent').submit();"
                               "</script>\n")
                        .arg(k.autoApproveUser.toHtmlEscaped());
    } else {
        html += QStringLiteral("<label>User <input name=\"username\" autocomplete=\"username\">"
                               "</label>\n<label>Password <input name=\"password\" "
                               "type=\"password\"></label>\n"
                               "<button name=\"decision\" value=\"approve\">Allow</button>\n"
                               "<button name=\"decision\" value=\"deny\">Deny</button>\n"
                               "</form>\n");
    }
    FakeHttpResponse r = FakeHttpResponse::html(200, QStringLiteral("Sign in"), html);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

FakeHttpResponse InteractiveFlows::authorize(const FakeRequest &request, const QString &issuer)
{
    const FakeAuthServer::Knobs &k = m_state.knobs(m_dialect);
    if (request.method == "POST") { // the consent form
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        const QByteArray id = form.value(QStringLiteral("request_id")).toLatin1();
        const FakeAuthRequest *req = m_state.flows.request(id);
        if (!req)
            return errorPage(400, QStringLiteral("This sign-in request is unknown or finished."));
        const FakeAuthRequest pending = *req;
        const QString username = form.value(QStringLiteral("username"));
        const bool autoOk = k.autoApprove
                && form.value(QStringLiteral("auto_approve")) == QLatin1String("1")
                && username == k.autoApproveUser && m_state.users.contains(username);
        const bool deny =
                k.denyConsent || form.value(QStringLiteral("decision")) == QLatin1String("deny");
        if (!deny && !autoOk
            && !m_state.checkPassword(username, form.value(QStringLiteral("password"))))
            return consentPage(id, QStringLiteral("Wrong user name or password."));
        m_state.flows.dropRequest(id);
        QList<QPair<QString, QString>> params;
        if (deny) {
            params = {{QStringLiteral("error"), QStringLiteral("access_denied")},
                      {QStringLiteral("error_description"),
                       QStringLiteral("The user denied access")}};
        } else {
            const FakeAuthCode &code = m_state.flows.issueCode(
                    pending, username, m_state.nowMs() + k.codeLifetime * 1000);
            params = {{QStringLiteral("code"), QString::fromLatin1(code.code)}};
        }
        if (!pending.state.isNull())
            params.append({QStringLiteral("state"), pending.state});
        FakeHttpResponse r = redirect(pending.redirectUri, params, issuer);
        r.sendDelayMs = k.consentDelayMs;
        return r;
    }

    const QHash<QString, QString> q = FakeHttp::parseForm(request.query);
    const FakeAuthServer::Client *client =
            m_state.client(m_dialect, q.value(QStringLiteral("client_id")));
    if (!client)
        return errorPage(400, QStringLiteral("Unknown client."));
    const QString redirectUri = q.value(QStringLiteral("redirect_uri"));
    if (!redirectAllowed(*client, redirectUri))
        return errorPage(400,
                         QStringLiteral("The redirect URI is not registered for this client."));
    QList<QPair<QString, QString>> echo;
    if (q.contains(QStringLiteral("state")))
        echo.append({QStringLiteral("state"), q.value(QStringLiteral("state"))});
    const auto fail = [&](const char *error, const char *description) {
        QList<QPair<QString, QString>> params{
                {QStringLiteral("error"), QString::fromLatin1(error)},
                {QStringLiteral("error_description"), QString::fromLatin1(description)}};
        return redirect(redirectUri, params + echo, issuer);
    };
    if (q.value(QStringLiteral("response_type")) != QLatin1String("code"))
        return fail("unsupported_response_type", "only response_type=code");
    const QString challenge = q.value(QStringLiteral("code_challenge"));
    if (challenge.isEmpty() && k.requirePkce)
        return fail("invalid_request", "code_challenge required (PKCE)");
    if (!challenge.isEmpty()
        && q.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return fail("invalid_request", "code_challenge_method must be S256");
    QString scope = q.value(QStringLiteral("scope"));
    if (!scopeAllowed(scope, client->allowedScope))
        return fail("invalid_scope", "the requested scope is not allowed");
    if (scope.isEmpty())
        scope = client->allowedScope;
    FakeAuthRequest req;
    req.dialect = m_dialect;
    req.clientId = client->clientId;
    req.redirectUri = redirectUri;
    req.scope = scope;
    req.state = q.contains(QStringLiteral("state")) ? q.value(QStringLiteral("state")) : QString();
    req.challenge = challenge;
    req.nonce = q.value(QStringLiteral("nonce"));
    return consentPage(m_state.flows.addRequest(req).id, QString());
}

FakeHttpResponse InteractiveFlows::exchangeCode(const QHash<QString, QString> &form,
                                                const QString &clientId, FakeGrant **grant)
{
    *grant = nullptr;
    FakeAuthCode *code = m_state.flows.code(form.value(QStringLiteral("code")).toLatin1());
    if (!code || code->dialect != m_dialect)
        return tokenError("invalid_grant", "unknown authorization code");
    if (code->used) { // RFC 6749 §4.1.2: a replay revokes what the code gave
        if (FakeGrant *g = m_state.grants.grant(code->grantId);
            g && m_state.knobs(m_dialect).codeReplayRevokesGrant)
            m_state.grants.revokeGrant(*g);
        return tokenError("invalid_grant", "authorization code already used");
    }
    code->used = true; // one attempt per code, whatever its outcome
    if (m_state.nowMs() >= code->expiresMs)
        return tokenError("invalid_grant", "authorization code expired");
    if (code->clientId != clientId)
        return tokenError("invalid_grant", "authorization code issued to another client");
    if (form.value(QStringLiteral("redirect_uri")) != code->redirectUri)
        return tokenError("invalid_grant", "redirect_uri does not match the authorization request");
    const QString verifier = form.value(QStringLiteral("code_verifier"));
    if (!code->challenge.isEmpty()) {
        if (verifier.isEmpty())
            return tokenError("invalid_grant", "code_verifier missing");
        if (!FlowBook::verifierWellFormed(verifier) || FlowBook::s256(verifier) != code->challenge)
            return m_dialect == Dialect::Salesforce // protocols.md §2.3
                    ? tokenError("invalid_request", "invalid code verifier")
                    : tokenError("invalid_grant", "PKCE verification failed");
    } else if (!verifier.isEmpty()) {
        return tokenError("invalid_grant", "code_verifier without a code_challenge");
    }
    const FakeAuthServer::Client *client = m_state.client(m_dialect, clientId);
    FakeGrant &g = m_state.startGrant(m_dialect, clientId, code->username, code->scope,
                                      withRefresh(*client, code->scope));
    code->grantId = g.id;
    *grant = &g;
    return FakeHttpResponse::empty(200);
}
