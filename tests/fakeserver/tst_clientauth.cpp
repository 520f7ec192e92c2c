#include "FakeServerFixture.h"

#include <QJsonArray>
#include <QTest>

// Issue 9 over real HTTP: per-client authentication at token, revocation and introspection;
// the discovery members that announce it; revocation semantics checked on the server's side;
// Salesforce sessions that end on the server whatever the client assumes.
class tst_ClientAuth : public QObject
{
    Q_OBJECT
    using Auth = FakeAuthServer::ClientAuth;

    struct Paths
    {
        QByteArray token, revoke, introspect;
    };
    static Paths paths(Dialect d)
    {
        if (d == Dialect::Salesforce)
            return {"/services/oauth2/token", "/services/oauth2/revoke",
                    "/services/oauth2/introspect"};
        return {"/generic/token", "/generic/revoke", "/generic/introspect"};
    }
    static QString prefix(Dialect d)
    {
        return d == Dialect::Salesforce ? QStringLiteral("sf.") : QStringLiteral("generic.");
    }
    static QByteArray clientOf(Auth a)
    {
        return a == Auth::SecretBasic ? "c-basic" : a == Auth::SecretPost ? "c-post" : "c-none";
    }
    static QByteArray secretOf(Auth a)
    {
        return a == Auth::SecretBasic ? "sb" : a == Auth::SecretPost ? "sp" : "";
    }

    // presentation: basic-ok, basic-wrong, post-ok, post-wrong, id-only, both
    HttpResult post(const QByteArray &path, const QByteArray &client, const QByteArray &secret,
                    const QByteArray &how, TestHttpClient::Fields fields)
    {
        QByteArray authorization;
        const QByteArray presented =
                how.endsWith("wrong") ? QByteArray("wrong") : (secret.isEmpty() ? "x" : secret);
        if (how.startsWith("basic") || how == "both")
            authorization = TestHttpClient::basic(client, presented);
        if (how.startsWith("post") || how == "id-only" || how == "both")
            fields.append({"client_id", client});
        if (how.startsWith("post") || how == "both")
            fields.append({"client_secret", presented});
        return f.http->postForm(path, fields, authorization);
    }
    HttpResult signIn(Dialect d, Auth a)
    {
        const QByteArray how = a == Auth::SecretBasic ? "basic-ok"
                : a == Auth::SecretPost               ? "post-ok"
                                                      : "id-only";
        return post(paths(d).token, clientOf(a), secretOf(a), how,
                    {{"grant_type", "password"}, {"username", "alice"}, {"password", "pw-alice"}});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        for (Dialect d : {Dialect::Generic, Dialect::Salesforce}) {
            for (Auth a : {Auth::SecretBasic, Auth::SecretPost, Auth::None}) {
                FakeAuthServer::Client c{QString::fromLatin1(clientOf(a)), secretOf(a),
                                         QStringLiteral("read refresh_token")};
                c.auth = a;
                f.server->addClient(d, c);
            }
        }
    }
    void cleanup() { f.tearDown(); }

    void clientAuthenticationEverywhere_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<int>("method");
        QTest::addColumn<QByteArray>("how");
        QTest::addColumn<QByteArray>("op");
        for (Dialect d : {Dialect::Generic, Dialect::Salesforce}) {
            for (Auth a : {Auth::SecretBasic, Auth::SecretPost, Auth::None}) {
                for (const char *how :
                     {"basic-ok", "basic-wrong", "post-ok", "post-wrong", "id-only", "both"}) {
                    for (const char *op : {"token", "refresh", "revoke", "introspect"}) {
                        QTest::addRow("%s %s %s %s", qPrintable(dialectId(d)),
                                      clientOf(a).constData(), how, op)
                                << int(d) << int(a) << QByteArray(how) << QByteArray(op);
                    }
                }
            }
        }
    }
    void clientAuthenticationEverywhere()
    {
        QFETCH(int, dialect);
        QFETCH(int, method);
        QFETCH(QByteArray, how);
        QFETCH(QByteArray, op);
        const auto d = Dialect(dialect);
        const auto a = Auth(method);
        const HttpResult first = signIn(d, a);
        QCOMPARE(first.status, 200);
        const QByteArray token = first.str("access_token").toLatin1();
        const QByteArray rt = first.str("refresh_token").toLatin1();
        f.server->resetRecords();

        const Paths p = paths(d);
        HttpResult r;
        if (op == "token")
            r = post(p.token, clientOf(a), secretOf(a), how,
                     {{"grant_type", "password"}, {"username", "alice"}, {"password", "pw-alice"}});
        else if (op == "refresh")
            r = post(p.token, clientOf(a), secretOf(a), how,
                     {{"grant_type", "refresh_token"}, {"refresh_token", rt}});
        else
            r = post(op == "revoke" ? p.revoke : p.introspect, clientOf(a), secretOf(a), how,
                     {{"token", token}});
        const bool accept = (a == Auth::SecretBasic && how == "basic-ok")
                || (a == Auth::SecretPost && how == "post-ok")
                || (a == Auth::None && how == "id-only");
        const QString endpoint = prefix(d) + QString::fromLatin1(op == "refresh" ? "token" : op);
        if (accept) {
            QCOMPARE(r.status, 200);
            QCOMPARE(f.server->clientAuthFailures(endpoint), 0);
            QCOMPARE(f.server->isTokenActive(token), op != "revoke");
            return;
        }
        QCOMPARE(r.status, 401);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_client"));
        const bool header = how.startsWith("basic") || how == "both";
        QCOMPARE(r.header("WWW-Authenticate").startsWith("Basic"),
                 a == Auth::SecretBasic || header);
        QCOMPARE(f.server->clientAuthFailures(endpoint), 1);
        QVERIFY(f.server->isTokenActive(token)); // a rejected revoke revokes nothing
        QVERIFY(f.server->isTokenActive(rt)); // a rejected refresh rotates nothing
    }

    void venafiRevokeKillsTheWholeGrant()
    {
        const HttpResult login = f.venafiLogin();
        const QByteArray at = login.str("access_token").toLatin1();
        const QByteArray rt = login.str("refresh_token").toLatin1();
        QVERIFY(f.server->isGrantLive(rt));
        QCOMPARE(f.http->get("/vedauth/revoke/token", TestHttpClient::bearer(at)).status, 200);
        QVERIFY(!f.server->isTokenActive(at));
        QVERIFY(!f.server->isTokenActive(rt));
        QVERIFY(!f.server->isGrantLive(rt));
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 0);
    }

    void discoveryAdvertisesTheKnob_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("generic") << int(Dialect::Generic)
                                 << QByteArray("/generic/.well-known/openid-configuration");
        QTest::newRow("salesforce")
                << int(Dialect::Salesforce) << QByteArray("/.well-known/openid-configuration");
    }
    void discoveryAdvertisesTheKnob()
    {
        QFETCH(int, dialect);
        QFETCH(QByteArray, path);
        auto &k = f.server->knobs(Dialect(dialect));
        const auto list = [&](const char *member) {
            return f.http->get(path).json().value(QLatin1String(member)).toArray();
        };
        QCOMPARE(list("token_endpoint_auth_methods_supported").size(), 3);
        k.tokenAuthMethods = {QStringLiteral("client_secret_post")};
        k.revocationAuthMethods = {QStringLiteral("client_secret_basic")};
        QCOMPARE(list("token_endpoint_auth_methods_supported"),
                 QJsonArray{QStringLiteral("client_secret_post")});
        QCOMPARE(list("revocation_endpoint_auth_methods_supported"),
                 QJsonArray{QStringLiteral("client_secret_basic")});
        QCOMPARE(list("introspection_endpoint_auth_methods_supported"),
                 QJsonArray{QStringLiteral("client_secret_post")}); // copies the token list
        k.tokenAuthMethods.clear();
        const QJsonObject doc = f.http->get(path).json();
        QVERIFY(!doc.contains(QLatin1String("token_endpoint_auth_methods_supported")));
        QVERIFY(doc.contains(QLatin1String("issuer")));
    }

    void revocationSemantics_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<bool>("revokeRefresh"); // else the access token
        QTest::addColumn<bool>("cascade"); // the knob for the token revoked
        QTest::addColumn<bool>("atAlive");
        QTest::addColumn<bool>("rtAlive");
        for (Dialect d : {Dialect::Generic, Dialect::Salesforce}) {
            const QByteArray n = dialectId(d).toLatin1();
            QTest::addRow("%s RT, cascade", n.constData())
                    << int(d) << true << true << false << false;
            QTest::addRow("%s RT only", n.constData()) << int(d) << true << false << true << false;
            QTest::addRow("%s AT only", n.constData()) << int(d) << false << false << false << true;
            QTest::addRow("%s AT, cascade", n.constData())
                    << int(d) << false << true << false << false;
        }
    }
    void revocationSemantics()
    {
        QFETCH(int, dialect);
        QFETCH(bool, revokeRefresh);
        QFETCH(bool, cascade);
        QFETCH(bool, atAlive);
        QFETCH(bool, rtAlive);
        const auto d = Dialect(dialect);
        auto &k = f.server->knobs(d);
        k.revokeRefreshCascades = revokeRefresh ? cascade : true;
        k.revokeAccessCascades = revokeRefresh ? false : cascade;
        const HttpResult login = signIn(d, Auth::SecretPost);
        const QByteArray at = login.str("access_token").toLatin1();
        const QByteArray rt = login.str("refresh_token").toLatin1();
        QVERIFY(f.server->isTokenActive(at) && f.server->isTokenActive(rt));
        const int before = f.server->liveGrantCount(d);
        QCOMPARE(post(paths(d).revoke, "c-post", "sp", "post-ok",
                      {{"token", revokeRefresh ? rt : at}})
                         .status,
                 200);
        QCOMPARE(f.server->isTokenActive(at), atAlive);
        QCOMPARE(f.server->isTokenActive(rt), rtAlive);
        QCOMPARE(f.server->isGrantLive(at), atAlive || rtAlive);
        QCOMPARE(f.server->liveGrantCount(d), before - (cascade ? 1 : 0));
        // And as the client sees it.
        const QByteArray resource =
                d == Dialect::Salesforce ? "/services/data/v60.0/limits" : "/generic/api/me";
        QCOMPARE(f.http->get(resource, TestHttpClient::bearer(at)).status, atAlive ? 200 : 401);
        const HttpResult refreshed = post(paths(d).token, "c-post", "sp", "post-ok",
                                          {{"grant_type", "refresh_token"}, {"refresh_token", rt}});
        QCOMPARE(refreshed.status, rtAlive ? 200 : 400);
    }

    void salesforceSessionEndsOnTheServer()
    {
        auto &k = f.server->knobs(Dialect::Salesforce);
        k.accessLifetime = 15 * 60; // the org's timeout; the client assumes two hours
        k.slidingSession = false;
        const HttpResult login = f.sfLogin();
        const QByteArray at = login.str("access_token").toLatin1();
        const auto introspect = [&] {
            return f.http->postForm("/services/oauth2/introspect", {{"token", at}},
                                    TestHttpClient::basic(FakeServerFixture::SfClient,
                                                          FakeServerFixture::SfSecret));
        };
        QCOMPARE(introspect().num("exp"), f.nowSecs() + 900);
        f.clock->advance(600 * 1000);
        QCOMPARE(f.http->get("/services/data/v60.0/limits", TestHttpClient::bearer(at)).status,
                 200);
        QCOMPARE(f.http->get("/services/oauth2/userinfo", TestHttpClient::bearer(at)).status, 200);
        f.clock->advance(300 * 1000); // used at 600 s, yet the session ends at 900 s
        const HttpResult api =
                f.http->get("/services/data/v60.0/limits", TestHttpClient::bearer(at));
        QCOMPARE(api.status, 401);
        QVERIFY(api.body.contains("INVALID_SESSION_ID"));
        QCOMPARE(introspect().json().value(QLatin1String("active")).toBool(true), false);
        const HttpResult info =
                f.http->get("/services/oauth2/userinfo", TestHttpClient::bearer(at));
        QCOMPARE(info.status, 403);
        QCOMPARE(info.body, QByteArray("Bad_OAuth_Token"));
        QVERIFY(!f.server->isTokenActive(at));
        QCOMPARE(f.sfRefresh(login.str("refresh_token").toLatin1()).status, 200); // RT lives on
    }

    void salesforceAbsoluteLimitBeatsActivity()
    {
        auto &k = f.server->knobs(Dialect::Salesforce);
        k.accessLifetime = 600;
        k.absoluteSessionLimit = 1000;
        const QByteArray at = f.sfLogin().str("access_token").toLatin1();
        for (int i = 0; i < 3; ++i) { // used every 310 s: the sliding window alone would keep it
            f.clock->advance(310 * 1000);
            QCOMPARE(f.http->get("/services/data/x", TestHttpClient::bearer(at)).status, 200);
        }
        f.clock->advance(70 * 1000); // 1000 s after issue
        QCOMPARE(f.http->get("/services/data/x", TestHttpClient::bearer(at)).status, 401);
    }

    void salesforceUserinfoProbeAndActivity_data()
    {
        QTest::addColumn<bool>("touches");
        QTest::newRow("probe is not activity") << false;
        QTest::newRow("probe is activity") << true;
    }
    void salesforceUserinfoProbeAndActivity()
    {
        QFETCH(bool, touches);
        auto &k = f.server->knobs(Dialect::Salesforce);
        k.accessLifetime = 600;
        k.userinfoTouchesSession = touches;
        const QByteArray at = f.sfLogin().str("access_token").toLatin1();
        f.clock->advance(400 * 1000);
        const HttpResult info =
                f.http->get("/services/oauth2/userinfo", TestHttpClient::bearer(at));
        QCOMPARE(info.status, 200);
        QCOMPARE(info.str("preferred_username"), QStringLiteral("alice"));
        f.clock->advance(300 * 1000); // 700 s: alive only if the probe slid the session
        QCOMPARE(f.server->isTokenActive(at), touches);
        QCOMPARE(f.http->get("/services/oauth2/userinfo").body, QByteArray("Missing_OAuth_Token"));
    }

    void endSessionHook()
    {
        const HttpResult login = f.sfLogin();
        const QByteArray at = login.str("access_token").toLatin1();
        f.server->endSession(at);
        QCOMPARE(f.http->get("/services/data/x", TestHttpClient::bearer(at)).status, 401);
        QVERIFY(f.server->isGrantLive(at)); // the refresh token still works
        const QByteArray at2 =
                f.sfRefresh(login.str("refresh_token").toLatin1()).str("access_token").toLatin1();
        f.server->endAllSessions(Dialect::Salesforce);
        QVERIFY(!f.server->isTokenActive(at2));
        QCOMPARE(f.server->currentAccessToken(Dialect::Salesforce, QStringLiteral("alice")), at2);
    }

private:
    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_ClientAuth)
#include "tst_clientauth.moc"
