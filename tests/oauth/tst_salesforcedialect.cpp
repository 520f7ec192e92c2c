#include "SalesforceDialect.h"

#include <QTest>

// Salesforce (protocols.md §2) with synthetic replies: form bodies, estimated expiry from
// issued_at, instance_url safety (S-08, M-24, M-65), invalid_grant flavours (M-28), revoke and
// the REST API's 401 arrays.
class tst_SalesforceDialect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requests();
    void revokeRequests();
    void verifyRequest();
    void tokens_data();
    void tokens();
    void tokenErrors_data();
    void tokenErrors();
    void resource_data();
    void resource();
    void revoke_data();
    void revoke();
    void introspect();
    void validate();
};

using K = AuthError::Kind;
using Grant = OAuthDialect::Grant;
static const qint64 kNow = 1767225600000LL;

static AccountConfig config()
{
    AccountConfig c;
    c.dialect = Dialect::Salesforce;
    c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    c.clientId = QStringLiteral("3MVG9 key+");
    c.username = QStringLiteral("ann@example.com");
    c.assumedSessionSeconds = 7200;
    return c;
}

static HttpReply reply(int status, const QByteArray &body)
{
    HttpReply r;
    r.status = status;
    r.body = body;
    r.sentAtMs = kNow;
    r.receivedAtMs = kNow;
    return r;
}

static QByteArray header(const HttpRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return QByteArray();
}

void tst_SalesforceDialect::requests()
{
    SalesforceDialect d;
    Credentials creds;
    creds.password = "pw&token=1";
    creds.clientSecret = "s e/c";
    HttpRequest login = d.loginRequest(config(), creds);
    QCOMPARE(login.method, QByteArray("POST"));
    QCOMPARE(login.url.toString(),
             QStringLiteral("https://login.salesforce.com/services/oauth2/token"));
    QCOMPARE(header(login, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(header(login, "Accept"), QByteArray("application/json"));
    QCOMPARE(login.body,
             QByteArray("grant_type=password&client_id=3MVG9+key%2B&client_secret=s+e%2Fc"
                        "&username=ann%40example.com&password=pw%26token%3D1"));

    const HttpRequest refresh = d.refreshRequest(config(), "5Aep8!x.y", creds);
    QCOMPARE(refresh.body,
             QByteArray("grant_type=refresh_token&client_id=3MVG9+key%2B"
                        "&client_secret=s+e%2Fc&refresh_token=5Aep8%21x.y"));
    QCOMPARE(refresh.purpose, QStringLiteral("refresh"));

    const HttpRequest publicRefresh = d.refreshRequest(config(), "RT", Credentials());
    QCOMPARE(publicRefresh.body,
             QByteArray("grant_type=refresh_token&client_id=3MVG9+key%2B&refresh_token=RT"));
    QVERIFY(header(publicRefresh, "Authorization").isEmpty());
}

void tst_SalesforceDialect::revokeRequests()
{
    SalesforceDialect d;
    TokenSet t;
    t.accessToken = "AT";
    t.refreshToken = "RT";
    Credentials creds;
    creds.clientSecret = "s3cret";
    const QList<HttpRequest> list = d.revokeRequests(config(), t, creds);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].url.toString(),
             QStringLiteral("https://login.salesforce.com/services/oauth2/revoke"));
    // Refresh token first, each with the client's authentication (RFC 7009 section 2.1).
    QCOMPARE(list[0].body, QByteArray("token=RT&client_id=3MVG9+key%2B&client_secret=s3cret"));
    QCOMPARE(list[1].body, QByteArray("token=AT&client_id=3MVG9+key%2B&client_secret=s3cret"));
    t.refreshToken.clear();
    QCOMPARE(d.revokeRequests(config(), t, Credentials()).size(), 1);
}

void tst_SalesforceDialect::verifyRequest()
{
    Credentials creds;
    creds.clientSecret = "sec";
    TokenSet t;
    t.accessToken = "AT";
    const HttpRequest r = SalesforceDialect().verifyRequest(config(), t, creds);
    QCOMPARE(r.url.toString(),
             QStringLiteral("https://login.salesforce.com/services/oauth2/introspect"));
    QCOMPARE(r.body,
             QByteArray("token=AT&token_type_hint=access_token&client_id=3MVG9+key%2B"
                        "&client_secret=sec"));
}

void tst_SalesforceDialect::tokens_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<qint64>("expiresAt");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QByteArray>("refreshToken");
    const qint64 twoHours = 7200 * 1000;
    QTest::newRow("login, issued_at ms string (M-24)")
            << QByteArray(R"({"access_token":"00D!AQ.x","refresh_token":"5Aep","instance_url":)"
                          R"("https://na1.salesforce.com","issued_at":"1767225500000",)"
                          R"("token_type":"Bearer","id":"https://login.salesforce.com/id/1/2"})")
            << false << 1767225500000LL + twoHours << "https://na1.salesforce.com"
            << QByteArray("5Aep");
    QTest::newRow("refresh without RT keeps old (M-17)")
            << QByteArray(R"({"access_token":"AT2","instance_url":"https://x.my.salesforce.com"})")
            << true << kNow + twoHours << "https://x.my.salesforce.com" << QByteArray("RT1");
    QTest::newRow("rotation replaces (M-18)")
            << QByteArray(R"({"access_token":"AT2","refresh_token":"RT2",)"
                          R"("instance_url":"https://x.my.salesforce.com"})")
            << true << kNow + twoHours << "https://x.my.salesforce.com" << QByteArray("RT2");
    QTest::newRow("issued_at in the future is capped to now")
            << QByteArray(R"({"access_token":"A","issued_at":"1767229200000",)"
                          R"("instance_url":"https://x.force.com"})")
            << true << kNow + twoHours << "https://x.force.com" << QByteArray("RT1");
    QTest::newRow("instance_url absent on refresh keeps old")
            << QByteArray(R"({"access_token":"A"})") << true << kNow + twoHours
            << "https://old.my.salesforce.com" << QByteArray("RT1");
    QTest::newRow("issued_at from a slow server clock is bounded (fuzz finding)")
            << QByteArray(R"({"access_token":"A","issued_at":"1708058728442",)"
                          R"("instance_url":"https://x.force.com"})")
            << true << kNow - 5 * 60 * 1000 + twoHours << "https://x.force.com"
            << QByteArray("RT1");
    QTest::newRow("loopback instance (tests)")
            << QByteArray(R"({"access_token":"A","instance_url":"http://127.0.0.1:9"})") << false
            << kNow + twoHours << "http://127.0.0.1:9" << QByteArray();
}

void tst_SalesforceDialect::tokens()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, refresh);
    QFETCH(qint64, expiresAt);
    QFETCH(QString, instance);
    QFETCH(QByteArray, refreshToken);
    TokenSet previous;
    previous.refreshToken = "RT1";
    previous.instanceUrl = QUrl(QStringLiteral("https://old.my.salesforce.com"));
    const TokenResult r = SalesforceDialect().parseTokenReply(
            refresh ? Grant::Refresh : Grant::Password, reply(200, body), config(), previous, kNow);
    QVERIFY2(r.ok(), qPrintable(r.error.toLogString()));
    QCOMPARE(r.tokens.accessExpiresAtMs, expiresAt);
    QVERIFY(r.tokens.expiryEstimated);
    QCOMPARE(r.tokens.instanceUrl.toString(), instance);
    QCOMPARE(r.tokens.refreshToken, refreshToken);
    QCOMPARE(r.tokens.issuedAtMs, kNow);
}

void tst_SalesforceDialect::tokenErrors_data()
{
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("description");
    QTest::newRow("expired grant (M-28)")
            << true << 400
            << QByteArray(
                       R"({"error":"invalid_grant","error_description":"expired access/refresh token"})")
            << K::GrantDead << "invalid_grant"
            << "expired access/refresh token";
    QTest::newRow("authentication failure (M-28)")
            << true << 400
            << QByteArray(
                       R"({"error":"invalid_grant","error_description":"authentication failure"})")
            << K::GrantDead << "invalid_grant"
            << "authentication failure";
    QTest::newRow("password rejected (M-29)")
            << false << 400
            << QByteArray(
                       R"({"error":"invalid_grant","error_description":"authentication failure"})")
            << K::BadCredentials << "invalid_grant"
            << "authentication failure";
    QTest::newRow("invalid_client (M-30)")
            << true << 400
            << QByteArray(
                       R"({"error":"invalid_client","error_description":"invalid client credentials"})")
            << K::Config << "invalid_client"
            << "invalid client credentials";
    QTest::newRow("invalid_client_id (M-30)")
            << true << 400 << QByteArray(R"({"error":"invalid_client_id"})") << K::Config
            << "invalid_client_id"
            << "";
    QTest::newRow("unsupported_grant_type (M-31)")
            << false << 400 << QByteArray(R"({"error":"unsupported_grant_type"})") << K::Config
            << "unsupported_grant_type"
            << "";
    QTest::newRow("400 no JSON") << true << 400 << QByteArray("oops") << K::Transient << "http_400"
                                 << "";
    QTest::newRow("refresh 400 empty") << true << 400 << QByteArray() << K::GrantDead << "http_400"
                                       << "";
    QTest::newRow("login 401 empty")
            << false << 401 << QByteArray() << K::BadCredentials << "http_401"
            << "";
    QTest::newRow("503") << true << 503 << QByteArray() << K::Transient << "http_503"
                         << "";
    QTest::newRow("http instance_url (M-65)")
            << false << 200
            << QByteArray(R"({"access_token":"A","instance_url":"http://na1.salesforce.com"})")
            << K::Config << "bad_instance_url"
            << "na1.salesforce.com";
    QTest::newRow("foreign instance_url (M-65)")
            << true << 200
            << QByteArray(R"({"access_token":"A","instance_url":"https://evil.example"})")
            << K::Config << "bad_instance_url"
            << "evil.example";
    QTest::newRow("look-alike instance_url")
            << true << 200
            << QByteArray(
                       R"({"access_token":"A","instance_url":"https://salesforce.com.evil.example"})")
            << K::Config << "bad_instance_url"
            << "salesforce.com.evil.example";
    QTest::newRow("numeric instance_url")
            << true << 200 << QByteArray(R"({"access_token":"A","instance_url":5})") << K::Config
            << "bad_instance_url"
            << "";
}

void tst_SalesforceDialect::tokenErrors()
{
    QFETCH(bool, refresh);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    QFETCH(QString, description);
    TokenSet previous;
    previous.refreshToken = "RT1";
    const TokenResult r =
            SalesforceDialect().parseTokenReply(refresh ? Grant::Refresh : Grant::Password,
                                                reply(status, body), config(), previous, kNow);
    QCOMPARE(r.error.kind, kind);
    QCOMPARE(r.error.code, code);
    QCOMPARE(r.error.description, description);
    QVERIFY(r.tokens.accessToken.isEmpty());
}

void tst_SalesforceDialect::resource_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::newRow("401 INVALID_SESSION_ID")
            << 401
            << QByteArray(
                       R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])")
            << K::AccessTokenRejected;
    QTest::newRow("401 not valid for REST API")
            << 401
            << QByteArray(R"([{"message":"This session is not valid for use with the REST API",)"
                          R"("errorCode":"INVALID_SESSION_ID"}])")
            << K::Config;
    QTest::newRow("401 other body") << 401 << QByteArray("nope") << K::AccessTokenRejected;
    QTest::newRow("403") << 403
                         << QByteArray(R"([{"message":"no","errorCode":"INSUFFICIENT_ACCESS"}])")
                         << K::InsufficientScope;
    QTest::newRow("500 SOAP fault")
            << 500 << QByteArray("<faultcode>sf:INVALID_SESSION_ID</faultcode>")
            << K::AccessTokenRejected;
    QTest::newRow("500 other") << 500 << QByteArray() << K::None;
    QTest::newRow("200") << 200 << QByteArray("{}") << K::None;
}

void tst_SalesforceDialect::resource()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QCOMPARE(SalesforceDialect().classifyResourceReply(reply(status, body)).kind, kind);
}

void tst_SalesforceDialect::revoke_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("200") << 200 << QByteArray() << K::None << QString();
    QTest::newRow("400 invalid_token: already dead")
            << 400 << QByteArray(R"({"error":"invalid_token"})") << K::None
            << QStringLiteral("already_invalid");
    QTest::newRow("400 form-encoded body") << 400 << QByteArray("error=invalid_token") << K::None
                                           << QStringLiteral("already_invalid");
    QTest::newRow("400 invalid_client") << 400 << QByteArray(R"({"error":"invalid_client"})")
                                        << K::Config << QStringLiteral("invalid_client");
    QTest::newRow("503") << 503 << QByteArray() << K::Transient << QStringLiteral("http_503");
}

void tst_SalesforceDialect::revoke()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    const AuthError e = SalesforceDialect().classifyRevokeReply(reply(status, body));
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
}

void tst_SalesforceDialect::introspect()
{
    SalesforceDialect d;
    bool active = false;
    QVERIFY(!d.classifyVerifyReply(reply(200, R"({"active":true,"exp":1})"), &active).isError());
    QVERIFY(active);
    QVERIFY(!d.classifyVerifyReply(reply(200, R"({"active":false})"), &active).isError());
    QVERIFY(!active);
    QCOMPARE(d.classifyVerifyReply(reply(200, R"({"active":"yes"})"), &active).kind, K::Ambiguous);
    QCOMPARE(d.classifyVerifyReply(reply(401, R"({"error":"invalid_client"})"), &active).kind,
             K::Config);
}

void tst_SalesforceDialect::validate()
{
    SalesforceDialect d;
    AccountConfig c = config();
    c.hasClientSecret = true;
    QVERIFY(d.validate(AccountDraft::from(c)).isEmpty());
    c.serverUrl = QUrl(QStringLiteral("http://login.salesforce.com"));
    QList<ConfigProblem> problems = d.validate(AccountDraft::from(c));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, ConfigProblem::Field::Server);
    QCOMPARE(problems.first().code, ConfigProblem::Code::UrlRefused);
    QCOMPARE(problems.first().refusal, EndpointPolicy::Refusal::PlainHttp);
    // The username-password flow needs the consumer secret; a draft without one is refused.
    c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    c.hasClientSecret = false;
    c.signInMethod = SignInMethod::Password;
    problems = d.validate(AccountDraft::from(c));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, ConfigProblem::Field::ClientSecret);
    QCOMPARE(problems.first().code, ConfigProblem::Code::Missing);
    // Browser (PKCE) and device sign-in work with a public app that has no secret.
    for (SignInMethod m : {SignInMethod::Browser, SignInMethod::Device}) {
        c.signInMethod = m;
        c.username.clear();
        QVERIFY(d.validate(AccountDraft::from(c)).isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_SalesforceDialect)
#include "tst_salesforcedialect.moc"
