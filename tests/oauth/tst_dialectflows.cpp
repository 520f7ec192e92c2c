#include "DiscoveryClient.h"
#include "FakeServerFixture.h"
#include "HttpClient.h"
#include "OAuthDialect.h"

#include <QNetworkAccessManager>
#include <QTest>

// Each dialect end to end over loopback: the dialect builds the request, HttpClient sends it,
// FakeAuthServer answers, the dialect classifies. Login, refresh (rotation on/off), revoke,
// verify/introspect, discovery (and issuer mismatch), reactive 401 signals, clock skew.
class tst_DialectFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void venafiLifecycle();
    void venafiErrors();
    void venafiClockSkew();
    void salesforceLifecycle_data();
    void salesforceLifecycle();
    void salesforceBadInstanceUrl();
    void genericDiscoveryAndLifecycle_data();
    void genericDiscoveryAndLifecycle();
    void genericIssuerMismatch();
    void genericRevoke503();
    void genericResource401();
    void lostRotationResponse_data();
    void lostRotationResponse();

private:
    HttpReply exchange(const HttpRequest &request);
    TokenResult token(OAuthDialect::Grant grant, const HttpRequest &request,
                      const TokenSet &previous = TokenSet());
    AccountConfig venafi() const;
    AccountConfig salesforce() const;

    FakeServerFixture f;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<OAuthDialect> m_dialect;
};

using K = AuthError::Kind;
using Grant = OAuthDialect::Grant;

void tst_DialectFlows::init()
{
    QVERIFY(f.setUp());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get(), f.clock.get());
}

void tst_DialectFlows::cleanup()
{
    m_http.reset();
    m_nam.reset();
    f.tearDown();
}

HttpReply tst_DialectFlows::exchange(const HttpRequest &request)
{
    HttpReply out;
    bool done = false;
    m_http->send(request, [&](const HttpReply &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        out.transport = HttpReply::Transport::Other;
    return out;
}

TokenResult tst_DialectFlows::token(Grant grant, const HttpRequest &request,
                                    const TokenSet &previous)
{
    const HttpReply reply = exchange(request);
    AccountConfig config;
    config.serverUrl = f.server->baseUrl();
    config.assumedSessionSeconds = 7200;
    return m_dialect->parseTokenReply(grant, reply, config, previous, f.clock->wallMs());
}

AccountConfig tst_DialectFlows::venafi() const
{
    AccountConfig c;
    c.dialect = Dialect::Venafi;
    c.serverUrl = QUrl(f.server->venafiUrl().toString() + QStringLiteral("/vedsdk/"));
    c.clientId = QString::fromLatin1(FakeServerFixture::VenafiClient);
    c.username = QString::fromLatin1(FakeServerFixture::User);
    c.scope = QStringLiteral("certificate:manage,revoke");
    return c;
}

AccountConfig tst_DialectFlows::salesforce() const
{
    AccountConfig c;
    c.dialect = Dialect::Salesforce;
    c.serverUrl = f.server->salesforceUrl();
    c.clientId = QString::fromLatin1(FakeServerFixture::SfClient);
    c.username = QString::fromLatin1(FakeServerFixture::User);
    c.hasClientSecret = true; // every connected app has one (the flows send SfSecret)
    return c;
}

void tst_DialectFlows::venafiLifecycle()
{
    m_dialect = OAuthDialect::create(Dialect::Venafi);
    const AccountConfig config = venafi();
    QVERIFY(m_dialect->validate(AccountDraft::from(config)).isEmpty());
    f.server->knobs(Dialect::Venafi).accessLifetime = 90 * 86400;
    Credentials creds;
    creds.password = FakeServerFixture::Password;

    const TokenResult login = token(Grant::Password, m_dialect->loginRequest(config, creds));
    QVERIFY2(login.ok(), qPrintable(login.error.toLogString()));
    const TokenSet t1 = login.tokens;
    QVERIFY(t1.hasRefreshToken());
    QCOMPARE(t1.lifetimeMs(), 90LL * 86400 * 1000);
    QVERIFY(t1.refreshUntilMs > t1.accessExpiresAtMs);
    QVERIFY(!t1.clockSkewSuspected);
    QCOMPARE(f.server->requestCount(QStringLiteral("venafi.oauth")), 1);

    bool active = false;
    QVERIFY(!m_dialect
                     ->classifyVerifyReply(exchange(m_dialect->verifyRequest(config, t1, creds)),
                                           &active)
                     .isError());
    QVERIFY(active);

    f.clock->advance(3600 * 1000);
    const TokenResult refreshed =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t1.refreshToken, creds), t1);
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.error.toLogString()));
    const TokenSet t2 = refreshed.tokens;
    QVERIFY(t2.refreshToken != t1.refreshToken); // Venafi always rotates
    QVERIFY(t2.accessToken != t1.accessToken);
    QCOMPARE(f.server->currentRefreshToken(Dialect::Venafi, config.username), t2.refreshToken);
    QCOMPARE(t2.refreshUntilMs, t1.refreshUntilMs); // the grant does not get longer

    // The used refresh token is dead: any 400 from the token endpoint is GrantDead.
    const TokenResult replay =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t1.refreshToken, creds), t1);
    QCOMPARE(replay.error.kind, K::GrantDead);
    QVERIFY(!replay.error.description.isEmpty()); // the reason phrase is kept

    const QList<HttpRequest> revoke = m_dialect->revokeRequests(config, t2, creds);
    QCOMPARE(revoke.size(), 1);
    QCOMPARE(m_dialect->classifyRevokeReply(exchange(revoke.first())).kind, K::None);
    QVERIFY(!m_dialect
                     ->classifyVerifyReply(exchange(m_dialect->verifyRequest(config, t2, creds)),
                                           &active)
                     .isError());
    QVERIFY(!active);
    const TokenResult afterRevoke =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t2.refreshToken, creds), t2);
    QCOMPARE(afterRevoke.error.kind, K::GrantDead);
    // Revoke without a token: 202, nothing to revoke, treated as done.
    HttpRequest noToken = m_dialect->revokeRequests(config, t2, creds).first();
    noToken.headers.clear();
    const AuthError done = m_dialect->classifyRevokeReply(exchange(noToken));
    QCOMPARE(done.kind, K::None);
    QCOMPARE(done.code, QStringLiteral("nothing_to_revoke"));
}

void tst_DialectFlows::venafiErrors()
{
    m_dialect = OAuthDialect::create(Dialect::Venafi);
    AccountConfig config = venafi();
    Credentials wrong;
    wrong.password = "nope";
    QCOMPARE(token(Grant::Password, m_dialect->loginRequest(config, wrong)).error.kind,
             K::BadCredentials);
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    config.scope = QStringLiteral("admin:delete");
    const TokenResult scope = token(Grant::Password, m_dialect->loginRequest(config, creds));
    QCOMPARE(scope.error.kind, K::Scope);
    QCOMPARE(scope.error.httpStatus, 403);
    config.scope = QStringLiteral("certificate:manage");
    const TokenResult ok = token(Grant::Password, m_dialect->loginRequest(config, creds));
    QVERIFY(ok.ok());
    AccountConfig other = config;
    other.clientId = QStringLiteral("no-refresh");
    const TokenResult mismatch =
            token(Grant::Refresh, m_dialect->refreshRequest(other, ok.tokens.refreshToken, creds),
                  ok.tokens);
    QCOMPARE(mismatch.error.kind, K::Config);
    QCOMPARE(mismatch.error.code, QStringLiteral("invalid_client_id"));
    QCOMPARE(mismatch.error.httpStatus, 400);
}

void tst_DialectFlows::venafiClockSkew()
{
    m_dialect = OAuthDialect::create(Dialect::Venafi);
    // Our clock runs 1 h ahead of the server's (M-23): the lifetime must still be the server's.
    ManualClock local(f.clock->wallMs() + 3600 * 1000);
    m_http = std::make_unique<HttpClient>(m_nam.get(), &local);
    f.server->knobs(Dialect::Venafi).accessLifetime = 1800;
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    const HttpReply reply = exchange(m_dialect->loginRequest(venafi(), creds));
    const TokenResult r = m_dialect->parseTokenReply(Grant::Password, reply, venafi(), TokenSet(),
                                                     local.wallMs());
    QVERIFY2(r.ok(), qPrintable(r.error.toLogString()));
    QVERIFY(r.tokens.clockSkewSuspected);
    QCOMPARE(r.tokens.clockSkewMs, -3600LL * 1000);
    QCOMPARE(r.tokens.issuedAtMs, local.wallMs());
    QCOMPARE(r.tokens.lifetimeMs(), 1800LL * 1000);
}

void tst_DialectFlows::salesforceLifecycle_data()
{
    QTest::addColumn<bool>("rotate");
    QTest::newRow("no rotation (default)") << false;
    QTest::newRow("rotation") << true;
}

void tst_DialectFlows::salesforceLifecycle()
{
    QFETCH(bool, rotate);
    m_dialect = OAuthDialect::create(Dialect::Salesforce);
    f.server->knobs(Dialect::Salesforce).rotate = rotate;
    const AccountConfig config = salesforce();
    QVERIFY(m_dialect->validate(AccountDraft::from(config)).isEmpty());
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    creds.clientSecret = FakeServerFixture::SfSecret;

    const TokenResult login = token(Grant::Password, m_dialect->loginRequest(config, creds));
    QVERIFY2(login.ok(), qPrintable(login.error.toLogString()));
    const TokenSet t1 = login.tokens;
    QVERIFY(t1.expiryEstimated);
    QCOMPARE(t1.lifetimeMs(), 7200LL * 1000);
    QCOMPARE(t1.instanceUrl, f.server->baseUrl());

    f.clock->advance(600 * 1000);
    const TokenResult r =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t1.refreshToken, creds), t1);
    QVERIFY2(r.ok(), qPrintable(r.error.toLogString()));
    QCOMPARE(r.tokens.refreshToken != t1.refreshToken, rotate);
    QCOMPARE(f.server->currentRefreshToken(Dialect::Salesforce, config.username),
             r.tokens.refreshToken);

    bool active = false;
    QVERIFY(!m_dialect
                     ->classifyVerifyReply(
                             exchange(m_dialect->verifyRequest(config, r.tokens, creds)), &active)
                     .isError());
    QVERIFY(active);

    // Resource: an expired session is a 401 JSON array -> AccessTokenRejected.
    f.server->expireAllAccessTokens();
    HttpRequest api;
    api.method = "GET";
    api.url = QUrl(r.tokens.instanceUrl.toString() + QStringLiteral("/services/data/v60.0/limits"));
    api.headers = {{"Authorization", "Bearer " + r.tokens.accessToken}};
    api.purpose = QStringLiteral("resource");
    QCOMPARE(m_dialect->classifyResourceReply(exchange(api)).kind, K::AccessTokenRejected);

    const QList<HttpRequest> revoke = m_dialect->revokeRequests(config, r.tokens, creds);
    QCOMPARE(revoke.size(), 2);
    QCOMPARE(m_dialect->classifyRevokeReply(exchange(revoke[0])).kind, K::None);
    // The access token died with the refresh token: Salesforce answers 400, which is "done".
    QCOMPARE(m_dialect->classifyRevokeReply(exchange(revoke[1])).kind, K::None);
    const TokenResult dead =
            token(Grant::Refresh, m_dialect->refreshRequest(config, r.tokens.refreshToken, creds),
                  r.tokens);
    QCOMPARE(dead.error.kind, K::GrantDead);
    QCOMPARE(dead.error.description, QStringLiteral("expired access/refresh token"));

    Credentials wrong = creds;
    wrong.password = "nope";
    const TokenResult bad = token(Grant::Password, m_dialect->loginRequest(config, wrong));
    QCOMPARE(bad.error.kind, K::BadCredentials);
    QCOMPARE(bad.error.description, QStringLiteral("authentication failure"));
}

void tst_DialectFlows::salesforceBadInstanceUrl()
{
    m_dialect = OAuthDialect::create(Dialect::Salesforce);
    f.server->knobs(Dialect::Salesforce).instanceUrl =
            QUrl(QStringLiteral("http://na1.salesforce.com"));
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    creds.clientSecret = FakeServerFixture::SfSecret;
    const TokenResult r = token(Grant::Password, m_dialect->loginRequest(salesforce(), creds));
    QCOMPARE(r.error.kind, K::Config);
    QCOMPARE(r.error.code, QStringLiteral("bad_instance_url"));
    QVERIFY(r.tokens.accessToken.isEmpty());
}

void tst_DialectFlows::genericDiscoveryAndLifecycle_data()
{
    QTest::addColumn<bool>("confidential");
    QTest::addColumn<bool>("rotate");
    QTest::newRow("public, rotation") << false << true;
    QTest::newRow("public, no rotation") << false << false;
    QTest::newRow("confidential basic, rotation") << true << true;
}

void tst_DialectFlows::genericDiscoveryAndLifecycle()
{
    QFETCH(bool, confidential);
    QFETCH(bool, rotate);
    m_dialect = OAuthDialect::create(Dialect::Generic);
    f.server->knobs(Dialect::Generic).rotate = rotate;

    DiscoveryClient discovery(m_http.get());
    DiscoveryResult found;
    bool done = false;
    discovery.discover(f.server->issuer(), [&](const DiscoveryResult &r) {
        found = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(found.ok(), qPrintable(found.error.toLogString()));
    QCOMPARE(found.documentUrl.path(),
             QStringLiteral("/.well-known/oauth-authorization-server/generic"));
    QVERIFY(found.grantTypes.contains(QStringLiteral("password")));

    AccountConfig config;
    config.dialect = Dialect::Generic;
    config.serverUrl = f.server->issuer();
    config.tokenEndpoint = found.tokenEndpoint;
    config.revocationEndpoint = found.revocationEndpoint;
    config.introspectionEndpoint = found.introspectionEndpoint;
    config.clientId = QString::fromLatin1(confidential ? FakeServerFixture::ConfClient
                                                       : FakeServerFixture::PublicClient);
    config.username = QString::fromLatin1(FakeServerFixture::User);
    config.scope = QStringLiteral("read");
    QVERIFY(m_dialect->validate(AccountDraft::from(config)).isEmpty());
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    if (confidential)
        creds.clientSecret = FakeServerFixture::ConfSecret; // needs urlencoding before base64

    const TokenResult login = token(Grant::Password, m_dialect->loginRequest(config, creds));
    QVERIFY2(login.ok(), qPrintable(login.error.toLogString()));
    const TokenSet t1 = login.tokens;
    QCOMPARE(t1.lifetimeMs(), 3600LL * 1000);
    QCOMPARE(t1.issuedAtMs, f.clock->wallMs());
    if (confidential) {
        const FakeRequest sent = f.server->requests(QStringLiteral("generic.token")).constLast();
        QVERIFY(sent.header("Authorization").startsWith("Basic "));
        QVERIFY(!sent.body.contains("client_id"));
    }

    f.clock->advance(1000);
    const TokenResult r =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t1.refreshToken, creds), t1);
    QVERIFY2(r.ok(), qPrintable(r.error.toLogString()));
    QCOMPARE(r.tokens.refreshToken != t1.refreshToken, rotate);
    QCOMPARE(f.server->currentRefreshToken(Dialect::Generic, config.username),
             r.tokens.refreshToken);

    bool active = false;
    QVERIFY(!m_dialect
                     ->classifyVerifyReply(
                             exchange(m_dialect->verifyRequest(config, r.tokens, creds)), &active)
                     .isError());
    QVERIFY(active);

    const QList<HttpRequest> revoke = m_dialect->revokeRequests(config, r.tokens, creds);
    QCOMPARE(revoke.size(), 2);
    for (const HttpRequest &req : revoke)
        QCOMPARE(m_dialect->classifyRevokeReply(exchange(req)).kind, K::None);
    QCOMPARE(f.server->requestCount(QStringLiteral("generic.revoke")), 2);
    QVERIFY(f.server->requests(QStringLiteral("generic.revoke"))
                    .constFirst()
                    .body.contains("token_type_hint=refresh_token"));
    const TokenResult dead =
            token(Grant::Refresh, m_dialect->refreshRequest(config, r.tokens.refreshToken, creds),
                  r.tokens);
    QCOMPARE(dead.error.kind, K::GrantDead);
}

void tst_DialectFlows::genericIssuerMismatch()
{
    f.server->knobs(Dialect::Generic).issuerOverride = QStringLiteral("https://evil.example");
    DiscoveryClient discovery(m_http.get());
    DiscoveryResult found;
    bool done = false;
    discovery.discover(f.server->issuer(), [&](const DiscoveryResult &r) {
        found = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(found.error.kind, K::Config);
    QCOMPARE(found.error.code, QStringLiteral("issuer_mismatch"));
    QVERIFY(found.tokenEndpoint.isEmpty());
    QVERIFY(!discovery.isRunning());

    // The 8414 document missing: the OIDC one is tried next.
    f.server->knobs(Dialect::Generic).issuerOverride.clear();
    FakeFault missing;
    missing.kind = FakeFault::Kind::Respond;
    missing.status = 404;
    f.server->injectFault(QStringLiteral("generic.discovery"), missing);
    done = false;
    discovery.discover(f.server->issuer(), [&](const DiscoveryResult &r) {
        found = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(found.ok(), qPrintable(found.error.toLogString()));
    QCOMPARE(found.documentUrl.path(), QStringLiteral("/generic/.well-known/openid-configuration"));
    QCOMPARE(f.server->requestCount(QStringLiteral("generic.discovery")), 3);
}

void tst_DialectFlows::genericRevoke503()
{
    m_dialect = OAuthDialect::create(Dialect::Generic);
    FakeFault unavailable;
    unavailable.kind = FakeFault::Kind::Respond;
    unavailable.status = 503;
    unavailable.headers = {{"Retry-After", "30"}};
    f.server->injectFault(QStringLiteral("generic.revoke"), unavailable);
    AccountConfig config;
    config.revocationEndpoint = QUrl(f.server->issuer().toString() + QStringLiteral("/revoke"));
    config.clientId = QString::fromLatin1(FakeServerFixture::PublicClient);
    TokenSet t;
    t.refreshToken = "RT";
    const AuthError e = m_dialect->classifyRevokeReply(
            exchange(m_dialect->revokeRequests(config, t, Credentials()).first()));
    QCOMPARE(e.kind, K::Transient);
    QCOMPARE(e.retryAfterMs, qint64(30000));
}

void tst_DialectFlows::genericResource401()
{
    m_dialect = OAuthDialect::create(Dialect::Generic);
    const QByteArray at = f.genericLogin().str("access_token").toLatin1();
    QVERIFY(!at.isEmpty());
    f.server->expireAllAccessTokens();
    HttpRequest api;
    api.method = "GET";
    api.url = QUrl(f.server->issuer().toString() + QStringLiteral("/api/me"));
    api.headers = {{"Authorization", "Bearer " + at}};
    const HttpReply reply = exchange(api);
    QCOMPARE(reply.status, 401);
    const AuthError e = m_dialect->classifyResourceReply(reply);
    QCOMPARE(e.kind, K::AccessTokenRejected);
    QCOMPARE(e.code, QStringLiteral("invalid_token"));
}

void tst_DialectFlows::lostRotationResponse_data()
{
    QTest::addColumn<int>("times"); // how many attempts the server cuts off after rotating
    QTest::addColumn<int>("graceSeconds");
    QTest::addColumn<K>("kind");
    // Qt 6.4 silently re-sends a request whose connection closed before any byte arrived, so a
    // single lost response is replayed at once with the same refresh token (pinned by the fake
    // server's own tests). What the session sees is therefore the replay's answer:
    QTest::newRow("one lost response, strict server") << 1 << 0 << K::GrantDead;
    QTest::newRow("one lost response, 30 s grace") << 1 << 30 << K::None;
    // Every attempt cut off: a transport failure after sending, i.e. Ambiguous.
    QTest::newRow("all attempts lost") << -1 << 0 << K::Ambiguous;
}

void tst_DialectFlows::lostRotationResponse()
{
    QFETCH(int, times);
    QFETCH(int, graceSeconds);
    QFETCH(K, kind);
    m_dialect = OAuthDialect::create(Dialect::Generic);
    f.server->knobs(Dialect::Generic).rotate = true;
    f.server->knobs(Dialect::Generic).reuseGraceSeconds = graceSeconds;
    AccountConfig config;
    config.tokenEndpoint = QUrl(f.server->issuer().toString() + QStringLiteral("/token"));
    config.clientId = QString::fromLatin1(FakeServerFixture::PublicClient);
    TokenSet t;
    t.refreshToken = f.genericLogin().str("refresh_token").toLatin1();
    QVERIFY(!t.refreshToken.isEmpty());
    FakeFault fault;
    fault.kind = FakeFault::Kind::CloseAfterProcessing;
    fault.times = times;
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    const TokenResult r =
            token(Grant::Refresh, m_dialect->refreshRequest(config, t.refreshToken, {}), t);
    QCOMPARE(r.error.kind, kind);
    QCOMPARE(f.server->requestCount(QStringLiteral("generic.token")), 3); // login + 2 attempts
    if (kind == K::None) // the grace window hands out the pair that was lost
        QCOMPARE(r.tokens.refreshToken,
                 f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice")));
}

QTEST_GUILESS_MAIN(tst_DialectFlows)
#include "tst_dialectflows.moc"
