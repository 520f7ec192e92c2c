#include "HttpDate.h"
#include "VenafiDialect.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Venafi TPP vedauth (protocols.md §1) with synthetic replies: wire formats, server-anchored
// absolute expiry and skew (R-01, M-23), and the §1.7 classification table.
class tst_VenafiDialect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseUrl_data();
    void baseUrl();
    void loginRequest();
    void refreshRequest();
    void revokeAndVerifyRequests();
    void expiry_data();
    void expiry();
    void refreshKeepsRefreshUntil();
    void tokenErrors_data();
    void tokenErrors();
    void resource_data();
    void resource();
    void revoke_data();
    void revoke();
    void verify();
    void validate_data();
    void validate();
    void factory();
};

using K = AuthError::Kind;
using Grant = OAuthDialect::Grant;
static const qint64 kNow = 1767225600000LL; // 2026-01-01T00:00:00Z, local clock

static AccountConfig config()
{
    AccountConfig c;
    c.dialect = Dialect::Venafi;
    c.serverUrl = QUrl(QStringLiteral("https://tpp.example.com/vedsdk/"));
    c.clientId = QStringLiteral("vcert-sdk");
    c.username = QStringLiteral("svc-user");
    c.scope = QStringLiteral("certificate:manage,revoke");
    return c;
}

static QByteArray httpDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
}

static HttpReply reply(int status, const QByteArray &body, const QByteArray &reason = {})
{
    HttpReply r;
    r.status = status;
    r.body = body;
    r.reasonPhrase = reason;
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

void tst_VenafiDialect::baseUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("base");
    QTest::newRow("vedsdk/") << "https://tpp.example.com/vedsdk/"
                             << "https://tpp.example.com/";
    QTest::newRow("vedsdk") << "https://tpp.example.com/vedsdk"
                            << "https://tpp.example.com/";
    QTest::newRow("VEDSDK") << "https://tpp.example.com/VEDSDK"
                            << "https://tpp.example.com/";
    QTest::newRow("plain") << "https://tpp.example.com"
                           << "https://tpp.example.com/";
    QTest::newRow("prefix") << "https://h.example/tpp/vedsdk/"
                            << "https://h.example/tpp/";
    QTest::newRow("port, query") << "https://h.example:8443/?x=1#f"
                                 << "https://h.example:8443/";
}

void tst_VenafiDialect::baseUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, base);
    QCOMPARE(VenafiDialect::normalizeBaseUrl(QUrl(input)).toString(), base);
}

void tst_VenafiDialect::loginRequest()
{
    VenafiDialect d;
    Credentials creds;
    creds.password = "p\"w\\\xc3\xb6";
    const HttpRequest r = d.loginRequest(config(), creds);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url.toString(), QStringLiteral("https://tpp.example.com/vedauth/authorize/oauth"));
    QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.purpose, QStringLiteral("login"));
    const QByteArray expected =
            "{\"client_id\":\"vcert-sdk\",\"password\":\"p\\\"w\\\\\xc3\xb6\","
            "\"scope\":\"certificate:manage,revoke\",\"username\":\"svc-user\"}";
    QCOMPARE(r.body, expected);
    QVERIFY(header(r, "Authorization").isEmpty());
}

void tst_VenafiDialect::refreshRequest()
{
    VenafiDialect d;
    const HttpRequest r = d.refreshRequest(config(), "RT+/1==", Credentials());
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url.toString(), QStringLiteral("https://tpp.example.com/vedauth/authorize/token"));
    QCOMPARE(header(r, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.body, QByteArray(R"({"client_id":"vcert-sdk","refresh_token":"RT+/1=="})"));
    QVERIFY(!r.body.contains("grant_type"));
    QVERIFY(header(r, "Authorization").isEmpty());
}

void tst_VenafiDialect::revokeAndVerifyRequests()
{
    VenafiDialect d;
    QVERIFY(d.revokeNeedsLiveAccessToken());
    TokenSet t;
    t.accessToken = "AT1";
    t.refreshToken = "RT1";
    const QList<HttpRequest> revoke = d.revokeRequests(config(), t, Credentials());
    QCOMPARE(revoke.size(), 1);
    QCOMPARE(revoke[0].method, QByteArray("GET"));
    QCOMPARE(revoke[0].url.toString(),
             QStringLiteral("https://tpp.example.com/vedauth/revoke/token"));
    QCOMPARE(header(revoke[0], "Authorization"), QByteArray("Bearer AT1"));
    QVERIFY(revoke[0].body.isEmpty());
    QVERIFY(!revoke[0].url.hasQuery()); // never a token in the URL (S-04)
    t.accessToken.clear();
    QVERIFY(d.revokeRequests(config(), t, Credentials()).isEmpty());

    t.accessToken = "AT1";
    const HttpRequest verify = d.verifyRequest(config(), t, Credentials());
    QCOMPARE(verify.method, QByteArray("GET"));
    QCOMPARE(verify.url.toString(),
             QStringLiteral("https://tpp.example.com/vedauth/authorize/verify"));
    QCOMPARE(header(verify, "Authorization"), QByteArray("Bearer AT1"));
}

void tst_VenafiDialect::expiry_data()
{
    QTest::addColumn<qint64>("serverOffsetMs"); // server clock minus local clock; INT_MIN: no Date
    QTest::addColumn<QByteArray>("extra"); // JSON members besides the tokens
    QTest::addColumn<qint64>("lifetimeMs");
    QTest::addColumn<qint64>("refreshUntilInMs"); // refreshUntilMs - issuedAt (0 = unknown)
    QTest::addColumn<bool>("skew");

    const qint64 h = 3600 * 1000;
    const qint64 serverNow = kNow / 1000; // seconds, server clock == local clock
    auto members = [](qint64 expires, qint64 until) -> QByteArray {
        return QByteArray(",\"expires\":") + QByteArray::number(expires)
                + ",\"refresh_until\":" + QByteArray::number(until);
    };
    QTest::newRow("clocks agree") << qint64(0) << members(serverNow + 3600, serverNow + 86400) << h
                                  << 24 * h << false;
    QTest::newRow("no Date: local anchor")
            << qint64(std::numeric_limits<int>::min()) << members(serverNow + 3600, 0) << h
            << qint64(0) << false;
    // Server 1 h ahead: its absolute instants are 1 h "later"; lifetime must still be 1 h.
    QTest::newRow("local clock 1 h behind (M-23)")
            << qint64(h) << members(serverNow + 3600 + 3600, serverNow + 3600 + 86400) << h
            << 24 * h << true;
    QTest::newRow("local clock 1 h ahead (M-23)")
            << qint64(-h) << members(serverNow - 3600 + 3600, serverNow - 3600 + 86400) << h
            << 24 * h << true;
    QTest::newRow("4 min skew not flagged")
            << qint64(4 * 60 * 1000) << members(serverNow + 240 + 3600, serverNow + 240 + 7200) << h
            << 2 * h << false;
    QTest::newRow("90 day token kept")
            << qint64(0) << members(serverNow + 90 * 86400, serverNow + 365 * 86400) << 90 * 24 * h
            << 365 * 24 * h << false;
    QTest::newRow("expires as string")
            << qint64(0)
            << QByteArray(",\"expires\":\"") + QByteArray::number(serverNow + 60) + "\""
            << qint64(60000) << qint64(0) << false;
    QTest::newRow("expires in the past: unknown")
            << qint64(0) << members(serverNow - 10, serverNow + 60) << qint64(0) << qint64(60000)
            << false;
    QTest::newRow("expires garbage, tokens kept")
            << qint64(0) << QByteArray(",\"expires\":\"soon\"") << qint64(0) << qint64(0) << false;
    QTest::newRow("expires_in only (newer TPP)") << qint64(0) << QByteArray(",\"expires_in\":1800")
                                                 << qint64(1800000) << qint64(0) << false;
}

void tst_VenafiDialect::expiry()
{
    QFETCH(qint64, serverOffsetMs);
    QFETCH(QByteArray, extra);
    QFETCH(qint64, lifetimeMs);
    QFETCH(qint64, refreshUntilInMs);
    QFETCH(bool, skew);
    VenafiDialect d;
    HttpReply r = reply(200,
                        "{\"access_token\":\"AT1\",\"refresh_token\":\"RT1\",\"token_type\":"
                        "\"Bearer\",\"identity\":\"local:{x}\",\"scope\":\"certificate:manage\""
                                + extra + "}");
    r.sentAtMs = kNow - 500; // the request left half a second before the answer came
    if (serverOffsetMs != std::numeric_limits<int>::min())
        r.headers.append(qMakePair(QByteArray("Date"), httpDate(kNow + serverOffsetMs)));
    const TokenResult result = d.parseTokenReply(Grant::Password, r, config(), TokenSet(), kNow);
    QVERIFY2(result.ok(), qPrintable(result.error.toLogString()));
    const TokenSet &t = result.tokens;
    QCOMPARE(t.accessToken, QByteArray("AT1"));
    QCOMPARE(t.refreshToken, QByteArray("RT1"));
    QCOMPARE(t.identity, QStringLiteral("local:{x}"));
    QCOMPARE(t.scope, QStringLiteral("certificate:manage"));
    QCOMPARE(t.issuedAtMs, kNow - 500);
    QCOMPARE(t.accessExpiresAtMs, lifetimeMs ? t.issuedAtMs + lifetimeMs : 0);
    QCOMPARE(t.refreshUntilMs, refreshUntilInMs ? t.issuedAtMs + refreshUntilInMs : 0);
    QCOMPARE(t.clockSkewSuspected, skew);
    QVERIFY(!t.expiryEstimated);
}

void tst_VenafiDialect::refreshKeepsRefreshUntil()
{
    VenafiDialect d;
    TokenSet previous;
    previous.refreshToken = "RT1";
    previous.refreshUntilMs = kNow + 1000;
    const HttpReply r = reply(200, R"({"access_token":"AT2","refresh_token":"RT2"})");
    const TokenResult result = d.parseTokenReply(Grant::Refresh, r, config(), previous, kNow);
    QVERIFY(result.ok());
    QCOMPARE(result.tokens.refreshToken, QByteArray("RT2")); // rotation replaces
    QCOMPARE(result.tokens.refreshUntilMs, kNow + 1000);
}

void tst_VenafiDialect::tokenErrors_data()
{
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("refresh 400 reason phrase")
            << true << 400
            << QByteArray("Grant has been revoked, has expired, or the refresh token is invalid")
            << QByteArray() << K::GrantDead << QStringLiteral("invalid_grant");
    // A proxy's HTML 400 is not TPP's verdict (audit L2): keep the grant, back off.
    QTest::newRow("refresh 400 HTML")
            << true << 400 << QByteArray("Bad Request") << QByteArray("<html/>") << K::Transient
            << QStringLiteral("http_400");
    QTest::newRow("refresh 400 invalid_request JSON")
            << true << 400 << QByteArray("Bad Request")
            << QByteArray(R"({"error":"invalid_request"})") << K::Config
            << QStringLiteral("invalid_request");
    QTest::newRow("refresh 400 invalid_grant JSON")
            << true << 400 << QByteArray("Bad Request")
            << QByteArray(R"({"error":"invalid_grant"})") << K::GrantDead
            << QStringLiteral("invalid_grant");
    QTest::newRow("refresh 401 empty") << true << 401 << QByteArray("Unauthorized") << QByteArray()
                                       << K::GrantDead << QStringLiteral("http_401");
    QTest::newRow("refresh client_id mismatch")
            << true << 400 << QByteArray("Bad Request")
            << QByteArray(R"({"error":"invalid_request","error_description":"The client_id )"
                          R"(value being requested with the refresh token does not match the )"
                          R"(client_id of the access token making the call"})")
            << K::Config << QStringLiteral("invalid_client_id");
    QTest::newRow("login 400") << false << 400 << QByteArray("Bad Request")
                               << QByteArray(R"({"error":"invalid_grant","error_description":)"
                                             R"("Username or password is incorrect"})")
                               << K::BadCredentials << QStringLiteral("invalid_grant");
    QTest::newRow("login 400 no body") << false << 400 << QByteArray("Bad Request") << QByteArray()
                                       << K::BadCredentials << QStringLiteral("invalid_grant");
    QTest::newRow("login 400 invalid_client")
            << false << 400 << QByteArray() << QByteArray(R"({"error":"invalid_client"})")
            << K::Config << QStringLiteral("invalid_client");
    QTest::newRow("login 403 scope")
            << false << 403
            << QByteArray("Failed to issue grant: User is not authorized for the requested scope")
            << QByteArray() << K::Scope << QStringLiteral("invalid_scope");
    QTest::newRow("login 403 other") << false << 403 << QByteArray("Forbidden") << QByteArray()
                                     << K::BadCredentials << QStringLiteral("http_403");
    QTest::newRow("login 401 empty") << false << 401 << QByteArray("Unauthorized") << QByteArray()
                                     << K::BadCredentials << QStringLiteral("http_401");
    QTest::newRow("refresh 500") << true << 500 << QByteArray() << QByteArray() << K::Transient
                                 << QStringLiteral("http_500");
    QTest::newRow("refresh 404") << true << 404 << QByteArray() << QByteArray() << K::Config
                                 << QStringLiteral("http_404");
    QTest::newRow("refresh 307") << true << 307 << QByteArray() << QByteArray() << K::Redirect
                                 << QStringLiteral("redirect");
    QTest::newRow("200 unparseable (M-12)")
            << true << 200 << QByteArray() << QByteArray("{") << K::Ambiguous
            << QStringLiteral("unparseable_token_response");
    QTest::newRow("200 + error (M-22)")
            << true << 200 << QByteArray() << QByteArray(R"({"error":"invalid_grant"})")
            << K::GrantDead << QStringLiteral("invalid_grant");
}

void tst_VenafiDialect::tokenErrors()
{
    QFETCH(bool, refresh);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    VenafiDialect d;
    TokenSet previous;
    previous.refreshToken = "RT1";
    const TokenResult result =
            d.parseTokenReply(refresh ? Grant::Refresh : Grant::Password,
                              reply(status, body, reason), config(), previous, kNow);
    QCOMPARE(result.error.kind, kind);
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.httpStatus, status);
    if (!reason.isEmpty() && status == 400 && body.isEmpty())
        QCOMPARE(result.error.description, QString::fromLatin1(reason));
}

void tst_VenafiDialect::resource_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::newRow("401 invalid_token")
            << 401
            << QByteArray(R"({"error":"invalid_token","error_description":"Grant not found"})")
            << K::AccessTokenRejected;
    QTest::newRow("401 expired_token (<20.4)")
            << 401
            << QByteArray(R"({"error":"expired_token","error_description":"Access token expired"})")
            << K::AccessTokenRejected;
    QTest::newRow("401 session_error")
            << 401
            << QByteArray(R"({"error":"session_error","error_description":"Invalid token format"})")
            << K::AccessTokenRejected;
    QTest::newRow("401 token not found")
            << 401 << QByteArray(R"({"Error":"Token 'x' not found"})") << K::AccessTokenRejected;
    QTest::newRow("403 scope") << 403 << QByteArray(R"({"Error":"Grant rejected scope 'ssh'"})")
                               << K::InsufficientScope;
    QTest::newRow("401 scope (<20.4)")
            << 401 << QByteArray(R"({"Error":"Grant rejected scope 'ssh'"})")
            << K::InsufficientScope;
    QTest::newRow("401 empty body: config") << 401 << QByteArray() << K::Config;
    QTest::newRow("200") << 200 << QByteArray("{}") << K::None;
    QTest::newRow("500 not auth") << 500 << QByteArray() << K::None;
}

void tst_VenafiDialect::resource()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QCOMPARE(VenafiDialect().classifyResourceReply(reply(status, body)).kind, kind);
}

void tst_VenafiDialect::revoke_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("200 confirmed") << 200 << K::None << QString();
    QTest::newRow("202 nothing to revoke") << 202 << K::None << QStringLiteral("nothing_to_revoke");
    QTest::newRow("401 dead token")
            << 401 << K::AccessTokenRejected << QStringLiteral("invalid_token");
    QTest::newRow("503") << 503 << K::Transient << QStringLiteral("http_503");
    QTest::newRow("302") << 302 << K::Redirect << QStringLiteral("redirect");
}

void tst_VenafiDialect::revoke()
{
    QFETCH(int, status);
    QFETCH(K, kind);
    QFETCH(QString, code);
    const AuthError e = VenafiDialect().classifyRevokeReply(reply(status, {}));
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
}

void tst_VenafiDialect::verify()
{
    VenafiDialect d;
    bool active = false;
    QVERIFY(!d.classifyVerifyReply(reply(200, "{}", "Token is valid"), &active).isError());
    QVERIFY(active);
    QVERIFY(!d.classifyVerifyReply(reply(401, R"({"error":"invalid_token"})"), &active).isError());
    QVERIFY(!active);
    HttpReply timeout;
    timeout.transport = HttpReply::Transport::Timeout;
    QCOMPARE(d.classifyVerifyReply(timeout, &active).kind, K::Ambiguous);
}

void tst_VenafiDialect::validate_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("problems");
    QTest::newRow("ok") << "https://tpp.example.com"
                        << "certificate:manage,revoke" << 0;
    QTest::newRow("multi scope") << "https://tpp.example.com"
                                 << "certificate:manage,revoke;configuration:manage;statistics"
                                 << 0;
    QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                   << "ssh:manage" << 0;
    QTest::newRow("http refused") << "http://tpp.example.com"
                                  << "certificate" << 1;
    QTest::newRow("space in scope") << "https://tpp.example.com"
                                    << "certificate: manage" << 1;
    QTest::newRow("space separated") << "https://tpp.example.com"
                                     << "certificate statistics" << 1;
    QTest::newRow("trailing ;") << "https://tpp.example.com"
                                << "certificate;" << 1;
    QTest::newRow("empty restriction") << "https://tpp.example.com"
                                       << "certificate:" << 1;
    QTest::newRow("empty scope") << "https://tpp.example.com"
                                 << "" << 1;
    QTest::newRow("both bad") << "ftp://tpp.example.com"
                              << "a,b" << 2;
}

void tst_VenafiDialect::validate()
{
    QFETCH(QString, url);
    QFETCH(QString, scope);
    QFETCH(int, problems);
    AccountConfig c = config();
    c.serverUrl = QUrl(url);
    c.scope = scope;
    QCOMPARE(VenafiDialect().validate(AccountDraft::from(c)).size(), problems);
    c.clientId.clear();
    c.username.clear();
    QCOMPARE(VenafiDialect().validate(AccountDraft::from(c)).size(), problems + 2);
}

void tst_VenafiDialect::factory()
{
    QCOMPARE(OAuthDialect::create(Dialect::Venafi)->kind(), Dialect::Venafi);
    QCOMPARE(OAuthDialect::create(Dialect::Salesforce)->kind(), Dialect::Salesforce);
    QCOMPARE(OAuthDialect::create(Dialect::Generic)->kind(), Dialect::Generic);
}

QTEST_GUILESS_MAIN(tst_VenafiDialect)
#include "tst_venafidialect.moc"
