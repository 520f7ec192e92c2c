#include "FakeServerFixture.h"

#include <QJsonArray>
#include <QTest>

// Generic RFC 6749 / 6750 / 7009 / 7662 / 8414 contract (protocols.md §3.8) over loopback.
class tst_GenericEndpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void discovery_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("issuerOverride");
        QTest::newRow("RFC 8414 (before the path)")
                << QByteArray("/.well-known/oauth-authorization-server/generic") << QString();
        QTest::newRow("OIDC (after the path)")
                << QByteArray("/generic/.well-known/openid-configuration") << QString();
        QTest::newRow("issuer mismatch") << QByteArray("/generic/.well-known/openid-configuration")
                                         << QStringLiteral("https://evil.example/generic");
    }
    void discovery()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, issuerOverride);
        f.server->knobs(Dialect::Generic).issuerOverride = issuerOverride;
        const HttpResult r = f.http->get(path);
        QCOMPARE(r.status, 200);
        const QString issuer = f.server->issuer().toString();
        QCOMPARE(r.str("issuer"), issuerOverride.isEmpty() ? issuer : issuerOverride);
        QCOMPARE(r.str("token_endpoint"), issuer + QStringLiteral("/token"));
        QCOMPARE(r.str("revocation_endpoint"), issuer + QStringLiteral("/revoke"));
        QCOMPARE(r.str("introspection_endpoint"), issuer + QStringLiteral("/introspect"));
        const QJsonObject o = r.json();
        const QJsonArray grants = o.value(QLatin1String("grant_types_supported")).toArray();
        for (const char *g : {"password", "refresh_token", "client_credentials"})
            QVERIFY(grants.contains(QString::fromLatin1(g)));
        QVERIFY(!o.value(QLatin1String("response_types_supported")).toArray().isEmpty());
        QVERIFY(o.value(QLatin1String("token_endpoint_auth_methods_supported"))
                        .toArray()
                        .contains(QStringLiteral("client_secret_basic")));
    }

    void discoveryPathsAreExact_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("8414 without tenant")
                << QByteArray("/.well-known/oauth-authorization-server");
        QTest::newRow("OIDC at 8414 position")
                << QByteArray("/.well-known/openid-configuration/generic");
    }
    void discoveryPathsAreExact()
    {
        QFETCH(QByteArray, path);
        QCOMPARE(f.http->get(path).status, 404);
    }

    void clientAuthentication_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("bodyClient");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("challenge");
        const QByteArray secret = FakeServerFixture::ConfSecret;
        QTest::newRow("basic, parts form-urlencoded") << TestHttpClient::basic("conf", secret)
                                                      << QByteArray() << 200 << QString() << false;
        QTest::newRow("basic, raw secret (interop bug)")
                << QByteArray("Basic " + QByteArray("conf:" + secret).toBase64()) << QByteArray()
                << 401 << QStringLiteral("invalid_client") << true;
        QTest::newRow("basic, wrong secret")
                << TestHttpClient::basic("conf", "nope") << QByteArray() << 401
                << QStringLiteral("invalid_client") << true;
        QTest::newRow("basic, undecodable") << QByteArray("Basic !!!") << QByteArray() << 401
                                            << QStringLiteral("invalid_client") << true;
        QTest::newRow("post") << QByteArray()
                              << QByteArray("client_id=conf&client_secret="
                                            + QUrl::toPercentEncoding(QString::fromUtf8(secret)))
                              << 200 << QString() << false;
        QTest::newRow("post, wrong secret")
                << QByteArray() << QByteArray("client_id=conf&client_secret=nope") << 400
                << QStringLiteral("invalid_client") << false;
        QTest::newRow("confidential without secret")
                << QByteArray() << QByteArray("client_id=conf") << 400
                << QStringLiteral("invalid_client") << false;
        QTest::newRow("public client")
                << QByteArray() << QByteArray("client_id=pub") << 200 << QString() << false;
        QTest::newRow("unknown client") << QByteArray() << QByteArray("client_id=zz") << 400
                                        << QStringLiteral("invalid_client") << false;
        QTest::newRow("two methods")
                << TestHttpClient::basic("conf", secret) << QByteArray("client_secret=x") << 400
                << QStringLiteral("invalid_request") << false;
    }
    void clientAuthentication()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, bodyClient);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(bool, challenge);
        TestHttpClient::Fields headers{{"Content-Type", "application/x-www-form-urlencoded"}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        QByteArray body = "grant_type=password&username=alice&password=pw-alice";
        if (!bodyClient.isEmpty())
            body += '&' + bodyClient;
        const HttpResult r = f.http->send("POST", "/generic/token", body, headers);
        QCOMPARE(r.status, status);
        QCOMPARE(r.str("error"), error);
        QCOMPARE(r.header("WWW-Authenticate").startsWith("Basic"), challenge);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), status == 200 ? 1 : 0);
    }

    void passwordGrantShape_data()
    {
        QTest::addColumn<bool>("sendExpiresIn");
        QTest::newRow("expires_in") << true;
        QTest::newRow("no expires_in") << false;
    }
    void passwordGrantShape()
    {
        QFETCH(bool, sendExpiresIn);
        f.server->knobs(Dialect::Generic).sendExpiresIn = sendExpiresIn;
        f.server->knobs(Dialect::Generic).accessLifetime = 300;
        const HttpResult r = f.genericLogin();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("Pragma"), QByteArray("no-cache"));
        QCOMPARE(r.str("token_type"), QStringLiteral("Bearer"));
        QCOMPARE(r.has("expires_in"), sendExpiresIn);
        if (sendExpiresIn)
            QCOMPARE(r.num("expires_in"), 300);
        QVERIFY(!r.str("access_token").isEmpty());
        QVERIFY(!r.str("refresh_token").isEmpty());
        QCOMPARE(r.str("scope"), QStringLiteral("read"));
    }

    void tokenErrors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        const QByteArray form = "application/x-www-form-urlencoded";
        QTest::newRow("JSON body")
                << QByteArray("application/json") << QByteArray(R"({"grant_type":"password"})")
                << QStringLiteral("invalid_request");
        QTest::newRow("no grant_type")
                << form << QByteArray("client_id=pub") << QStringLiteral("invalid_request");
        QTest::newRow("unsupported grant")
                << form << QByteArray("client_id=pub&grant_type=implicit")
                << QStringLiteral("unsupported_grant_type");
        QTest::newRow("unknown authorization code")
                << form << QByteArray("client_id=pub&grant_type=authorization_code&code=x")
                << QStringLiteral("invalid_grant");
        QTest::newRow("bad password")
                << form << QByteArray("client_id=pub&grant_type=password&username=alice&password=x")
                << QStringLiteral("invalid_grant");
        QTest::newRow("scope not allowed")
                << form
                << QByteArray("client_id=pub&grant_type=password&username=alice"
                              "&password=pw-alice&scope=admin")
                << QStringLiteral("invalid_scope");
        QTest::newRow("unknown refresh token")
                << form << QByteArray("client_id=pub&grant_type=refresh_token&refresh_token=x")
                << QStringLiteral("invalid_grant");
        QTest::newRow("client_credentials, public client")
                << form << QByteArray("client_id=pub&grant_type=client_credentials")
                << QStringLiteral("unauthorized_client");
    }
    void tokenErrors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const HttpResult r =
                f.http->send("POST", "/generic/token", body, {{"Content-Type", contentType}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), error);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    void refreshTokenBoundToClientAndScope()
    {
        const QByteArray rt = f.genericLogin().str("refresh_token").toLatin1();
        HttpResult r = f.http->postForm(
                "/generic/token", {{"grant_type", "refresh_token"}, {"refresh_token", rt}},
                TestHttpClient::basic("conf", FakeServerFixture::ConfSecret));
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant")); // issued to "pub"
        r = f.http->postForm("/generic/token",
                             {{"grant_type", "refresh_token"},
                              {"client_id", "pub"},
                              {"refresh_token", rt},
                              {"scope", "read write"}});
        QCOMPARE(r.str("error"), QStringLiteral("invalid_scope")); // wider than granted
        QCOMPARE(f.genericRefresh(rt).status, 200);
    }

    void rotation_data()
    {
        QTest::addColumn<bool>("rotate");
        QTest::addColumn<bool>("reuseDetection");
        QTest::addColumn<int>("graceSeconds");
        QTest::addColumn<int>("rotations");
        QTest::addColumn<int>("replayAfterSeconds");
        QTest::addColumn<int>("replayStatus");
        QTest::addColumn<bool>("samePair"); // the replay got the pair of the last rotation
        QTest::addColumn<int>("currentStatus"); // refreshing with the newest RT afterwards
        QTest::newRow("no rotation") << false << false << 0 << 1 << 0 << 200 << false << 200;
        QTest::newRow("rotation") << true << false << 0 << 1 << 0 << 400 << false << 200;
        QTest::newRow("rotation + reuse detection")
                << true << true << 0 << 1 << 0 << 400 << false << 400;
        QTest::newRow("inside grace") << true << true << 30 << 1 << 29 << 200 << true << 200;
        QTest::newRow("grace over") << true << true << 30 << 1 << 30 << 400 << false << 400;
        QTest::newRow("second-to-last inside grace")
                << true << true << 30 << 2 << 1 << 400 << false << 400;
    }
    void rotation()
    {
        QFETCH(bool, rotate);
        QFETCH(bool, reuseDetection);
        QFETCH(int, graceSeconds);
        QFETCH(int, rotations);
        QFETCH(int, replayAfterSeconds);
        QFETCH(int, replayStatus);
        QFETCH(bool, samePair);
        QFETCH(int, currentStatus);
        auto &k = f.server->knobs(Dialect::Generic);
        k.rotate = rotate;
        k.reuseDetection = reuseDetection;
        k.reuseGraceSeconds = graceSeconds;
        const QByteArray rt0 = f.genericLogin().str("refresh_token").toLatin1();
        QByteArray current = rt0;
        HttpResult last;
        for (int i = 0; i < rotations; ++i) {
            last = f.genericRefresh(current);
            QCOMPARE(last.status, 200);
            QCOMPARE(last.has("refresh_token"), rotate);
            if (rotate)
                current = last.str("refresh_token").toLatin1();
        }
        f.clock->advance(replayAfterSeconds * 1000LL);
        const HttpResult replay = f.genericRefresh(rt0);
        QCOMPARE(replay.status, replayStatus);
        if (replayStatus == 400)
            QCOMPARE(replay.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(replay.status == 200 && replay.str("access_token") == last.str("access_token")
                         && replay.str("refresh_token") == last.str("refresh_token"),
                 samePair);
        QCOMPARE(f.genericRefresh(current).status, currentStatus);
    }

    void lifetimesFollowTheClock()
    {
        auto &k = f.server->knobs(Dialect::Generic);
        k.accessLifetime = 60;
        k.grantLifetime = 600;
        const HttpResult login = f.genericLogin();
        const QByteArray bearer = TestHttpClient::bearer(login.str("access_token").toLatin1());
        f.clock->advance(59 * 1000);
        QCOMPARE(f.http->get("/generic/api/me", bearer).status, 200);
        f.clock->advance(1000);
        const HttpResult expired = f.http->get("/generic/api/me", bearer);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.header("WWW-Authenticate"),
                 QByteArray(R"(Bearer realm="fake", error="invalid_token", )"
                            R"(error_description="The access token expired")"));
        const HttpResult refreshed = f.genericRefresh(login.str("refresh_token").toLatin1());
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.num("expires_in"), 60);
        const QByteArray rt = refreshed.str("refresh_token").toLatin1(); // rotation is on
        f.clock->advance(540 * 1000 - 1);
        const QByteArray rt2 = f.genericRefresh(rt).str("refresh_token").toLatin1();
        QVERIFY(!rt2.isEmpty());
        f.clock->advance(1); // 600 s after sign-in the grant is over, rotated or not
        QCOMPARE(f.genericRefresh(rt2).str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 0);
    }

    void clientCredentials()
    {
        const HttpResult r = f.http->postForm(
                "/generic/token", {{"grant_type", "client_credentials"}, {"scope", "admin"}},
                TestHttpClient::basic("conf", FakeServerFixture::ConfSecret));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.has("refresh_token"));
        QCOMPARE(r.str("scope"), QStringLiteral("admin"));
        const HttpResult me = f.http->get("/generic/api/me",
                                          TestHttpClient::bearer(r.str("access_token").toLatin1()));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.str("sub"), QStringLiteral("conf"));
    }

    void revoke()
    {
        QCOMPARE(revokeToken("unknown-token").status, 200); // RFC 7009 §2.2
        f.server->knobs(Dialect::Generic).rotate = false; // keep one refresh token in play

        const HttpResult login = f.genericLogin();
        const QByteArray at1 = login.str("access_token").toLatin1();
        const QByteArray rt = login.str("refresh_token").toLatin1();
        const QByteArray at2 = f.genericRefresh(rt).str("access_token").toLatin1();
        QCOMPARE(revokeToken(rt, "refresh_token").status, 200);
        QCOMPARE(api(at1).status, 401); // cascade to every access token of the grant
        QCOMPARE(api(at2).status, 401);
        QCOMPARE(f.genericRefresh(rt).str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(revokeToken(rt, "refresh_token").status, 200); // again: still 200

        const HttpResult second = f.genericLogin();
        const QByteArray at3 = second.str("access_token").toLatin1();
        QCOMPARE(revokeToken(at3, "access_token").status, 200);
        QCOMPARE(api(at3).status, 401);
        QCOMPARE(f.genericRefresh(second.str("refresh_token").toLatin1()).status, 200);

        const HttpResult other = f.http->postForm(
                "/generic/revoke", {{"token", second.str("refresh_token").toLatin1()}},
                TestHttpClient::basic("conf", FakeServerFixture::ConfSecret));
        QCOMPARE(other.status, 400); // not this client's token
        const HttpResult badClient = f.http->postForm("/generic/revoke", {{"token", "x"}},
                                                      TestHttpClient::basic("conf", "nope"));
        QCOMPARE(badClient.status, 401);
        QCOMPARE(badClient.str("error"), QStringLiteral("invalid_client"));
    }

    void introspect()
    {
        const HttpResult login = f.genericLogin();
        HttpResult r = introspectToken(login.str("access_token").toLatin1());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("active")).toBool(), true);
        QCOMPARE(r.num("iat"), f.nowSecs());
        QCOMPARE(r.num("exp"), f.nowSecs() + 3600);
        QCOMPARE(r.str("scope"), QStringLiteral("read"));
        QCOMPARE(r.str("client_id"), QStringLiteral("pub"));
        QCOMPARE(r.str("username"), QStringLiteral("alice"));
        QCOMPARE(r.str("iss"), f.server->issuer().toString());
        QCOMPARE(r.str("token_type"), QStringLiteral("Bearer"));
        r = introspectToken(login.str("refresh_token").toLatin1());
        QCOMPARE(r.json().value(QLatin1String("active")).toBool(), true);
        QCOMPARE(r.str("token_type"), QStringLiteral("refresh_token"));
        f.clock->advance(3600 * 1000);
        r = introspectToken(login.str("access_token").toLatin1());
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("active"), false}}));
    }

    void resource_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("requireScope");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("challenge");
        QTest::newRow("valid") << QByteArray("$AT") << false << 200 << QByteArray();
        QTest::newRow("no token") << QByteArray() << false << 401
                                  << QByteArray(R"(Bearer realm="fake")");
        QTest::newRow("unknown token")
                << QByteArray("Bearer nope") << false << 401
                << QByteArray(R"(Bearer realm="fake", error="invalid_token", )"
                              R"(error_description="The access token is invalid")");
        QTest::newRow("insufficient scope")
                << QByteArray("$AT") << true << 403
                << QByteArray(R"(Bearer realm="fake", error="insufficient_scope", scope="admin")");
    }
    void resource()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(bool, requireScope);
        QFETCH(int, status);
        QFETCH(QByteArray, challenge);
        f.server->knobs(Dialect::Generic).requireResourceScope = requireScope;
        const QByteArray at = f.genericLogin().str("access_token").toLatin1();
        const HttpResult r = f.http->get("/generic/api/me",
                                         authorization.replace("$AT", TestHttpClient::bearer(at)));
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("WWW-Authenticate"), challenge);
        if (status == 200)
            QCOMPARE(r.str("sub"), QStringLiteral("alice"));
    }

private:
    HttpResult api(const QByteArray &accessToken)
    {
        return f.http->get("/generic/api/me", TestHttpClient::bearer(accessToken));
    }
    HttpResult revokeToken(const QByteArray &token, const QByteArray &hint = {})
    {
        TestHttpClient::Fields fields{{"client_id", "pub"}, {"token", token}};
        if (!hint.isEmpty())
            fields.append({"token_type_hint", hint});
        return f.http->postForm("/generic/revoke", fields);
    }
    HttpResult introspectToken(const QByteArray &token)
    {
        return f.http->postForm("/generic/introspect", {{"client_id", "pub"}, {"token", token}});
    }

    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_GenericEndpoints)
#include "tst_genericendpoints.moc"
