#include "FakeServerFixture.h"

#include <QRegularExpression>
#include <QTest>

// Issue 12 over real HTTP: the device authorization grant in the three dialects (generic
// RFC 8628, Salesforce's response_type=device_code / grant_type=device, Venafi's
// /vedauth/authorize/device polled at /vedauth/authorize/token), the verification page, the
// approval hooks and the knobs for pending, slow_down, denial and expiry.
class tst_DeviceFlow : public QObject
{
    Q_OBJECT

    HttpResult start(Dialect d)
    {
        switch (d) {
        case Dialect::Generic:
            return f.http->postForm("/generic/device_authorization",
                                    {{"client_id", "pub"}, {"scope", "read"}});
        case Dialect::Salesforce:
            return f.http->postForm("/services/oauth2/token",
                                    {{"response_type", "device_code"},
                                     {"client_id", FakeServerFixture::SfClient},
                                     {"client_secret", FakeServerFixture::SfSecret},
                                     {"scope", "api refresh_token"}});
        case Dialect::Venafi:
            return f.http->postForm("/vedauth/authorize/device",
                                    {{"client_id", FakeServerFixture::VenafiClient},
                                     {"scope", "certificate:manage"}});
        }
        return {};
    }
    HttpResult poll(Dialect d, const QByteArray &deviceCode)
    {
        const QByteArray rfc = "urn:ietf:params:oauth:grant-type:device_code";
        switch (d) {
        case Dialect::Generic:
            return f.http->postForm(
                    "/generic/token",
                    {{"grant_type", rfc}, {"device_code", deviceCode}, {"client_id", "pub"}});
        case Dialect::Salesforce:
            return f.http->postForm("/services/oauth2/token",
                                    {{"grant_type", "device"},
                                     {"code", deviceCode},
                                     {"client_id", FakeServerFixture::SfClient},
                                     {"client_secret", FakeServerFixture::SfSecret}});
        case Dialect::Venafi:
            return f.http->postForm("/vedauth/authorize/token",
                                    {{"grant_type", rfc},
                                     {"device_code", deviceCode},
                                     {"client_id", FakeServerFixture::VenafiClient}});
        }
        return {};
    }
    static void allDialects()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("generic") << int(Dialect::Generic);
        QTest::newRow("salesforce") << int(Dialect::Salesforce);
        QTest::newRow("venafi") << int(Dialect::Venafi);
    }
    static QByteArray code(const HttpResult &r) { return r.str("device_code").toLatin1(); }
    void wait(int seconds) { f.clock->advance(seconds * 1000LL); }

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void startAnswersRfc8628Fields_data() { allDialects(); }
    void startAnswersRfc8628Fields()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const HttpResult r = start(d);
        QCOMPARE(r.status, 200);
        QVERIFY(!code(r).isEmpty());
        QVERIFY(QRegularExpression(QStringLiteral("^[B-Z]{4}-[B-Z]{4}$"))
                        .match(r.str("user_code"))
                        .hasMatch());
        QCOMPARE(r.str("user_code"), f.server->lastUserCode(d));
        const QString uri = r.str("verification_uri");
        QVERIFY(uri.startsWith(f.server->baseUrl().toString() + QLatin1Char('/')));
        QCOMPARE(r.str("verification_uri_complete"),
                 uri + QStringLiteral("?user_code=") + r.str("user_code"));
        QCOMPARE(r.num("expires_in"), 600);
        QCOMPARE(r.num("interval"), 5);
        QVERIFY(FakeAuthServer::deviceStartPath(d).size() > 0);
    }

    void discoveryAnnouncesTheGenericEndpoint()
    {
        const QJsonObject doc = f.http->get("/generic/.well-known/openid-configuration").json();
        QCOMPARE(doc.value(QLatin1String("device_authorization_endpoint")).toString(),
                 f.server->issuer().toString() + QStringLiteral("/device_authorization"));
    }

    void pendingUntilApproved_data() { allDialects(); }
    void pendingUntilApproved()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const HttpResult s = start(d);
        HttpResult r = poll(d, code(s));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("authorization_pending"));
        QVERIFY(f.server->approveDeviceCode(d, s.str("user_code").toLower(),
                                            QStringLiteral("alice")));
        QVERIFY(!f.server->approveDeviceCode(d, s.str("user_code"), QStringLiteral("alice")));
        wait(5);
        r = poll(d, code(s));
        QCOMPARE(r.status, 200);
        const QByteArray at = r.str("access_token").toLatin1();
        QVERIFY(f.server->isTokenActive(at));
        QVERIFY(f.server->isTokenActive(r.str("refresh_token").toLatin1()));
        if (d == Dialect::Venafi)
            QCOMPARE(r.num("expires"), f.nowSecs() + 3600);
        else if (d == Dialect::Salesforce)
            QVERIFY(r.has("issued_at") && r.has("instance_url"));
        else
            QCOMPARE(r.num("expires_in"), 3600);
        QCOMPARE(f.server->currentAccessToken(d, QStringLiteral("alice")), at);
        wait(5);
        r = poll(d, code(s));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant")); // a device code is one-time
    }

    void pendingForNPolls_data() { allDialects(); }
    void pendingForNPolls()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        f.server->knobs(d).devicePendingPolls = 2;
        f.server->knobs(d).autoApproveUser = QStringLiteral("alice");
        const QByteArray c = code(start(d));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(poll(d, c).str("error"), QStringLiteral("authorization_pending"));
            wait(5);
        }
        QCOMPARE(poll(d, c).status, 200);
    }

    void slowDownWhenTooFast_data() { allDialects(); }
    void slowDownWhenTooFast()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const QByteArray c = code(start(d));
        QCOMPARE(poll(d, c).str("error"), QStringLiteral("authorization_pending"));
        wait(3);
        QCOMPARE(poll(d, c).str("error"), QStringLiteral("slow_down")); // interval is now 10 s
        wait(9);
        QCOMPARE(poll(d, c).str("error"), QStringLiteral("slow_down")); // and now 15 s
        wait(15);
        QCOMPARE(poll(d, c).str("error"), QStringLiteral("authorization_pending"));
    }

    void intervalAndCompleteUriKnobs()
    {
        auto &k = f.server->knobs(Dialect::Salesforce);
        k.deviceInterval = 2;
        k.sendVerificationUriComplete = false;
        const HttpResult s = start(Dialect::Salesforce);
        QCOMPARE(s.num("interval"), 2);
        QVERIFY(!s.has("verification_uri_complete"));
        QCOMPARE(poll(Dialect::Salesforce, code(s)).str("error"),
                 QStringLiteral("authorization_pending"));
        wait(2); // 2 s is enough now
        QCOMPARE(poll(Dialect::Salesforce, code(s)).str("error"),
                 QStringLiteral("authorization_pending"));
        wait(1);
        QCOMPARE(poll(Dialect::Salesforce, code(s)).str("error"), QStringLiteral("slow_down"));
    }

    void bareStatusOnDevicePolls_data() { allDialects(); }
    void bareStatusOnDevicePolls()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const QString endpoint = d == Dialect::Venafi ? QStringLiteral("venafi.token")
                : d == Dialect::Salesforce            ? QStringLiteral("sf.token")
                                                      : QStringLiteral("generic.token");
        const QString poll = d == Dialect::Salesforce
                ? QStringLiteral("device")
                : QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
        f.server->bareStatus(endpoint + QLatin1Char(':') + poll, 400, FakeFault::BodyKind::Html);
        const HttpResult s = start(d); // the start is not a poll
        QCOMPARE(s.status, 200);
        const HttpResult r = this->poll(d, code(s));
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        wait(5);
        QCOMPARE(this->poll(d, code(s)).str("error"), QStringLiteral("authorization_pending"));
    }

    void slowDownKnob()
    {
        f.server->knobs(Dialect::Generic).deviceSlowDownPolls = 2;
        f.server->knobs(Dialect::Generic).enforceDeviceInterval = false;
        const QByteArray c = code(start(Dialect::Generic));
        QCOMPARE(poll(Dialect::Generic, c).str("error"), QStringLiteral("slow_down"));
        QCOMPARE(poll(Dialect::Generic, c).str("error"), QStringLiteral("slow_down"));
        QCOMPARE(poll(Dialect::Generic, c).str("error"), QStringLiteral("authorization_pending"));
    }

    void denial_data() { allDialects(); }
    void denial()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        HttpResult s = start(d);
        QVERIFY(f.server->denyDeviceCode(d, s.str("user_code")));
        QCOMPARE(poll(d, code(s)).str("error"), QStringLiteral("access_denied"));
        f.server->knobs(d).deviceDeny = true;
        s = start(d);
        QCOMPARE(poll(d, code(s)).str("error"), QStringLiteral("access_denied"));
        QCOMPARE(f.server->liveGrantCount(d), 0);
    }

    void expiry_data() { allDialects(); }
    void expiry()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        f.server->knobs(d).deviceCodeLifetime = 30;
        const HttpResult s = start(d);
        QCOMPARE(s.num("expires_in"), 30);
        wait(29);
        QCOMPARE(poll(d, code(s)).str("error"), QStringLiteral("authorization_pending"));
        wait(1);
        QCOMPARE(poll(d, code(s)).str("error"), QStringLiteral("expired_token"));
        QVERIFY(!f.server->approveDeviceCode(d, s.str("user_code"), QStringLiteral("alice")));
    }

    void unknownDeviceCode_data() { allDialects(); }
    void unknownDeviceCode()
    {
        QFETCH(int, dialect);
        const HttpResult r = poll(Dialect(dialect), "device-nope");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant"));
    }

    void verificationPageApproves_data() { allDialects(); }
    void verificationPageApproves()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const HttpResult s = start(d);
        const QUrl complete(s.str("verification_uri_complete"));
        const HttpResult page =
                f.http->get(complete.path().toLatin1() + '?' + complete.query().toLatin1());
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains(QByteArray("value=\"" + s.str("user_code").toLatin1() + '"')));
        const QByteArray path = complete.path().toLatin1();
        HttpResult r = f.http->postForm(path,
                                        {{"user_code", s.str("user_code").toLatin1()},
                                         {"username", "alice"},
                                         {"password", "wrong"},
                                         {"decision", "approve"}});
        QVERIFY(r.body.contains("Wrong user name or password"));
        QCOMPARE(poll(d, code(s)).str("error"), QStringLiteral("authorization_pending"));
        r = f.http->postForm(path,
                             {{"user_code", s.str("user_code").toLatin1()},
                              {"username", "alice"},
                              {"password", FakeServerFixture::Password},
                              {"decision", "approve"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("Device approved"));
        wait(5);
        QCOMPARE(poll(d, code(s)).status, 200);
    }

    void venafiPollStillRejectsFormRefresh()
    {
        const HttpResult r = f.http->postForm("/vedauth/authorize/token",
                                              {{"client_id", "vcert-sdk"}, {"refresh_token", "x"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_request"));
    }

private:
    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_DeviceFlow)
#include "tst_fakedeviceflow.moc"
