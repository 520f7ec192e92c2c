#include "AuthCodeTest.h"
#include "FlowBook.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

// Issue 12 over real HTTP: the authorization-code flow of the generic and Salesforce dialects
// end to end (consent page, 302 with code/state/iss, exchange), discovery, the iss knob, PKCE
// S256 and the code's one-time use, lifetime and replay. The page itself: tst_authorizepage.
class tst_AuthCodeFlow : public AuthCodeTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(setUpServer()); }
    void cleanup() { f.tearDown(); }

    void rfc7636AppendixB()
    {
        QCOMPARE(FlowBook::s256(QString::fromLatin1(Verifier)), QString::fromLatin1(Challenge));
    }

    void signInThroughTheBrowser_data() { bothDialects(); }
    void signInThroughTheBrowser()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const Pending p = authorize(d);
        QCOMPARE(p.page.status, 200);
        QVERIFY(p.page.header("Content-Type").startsWith("text/html"));
        QVERIFY(p.page.body.contains("<form"));
        QVERIFY(!p.requestId.isEmpty());
        const HttpResult r = consent(d, p.requestId);
        QCOMPARE(r.status, 302);
        QVERIFY(r.header("Location").startsWith(QByteArray(QByteArray(Redirect) + '?')));
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded), issuerOf(d));
        const QByteArray code = q.queryItemValue(QStringLiteral("code")).toLatin1();
        QCOMPARE(code, f.server->lastAuthorizationCode());
        const HttpResult tokens = exchange(d, code);
        QCOMPARE(tokens.status, 200);
        QVERIFY(f.server->isTokenActive(tokens.str("access_token").toLatin1()));
        QVERIFY(f.server->isTokenActive(tokens.str("refresh_token").toLatin1()));
        QCOMPARE(f.server->liveGrantCount(d), 1); // the fixture signs no one in
    }

    void discoveryAnnouncesTheFlow_data() { bothDialects(); }
    void discoveryAnnouncesTheFlow()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        const QByteArray path = d == Dialect::Salesforce
                ? "/.well-known/openid-configuration"
                : "/generic/.well-known/openid-configuration";
        QJsonObject doc = f.http->get(path).json();
        QCOMPARE(doc.value(QLatin1String("authorization_endpoint")).toString(),
                 f.server->baseUrl().toString()
                         + QString::fromLatin1(FakeAuthServer::authorizePath(d)));
        QCOMPARE(doc.value(QLatin1String("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QCOMPARE(
                doc.value(QLatin1String("authorization_response_iss_parameter_supported")).toBool(),
                true);
        f.server->knobs(d).advertiseIss = false;
        doc = f.http->get(path).json();
        QVERIFY(!doc.contains(QLatin1String("authorization_response_iss_parameter_supported")));
    }

    void issKnob_data()
    {
        QTest::addColumn<int>("iss");
        QTest::newRow("correct") << int(FakeAuthServer::Knobs::Iss::Correct);
        QTest::newRow("wrong") << int(FakeAuthServer::Knobs::Iss::Wrong);
        QTest::newRow("absent") << int(FakeAuthServer::Knobs::Iss::Absent);
    }
    void issKnob()
    {
        QFETCH(int, iss);
        f.server->knobs(Dialect::Generic).authorizeIss = FakeAuthServer::Knobs::Iss(iss);
        const QUrlQuery q =
                locationQuery(consent(Dialect::Generic, authorize(Dialect::Generic).requestId));
        QVERIFY(q.hasQueryItem(QStringLiteral("code")));
        switch (FakeAuthServer::Knobs::Iss(iss)) {
        case FakeAuthServer::Knobs::Iss::Correct:
            QCOMPARE(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                     issuerOf(Dialect::Generic));
            break;
        case FakeAuthServer::Knobs::Iss::Wrong:
            QVERIFY(q.hasQueryItem(QStringLiteral("iss")));
            QVERIFY(q.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded)
                    != issuerOf(Dialect::Generic));
            break;
        case FakeAuthServer::Knobs::Iss::Absent:
            QVERIFY(!q.hasQueryItem(QStringLiteral("iss")));
            break;
        }
    }

    void codeExchangeFailures_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value"); // null: the field is left out
        QTest::addColumn<QString>("error");
        for (Dialect d : {Dialect::Generic, Dialect::Salesforce}) {
            const QByteArray n = dialectId(d).toLatin1();
            QTest::addRow("%s wrong verifier", n.constData())
                    << int(d) << QByteArray("code_verifier") << QByteArray(43, 'a')
                    << (d == Dialect::Salesforce ? QStringLiteral("invalid_request")
                                                 : QStringLiteral("invalid_grant"));
            QTest::addRow("%s no verifier", n.constData())
                    << int(d) << QByteArray("code_verifier") << QByteArray()
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s redirect on another port", n.constData())
                    << int(d) << QByteArray("redirect_uri")
                    << QByteArray("http://127.0.0.1:5556/callback")
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s no redirect_uri", n.constData())
                    << int(d) << QByteArray("redirect_uri") << QByteArray()
                    << QStringLiteral("invalid_grant");
            QTest::addRow("%s unknown code", n.constData())
                    << int(d) << QByteArray("code") << QByteArray("code-nope")
                    << QStringLiteral("invalid_grant");
        }
        QTest::newRow("generic other client")
                << int(Dialect::Generic) << QByteArray("client_id") << QByteArray("exact")
                << QStringLiteral("invalid_grant");
    }
    void codeExchangeFailures()
    {
        QFETCH(int, dialect);
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, error);
        const auto d = Dialect(dialect);
        const QByteArray code = codeFor(d);
        QVERIFY(!code.isEmpty());
        const HttpResult r = exchange(d, code, {{field, value}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), error);
        QCOMPARE(f.server->liveGrantCount(d), 0);
        // A failed attempt uses the code up (an unknown code touches nothing).
        QCOMPARE(exchange(d, code).status, field == "code" ? 200 : 400);
    }

    void codeExpires()
    {
        f.server->knobs(Dialect::Generic).codeLifetime = 30;
        const QByteArray code = codeFor(Dialect::Generic);
        f.clock->advance(30 * 1000);
        const HttpResult r = exchange(Dialect::Generic, code);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant"));
    }

    void replayedCode_data()
    {
        QTest::addColumn<bool>("revokes");
        QTest::newRow("replay revokes the grant") << true;
        QTest::newRow("replay only rejected") << false;
    }
    void replayedCode()
    {
        QFETCH(bool, revokes);
        f.server->knobs(Dialect::Generic).codeReplayRevokesGrant = revokes;
        const QByteArray code = codeFor(Dialect::Generic);
        const HttpResult first = exchange(Dialect::Generic, code);
        QCOMPARE(first.status, 200);
        const HttpResult replay = exchange(Dialect::Generic, code);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.server->isGrantLive(first.str("access_token").toLatin1()), !revokes);
    }

    void pkceOptionalByKnob()
    {
        f.server->knobs(Dialect::Generic).requirePkce = false;
        const Pending p = authorize(Dialect::Generic,
                                    {{"code_challenge", {}}, {"code_challenge_method", {}}});
        QCOMPARE(p.page.status, 200);
        const QByteArray code = locationQuery(consent(Dialect::Generic, p.requestId))
                                        .queryItemValue(QStringLiteral("code"))
                                        .toLatin1();
        QCOMPARE(exchange(Dialect::Generic, code, {{"code_verifier", {}}}).status, 200);
    }

    void strictClientAuthAppliesToTheExchange()
    {
        FakeAuthServer::Client c{QStringLiteral("conf-basic"), "s3", QStringLiteral("read")};
        c.auth = FakeAuthServer::ClientAuth::SecretBasic;
        f.server->addClient(Dialect::Generic, c);
        const Pending p = authorize(Dialect::Generic, {}, Redirect, "conf-basic");
        const QByteArray code = locationQuery(consent(Dialect::Generic, p.requestId))
                                        .queryItemValue(QStringLiteral("code"))
                                        .toLatin1();
        TestHttpClient::Fields form{{"grant_type", "authorization_code"},
                                    {"code", code},
                                    {"redirect_uri", Redirect},
                                    {"code_verifier", Verifier}};
        HttpResult r = f.http->postForm("/generic/token",
                                        form + TestHttpClient::Fields{{"client_id", "conf-basic"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(f.server->clientAuthFailures(QStringLiteral("generic.token")), 1);
        r = f.http->postForm("/generic/token", form, TestHttpClient::basic("conf-basic", "s3"));
        QCOMPARE(r.status, 200); // the rejected request did not burn the code
    }
};

QTEST_GUILESS_MAIN(tst_AuthCodeFlow)
#include "tst_authcodeflow.moc"
