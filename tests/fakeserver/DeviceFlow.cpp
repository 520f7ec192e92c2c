// InteractiveFlows, part 2: the RFC 8628 device authorization grant (generic, and the Salesforce
// and Venafi variants that reuse its field and error names) and the verification page.
#include "FakeHttp.h"
#include "FakeServerState.h"
#include "InteractiveFlows.h"

#include <QJsonObject>
#include <QUrl>

namespace {

FakeHttpResponse deviceError(const char *code, const char *description)
{
    FakeHttpResponse r = FakeHttpResponse::oauthError(400, code, QString::fromLatin1(description));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

FakeHttpResponse page(int status, const QString &title, const QString &html)
{
    FakeHttpResponse r = FakeHttpResponse::html(status, title, html);
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace

FakeHttpResponse InteractiveFlows::deviceStart(const QString &clientId, const QString &scope,
                                               const QString &verificationUri)
{
    const FakeAuthServer::Client *client = m_state.client(m_dialect, clientId);
    if (!client)
        return deviceError("invalid_client", "unknown client");
    if (!scopeAllowed(scope, client->allowedScope))
        return deviceError("invalid_scope", "the requested scope is not allowed");
    const FakeAuthServer::Knobs &k = m_state.knobs(m_dialect);
    const FakeDeviceCode &d = m_state.flows.addDevice(
            m_dialect, clientId, scope.isEmpty() ? client->allowedScope : scope,
            m_state.nowMs() + k.deviceCodeLifetime * 1000, k.deviceInterval);
    QJsonObject o;
    o.insert(QStringLiteral("device_code"), QString::fromLatin1(d.deviceCode));
    o.insert(QStringLiteral("user_code"), d.userCode);
    o.insert(QStringLiteral("verification_uri"), verificationUri);
    if (k.sendVerificationUriComplete)
        o.insert(QStringLiteral("verification_uri_complete"),
                 QString(verificationUri + QStringLiteral("?user_code=") + d.userCode));
    o.insert(QStringLiteral("expires_in"), k.deviceCodeLifetime);
    o.insert(QStringLiteral("interval"), k.deviceInterval);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse InteractiveFlows::devicePoll(const QByteArray &deviceCode, const QString &clientId,
                                              FakeGrant **grant)
{
    *grant = nullptr;
    const FakeAuthServer::Knobs &k = m_state.knobs(m_dialect);
    const qint64 now = m_state.nowMs();
    FakeDeviceCode *d = m_state.flows.device(deviceCode);
    if (!d || d->dialect != m_dialect || d->clientId != clientId)
        return deviceError("invalid_grant", "unknown device code");
    if (d->status == FakeDeviceCode::Status::Done)
        return deviceError("invalid_grant", "device code already used");
    if (now >= d->expiresMs)
        return deviceError("expired_token", "the device code has expired");
    ++d->polls;
    const bool tooSoon = k.enforceDeviceInterval && d->lastPollMs >= 0
            && now - d->lastPollMs < d->intervalSecs * 1000LL;
    d->lastPollMs = now;
    if (d->polls <= k.deviceSlowDownPolls || tooSoon) { // RFC 8628 §3.5: +5 s from now on
        d->intervalSecs += 5;
        return deviceError("slow_down", "polling too fast");
    }
    if (k.deviceDeny)
        d->status = FakeDeviceCode::Status::Denied;
    if (d->status == FakeDeviceCode::Status::Denied)
        return deviceError("access_denied", "the user denied the request");
    if (d->status == FakeDeviceCode::Status::Pending) {
        if (k.devicePendingPolls < 0 || d->pendingAnswers < k.devicePendingPolls) {
            ++d->pendingAnswers;
            return deviceError("authorization_pending", "waiting for the user");
        }
        d->status = FakeDeviceCode::Status::Approved;
        d->username = k.autoApproveUser;
    }
    d->status = FakeDeviceCode::Status::Done;
    const FakeAuthServer::Client *client = m_state.client(m_dialect, clientId);
    FakeGrant &g = m_state.startGrant(m_dialect, clientId, d->username, d->scope,
                                      client && client->refreshEnabled);
    *grant = &g;
    return FakeHttpResponse::empty(200);
}

bool InteractiveFlows::setDeviceDecision(const QString &userCode, const QString &username,
                                         bool approve)
{
    FakeDeviceCode *d = m_state.flows.deviceByUserCode(userCode);
    if (!d || d->dialect != m_dialect || d->status != FakeDeviceCode::Status::Pending
        || m_state.nowMs() >= d->expiresMs)
        return false;
    d->status = approve ? FakeDeviceCode::Status::Approved : FakeDeviceCode::Status::Denied;
    d->username = username;
    return true;
}

FakeHttpResponse InteractiveFlows::devicePage(const FakeRequest &request)
{
    const QString title = QStringLiteral("Device sign-in");
    if (request.method == "POST") {
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        const QString userCode = form.value(QStringLiteral("user_code"));
        const QString username = form.value(QStringLiteral("username"));
        const bool approve = form.value(QStringLiteral("decision")) != QLatin1String("deny");
        if (approve && !m_state.checkPassword(username, form.value(QStringLiteral("password"))))
            return page(200, title,
                        QStringLiteral("<p class=\"error\">Wrong user name or "
                                       "password.</p><p><a href=\"?\">Try again</a></p>"));
        if (!setDeviceDecision(userCode, username, approve))
            return page(400, title,
                        QStringLiteral("<p class=\"error\">Unknown or expired code."
                                       "</p>"));
        return page(200, title,
                    approve ? QStringLiteral("<h1>Device approved</h1><p>Return to your device."
                                             "</p>")
                            : QStringLiteral("<h1>Request denied</h1>"));
    }
    const QString prefill = FakeHttp::parseForm(request.query).value(QStringLiteral("user_code"));
    return page(200, title,
                QStringLiteral("<h1>Enter the code shown on your device</h1>\n"
                               "<form method=\"post\">\n"
                               "<label>Code <input name=\"user_code\" value=\"%1\"></label>\n"
                               "<label>User <input name=\"username\"></label>\n"
                               "<label>Password <input name=\"password\" type=\"password\">"
                               "</label>\n"
                               "<button name=\"decision\" value=\"approve\">Allow</button>\n"
                               "<button name=\"decision\" value=\"deny\">Deny</button>\n"
                               "</form>")
                        .arg(prefill.toHtmlEscaped()));
}
