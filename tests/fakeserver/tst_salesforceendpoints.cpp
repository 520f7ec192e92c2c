#include "FakeServerFixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

// Salesforce OAuth contract (protocols.md §2.11) over loopback.
class tst_SalesforceEndpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void passwordLogin_data()
    {
        QTest::addColumn<QUrl>("instanceUrl");
        QTest::newRow("instance = login host") << QUrl();
        QTest::newRow("other instance")
                << QUrl(QStringLiteral("https://na1.example.my.salesforce.com"));
    }
    void passwordLogin()
    {
        QFETCH(QUrl, instanceUrl);
        f.server->knobs(Dialect::Salesforce).instanceUrl = instanceUrl;
        const HttpResult r = f.sfLogin();
        QCOMPARE(r.status, 200);
        QVERIFY(!r.has("expires_in")); // Salesforce never says
        const QJsonValue issuedAt = r.json().value(QLatin1String("issued_at"));
        QVERIFY(issuedAt.isString()); // milliseconds, as a string
        QCOMPARE(issuedAt.toString(), QString::number(f.clock->wallMs()));
        const QString base = f.server->baseUrl().toString();
        QCOMPARE(r.str("instance_url"), instanceUrl.isEmpty() ? base : instanceUrl.toString());
        QVERIFY(r.str("id").startsWith(base + QStringLiteral("/id/")));
        QCOMPARE(r.str("token_type"), QStringLiteral("Bearer"));
        QCOMPARE(r.str("scope"), QStringLiteral("api refresh_token"));
        QVERIFY(!r.str("access_token").isEmpty());
        // Deviation from real Salesforce (documented): the password grant returns a refresh
        // token when the client has refreshEnabled.
        QVERIFY(!r.str("refresh_token").isEmpty());
        const QByteArray expected = QMessageAuthenticationCode::hash(
                (r.str("id") + r.str("issued_at")).toUtf8(), FakeServerFixture::SfSecret,
                QCryptographicHash::Sha256);
        QCOMPARE(r.str("signature").toLatin1(), expected.toBase64());
    }

    void tokenErrors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        const QByteArray form = "application/x-www-form-urlencoded";
        QTest::newRow("JSON body")
                << QByteArray("application/json")
                << QByteArray(R"({"grant_type":"password","client_id":"sf-app"})") << QByteArray()
                << QStringLiteral("invalid_request") << QString();
        QTest::newRow("bad password")
                << form
                << QByteArray("grant_type=password&client_id=sf-app&client_secret=sf-secret"
                              "&username=alice&password=nope")
                << QByteArray() << QStringLiteral("invalid_grant")
                << QStringLiteral("authentication failure");
        QTest::newRow("unknown client")
                << form
                << QByteArray("grant_type=password&client_id=zz&username=alice&password=pw-alice")
                << QByteArray() << QStringLiteral("invalid_client")
                << QStringLiteral("invalid client credentials");
        QTest::newRow("wrong secret")
                << form
                << QByteArray("grant_type=password&client_id=sf-app&client_secret=x"
                              "&username=alice&password=pw-alice")
                << QByteArray() << QStringLiteral("invalid_client")
                << QStringLiteral("invalid client credentials");
        QTest::newRow("missing secret")
                << form << QByteArray("grant_type=refresh_token&client_id=sf-app&refresh_token=$RT")
                << QByteArray() << QStringLiteral("invalid_client")
                << QStringLiteral("invalid client credentials");
        QTest::newRow("missing client_id")
                << form << QByteArray("grant_type=refresh_token&refresh_token=$RT") << QByteArray()
                << QStringLiteral("invalid_client") << QStringLiteral("invalid client credentials");
        QTest::newRow("unsupported grant") << form << QByteArray("grant_type=client_credentials")
                                           << TestHttpClient::basic("sf-app", "sf-secret")
                                           << QStringLiteral("unsupported_grant_type") << QString();
        QTest::newRow("dead refresh token")
                << form << QByteArray("grant_type=refresh_token&refresh_token=nope")
                << TestHttpClient::basic("sf-app", "sf-secret") << QStringLiteral("invalid_grant")
                << QStringLiteral("expired access/refresh token");
    }
    void tokenErrors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, authorization);
        QFETCH(QString, error);
        QFETCH(QString, description);
        const QByteArray rt = f.sfLogin().str("refresh_token").toLatin1();
        TestHttpClient::Fields headers{{"Content-Type", contentType}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const HttpResult r =
                f.http->send("POST", "/services/oauth2/token", body.replace("$RT", rt), headers);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), error);
        if (!description.isEmpty())
            QCOMPARE(r.str("error_description"), description);
        QCOMPARE(f.server->liveGrantCount(Dialect::Salesforce), 1); // only the setup login
    }

    void refreshRotation_data()
    {
        QTest::addColumn<bool>("rotate");
        QTest::newRow("rotation off (default)") << false;
        QTest::newRow("rotation on") << true;
    }
    void refreshRotation()
    {
        QFETCH(bool, rotate);
        if (rotate)
            f.server->knobs(Dialect::Salesforce).rotate = true;
        const HttpResult login = f.sfLogin();
        const QByteArray rt0 = login.str("refresh_token").toLatin1();
        f.clock->advance(60 * 1000);
        const HttpResult r = f.sfRefresh(rt0);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.has("expires_in"));
        QCOMPARE(r.str("issued_at"), QString::number(f.clock->wallMs()));
        QVERIFY(r.str("access_token") != login.str("access_token"));
        QCOMPARE(r.has("refresh_token"), rotate);
        if (rotate)
            QVERIFY(r.str("refresh_token").toLatin1() != rt0);
        // Sessions are independent: the first access token still works.
        QCOMPARE(api(login.str("access_token")).status, 200);
        QCOMPARE(f.sfRefresh(rt0).status, rotate ? 400 : 200);
    }

    void reuseDetectionKillsTheFamily()
    {
        auto &k = f.server->knobs(Dialect::Salesforce);
        k.rotate = true;
        k.reuseDetection = true;
        const QByteArray rt0 = f.sfLogin().str("refresh_token").toLatin1();
        const HttpResult r1 = f.sfRefresh(rt0);
        const QByteArray rt1 = r1.str("refresh_token").toLatin1();
        QCOMPARE(api(r1.str("access_token")).status, 200);
        const HttpResult replay = f.sfRefresh(rt0);
        QCOMPARE(replay.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.sfRefresh(rt1).str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(api(r1.str("access_token")).status, 401);
        QCOMPARE(f.server->liveGrantCount(Dialect::Salesforce), 0);
    }

    void oldestGrantRevokedOverTheLimit()
    {
        f.server->knobs(Dialect::Salesforce).maxGrantsPerUser = 2;
        const HttpResult a = f.sfLogin();
        const HttpResult b = f.sfLogin();
        const HttpResult c = f.sfLogin();
        QCOMPARE(f.server->liveGrantCount(Dialect::Salesforce), 2);
        QCOMPARE(f.sfRefresh(a.str("refresh_token").toLatin1()).str("error_description"),
                 QStringLiteral("expired access/refresh token"));
        QCOMPARE(api(a.str("access_token")).status, 401);
        QCOMPARE(f.sfRefresh(b.str("refresh_token").toLatin1()).status, 200);
        QCOMPARE(f.sfRefresh(c.str("refresh_token").toLatin1()).status, 200);
    }

    void revoke()
    {
        const HttpResult login = f.sfLogin();
        const QByteArray at1 = login.str("access_token").toLatin1();
        const QByteArray rt = login.str("refresh_token").toLatin1();
        const QByteArray at2 = f.sfRefresh(rt).str("access_token").toLatin1();

        QCOMPARE(revokeToken(at1).status, 200); // that session only
        QCOMPARE(api(QString::fromLatin1(at1)).status, 401);
        QCOMPARE(api(QString::fromLatin1(at2)).status, 200);
        const QByteArray at3 = f.sfRefresh(rt).str("access_token").toLatin1();
        QVERIFY(!at3.isEmpty());

        QCOMPARE(revokeToken(rt).status, 200); // the refresh token and all of its sessions
        QCOMPARE(api(QString::fromLatin1(at2)).status, 401);
        QCOMPARE(api(QString::fromLatin1(at3)).status, 401);
        QCOMPARE(f.sfRefresh(rt).status, 400);

        const HttpResult unknown = revokeToken("nope");
        QCOMPARE(unknown.status, 400); // unlike RFC 7009
        QCOMPARE(unknown.str("error"), QStringLiteral("invalid_token"));
        QCOMPARE(revokeToken(rt).status, 400); // already revoked

        const QByteArray at4 = f.sfLogin().str("access_token").toLatin1();
        QCOMPARE(f.http->get("/services/oauth2/revoke?token="
                             + QUrl::toPercentEncoding(QString::fromLatin1(at4)))
                         .status,
                 200); // the "blind GET" form
        QCOMPARE(api(QString::fromLatin1(at4)).status, 401);
    }

    void introspect()
    {
        f.server->knobs(Dialect::Salesforce).accessLifetime = 7200;
        const HttpResult login = f.sfLogin();
        const QByteArray basic = TestHttpClient::basic("sf-app", "sf-secret");
        HttpResult r = introspectToken(login.str("access_token").toLatin1(), basic);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("active")).toBool(), true);
        QCOMPARE(r.str("token_type"), QStringLiteral("access_token"));
        QCOMPARE(r.num("iat"), f.nowSecs());
        QCOMPARE(r.num("nbf"), f.nowSecs());
        QCOMPARE(r.num("exp"), f.nowSecs() + 7200); // epoch seconds here, not ms
        QCOMPARE(r.str("client_id"), QStringLiteral("sf-app"));
        QCOMPARE(r.str("username"), QStringLiteral("alice"));
        QCOMPARE(r.str("sub"), login.str("id"));

        r = introspectToken(login.str("refresh_token").toLatin1(), basic);
        QCOMPARE(r.json().value(QLatin1String("active")).toBool(), true);
        QCOMPARE(r.str("token_type"), QStringLiteral("refresh_token"));

        r = introspectToken("nope", basic);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("active"), false}}));

        r = introspectToken(login.str("access_token").toLatin1(),
                            TestHttpClient::basic("sf-app", "wrong"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_client"));
    }

    void resourceSignalsInvalidSession()
    {
        const HttpResult r = api(QStringLiteral("nope"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate").isEmpty());
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json;charset=UTF-8"));
        const QJsonArray body = QJsonDocument::fromJson(r.body).array();
        QCOMPARE(body.size(), 1);
        QCOMPARE(body.at(0).toObject().value(QLatin1String("errorCode")).toString(),
                 QStringLiteral("INVALID_SESSION_ID"));
        QCOMPARE(body.at(0).toObject().value(QLatin1String("message")).toString(),
                 QStringLiteral("Session expired or invalid"));
    }

    void resourceAcceptsLegacyOAuthScheme()
    {
        const QByteArray at = f.sfLogin().str("access_token").toLatin1();
        QCOMPARE(f.http->get("/services/data/v60.0/limits", "OAuth " + at).status, 200);
    }

    void resourceInsufficientAccess()
    {
        f.server->knobs(Dialect::Salesforce).requireResourceScope = true;
        const HttpResult r = api(f.sfLogin().str("access_token"));
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.contains("INSUFFICIENT_ACCESS"));
    }

    // The session timeout is inactivity-based: activity is recorded once half of it has passed.
    void sessionSlidesWhileUsed()
    {
        f.server->knobs(Dialect::Salesforce).accessLifetime = 7200;
        const QString idle = f.sfLogin().str("access_token");
        const QString busy = f.sfLogin().str("access_token");
        f.clock->advance(1800 * 1000);
        QCOMPARE(api(busy).status, 200); // too early to count as activity
        f.clock->advance(1800 * 1000);
        QCOMPARE(api(busy).status, 200); // t = 1 h: recorded, now lives until t = 3 h
        f.clock->advance(3600 * 1000);
        QCOMPARE(api(idle).status, 401); // t = 2 h: issue + timeout
        QCOMPARE(api(busy).status, 200); // recorded again: lives until t = 4 h
        f.clock->advance(7200 * 1000);
        QCOMPARE(api(busy).status, 401); // t = 4 h: the last recorded activity + timeout
    }

private:
    HttpResult api(const QString &accessToken)
    {
        return f.http->get("/services/data/v60.0/limits",
                           TestHttpClient::bearer(accessToken.toLatin1()));
    }
    HttpResult revokeToken(const QByteArray &token)
    {
        return f.http->postForm("/services/oauth2/revoke", {{"token", token}});
    }
    HttpResult introspectToken(const QByteArray &token, const QByteArray &basic)
    {
        return f.http->postForm("/services/oauth2/introspect",
                                {{"token", token}, {"token_type_hint", "access_token"}}, basic);
    }

    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_SalesforceEndpoints)
#include "tst_salesforceendpoints.moc"
