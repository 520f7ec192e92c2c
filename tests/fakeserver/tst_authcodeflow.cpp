#include "FakeServerFixture.h"
#include "FlowBook.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

// Issue 12 over real HTTP: the authorization endpoint of the generic and Salesforce dialects
// (login + consent page, 302 with code/state/iss), PKCE S256 at the token endpoint, one-time
// short-lived codes, exact redirect URI matching, and the knobs for iss, denial, slow consent,
// replay and auto-approval.
class tst_AuthCodeFlow : public QObject
{
    Q_OBJECT

    static constexpr const char *Verifier =
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636
    static constexpr const char *Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"; // ditto
    static constexpr const char *Redirect = "http://127.0.0.1:5555/callback";

    struct Pending
    {
        HttpResult page;
        QByteArray requestId;
    };
    static QByteArray clientOf(Dialect d) { return d == Dialect::Salesforce ? "sf-app" : "pub"; }
    static QByteArray scopeOf(Dialect d)
    {
        return d == Dialect::Salesforce ? "api refresh_token" : "read";
    }

    Pending authorize(Dialect d, QList<QPair<QByteArray, QByteArray>> extra = {},
                      const QByteArray &redirect = Redirect, const QByteArray &client = {})
    {
        TestHttpClient::Fields q{{"response_type", "code"},
                                 {"client_id", client.isEmpty() ? clientOf(d) : client},
                                 {"redirect_uri", redirect},
                                 {"scope", scopeOf(d)},
                                 {"state", "st-123"},
                                 {"code_challenge", Challenge},
                                 {"code_challenge_method", "S256"}};
        for (const auto &e : extra) {
            q.removeIf([&](const QPair<QByteArray, QByteArray> &p) { return p.first == e.first; });
            if (!e.second.isNull())
                q.append(e);
        }
        Pending p;
        p.page =
                f.http->get(FakeAuthServer::authorizePath(d) + '?' + TestHttpClient::formEncode(q));
        const auto m =
                QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([0-9a-f]+)\""))
                        .match(QString::fromUtf8(p.page.body));
        p.requestId = m.captured(1).toLatin1();
        return p;
    }
    HttpResult consent(Dialect d, const QByteArray &requestId,
                       const QByteArray &decision = "approve",
                       const QByteArray &password = FakeServerFixture::Password)
    {
        return f.http->postForm(FakeAuthServer::authorizePath(d),
                                {{"request_id", requestId},
                                 {"username", "alice"},
                                 {"password", password},
                                 {"decision", decision}});
    }
    static QUrlQuery locationQuery(const HttpResult &r)
    {
        return QUrlQuery(QUrl::fromEncoded(r.header("Location")));
    }
    QByteArray codeFor(Dialect d)
    {
        const HttpResult r = consent(d, authorize(d).requestId);
        return locationQuery(r).queryItemValue(QStringLiteral("code")).toLatin1();
    }
    HttpResult exchange(Dialect d, const QByteArray &code,
                        QList<QPair<QByteArray, QByteArray>> extra = {})
    {
        TestHttpClient::Fields form{{"grant_type", "authorization_code"},
                                    {"code", code},
                                    {"redirect_uri", Redirect},
                                    {"client_id", clientOf(d)},
                                    {"code_verifier", Verifier}};
        if (d == Dialect::Salesforce)
            form.append({QByteArray("client_secret"), QByteArray(FakeServerFixture::SfSecret)});
        for (const auto &e : extra) {
            form.removeIf(
                    [&](const QPair<QByteArray, QByteArray> &p) { return p.first == e.first; });
            if (!e.second.isNull())
                form.append(e);
        }
        return f.http->postForm(
                d == Dialect::Salesforce ? "/services/oauth2/token" : "/generic/token", form);
    }
    QString issuerOf(Dialect d) const
    {
        return d == Dialect::Salesforce ? f.server->baseUrl().toString()
                                        : f.server->issuer().toString();
    }
    static void bothDialects()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("generic") << int(Dialect::Generic);
        QTest::newRow("salesforce") << int(Dialect::Salesforce);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        FakeAuthServer::Client exact{QStringLiteral("exact"), {}, QStringLiteral("read")};
        exact.redirectUris = {QString::fromLatin1(Redirect)};
        f.server->addClient(Dialect::Generic, exact);
        exact.clientId = QStringLiteral("any-port");
        exact.anyLoopbackPort = true;
        f.server->addClient(Dialect::Generic, exact);
    }
    void cleanup() { f.tearDown(); }

    void rfc7636AppendixB()
    {
        QCOMPARE(FlowBook::s256(QString::fromLatin1(Verifier)), QString::fromLatin1(Challenge));
    }

    void signInThroughTheBrowser_data() { bothDialects(); }
    void signInThroughTheBrowser()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const Pending p = authorize(d);
        QCOMPARE(p.page.status, 200);
        QVERIFY(p.page.header("Content-Type").startsWith("text/html"));
        QVERIFY(p.page.body.contains("<form"));
        QVERIFY(!p.requestId.isEmpty());
        const HttpResult r = consent(d, p.requestId);
        QCOMPARE(r.status, 302);
        QVERIFY(r.header("Location").startsWith(QByteArray(QByteArray(Redirect) + '?')));
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), issuerOf(d));
        const QByteArray code = q.queryItemValue(QStringLiteral("code")).toLatin1();
        QCOMPARE(code, f.server->lastAuthorizationCode());
        const HttpResult tokens = exchange(d, code);
        QCOMPARE(tokens.status, 200);
        QVERIFY(f.server->isTokenActive(tokens.str("access_token").toLatin1()));
        QVERIFY(f.server->isTokenActive(tokens.str("refresh_token").toLatin1()));
        QCOMPARE(f.server->liveGrantCount(d), 1); // the fixture signs no one in
    }

    void discoveryAnnouncesTheFlow_data() { bothDialects(); }
    void discoveryAnnouncesTheFlow()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const QByteArray path = d == Dialect::Salesforce
                ? "/.well-known/openid-configuration"
                : "/generic/.well-known/openid-configuration";
        QJsonObject doc = f.http->get(path).json();
        QCOMPARE(doc.value(QLatin1String("authorization_endpoint")).toString(),
                 f.server->baseUrl().toString()
                         + QString::fromLatin1(FakeAuthServer::authorizePath(d)));
        QCOMPARE(doc.value(QLatin1String("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QCOMPARE(
                doc.value(QLatin1String("authorization_response_iss_parameter_supported")).toBool(),
                true);
        f.server->knobs(d).advertiseIss = false;
        doc = f.http->get(path).json();
        QVERIFY(!doc.contains(QLatin1String("authorization_response_iss_parameter_supported")));
    }

    void issKnob_data()
    {
        QTest::addColumn<int>("iss");
        QTest::newRow("correct") << int(FakeAuthServer::Knobs::Iss::Correct);
        QTest::newRow("wrong") << int(FakeAuthServer::Knobs::Iss::Wrong);
        QTest::newRow("absent") << int(FakeAuthServer::Knobs::Iss::Absent);
    }
    void issKnob()
    {
        QFETCH(int, iss);
        f.server->knobs(Dialect::Generic).authorizeIss = FakeAuthServer::Knobs::Iss(iss);
        const QUrlQuery q =
                locationQuery(consent(Dialect::Generic, authorize(Dialect::Generic).requestId));
        QVERIFY(q.hasQueryItem(QStringLiteral("code")));
        switch (FakeAuthServer::Knobs::Iss(iss)) {
        case FakeAuthServer::Knobs::Iss::Correct:
            QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                     issuerOf(Dialect::Generic));
            break;
        case FakeAuthServer::Knobs::Iss::Wrong:
            QVERIFY(q.hasQueryItem(QStringLiteral("iss")));
            QVERIFY(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded)
                    != issuerOf(Dialect::Generic));
            break;
        case FakeAuthServer::Knobs::Iss::Absent:
            QVERIFY(!q.hasQueryItem(QStringLiteral("iss")));
            break;
        }
    }

    void codeExchangeFailures_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value"); // null: the field is left out
        QTest::addColumn<QString>("error");
        for (Dialect d : {Dialect::Generic, Dialect::Salesforce}) {
            const QByteArray n = dialectId(d).toLatin1();
            QTest::addRow("%s wrong verifier", n.constData())
                    << int(d) << QByteArray("code_verifier") << QByteArray(43, 'a')
                    << (d == Dialect::Salesforce ? QStringLiteral("invalid_request")
                                                 : QStringLiteral("invalid_grant"));
            QTest::addRow("%s no verifier", n.constData())
                    << int(d) << QByteArray("code_verifier") << QByteArray()
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s redirect on another port", n.constData())
                    << int(d) << QByteArray("redirect_uri")
                    << QByteArray("http://127.0.0.1:5556/callback")
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s no redirect_uri", n.constData())
                    << int(d) << QByteArray("redirect_uri") << QByteArray()
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s unknown code", n.constData())
                    << int(d) << QByteArray("code") << QByteArray("code-nope")
                    << QStringLiteral("invalid_grant");
        }
        QTest::newRow("generic other client")
                << int(Dialect::Generic) << QByteArray("client_id") << QByteArray("exact")
                << QStringLiteral("invalid_grant");
    }
    void codeExchangeFailures()
    {
        QFETCH(int, dialect);
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, error);
        const auto d = Dialect(dialect);
        const QByteArray code = codeFor(d);
        QVERIFY(!code.isEmpty());
        const HttpResult r = exchange(d, code, {{field, value}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), error);
        QCOMPARE(f.server->liveGrantCount(d), 0);
        // A failed attempt uses the code up (an unknown code touches nothing).
        QCOMPARE(exchange(d, code).status, field == "code" ? 200 : 400);
    }

    void codeExpires()
    {
        f.server->knobs(Dialect::Generic).codeLifetime = 30;
        const QByteArray code = codeFor(Dialect::Generic);
        f.clock->advance(30 * 1000);
        const HttpResult r = exchange(Dialect::Generic, code);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant"));
    }

    void replayedCode_data()
    {
        QTest::addColumn<bool>("revokes");
        QTest::newRow("replay revokes the grant") << true;
        QTest::newRow("replay only rejected") << false;
    }
    void replayedCode()
    {
        QFETCH(bool, revokes);
        f.server->knobs(Dialect::Generic).codeReplayRevokesGrant = revokes;
        const QByteArray code = codeFor(Dialect::Generic);
        const HttpResult first = exchange(Dialect::Generic, code);
        QCOMPARE(first.status, 200);
        const HttpResult replay = exchange(Dialect::Generic, code);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.server->isGrantLive(first.str("access_token").toLatin1()), !revokes);
    }

    void redirectUriMatching_data()
    {
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<QByteArray>("redirect");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("exact: registered") << QByteArray("exact") << QByteArray(Redirect) << true;
        QTest::newRow("exact: other port")
                << QByteArray("exact") << QByteArray("http://127.0.0.1:5556/callback") << false;
        QTest::newRow("exact: other path")
                << QByteArray("exact") << QByteArray("http://127.0.0.1:5555/cb") << false;
        QTest::newRow("exact: localhost")
                << QByteArray("exact") << QByteArray("http://localhost:5555/callback") << false;
        QTest::newRow("any port: other port")
                << QByteArray("any-port") << QByteArray("http://127.0.0.1:40001/callback") << true;
        QTest::newRow("any port: other path")
                << QByteArray("any-port") << QByteArray("http://127.0.0.1:40001/x") << false;
        QTest::newRow("unregistered: loopback")
                << QByteArray("pub") << QByteArray("http://[::1]:40001/cb") << true;
        QTest::newRow("unregistered: https host")
                << QByteArray("pub") << QByteArray("https://evil.example/cb") << false;
        QTest::newRow("unregistered: fragment")
                << QByteArray("pub") << QByteArray("http://127.0.0.1:1/cb#x") << false;
    }
    void redirectUriMatching()
    {
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, redirect);
        QFETCH(bool, accepted);
        const Pending p = authorize(Dialect::Generic, {}, redirect, client);
        if (!accepted) { // an error page, never a redirect to an unverified URI
            QCOMPARE(p.page.status, 400);
            QVERIFY(p.page.header("Location").isEmpty());
            QVERIFY(p.requestId.isEmpty());
            return;
        }
        QCOMPARE(p.page.status, 200);
        const HttpResult r = consent(Dialect::Generic, p.requestId);
        QVERIFY(r.header("Location").startsWith(QByteArray(redirect + '?')));
    }

    void authorizeRequestErrors_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("no PKCE") << QByteArray("code_challenge") << QByteArray()
                                 << QStringLiteral("invalid_request");
        QTest::newRow("plain PKCE") << QByteArray("code_challenge_method") << QByteArray("plain")
                                    << QStringLiteral("invalid_request");
        QTest::newRow("implicit") << QByteArray("response_type") << QByteArray("token")
                                  << QStringLiteral("unsupported_response_type");
        QTest::newRow("scope") << QByteArray("scope") << QByteArray("admin")
                               << QStringLiteral("invalid_scope");
    }
    void authorizeRequestErrors()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, error);
        const HttpResult r = authorize(Dialect::Generic, {{field, value}}).page;
        QCOMPARE(r.status, 302);
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), error);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
    }

    void unknownClientGetsAPageNotARedirect()
    {
        const HttpResult r = authorize(Dialect::Generic, {}, Redirect, "nobody").page;
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("Location").isEmpty());
    }

    void pkceOptionalByKnob()
    {
        f.server->knobs(Dialect::Generic).requirePkce = false;
        const Pending p = authorize(Dialect::Generic,
                                    {{"code_challenge", {}}, {"code_challenge_method", {}}});
        QCOMPARE(p.page.status, 200);
        const QByteArray code = locationQuery(consent(Dialect::Generic, p.requestId))
                                        .queryItemValue(QStringLiteral("code"))
                                        .toLatin1();
        QCOMPARE(exchange(Dialect::Generic, code, {{"code_verifier", {}}}).status, 200);
    }

    void denial_data()
    {
        QTest::addColumn<bool>("knob");
        QTest::newRow("user clicks Deny") << false;
        QTest::newRow("denyConsent knob") << true;
    }
    void denial()
    {
        QFETCH(bool, knob);
        f.server->knobs(Dialect::Generic).denyConsent = knob;
        const HttpResult r = consent(Dialect::Generic, authorize(Dialect::Generic).requestId,
                                     knob ? "approve" : "deny");
        QCOMPARE(r.status, 302);
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QVERIFY(q.hasQueryItem(QStringLiteral("iss")));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
        QVERIFY(f.server->lastAuthorizationCode().isEmpty());
    }

    void wrongPasswordShowsThePageAgain()
    {
        const Pending p = authorize(Dialect::Generic);
        const HttpResult wrong = consent(Dialect::Generic, p.requestId, "approve", "nope");
        QCOMPARE(wrong.status, 200);
        QVERIFY(wrong.header("Location").isEmpty());
        QVERIFY(wrong.body.contains("Wrong user name or password"));
        QCOMPARE(consent(Dialect::Generic, p.requestId).status, 302);
        QCOMPARE(consent(Dialect::Generic, p.requestId).status, 400); // the request is finished
    }

    void stateIsEchoedExactly()
    {
        const QByteArray state = "a b&c=d/\xc3\xa9+%";
        const HttpResult r = consent(Dialect::Generic,
                                     authorize(Dialect::Generic, {{"state", state}}).requestId);
        QCOMPARE(locationQuery(r).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QString::fromUtf8(state));
    }

    void slowConsent()
    {
        f.server->knobs(Dialect::Generic).consentDelayMs = 300;
        const HttpResult r = consent(Dialect::Generic, authorize(Dialect::Generic).requestId);
        QCOMPARE(r.status, 302);
        QVERIFY(r.elapsedMs >= 300);
    }

    void autoApprovePageSubmitsItself()
    {
        auto &k = f.server->knobs(Dialect::Generic);
        const Pending manual = authorize(Dialect::Generic);
        QVERIFY(!manual.page.body.contains("<script>"));
        QCOMPARE(f.http->postForm("/generic/authorize",
                                  {{"request_id", manual.requestId},
                                   {"username", "alice"},
                                   {"auto_approve", "1"}})
                         .status,
                 200); // without the knob auto_approve is just a wrong password
        k.autoApprove = true;
        k.autoApproveUser = QStringLiteral("alice");
        const Pending p = authorize(Dialect::Generic);
        QVERIFY(p.page.body.contains("<script>"));
        QVERIFY(!p.page.body.contains(FakeServerFixture::Password));
        // What the browser submits: the hidden fields of the page.
        const HttpResult r = f.http->postForm("/generic/authorize",
                                              {{"request_id", p.requestId},
                                               {"username", "alice"},
                                               {"auto_approve", "1"},
                                               {"decision", "approve"}});
        QCOMPARE(r.status, 302);
        const QByteArray code = locationQuery(r).queryItemValue(QStringLiteral("code")).toLatin1();
        QCOMPARE(exchange(Dialect::Generic, code).status, 200);
    }

    void strictClientAuthAppliesToTheExchange()
    {
        FakeAuthServer::Client c{QStringLiteral("conf-basic"), "s3", QStringLiteral("read")};
        c.auth = FakeAuthServer::ClientAuth::SecretBasic;
        f.server->addClient(Dialect::Generic, c);
        const Pending p = authorize(Dialect::Generic, {}, Redirect, "conf-basic");
        const QByteArray code = locationQuery(consent(Dialect::Generic, p.requestId))
                                        .queryItemValue(QStringLiteral("code"))
                                        .toLatin1();
        TestHttpClient::Fields form{{"grant_type", "authorization_code"},
                                    {"code", code},
                                    {"redirect_uri", Redirect},
                                    {"code_verifier", Verifier}};
        HttpResult r = f.http->postForm("/generic/token",
                                        form + TestHttpClient::Fields{{"client_id", "conf-basic"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(f.server->clientAuthFailures(QStringLiteral("generic.token")), 1);
        r = f.http->postForm("/generic/token", form, TestHttpClient::basic("conf-basic", "s3"));
        QCOMPARE(r.status, 200); // the rejected request did not burn the code
    }

private:
    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_AuthCodeFlow)
#include "tst_authcodeflow.moc"
