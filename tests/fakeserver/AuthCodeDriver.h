#pragma once

#include "FakeServerFixture.h"

#include <QUrlQuery>

// Walks the fake server's authorization-code flow the way a browser and a client would (tests
// only): the authorization request, the consent form, the 302's query and the code exchange.
// Defaults: the fixture's public generic client "pub" / Salesforce "sf-app", redirect
// http://127.0.0.1:5555/callback, state "st-123", the RFC 7636 appendix B verifier.
class AuthCodeDriver
{
public:
    using Fields = TestHttpClient::Fields;
    static constexpr const char *Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static constexpr const char *Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static constexpr const char *Redirect = "http://127.0.0.1:5555/callback";

    explicit AuthCodeDriver(FakeServerFixture &fixture) : f(fixture) { }

    struct Pending
    {
        HttpResult page; // the consent page (or the error page / error redirect)
        QByteArray requestId; // the form's request_id; empty when there is no form
    };
    // `overrides` replace default query fields; a null value removes the field.
    Pending authorize(Dialect d, const Fields &overrides = {},
                      const QByteArray &redirect = Redirect, const QByteArray &client = {});
    HttpResult consent(Dialect d, const QByteArray &requestId,
                       const QByteArray &decision = "approve",
                       const QByteArray &password = FakeServerFixture::Password);
    QByteArray codeFor(Dialect d); // authorize + approve as alice
    HttpResult exchange(Dialect d, const QByteArray &code, const Fields &overrides = {});

    static QUrlQuery locationQuery(const HttpResult &r);
    static QByteArray clientOf(Dialect d) { return d == Dialect::Salesforce ? "sf-app" : "pub"; }
    QString issuerOf(Dialect d) const;

private:
    static void apply(Fields &fields, const Fields &overrides);
    FakeServerFixture &f;
};
