#include "FormEncoding.h"
#include "GenericDialect.h"

#include <QTest>

// Generic RFC 6749 / 6750 / 7009 / 7662 dialect with synthetic replies.
class tst_GenericDialect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formEncoding_data();
    void formEncoding();
    void basicAuthorization();
    void loginRequest_data();
    void loginRequest();
    void refreshRequest();
    void revokeRequests();
    void verifyRequest();
    void tokens_data();
    void tokens();
    void tokenErrors_data();
    void tokenErrors();
    void outOfRangeNumberKeepsRotatedToken_data();
    void outOfRangeNumberKeepsRotatedToken();
    void resource_data();
    void resource();
    void revoke_data();
    void revoke();
    void validate_data();
    void validate();
};

using K = AuthError::Kind;
using Grant = OAuthDialect::Grant;
static const qint64 kNow = 1767225600000LL;

static AccountConfig config()
{
    AccountConfig c;
    c.dialect = Dialect::Generic;
    c.serverUrl = QUrl(QStringLiteral("https://as.example/t1"));
    c.tokenEndpoint = QUrl(QStringLiteral("https://as.example/t1/token"));
    c.revocationEndpoint = QUrl(QStringLiteral("https://as.example/t1/revoke"));
    c.clientId = QStringLiteral("my app");
    c.username = QStringLiteral("bob");
    c.scope = QStringLiteral("read write");
    return c;
}

static HttpReply reply(int status, const QByteArray &body)
{
    HttpReply r;
    r.status = status;
    r.body = body;
    r.sentAtMs = kNow - 2000;
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

void tst_GenericDialect::formEncoding_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unreserved") << QByteArray("aZ09*-._") << QByteArray("aZ09*-._");
    QTest::newRow("space") << QByteArray("a b") << QByteArray("a+b");
    QTest::newRow("reserved") << QByteArray("a+b&c=d/e:f~")
                              << QByteArray("a%2Bb%26c%3Dd%2Fe%3Af%7E");
    QTest::newRow("utf-8") << QByteArray("\xc3\xa9") << QByteArray("%C3%A9");
    QTest::newRow("controls") << QByteArray("\r\n\0", 3) << QByteArray("%0D%0A%00");
}

void tst_GenericDialect::formEncoding()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, encoded);
    QCOMPARE(FormEncoding::encodeComponent(raw), encoded);
}

void tst_GenericDialect::basicAuthorization()
{
    // RFC 6749 §2.3.1: form-encode each part, then base64 "id:secret".
    const QByteArray expected = "Basic " + QByteArray("my+app:s3cr%3At%2F%2B+%C3%A9").toBase64();
    QCOMPARE(FormEncoding::basicAuthorization("my app", "s3cr:t/+ \xc3\xa9"), expected);
}

void tst_GenericDialect::loginRequest_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("public client")
            << QByteArray()
            << QByteArray("grant_type=password&username=bob&password=p%40ss+w&scope=read+write"
                          "&client_id=my+app")
            << QByteArray();
    QTest::newRow("confidential: basic")
            << QByteArray("sec:ret")
            << QByteArray("grant_type=password&username=bob&password=p%40ss+w&scope=read+write")
            << "Basic " + QByteArray("my+app:sec%3Aret").toBase64();
}

void tst_GenericDialect::loginRequest()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);
    Credentials creds;
    creds.password = "p@ss w";
    creds.clientSecret = secret;
    const HttpRequest r = GenericDialect().loginRequest(config(), creds);
    QCOMPARE(r.url, config().tokenEndpoint);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(header(r, "Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.body, body);
    QCOMPARE(header(r, "Authorization"), authorization);
    QVERIFY(!r.body.contains("client_secret")); // never client_secret_post with a secret
}

void tst_GenericDialect::refreshRequest()
{
    const HttpRequest r = GenericDialect().refreshRequest(config(), "R/T", Credentials());
    QCOMPARE(r.body, QByteArray("grant_type=refresh_token&refresh_token=R%2FT&client_id=my+app"));
    QCOMPARE(r.purpose, QStringLiteral("refresh"));
}

void tst_GenericDialect::revokeRequests()
{
    TokenSet t;
    t.accessToken = "AT";
    t.refreshToken = "RT";
    Credentials creds;
    creds.clientSecret = "x";
    const QList<HttpRequest> list = GenericDialect().revokeRequests(config(), t, creds);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].body, QByteArray("token=RT&token_type_hint=refresh_token"));
    QCOMPARE(list[1].body, QByteArray("token=AT&token_type_hint=access_token"));
    QCOMPARE(list[0].url, config().revocationEndpoint);
    QVERIFY(header(list[0], "Authorization").startsWith("Basic "));
    AccountConfig noRevoke = config();
    noRevoke.revocationEndpoint.clear();
    QVERIFY(GenericDialect().revokeRequests(noRevoke, t, creds).isEmpty());
}

void tst_GenericDialect::verifyRequest()
{
    TokenSet t;
    t.accessToken = "AT";
    QVERIFY(GenericDialect().verifyRequest(config(), t, Credentials()).url.isEmpty());
    AccountConfig c = config();
    c.introspectionEndpoint = QUrl(QStringLiteral("https://as.example/t1/introspect"));
    const HttpRequest r = GenericDialect().verifyRequest(c, t, Credentials());
    QCOMPARE(r.body, QByteArray("token=AT&token_type_hint=access_token&client_id=my+app"));
}

void tst_GenericDialect::tokens_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<qint64>("lifetimeMs"); // from send time; 0 = unknown
    QTest::addColumn<QByteArray>("refreshToken");
    QTest::addColumn<qint64>("refreshUntilMs");
    QTest::addColumn<QString>("scope");
    const qint64 sent = kNow - 2000;
    QTest::newRow("expires_in relative to send time (R-01)")
            << QByteArray(R"({"access_token":"A","token_type":"Bearer","expires_in":3600,)"
                          R"("refresh_token":"R2","scope":"read"})")
            << false << qint64(3600000) << QByteArray("R2") << qint64(0) << "read";
    QTest::newRow("string expires_in (M-14)")
            << QByteArray(R"({"access_token":"A","expires_in":"3600"})") << true << qint64(3600000)
            << QByteArray("RT1") << qint64(kNow + 5000) << "read write";
    QTest::newRow("missing expires_in (M-15)")
            << QByteArray(R"({"access_token":"A"})") << true << qint64(0) << QByteArray("RT1")
            << qint64(kNow + 5000) << "read write";
    QTest::newRow("negative expires_in (M-15)")
            << QByteArray(R"({"access_token":"A","expires_in":-5})") << true << qint64(0)
            << QByteArray("RT1") << qint64(kNow + 5000) << "read write";
    QTest::newRow("garbage expires_in keeps rotated RT (M-16)")
            << QByteArray(R"({"access_token":"A","refresh_token":"R2","expires_in":"zzz"})") << true
            << qint64(0) << QByteArray("R2") << qint64(0) << "read write";
    QTest::newRow("huge expires_in clamped (M-16)")
            << QByteArray(R"({"access_token":"A","expires_in":1e12})") << true << qint64(86400000)
            << QByteArray("RT1") << qint64(kNow + 5000) << "read write";
    QTest::newRow("narrower scope reported (M-25)")
            << QByteArray(R"({"access_token":"A","scope":"read"})") << false << qint64(0)
            << QByteArray() << qint64(0) << "read";
    QTest::newRow("refresh_expires_in")
            << QByteArray(
                       R"({"access_token":"A","refresh_token":"R2","refresh_expires_in":604800})")
            << true << qint64(0) << QByteArray("R2") << sent + 604800000LL << "read write";
}

void tst_GenericDialect::tokens()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, refresh);
    QFETCH(qint64, lifetimeMs);
    QFETCH(QByteArray, refreshToken);
    QFETCH(qint64, refreshUntilMs);
    QFETCH(QString, scope);
    TokenSet previous;
    previous.refreshToken = "RT1";
    previous.refreshUntilMs = kNow + 5000;
    previous.scope = QStringLiteral("read write");
    const TokenResult r = GenericDialect().parseTokenReply(
            refresh ? Grant::Refresh : Grant::Password, reply(200, body), config(), previous, kNow);
    QVERIFY2(r.ok(), qPrintable(r.error.toLogString()));
    QCOMPARE(r.tokens.issuedAtMs, kNow - 2000);
    QCOMPARE(r.tokens.accessExpiresAtMs, lifetimeMs ? kNow - 2000 + lifetimeMs : 0);
    QCOMPARE(r.tokens.refreshToken, refreshToken);
    QCOMPARE(r.tokens.refreshUntilMs, refreshUntilMs);
    QCOMPARE(r.tokens.scope, scope);
    QVERIFY(!r.tokens.expiryEstimated);
}

void tst_GenericDialect::outOfRangeNumberKeepsRotatedToken_data()
{
    QTest::addColumn<QByteArray>("expiresIn");
    QTest::newRow("1e309") << QByteArray("1e309");
    QTest::newRow("1e400") << QByteArray("1e400");
    QTest::newRow("-1e309") << QByteArray("-1e309");
}

void tst_GenericDialect::outOfRangeNumberKeepsRotatedToken()
{
    // Security audit L1 / M-16: one field Qt cannot represent made the whole reply unparseable
    // and the rotated refresh token in it was lost. The tokens are kept, the lifetime unknown.
    QFETCH(QByteArray, expiresIn);
    TokenSet previous;
    previous.refreshToken = "RT1";
    const QByteArray body = R"({"access_token":"AT2","token_type":"Bearer","expires_in":)"
            + expiresIn + R"(,"refresh_token":"RT2","ext":{"n":2e999}})";
    const TokenResult r = GenericDialect().parseTokenReply(Grant::Refresh, reply(200, body),
                                                           config(), previous, kNow);
    QVERIFY2(!r.error, qPrintable(r.error.toLogString()));
    QCOMPARE(r.tokens.accessToken, QByteArray("AT2"));
    QCOMPARE(r.tokens.refreshToken, QByteArray("RT2"));
    QCOMPARE(r.tokens.accessExpiresAtMs, qint64(0));
}

void tst_GenericDialect::tokenErrors_data()
{
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("invalid_grant refresh (M-27)")
            << true << 400 << QByteArray(R"({"error":"invalid_grant"})") << K::GrantDead
            << "invalid_grant";
    QTest::newRow("invalid_grant password (M-29)")
            << false << 400 << QByteArray(R"({"error":"invalid_grant"})") << K::BadCredentials
            << "invalid_grant";
    QTest::newRow("401 invalid_client (M-30)")
            << true << 401 << QByteArray(R"({"error":"invalid_client"})") << K::Config
            << "invalid_client";
    QTest::newRow("invalid_scope (M-31)")
            << false << 400 << QByteArray(R"({"error":"invalid_scope"})") << K::Scope
            << "invalid_scope";
    QTest::newRow("unauthorized_client (M-31)")
            << true << 400 << QByteArray(R"({"error":"unauthorized_client"})") << K::Config
            << "unauthorized_client";
    QTest::newRow("404 (M-32)") << true << 404 << QByteArray("Not Found") << K::Config
                                << "http_404";
    QTest::newRow("405 (M-32)") << true << 405 << QByteArray() << K::Config << "http_405";
    QTest::newRow("502 HTML (M-03)")
            << true << 502 << QByteArray("<html>proxy</html>") << K::Transient << "http_502";
    QTest::newRow("429 (M-05)") << true << 429 << QByteArray() << K::Transient << "http_429";
    // Issue 9: a bare status classified by what it is. HTML/text is a proxy's page (keep the
    // RT, back off); an empty body or JSON without "error" is the server's own refusal.
    QTest::newRow("400 HTML") << true << 400 << QByteArray("<html/>") << K::Transient << "http_400";
    QTest::newRow("400 text") << true << 400 << QByteArray("Bad Request") << K::Transient
                              << "http_400";
    QTest::newRow("refresh 400 empty") << true << 400 << QByteArray() << K::GrantDead << "http_400";
    QTest::newRow("refresh 401 empty") << true << 401 << QByteArray() << K::GrantDead << "http_401";
    QTest::newRow("refresh 403 JSON without error")
            << true << 403 << QByteArray(R"({"message":"nope"})") << K::GrantDead << "http_403";
    QTest::newRow("login 400 empty")
            << false << 400 << QByteArray() << K::BadCredentials << "http_400";
    QTest::newRow("login 401 empty")
            << false << 401 << QByteArray() << K::BadCredentials << "http_401";
    QTest::newRow("login 403 HTML")
            << false << 403 << QByteArray("<html>WAF</html>") << K::Transient << "http_403";
    QTest::newRow("refresh 409 empty") << true << 409 << QByteArray() << K::Config << "http_409";
    QTest::newRow("407 proxy auth")
            << true << 407 << QByteArray() << K::Config << "proxy_auth_required";
    QTest::newRow("200 error (M-22)") << true << 200 << QByteArray(R"({"error":"invalid_grant"})")
                                      << K::GrantDead << "invalid_grant";
    QTest::newRow("200 empty (M-12)")
            << true << 200 << QByteArray() << K::Ambiguous << "unparseable_token_response";
    QTest::newRow("200 DPoP (M-21)")
            << true << 200 << QByteArray(R"({"access_token":"A","token_type":"DPoP"})") << K::Config
            << "unsupported_token_type";
}

void tst_GenericDialect::tokenErrors()
{
    QFETCH(bool, refresh);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    TokenSet previous;
    previous.refreshToken = "RT1";
    const TokenResult r =
            GenericDialect().parseTokenReply(refresh ? Grant::Refresh : Grant::Password,
                                             reply(status, body), config(), previous, kNow);
    QCOMPARE(r.error.kind, kind);
    QCOMPARE(r.error.code, code);
    QCOMPARE(r.error.httpStatus, status);
}

void tst_GenericDialect::resource_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("wwwAuthenticate");
    QTest::addColumn<K>("kind");
    QTest::newRow("401 invalid_token")
            << 401
            << QByteArray(R"(Bearer realm="x", error="invalid_token", error_description="expired")")
            << K::AccessTokenRejected;
    QTest::newRow("401 no error attribute")
            << 401 << QByteArray(R"(Bearer realm="x")") << K::AccessTokenRejected;
    QTest::newRow("401 no header") << 401 << QByteArray() << K::AccessTokenRejected;
    QTest::newRow("401 invalid_request")
            << 401 << QByteArray(R"(Bearer error="invalid_request")") << K::Config;
    QTest::newRow("403 insufficient_scope")
            << 403 << QByteArray(R"(Bearer error="insufficient_scope", scope="admin")")
            << K::InsufficientScope;
    QTest::newRow("403 plain") << 403 << QByteArray() << K::None;
    QTest::newRow("200") << 200 << QByteArray() << K::None;
}

void tst_GenericDialect::resource()
{
    QFETCH(int, status);
    QFETCH(QByteArray, wwwAuthenticate);
    QFETCH(K, kind);
    HttpReply r = reply(status, {});
    if (!wwwAuthenticate.isEmpty())
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), wwwAuthenticate));
    QCOMPARE(GenericDialect().classifyResourceReply(r).kind, kind);
}

void tst_GenericDialect::revoke_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("200") << 200 << QByteArray() << QByteArray() << K::None << qint64(-1);
    QTest::newRow("503 + Retry-After (M-58)")
            << 503 << QByteArray("30") << QByteArray() << K::Transient << qint64(30000);
    QTest::newRow("unsupported_token_type (M-58b)")
            << 400 << QByteArray() << QByteArray(R"({"error":"unsupported_token_type"})") << K::None
            << qint64(-1);
    QTest::newRow("invalid_client")
            << 401 << QByteArray() << QByteArray(R"({"error":"invalid_client"})") << K::Config
            << qint64(-1);
}

void tst_GenericDialect::revoke()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(qint64, retryAfterMs);
    HttpReply r = reply(status, body);
    if (!retryAfter.isEmpty())
        r.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
    const AuthError e = GenericDialect().classifyRevokeReply(r);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.retryAfterMs, retryAfterMs);
}

void tst_GenericDialect::validate_data()
{
    QTest::addColumn<QString>("tokenEndpoint");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("problems");
    QTest::newRow("ok") << "https://as.example/token"
                        << "read write" << 0;
    QTest::newRow("loopback") << "http://127.0.0.1:8080/token"
                              << "" << 0;
    QTest::newRow("http (M-08)") << "http://as.example/token"
                                 << "read" << 1;
    QTest::newRow("localhost (M-08)") << "http://localhost/token"
                                      << "read" << 1;
    QTest::newRow("double space") << "https://as.example/token"
                                  << "read  write" << 1;
    QTest::newRow("quote in scope") << "https://as.example/token"
                                    << "re\"ad" << 1;
    QTest::newRow("discovery only") << ""
                                    << "read" << 0;
}

void tst_GenericDialect::validate()
{
    QFETCH(QString, tokenEndpoint);
    QFETCH(QString, scope);
    QFETCH(int, problems);
    AccountConfig c = config();
    c.tokenEndpoint = QUrl(tokenEndpoint);
    c.scope = scope;
    QCOMPARE(GenericDialect().validate(AccountDraft::from(c)).size(), problems);
}

QTEST_GUILESS_MAIN(tst_GenericDialect)
#include "tst_genericdialect.moc"
