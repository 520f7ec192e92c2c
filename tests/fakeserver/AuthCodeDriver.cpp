#include "AuthCodeDriver.h"

#include <QRegularExpression>

void AuthCodeDriver::apply(Fields &fields, const Fields &overrides)
{
    for (const auto &o : overrides) {
        fields.removeIf([&](const QPair<QByteArray, QByteArray> &p) { return p.first == o.first; });
        if (!o.second.isNull())
            fields.append(o);
    }
}

AuthCodeDriver::Pending AuthCodeDriver::authorize(Dialect d, const Fields &overrides,
                                                  const QByteArray &redirect,
                                                  const QByteArray &client)
{
    Fields q{{"response_type", "code"},
             {"client_id", client.isEmpty() ? clientOf(d) : client},
             {"redirect_uri", redirect},
             {"scope", d == Dialect::Salesforce ? "api refresh_token" : "read"},
             {"state", "st-123"},
             {"code_challenge", Challenge},
             {"code_challenge_method", "S256"}};
    apply(q, overrides);
    Pending p;
    p.page = f.http->get(FakeAuthServer::authorizePath(d) + '?' + TestHttpClient::formEncode(q));
    const auto m = QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([0-9a-f]+)\""))
                           .match(QString::fromUtf8(p.page.body));
    p.requestId = m.captured(1).toLatin1();
    return p;
}

HttpResult AuthCodeDriver::consent(Dialect d, const QByteArray &requestId,
                                   const QByteArray &decision, const QByteArray &password)
{
    return f.http->postForm(FakeAuthServer::authorizePath(d),
                            {{"request_id", requestId},
                             {"username", "alice"},
                             {"password", password},
                             {"decision", decision}});
}

QUrlQuery AuthCodeDriver::locationQuery(const HttpResult &r)
{
    return QUrlQuery(QUrl::fromEncoded(r.header("Location")));
}

QByteArray AuthCodeDriver::codeFor(Dialect d)
{
    const HttpResult r = consent(d, authorize(d).requestId);
    return locationQuery(r).queryItemValue(QStringLiteral("code")).toLatin1();
}

HttpResult AuthCodeDriver::exchange(Dialect d, const QByteArray &code, const Fields &overrides)
{
    Fields form{{"grant_type", "authorization_code"},
                {"code", code},
                {"redirect_uri", Redirect},
                {"client_id", clientOf(d)},
                {"code_verifier", Verifier}};
    if (d == Dialect::Salesforce)
        form.append({QByteArray("client_secret"), QByteArray(FakeServerFixture::SfSecret)});
    apply(form, overrides);
    return f.http->postForm(d == Dialect::Salesforce ? "/services/oauth2/token" : "/generic/token",
                            form);
}

QString AuthCodeDriver::issuerOf(Dialect d) const
{
    return d == Dialect::Salesforce ? f.server->baseUrl().toString()
                                    : f.server->issuer().toString();
}
