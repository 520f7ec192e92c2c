#include "FakeServerFixture.h"
#include "VenafiEndpoints.h"

#include <QTest>

// Venafi TPP vedauth contract (protocols.md §1.10) over loopback.
class tst_VenafiEndpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void scopeGrammar_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("subset") << QStringLiteral("certificate:manage") << true;
        QTest::newRow("all") << QString::fromLatin1(FakeServerFixture::VenafiScope) << true;
        QTest::newRow("case") << QStringLiteral("Certificate:Manage,REVOKE") << true;
        QTest::newRow("two items")
                << QStringLiteral("configuration:manage;certificate:revoke") << true;
        QTest::newRow("extra restriction") << QStringLiteral("certificate:manage,delete") << false;
        QTest::newRow("other scope") << QStringLiteral("admin:recyclebin") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void scopeGrammar()
    {
        QFETCH(QString, requested);
        QFETCH(bool, allowed);
        QCOMPARE(VenafiEndpoints::scopeAllowed(requested,
                                               QString::fromLatin1(FakeServerFixture::VenafiScope)),
                 allowed);
    }

    void isAuthServer_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("tolerateSlash");
        QTest::addColumn<int>("status");
        QTest::newRow("as documented")
                << QByteArray("/vedauth/authorize/isAuthServer") << false << 202;
        QTest::newRow("lower") << QByteArray("/vedauth/authorize/isauthserver") << false << 202;
        QTest::newRow("upper") << QByteArray("/VEDAUTH/AUTHORIZE/ISAUTHSERVER") << false << 202;
        QTest::newRow("slash, strict")
                << QByteArray("/vedauth/authorize/isAuthServer/") << false << 404;
        QTest::newRow("slash, tolerant")
                << QByteArray("/vedauth/authorize/isAuthServer/") << true << 202;
    }
    void isAuthServer()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, tolerateSlash);
        QFETCH(int, status);
        f.server->knobs(Dialect::Venafi).trailingSlashTolerant = tolerateSlash;
        const HttpResult r = f.http->get(path);
        QCOMPARE(r.status, status);
        if (status == 202) {
            QCOMPARE(r.reason, QByteArray("Venafi Authentication Server"));
            QVERIFY(r.body.isEmpty());
        }
    }

    void login_data()
    {
        QTest::addColumn<QByteArray>("clientId");
        QTest::addColumn<bool>("sendExpiresIn");
        QTest::addColumn<bool>("expectRefresh");
        QTest::newRow("defaults") << QByteArray("vcert-sdk") << true << true;
        QTest::newRow("older TPP, no expires_in") << QByteArray("vcert-sdk") << false << true;
        QTest::newRow("refresh disabled") << QByteArray("no-refresh") << true << false;
    }
    void login()
    {
        QFETCH(QByteArray, clientId);
        QFETCH(bool, sendExpiresIn);
        QFETCH(bool, expectRefresh);
        auto &k = f.server->knobs(Dialect::Venafi);
        k.sendExpiresIn = sendExpiresIn;
        k.accessLifetime = 90 * 86400; // TPP defaults: 90 days / 1 year
        k.grantLifetime = 365 * 86400;
        const HttpResult r = f.venafiLogin(clientId, "certificate:manage,revoke");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str("token_type"), QStringLiteral("Bearer"));
        QVERIFY(!r.str("access_token").isEmpty());
        QCOMPARE(r.num("expires"), f.nowSecs() + 90 * 86400); // absolute epoch seconds
        QCOMPARE(r.has("expires_in"), sendExpiresIn);
        if (sendExpiresIn)
            QCOMPARE(r.num("expires_in"), 90 * 86400);
        QCOMPARE(r.has("refresh_token"), expectRefresh);
        QCOMPARE(r.has("refresh_until"), expectRefresh);
        if (expectRefresh)
            QCOMPARE(r.num("refresh_until"), f.nowSecs() + 365 * 86400);
        QVERIFY(r.str("identity").startsWith(QLatin1String("local:{")));
        QCOMPARE(r.str("scope"), QStringLiteral("certificate:manage,revoke"));
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 1);
    }

    void loginErrors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        const QByteArray json = "application/json";
        auto body = [](const char *client, const char *password, const char *scope) -> QByteArray {
            return QByteArray(R"({"client_id":")") + client + R"(","username":"alice",)"
                    + R"("password":")" + password + R"(","scope":")" + scope + "\"}";
        };
        QTest::newRow("form body") << QByteArray("application/x-www-form-urlencoded")
                                   << QByteArray("client_id=vcert-sdk&username=alice&password="
                                                 "pw-alice&scope=certificate:manage")
                                   << 400 << QByteArray("Bad Request")
                                   << QStringLiteral("invalid_request") << QString();
        QTest::newRow("bad password")
                << json << body("vcert-sdk", "nope", "certificate:manage") << 400
                << QByteArray("Bad Request") << QStringLiteral("invalid_grant")
                << QStringLiteral("Username/password combination not valid");
        QTest::newRow("unknown client")
                << json << body("other", "pw-alice", "certificate:manage") << 400
                << QByteArray("Bad Request") << QStringLiteral("invalid_client") << QString();
        QTest::newRow("client id is case-sensitive")
                << json << body("VCERT-SDK", "pw-alice", "certificate:manage") << 400
                << QByteArray("Bad Request") << QStringLiteral("invalid_client") << QString();
        const QByteArray denied =
                "Failed to issue grant: User is not authorized for the requested scope";
        QTest::newRow("scope not allowed") << json << body("vcert-sdk", "pw-alice", "admin") << 403
                                           << denied << QString() << QString();
        QTest::newRow("restriction not allowed")
                << json << body("vcert-sdk", "pw-alice", "certificate:manage,delete") << 403
                << denied << QString() << QString();
        QTest::newRow("missing scope")
                << json << body("vcert-sdk", "pw-alice", "") << 400 << QByteArray("Bad Request")
                << QStringLiteral("invalid_request") << QString();
    }
    void loginErrors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QString, error);
        QFETCH(QString, description);
        const HttpResult r = f.http->send("POST", "/vedauth/authorize/oauth", body,
                                          {{"Content-Type", contentType}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.reason, reason);
        QCOMPARE(r.str("error"), error);
        if (!description.isEmpty())
            QCOMPARE(r.str("error_description"), description);
        if (error.isEmpty())
            QVERIFY(r.body.isEmpty()); // TPP puts the text in the status line only
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 0);
    }

    void refreshRotatesBothTokens()
    {
        const HttpResult login = f.venafiLogin();
        const QByteArray at0 = login.str("access_token").toLatin1();
        const QByteArray rt0 = login.str("refresh_token").toLatin1();
        f.clock->advance(600 * 1000); // at0 would still be valid for 50 min
        const HttpResult r = f.venafiRefresh(rt0);
        QCOMPARE(r.status, 200);
        const QByteArray at1 = r.str("access_token").toLatin1();
        const QByteArray rt1 = r.str("refresh_token").toLatin1();
        QVERIFY(!at1.isEmpty() && at1 != at0);
        QVERIFY(!rt1.isEmpty() && rt1 != rt0);
        QCOMPARE(r.num("expires"), f.nowSecs() + 3600);
        QCOMPARE(r.num("refresh_until"), login.num("refresh_until")); // the grant is not extended
        QCOMPARE(r.str("identity"), login.str("identity"));
        QCOMPARE(f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("alice")), rt1);

        QCOMPARE(f.http->get("/vedauth/authorize/verify", TestHttpClient::bearer(at0)).status,
                 401); // refreshing kills the old access token
        QCOMPARE(f.http->get("/vedauth/authorize/verify", TestHttpClient::bearer(at1)).status, 200);
        const HttpResult replay = f.venafiRefresh(rt0);
        QCOMPARE(replay.status, 400);
        QCOMPARE(
                replay.reason,
                QByteArray("Grant has been revoked, has expired, or the refresh token is invalid"));
        QVERIFY(replay.body.isEmpty());
        QCOMPARE(f.venafiRefresh(rt1).status, 200); // no reuse detection by default
    }

    void refreshCappedAtRefreshUntil()
    {
        auto &k = f.server->knobs(Dialect::Venafi);
        k.accessLifetime = 90 * 86400;
        k.grantLifetime = 2 * 86400;
        const HttpResult login = f.venafiLogin();
        QCOMPARE(login.num("expires"), login.num("refresh_until"));
        f.clock->advance(86400 * 1000);
        const HttpResult r = f.venafiRefresh(login.str("refresh_token").toLatin1());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.num("expires"), login.num("refresh_until"));
        QCOMPARE(r.num("expires_in"), 86400);
        f.clock->advance(86400 * 1000); // now == refresh_until: the grant is over
        const HttpResult dead = f.venafiRefresh(r.str("refresh_token").toLatin1());
        QCOMPARE(dead.status, 400);
        QVERIFY(dead.reason.startsWith("Grant has been revoked"));
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 0);
    }

    void refreshErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QString>("error");
        QTest::newRow("client_id mismatch")
                << QByteArray(R"({"client_id":"VCERT-SDK","refresh_token":"$RT"})")
                << QByteArray("application/json") << QByteArray("Bad Request")
                << QStringLiteral("invalid_client");
        QTest::newRow("unknown token")
                << QByteArray(R"({"client_id":"vcert-sdk","refresh_token":"nope"})")
                << QByteArray("application/json")
                << QByteArray("Grant has been revoked, has expired, or the refresh token is "
                              "invalid")
                << QString();
        QTest::newRow("form body")
                << QByteArray("client_id=vcert-sdk&refresh_token=$RT")
                << QByteArray("application/x-www-form-urlencoded") << QByteArray("Bad Request")
                << QStringLiteral("invalid_request");
    }
    void refreshErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, reason);
        QFETCH(QString, error);
        const QByteArray rt = f.venafiLogin().str("refresh_token").toLatin1();
        const HttpResult r = f.http->send("POST", "/vedauth/authorize/token",
                                          body.replace("$RT", rt), {{"Content-Type", contentType}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.reason, reason);
        QCOMPARE(r.str("error"), error);
        if (error == QLatin1String("invalid_client"))
            QVERIFY(r.str("error_description").contains(QLatin1String("does not match")));
        QCOMPARE(f.venafiRefresh(rt).status, 200); // a rejected refresh does not consume the RT
    }

    void verifyReportsThreeTimestampEncodings()
    {
        const qint64 loginMs = f.clock->wallMs();
        const HttpResult login = f.venafiLogin();
        f.clock->advance(600 * 1000);
        const HttpResult r = f.venafiRefresh(login.str("refresh_token").toLatin1());
        const qint64 refreshMs = f.clock->wallMs();
        f.clock->advance(60 * 1000);
        const HttpResult v = f.http->get("/vedauth/authorize/verify",
                                         TestHttpClient::bearer(r.str("access_token").toLatin1()));
        QCOMPARE(v.status, 200);
        QCOMPARE(v.reason, QByteArray("Token is valid"));
        QCOMPARE(v.str("access_issued_on"), QStringLiteral("/Date(%1)/").arg(refreshMs));
        QCOMPARE(v.str("access_issued_on_ISO8601"), QStringLiteral("2026-01-01T00:10:00Z"));
        QCOMPARE(v.num("access_issued_on_unix_time"), refreshMs / 1000);
        QCOMPARE(v.str("grant_issued_on"), QStringLiteral("/Date(%1)/").arg(loginMs));
        QCOMPARE(v.str("grant_issued_on_ISO8601"), QStringLiteral("2026-01-01T00:00:00Z"));
        QCOMPARE(v.num("grant_issued_on_unix_time"), loginMs / 1000);
        // "expires" in verify is the grant's end (refresh_until), not the access token's.
        QCOMPARE(v.num("expires_unix_time"), login.num("refresh_until"));
        QCOMPARE(v.str("expires_ISO8601"), QStringLiteral("2027-01-01T00:00:00Z"));
        QCOMPARE(v.num("valid_for"), 3600);
        QCOMPARE(v.str("application"), QStringLiteral("vcert-sdk"));
        QCOMPARE(v.str("identity"), login.str("identity"));
        QCOMPARE(v.str("scope"), QStringLiteral("certificate:manage"));
    }

    void verifyRejectsDeadTokens_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<qint64>("advanceSecs");
        QTest::newRow("no header") << QByteArray() << qint64(0);
        QTest::newRow("garbage") << QByteArray("Bearer garbage") << qint64(0);
        QTest::newRow("expired") << QByteArray("$AT") << qint64(3600);
    }
    void verifyRejectsDeadTokens()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(qint64, advanceSecs);
        const QByteArray at = f.venafiLogin().str("access_token").toLatin1();
        f.clock->advance(advanceSecs * 1000);
        const HttpResult r = f.http->get("/vedauth/authorize/verify",
                                         authorization.replace("$AT", QByteArray("Bearer " + at)));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_token"));
    }

    void revokeKillsTheWholeGrant()
    {
        const HttpResult none = f.http->get("/vedauth/revoke/token");
        QCOMPARE(none.status, 202);
        QCOMPARE(none.reason, QByteArray("[token] not found"));

        const HttpResult login = f.venafiLogin();
        const QByteArray bearer = TestHttpClient::bearer(login.str("access_token").toLatin1());
        const HttpResult r = f.http->get("/vedauth/revoke/token", bearer);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("has been revoked"));
        QCOMPARE(f.http->get("/vedauth/authorize/verify", bearer).status, 401);
        QCOMPARE(f.venafiRefresh(login.str("refresh_token").toLatin1()).status, 400);
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 0);
        const HttpResult again = f.http->get("/vedauth/revoke/token", bearer);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.str("error"), QStringLiteral("invalid_token"));
    }

    void resource_data()
    {
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<bool>("requireScope");
        QTest::addColumn<qint64>("advanceSecs");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << false << false << qint64(0) << 200 << QString();
        QTest::newRow("expired") << false << false << qint64(3600) << 401
                                 << QStringLiteral("invalid_token");
        QTest::newRow("expired, pre-20.4")
                << true << false << qint64(3600) << 401 << QStringLiteral("expired_token");
        QTest::newRow("scope") << false << true << qint64(0) << 403
                               << QStringLiteral("insufficient_scope");
        QTest::newRow("scope, pre-20.4")
                << true << true << qint64(0) << 401 << QStringLiteral("insufficient_scope");
    }
    void resource()
    {
        QFETCH(bool, legacy);
        QFETCH(bool, requireScope);
        QFETCH(qint64, advanceSecs);
        QFETCH(int, status);
        QFETCH(QString, error);
        auto &k = f.server->knobs(Dialect::Venafi);
        k.legacyVenafi401 = legacy;
        k.requireResourceScope = requireScope;
        const QByteArray at = f.venafiLogin().str("access_token").toLatin1();
        f.clock->advance(advanceSecs * 1000);
        const HttpResult r =
                f.http->get("/vedsdk/SystemStatus/Version", TestHttpClient::bearer(at));
        QCOMPARE(r.status, status);
        QCOMPARE(r.str("error"), error);
        if (requireScope)
            QVERIFY(r.str("error_description").startsWith(QLatin1String("Grant rejected scope")));
        if (status == 200)
            QVERIFY(!r.str("Version").isEmpty());
        QCOMPARE(f.server->requestCount(QStringLiteral("venafi.resource")), 1);
    }

private:
    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_VenafiEndpoints)
#include "tst_venafiendpoints.moc"
