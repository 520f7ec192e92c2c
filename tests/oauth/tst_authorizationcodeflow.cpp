#include "AuthorizationCodeFlow.h"
#include "FormEncoding.h"
#include "HttpClient.h"
#include "LoopbackListener.h"
#include "ManualFlowTimer.h"
#include "TinyHttpResponder.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

// The browser sign-in (authorization code + PKCE, RFC 8252): per-dialect endpoints and
// authorization URLs, the code-exchange request and its error classes (M-63) as pure tables;
// then the whole job against an in-test authorization server (TinyHttpResponder) with a
// QNetworkAccessManager as the "browser" that follows the redirect to the loopback listener.
class tst_AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void forAccount_data();
    void forAccount();
    void fromMetadata();
    void check_data();
    void check();
    void effectiveScope_data();
    void effectiveScope();
    void scopeAdvice();
    void authorizationUrl_data();
    void authorizationUrl();
    void authorizationUrlKeepsEndpointQuery();
    void exchangeRequest_data();
    void exchangeRequest();
    void parseExchangeReply_data();
    void parseExchangeReply();

    void signsInThroughTheBrowser();
    void salesforceWebServerFlow();
    void issuerMismatchSendsNothing();
    void accessDeniedSendsNothing();
    void rejectedCodeIsNotRetried();
    void exchangeCutOffIsNotRetried();
    void silenceTimesOut();
    void cancelWhileWaiting();
    void venafiHasNoBrowserFlow();
    void plainHttpEndpointRefused();
    void destroyedDuringExchange();

private:
    // The in-test authorization server: /authorize redirects to the loopback listener,
    // /token checks the code and the PKCE verifier.
    struct Server
    {
        TinyHttpResponder http;
        QString redirectState; // "" = echo the request's state
        QString iss; // "" = no iss
        QString authorizeError; // e.g. access_denied
        bool cutToken = false; // the answer breaks off mid-body
        QByteArray lastChallenge;
        QByteArray lastRedirectUri;
        QByteArray issuedCode = "code-1";
        QByteArray tokenJson =
                R"({"access_token":"AT-1","token_type":"Bearer","expires_in":3600,"refresh_token":"RT-1"})";
        int authorizeCount = 0;
        int tokenCount = 0;
    };
    void serve(Server *server);
    AccountConfig genericConfig() const;
    FlowEndpoints genericEndpoints() const;
    // Runs the flow with the QNAM "browser" following every URL it is asked to open.
    void run(AuthorizationCodeFlow *flow, bool browser = true);

    std::unique_ptr<Server> m_as;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    ManualClock m_clock;
    int m_browserPages = 0;
};

using K = AuthError::Kind;

void tst_AuthorizationCodeFlow::init()
{
    m_as = std::make_unique<Server>();
    serve(m_as.get());
    QVERIFY(m_as->http.listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get(), &m_clock);
    m_http->setTransferTimeoutMs(3000);
    m_browserPages = 0;
}

void tst_AuthorizationCodeFlow::cleanup()
{
    m_http.reset();
    m_nam.reset();
    m_as.reset();
}

void tst_AuthorizationCodeFlow::serve(Server *s)
{
    s->http.setHandler([s](const TinyHttpResponder::Request &r) {
        TinyHttpResponder::Response out;
        if (r.method == "GET" && r.path().endsWith("/authorize")) {
            ++s->authorizeCount;
            const QUrlQuery q = r.query();
            s->lastChallenge = q.queryItemValue(QStringLiteral("code_challenge")).toLatin1();
            s->lastRedirectUri =
                    q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded).toUtf8();
            QUrl target(QString::fromUtf8(s->lastRedirectUri));
            QUrlQuery back;
            if (s->authorizeError.isEmpty())
                back.addQueryItem(QStringLiteral("code"), QString::fromLatin1(s->issuedCode));
            else
                back.addQueryItem(QStringLiteral("error"), s->authorizeError);
            back.addQueryItem(QStringLiteral("state"),
                              s->redirectState.isEmpty() ? q.queryItemValue(QStringLiteral("state"))
                                                         : s->redirectState);
            if (!s->iss.isEmpty())
                back.addQueryItem(QStringLiteral("iss"), s->iss);
            target.setQuery(back);
            out.status = 302;
            out.headers = {{"Location", target.toString(QUrl::FullyEncoded).toUtf8()}};
            return out;
        }
        if (r.method == "POST" && r.path().endsWith("/token")) {
            ++s->tokenCount;
            if (s->cutToken) {
                out.truncate = true;
                return out;
            }
            const bool pkceOk = Pkce::challengeS256(r.field("code_verifier")) == s->lastChallenge
                    && !s->lastChallenge.isEmpty();
            const bool ok = r.field("grant_type") == "authorization_code"
                    && r.field("code") == s->issuedCode && pkceOk
                    && r.field("redirect_uri") == s->lastRedirectUri;
            if (!ok) {
                out.status = 400;
                out.body =
                        R"({"error":"invalid_grant","error_description":"PKCE verification failed"})";
                return out;
            }
            s->issuedCode = "used"; // single use
            out.body = s->tokenJson;
            return out;
        }
        out.status = 404;
        return out;
    });
}

AccountConfig tst_AuthorizationCodeFlow::genericConfig() const
{
    AccountConfig c;
    c.dialect = Dialect::Generic;
    c.serverUrl = m_as->http.url(QStringLiteral("/t1"));
    c.clientId = QStringLiteral("desktop-client");
    c.scope = QStringLiteral("openid read");
    return c;
}

FlowEndpoints tst_AuthorizationCodeFlow::genericEndpoints() const
{
    QJsonObject doc{{QStringLiteral("issuer"), m_as->http.url(QStringLiteral("/t1")).toString()},
                    {QStringLiteral("authorization_endpoint"),
                     m_as->http.url(QStringLiteral("/t1/authorize")).toString()},
                    {QStringLiteral("token_endpoint"),
                     m_as->http.url(QStringLiteral("/t1/token")).toString()}};
    return FlowEndpoints::forAccount(genericConfig(), FlowEndpoints::fromMetadata(doc));
}

void tst_AuthorizationCodeFlow::run(AuthorizationCodeFlow *flow, bool browser)
{
    if (browser) {
        connect(flow, &AuthorizationCodeFlow::openBrowserRequested, this, [this](const QUrl &url) {
            QNetworkReply *reply = m_nam->get(QNetworkRequest(url)); // follows the 302
            connect(reply, &QNetworkReply::finished, this, [this, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                    && reply->readAll().contains("You can close this tab."))
                    ++m_browserPages;
                reply->deleteLater();
            });
        });
    }
    flow->start();
}

// --- pure tables -------------------------------------------------------------------------

void tst_AuthorizationCodeFlow::forAccount_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("authorize");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("token");
    QTest::newRow("salesforce login") << int(Dialect::Salesforce) << "https://login.salesforce.com"
                                      << "https://login.salesforce.com/services/oauth2/authorize"
                                      << "https://login.salesforce.com/services/oauth2/token"
                                      << "https://login.salesforce.com/services/oauth2/token";
    QTest::newRow("salesforce my domain, trailing slash")
            << int(Dialect::Salesforce) << "https://acme.my.salesforce.com/"
            << "https://acme.my.salesforce.com/services/oauth2/authorize"
            << "https://acme.my.salesforce.com/services/oauth2/token"
            << "https://acme.my.salesforce.com/services/oauth2/token";
    QTest::newRow("venafi") << int(Dialect::Venafi) << "https://tpp.example.com"
                            << ""
                            << "https://tpp.example.com/vedauth/authorize/device"
                            << "https://tpp.example.com/vedauth/authorize/token";
    QTest::newRow("generic: from metadata") << int(Dialect::Generic) << "https://as.example/t1"
                                            << "https://as.example/auth"
                                            << "https://as.example/device"
                                            << "https://as.example/token";
}

void tst_AuthorizationCodeFlow::forAccount()
{
    QFETCH(int, dialect);
    QFETCH(QString, server);
    QFETCH(QString, authorize);
    QFETCH(QString, device);
    QFETCH(QString, token);
    AccountConfig c;
    c.dialect = Dialect(dialect);
    c.serverUrl = QUrl(server);
    FlowEndpoints discovered;
    discovered.authorizationEndpoint = QUrl(QStringLiteral("https://as.example/auth"));
    discovered.deviceAuthorizationEndpoint = QUrl(QStringLiteral("https://as.example/device"));
    discovered.tokenEndpoint = QUrl(QStringLiteral("https://as.example/token"));
    const FlowEndpoints e = FlowEndpoints::forAccount(c, discovered);
    QCOMPARE(e.authorizationEndpoint.toString(), authorize);
    QCOMPARE(e.deviceAuthorizationEndpoint.toString(), device);
    QCOMPARE(e.tokenEndpoint.toString(), token);
    QCOMPARE(e.supportsBrowser(), !authorize.isEmpty());
    QCOMPARE(e.supportsDevice(), true);

    if (c.dialect == Dialect::Generic) {
        QCOMPARE(e.issuer, server); // nothing discovered: the configured issuer
        c.tokenEndpoint = QUrl(QStringLiteral("https://as.example/by-hand"));
        QCOMPARE(FlowEndpoints::forAccount(c, discovered).tokenEndpoint.toString(),
                 QStringLiteral("https://as.example/by-hand"));
        QVERIFY(FlowEndpoints::defaultRedirectPorts(c.dialect).isEmpty()); // ephemeral
    } else {
        QVERIFY(e.issuer.isEmpty());
        QVERIFY(!e.issuerRequired);
    }
    if (c.dialect == Dialect::Salesforce)
        QCOMPARE(FlowEndpoints::defaultRedirectPorts(c.dialect),
                 (QList<quint16>{1717, 1718, 1719}));
}

void tst_AuthorizationCodeFlow::fromMetadata()
{
    const QJsonObject doc = QJsonDocument::fromJson(R"({
        "issuer": "https://as.example/t1",
        "authorization_endpoint": "https://as.example/t1/authorize",
        "token_endpoint": "https://as.example/t1/token",
        "device_authorization_endpoint": 42,
        "code_challenge_methods_supported": ["plain", "S256", 7],
        "authorization_response_iss_parameter_supported": true
    })")
                                    .object();
    const FlowEndpoints e = FlowEndpoints::fromMetadata(doc);
    QCOMPARE(e.issuer, QStringLiteral("https://as.example/t1"));
    QCOMPARE(e.authorizationEndpoint.toString(), QStringLiteral("https://as.example/t1/authorize"));
    QCOMPARE(e.tokenEndpoint.toString(), QStringLiteral("https://as.example/t1/token"));
    QVERIFY(e.deviceAuthorizationEndpoint.isEmpty()); // not a string
    QCOMPARE(e.codeChallengeMethods,
             (QStringList{QStringLiteral("plain"), QStringLiteral("S256")}));
    QVERIFY(e.issuerRequired);

    const FlowEndpoints s = FlowEndpoints::fromMetadata(QJsonDocument::fromJson(R"({
        "issuer": "https://as.example",
        "authorization_endpoint": "/relative",
        "authorization_response_iss_parameter_supported": "true"
    })")
                                                                .object());
    QVERIFY(s.authorizationEndpoint.isEmpty());
    QVERIFY(!s.issuerRequired); // only a JSON true announces it
    QVERIFY(s.codeChallengeMethods.isEmpty());
}

void tst_AuthorizationCodeFlow::check_data()
{
    QTest::addColumn<QString>("authorize");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << "https://as.example/a"
                           << "https://as.example/t" << true;
    QTest::newRow("loopback http") << "http://127.0.0.1:8080/a"
                                   << "http://127.0.0.1:8080/t" << true;
    QTest::newRow("no authorization endpoint") << ""
                                               << "https://as.example/t" << false;
    QTest::newRow("no token endpoint") << "https://as.example/a"
                                       << "" << false;
    QTest::newRow("plain http authorize") << "http://as.example/a"
                                          << "https://as.example/t" << false;
    QTest::newRow("plain http token") << "https://as.example/a"
                                      << "http://as.example/t" << false;
    QTest::newRow("localhost is not a literal") << "http://localhost/a"
                                                << "https://as.example/t" << false;
}

void tst_AuthorizationCodeFlow::check()
{
    QFETCH(QString, authorize);
    QFETCH(QString, token);
    QFETCH(bool, ok);
    FlowEndpoints e;
    e.authorizationEndpoint = QUrl(authorize);
    e.tokenEndpoint = QUrl(token);
    QCOMPARE(e.check(FlowEndpoints::Flow::Browser).isEmpty(), ok);
    QVERIFY(!e.check(FlowEndpoints::Flow::Device).isEmpty()); // no device endpoint
}

void tst_AuthorizationCodeFlow::effectiveScope_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("effective");
    const int sf = int(Dialect::Salesforce);
    QTest::newRow("sf api") << sf << "api"
                            << "api refresh_token";
    QTest::newRow("sf has refresh_token") << sf << "api refresh_token"
                                          << "api refresh_token";
    QTest::newRow("sf has offline_access") << sf << "offline_access api"
                                           << "offline_access api";
    QTest::newRow("sf empty: the app's scopes") << sf << ""
                                                << "";
    QTest::newRow("sf extra spaces") << sf << "  api   web "
                                     << "api web refresh_token";
    QTest::newRow("sf lookalike") << sf << "refresh_tokens"
                                  << "refresh_tokens refresh_token";
    QTest::newRow("generic untouched") << int(Dialect::Generic) << "openid read"
                                       << "openid read";
}

void tst_AuthorizationCodeFlow::effectiveScope()
{
    QFETCH(int, dialect);
    QFETCH(QString, scope);
    QFETCH(QString, effective);
    AccountConfig c;
    c.dialect = Dialect(dialect);
    c.scope = scope;
    QCOMPARE(AuthorizationCodeFlow::effectiveScope(c), effective);
}

void tst_AuthorizationCodeFlow::scopeAdvice()
{
    AccountConfig c;
    c.dialect = Dialect::Salesforce;
    QVERIFY(AuthorizationCodeFlow::scopeAdvice(c).contains(QLatin1String("refresh_token")));
    c.scope = QStringLiteral("api");
    QVERIFY(AuthorizationCodeFlow::scopeAdvice(c).isEmpty()); // refresh_token gets appended
    c.dialect = Dialect::Generic;
    c.scope.clear();
    QVERIFY(AuthorizationCodeFlow::scopeAdvice(c).isEmpty());
}

void tst_AuthorizationCodeFlow::authorizationUrl_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("expectedScope"); // "-" = absent
    QTest::addColumn<bool>("nonce");
    QTest::newRow("generic openid: nonce") << int(Dialect::Generic) << "openid profile"
                                           << "openid profile" << true;
    QTest::newRow("generic without openid: no nonce") << int(Dialect::Generic) << "read write"
                                                      << "read write" << false;
    QTest::newRow("generic no scope: no parameter") << int(Dialect::Generic) << ""
                                                    << "-" << false;
    QTest::newRow("salesforce api") << int(Dialect::Salesforce) << "api"
                                    << "api refresh_token" << false;
    QTest::newRow("salesforce openid") << int(Dialect::Salesforce) << "openid api refresh_token"
                                       << "openid api refresh_token" << true;
}

void tst_AuthorizationCodeFlow::authorizationUrl()
{
    QFETCH(int, dialect);
    QFETCH(QString, scope);
    QFETCH(QString, expectedScope);
    QFETCH(bool, nonce);
    AccountConfig c;
    c.dialect = Dialect(dialect);
    c.serverUrl = QUrl(QStringLiteral("https://acme.my.salesforce.com"));
    c.clientId = QStringLiteral("3MVG9+id/with=odd&chars");
    c.scope = scope;
    FlowEndpoints discovered;
    discovered.authorizationEndpoint = QUrl(QStringLiteral("https://as.example/authorize"));
    discovered.tokenEndpoint = QUrl(QStringLiteral("https://as.example/token"));
    const FlowEndpoints e = FlowEndpoints::forAccount(c, discovered);
    const Pkce::Attempt a = Pkce::newAttempt();
    const QUrl redirect(QStringLiteral("http://127.0.0.1:49152/callback"));
    const QUrl url = AuthorizationCodeFlow::buildAuthorizationUrl(c, e, redirect, a);

    QCOMPARE(url.adjusted(QUrl::RemoveQuery), e.authorizationEndpoint);
    if (c.dialect == Dialect::Salesforce)
        QCOMPARE(url.path(), QStringLiteral("/services/oauth2/authorize"));
    QVERIFY(url.isValid());
    const QUrlQuery q(url);
    const auto v = [&q](const char *k) {
        return q.queryItemValue(QLatin1String(k), QUrl::FullyDecoded);
    };
    QCOMPARE(v("response_type"), QStringLiteral("code"));
    QCOMPARE(v("client_id"), c.clientId); // '+', '/', '=', '&' survive
    QCOMPARE(v("redirect_uri"), QStringLiteral("http://127.0.0.1:49152/callback"));
    QCOMPARE(v("state"), QString::fromLatin1(a.state));
    QCOMPARE(v("code_challenge"), QString::fromLatin1(Pkce::challengeS256(a.verifier)));
    QCOMPARE(v("code_challenge_method"), QStringLiteral("S256"));
    QCOMPARE(q.hasQueryItem(QStringLiteral("scope")), expectedScope != QLatin1String("-"));
    if (expectedScope != QLatin1String("-"))
        QCOMPARE(v("scope"), expectedScope);
    QCOMPARE(q.hasQueryItem(QStringLiteral("nonce")), nonce);
    if (nonce)
        QCOMPARE(v("nonce"), QString::fromLatin1(a.nonce));
    QVERIFY(!url.toString(QUrl::FullyEncoded).contains(QString::fromLatin1(a.verifier)));
    QVERIFY(url.toString(QUrl::FullyEncoded)
                    .contains(QLatin1String("3MVG9%2Bid%2Fwith%3Dodd%26chars")));
}

void tst_AuthorizationCodeFlow::authorizationUrlKeepsEndpointQuery()
{
    AccountConfig c = AccountConfig();
    c.clientId = QStringLiteral("cid");
    FlowEndpoints e;
    e.authorizationEndpoint =
            QUrl(QStringLiteral("https://as.example/authorize?p=B2C_1_signin&response_type=token"));
    const QUrl url = AuthorizationCodeFlow::buildAuthorizationUrl(
            c, e, QUrl(QStringLiteral("http://127.0.0.1:1/callback")), Pkce::newAttempt());
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("p")), QStringLiteral("B2C_1_signin"));
    QCOMPARE(q.allQueryItemValues(QStringLiteral("response_type")),
             QStringList{QStringLiteral("code")});
}

void tst_AuthorizationCodeFlow::exchangeRequest_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    const QByteArray common = "grant_type=authorization_code&code=c%2F1&redirect_uri=http%3A%2F%2F"
                              "127.0.0.1%3A1717%2Fcallback&code_verifier=";
    QTest::newRow("generic public") << int(Dialect::Generic) << QByteArray()
                                    << common + "VERIFIER&client_id=my+client" << QByteArray();
    QTest::newRow("generic confidential: Basic")
            << int(Dialect::Generic) << QByteArray("s3cr:t") << common + "VERIFIER"
            << FormEncoding::basicAuthorization("my client", "s3cr:t");
    QTest::newRow("salesforce public") << int(Dialect::Salesforce) << QByteArray()
                                       << common + "VERIFIER&client_id=my+client" << QByteArray();
    QTest::newRow("salesforce with secret")
            << int(Dialect::Salesforce) << QByteArray("s3cr:t")
            << common + "VERIFIER&client_id=my+client&client_secret=s3cr%3At" << QByteArray();
}

void tst_AuthorizationCodeFlow::exchangeRequest()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);
    AccountConfig c;
    c.dialect = Dialect(dialect);
    c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    c.clientId = QStringLiteral("my client");
    FlowEndpoints discovered;
    discovered.tokenEndpoint = QUrl(QStringLiteral("https://as.example/token"));
    const FlowEndpoints e = FlowEndpoints::forAccount(c, discovered);
    Credentials creds;
    creds.clientSecret = secret;
    const HttpRequest r = AuthorizationCodeFlow::exchangeRequest(
            c, e, "c/1", QUrl(QStringLiteral("http://127.0.0.1:1717/callback")), "VERIFIER", creds);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url, e.tokenEndpoint);
    QCOMPARE(r.body, body);
    QByteArray auth;
    for (const auto &h : r.headers)
        if (h.first == "Authorization")
            auth = h.second;
    QCOMPARE(auth, authorization);
    QVERIFY(r.headers.contains(qMakePair(QByteArrayLiteral("Content-Type"),
                                         QByteArrayLiteral("application/x-www-form-urlencoded"))));
}

void tst_AuthorizationCodeFlow::parseExchangeReply_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    const int g = int(Dialect::Generic);
    const int sf = int(Dialect::Salesforce);
    const QByteArray tokens =
            R"({"access_token":"AT","token_type":"Bearer","expires_in":60,"refresh_token":"RT"})";
    QTest::newRow("ok") << g << 200 << tokens << int(K::None) << QString();
    QTest::newRow("expired code (M-63)")
            << g << 400
            << QByteArray(R"({"error":"invalid_grant","error_description":"code expired"})")
            << int(K::BadCredentials) << "authorization_code_rejected";
    QTest::newRow("PKCE mismatch (M-63)")
            << g << 400
            << QByteArray(
                       R"({"error":"invalid_grant","error_description":"code_verifier mismatch"})")
            << int(K::BadCredentials) << "authorization_code_rejected";
    QTest::newRow("salesforce replayed code (M-63)")
            << sf << 400
            << QByteArray(
                       R"({"error":"invalid_grant","error_description":"expired authorization code"})")
            << int(K::BadCredentials) << "authorization_code_rejected";
    QTest::newRow("invalid_client") << g << 401 << QByteArray(R"({"error":"invalid_client"})")
                                    << int(K::Config) << "invalid_client";
    QTest::newRow("redirect_uri mismatch is invalid_request")
            << sf << 400 << QByteArray(R"({"error":"invalid_request"})") << int(K::Config)
            << "invalid_request";
    QTest::newRow("503") << g << 503 << QByteArray("<html>busy</html>") << int(K::Transient)
                         << "http_503";
    QTest::newRow("200 with error") << g << 200 << QByteArray(R"({"error":"invalid_grant"})")
                                    << int(K::BadCredentials) << "authorization_code_rejected";
    QTest::newRow("200 not json") << g << 200 << QByteArray("ok") << int(K::Ambiguous)
                                  << "unparseable_token_response";
    QTest::newRow("salesforce instance_url")
            << sf << 200
            << QByteArray(
                       R"({"access_token":"AT","refresh_token":"RT","instance_url":"https://acme.my.salesforce.com","issued_at":"1767225600000","token_type":"Bearer"})")
            << int(K::None) << QString();
    QTest::newRow("salesforce http instance_url")
            << sf << 200
            << QByteArray(R"({"access_token":"AT","instance_url":"http://acme.my.salesforce.com"})")
            << int(K::Config) << "bad_instance_url";
}

void tst_AuthorizationCodeFlow::parseExchangeReply()
{
    QFETCH(int, dialect);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    AccountConfig c;
    c.dialect = Dialect(dialect);
    c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    HttpReply reply;
    reply.status = status;
    reply.body = body;
    reply.sentAtMs = m_clock.wallMs();
    const TokenResult r = AuthorizationCodeFlow::parseExchangeReply(c, reply, m_clock.wallMs());
    QCOMPARE(int(r.error.kind), kind);
    QCOMPARE(r.error.code, code);
    if (r.ok()) {
        QCOMPARE(r.tokens.accessToken, QByteArray("AT"));
        QCOMPARE(r.tokens.refreshToken, QByteArray("RT"));
        if (c.dialect == Dialect::Salesforce)
            QCOMPARE(r.tokens.instanceUrl.host(), QStringLiteral("acme.my.salesforce.com"));
        else
            QCOMPARE(r.tokens.accessExpiresAtMs, m_clock.wallMs() + 60000);
    }
    if (kind == int(K::BadCredentials))
        QVERIFY(!r.error.code.isEmpty()); // ui/ErrorText words it (tst_errortext)
}

// --- the job over real sockets -----------------------------------------------------------

void tst_AuthorizationCodeFlow::signsInThroughTheBrowser()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    FlowEndpoints e = genericEndpoints();
    e.issuerRequired = true;
    m_as->iss = e.issuer;
    flow.setAccount(genericConfig(), e);
    QSignalSpy browser(&flow, &AuthorizationCodeFlow::openBrowserRequested);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QCOMPARE(finished.count(), 0); // start() is queued
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().toLogString(), QStringLiteral("None"));
    QCOMPARE(flow.tokens().accessToken, QByteArray("AT-1"));
    QCOMPARE(flow.tokens().refreshToken, QByteArray("RT-1"));
    QCOMPARE(flow.tokens().accessExpiresAtMs, m_clock.wallMs() + 3600 * 1000);
    QCOMPARE(flow.stage(), AuthorizationCodeFlow::Stage::Done);
    QCOMPARE(browser.count(), 1);
    QCOMPARE(browser.at(0).at(0).toUrl(), flow.authorizationUrl());
    QCOMPARE(m_as->authorizeCount, 1);
    QCOMPARE(m_as->tokenCount, 1);
    QCOMPARE(QString::fromUtf8(m_as->lastRedirectUri), flow.redirectUri().toString());
    QVERIFY(flow.redirectUri().toString().startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY(flow.redirectUri().toString().endsWith(QLatin1String("/callback")));
    const TinyHttpResponder::Request token = m_as->http.last();
    QCOMPARE(token.field("client_id"), QByteArray("desktop-client"));
    QVERIFY(token.header("Authorization").isEmpty());
    QTRY_COMPARE(m_browserPages, 1); // the browser saw "you can close this tab"
    QNetworkReply *again = m_nam->get(QNetworkRequest(flow.redirectUri()));
    QSignalSpy done(again, &QNetworkReply::finished);
    QVERIFY(done.wait(3000));
    QCOMPARE(again->error(), QNetworkReply::ConnectionRefusedError); // the port is closed
    delete again;
}

void tst_AuthorizationCodeFlow::salesforceWebServerFlow()
{
    AccountConfig c;
    c.dialect = Dialect::Salesforce;
    c.serverUrl = m_as->http.url(QString());
    c.clientId = QStringLiteral("3MVG9consumer");
    c.scope = QStringLiteral("api");
    m_as->tokenJson =
            R"({"access_token":"00D!AT","refresh_token":"5Aep-RT","instance_url":"http://127.0.0.1:1/","id":"https://login.salesforce.com/id/00D/005","token_type":"Bearer","issued_at":"1767225600000"})";
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, FlowEndpoints::forAccount(c));
    flow.setRedirectPorts({}); // 1717 may be taken on a test machine
    Credentials creds;
    creds.clientSecret = "consumer-secret";
    flow.setCredentials(creds);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(!flow.error().isError(), qPrintable(flow.error().toLogString()));
    QCOMPARE(flow.tokens().accessToken, QByteArray("00D!AT"));
    QCOMPARE(flow.tokens().instanceUrl, QUrl(QStringLiteral("http://127.0.0.1:1/")));
    QVERIFY(flow.tokens().expiryEstimated); // Salesforce sends no expires_in
    const QUrlQuery q(flow.authorizationUrl());
    QCOMPARE(flow.authorizationUrl().path(), QStringLiteral("/services/oauth2/authorize"));
    QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
             QStringLiteral("api refresh_token"));
    const TinyHttpResponder::Request token = m_as->http.last();
    QCOMPARE(token.path(), QByteArray("/services/oauth2/token"));
    QCOMPARE(token.field("client_secret"), QByteArray("consumer-secret"));
    QCOMPARE(token.field("client_id"), QByteArray("3MVG9consumer"));
}

void tst_AuthorizationCodeFlow::issuerMismatchSendsNothing()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    FlowEndpoints e = genericEndpoints();
    e.issuerRequired = true;
    m_as->iss = QStringLiteral("https://attacker.example");
    flow.setAccount(genericConfig(), e);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().code, QStringLiteral("iss_mismatch"));
    QCOMPARE(m_as->authorizeCount, 1);
    QCOMPARE(m_as->tokenCount, 0); // the code never reached the token endpoint
    QVERIFY(flow.tokens().accessToken.isEmpty());
}

void tst_AuthorizationCodeFlow::accessDeniedSendsNothing()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(genericConfig(), genericEndpoints());
    m_as->authorizeError = QStringLiteral("access_denied");
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::BadCredentials);
    QCOMPARE(flow.error().code, QStringLiteral("access_denied"));
    QCOMPARE(m_as->tokenCount, 0);
}

void tst_AuthorizationCodeFlow::rejectedCodeIsNotRetried()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(genericConfig(), genericEndpoints());
    m_as->http.setHandler([this](const TinyHttpResponder::Request &r) {
        if (r.method == "POST") {
            ++m_as->tokenCount;
            return TinyHttpResponder::Response{
                    400,
                    R"({"error":"invalid_grant","error_description":"PKCE verification failed"})"};
        }
        ++m_as->authorizeCount;
        const QUrlQuery q = r.query();
        QUrl target(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        target.setQuery(QStringLiteral("code=c&state=")
                        + q.queryItemValue(QStringLiteral("state")));
        TinyHttpResponder::Response out;
        out.status = 302;
        out.headers = {{"Location", target.toString(QUrl::FullyEncoded).toUtf8()}};
        return out;
    });
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::BadCredentials);
    QCOMPARE(flow.error().code, QStringLiteral("authorization_code_rejected"));
    QCOMPARE(flow.error().description, QStringLiteral("PKCE verification failed"));
    QCOMPARE(m_as->tokenCount, 1);
    QCOMPARE(m_http->pendingCount(), 0); // and nothing further in flight: no retry
}

void tst_AuthorizationCodeFlow::exchangeCutOffIsNotRetried()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(genericConfig(), genericEndpoints());
    m_as->cutToken = true;
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::Ambiguous); // the server may have redeemed the code
    QCOMPARE(m_as->tokenCount, 1);
}

void tst_AuthorizationCodeFlow::silenceTimesOut()
{
    ManualFlowTimer timer(&m_clock);
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(genericConfig(), genericEndpoints());
    flow.setTimer(&timer);
    QSignalSpy browser(&flow, &AuthorizationCodeFlow::openBrowserRequested);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow, false); // the person never finishes in the browser
    QTRY_COMPARE(browser.count(), 1);
    QCOMPARE(flow.stage(), AuthorizationCodeFlow::Stage::WaitingForBrowser);
    QCOMPARE(timer.lastDelayMs(), LoopbackListener::kDefaultTimeoutMs);
    QVERIFY(timer.fireNow());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().code, QStringLiteral("sign_in_timeout"));
    QCOMPARE(m_as->tokenCount, 0);
    QNetworkReply *late = m_nam->get(QNetworkRequest(flow.redirectUri()));
    QSignalSpy done(late, &QNetworkReply::finished);
    QVERIFY(done.wait(3000));
    QCOMPARE(late->error(), QNetworkReply::ConnectionRefusedError);
    delete late;
}

void tst_AuthorizationCodeFlow::cancelWhileWaiting()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(genericConfig(), genericEndpoints());
    QSignalSpy browser(&flow, &AuthorizationCodeFlow::openBrowserRequested);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    run(&flow, false);
    QTRY_COMPARE(browser.count(), 1);
    flow.cancel();
    flow.cancel();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::Cancelled);
    QNetworkReply *late = m_nam->get(QNetworkRequest(flow.redirectUri()));
    QSignalSpy done(late, &QNetworkReply::finished);
    QVERIFY(done.wait(3000));
    QCOMPARE(late->error(), QNetworkReply::ConnectionRefusedError);
    delete late;
    QCOMPARE(finished.count(), 1);
}

void tst_AuthorizationCodeFlow::venafiHasNoBrowserFlow()
{
    AccountConfig c;
    c.dialect = Dialect::Venafi;
    c.serverUrl = QUrl(QStringLiteral("https://tpp.example.com"));
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, FlowEndpoints::forAccount(c));
    QSignalSpy browser(&flow, &AuthorizationCodeFlow::openBrowserRequested);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    flow.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::Config);
    QCOMPARE(flow.error().code, QStringLiteral("browser_sign_in_unsupported"));
    QCOMPARE(browser.count(), 0);
}

void tst_AuthorizationCodeFlow::plainHttpEndpointRefused()
{
    AuthorizationCodeFlow flow(m_http.get(), &m_clock);
    FlowEndpoints e = genericEndpoints();
    e.authorizationEndpoint = QUrl(QStringLiteral("http://as.example/authorize"));
    flow.setAccount(genericConfig(), e);
    QSignalSpy browser(&flow, &AuthorizationCodeFlow::openBrowserRequested);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    flow.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().code, QStringLiteral("bad_authorization_endpoint"));
    QCOMPARE(browser.count(), 0);
}

void tst_AuthorizationCodeFlow::destroyedDuringExchange()
{
    auto flow = std::make_unique<AuthorizationCodeFlow>(m_http.get(), &m_clock);
    flow->setAccount(genericConfig(), genericEndpoints());
    m_as->http.setHandler([this](const TinyHttpResponder::Request &r) {
        if (r.method == "POST") {
            // No answer at all: the exchange is still under way when the flow goes (a hang-up
            // ended it before the test could look, so the test raced the reply).
            ++m_as->tokenCount;
            TinyHttpResponder::Response out;
            out.silent = true;
            return out;
        }
        const QUrlQuery q = r.query();
        QUrl target(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        target.setQuery(QStringLiteral("code=c&state=")
                        + q.queryItemValue(QStringLiteral("state")));
        TinyHttpResponder::Response out;
        out.status = 302;
        out.headers = {{"Location", target.toString(QUrl::FullyEncoded).toUtf8()}};
        return out;
    });
    run(flow.get());
    QTRY_COMPARE(m_as->tokenCount, 1); // the exchange reached the server
    QCOMPARE(flow->stage(), AuthorizationCodeFlow::Stage::Exchanging);
    flow.reset(); // the pending exchange's callback must not touch the dead job
    QTRY_COMPARE(m_http->pendingCount(), 0);
}

QTEST_GUILESS_MAIN(tst_AuthorizationCodeFlow)
#include "tst_authorizationcodeflow.moc"
