#include "AuthCodeTest.h"
#include "FlowBook.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

// Issue 12 over real HTTP: the authorization endpoint's page itself: redirect URI matching
// (exact, any loopback port), request errors as error redirects or pages, denial, a wrong
// password, the exact state echo, slow consent and the auto-approve knob.
class tst_AuthorizePage : public AuthCodeTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(setUpServer()); }
    void cleanup() { f.tearDown(); }

    void redirectUriMatching_data()
    {
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<QByteArray>("redirect");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("exact: registered") << QByteArray("exact") << QByteArray(Redirect) << true;
        QTest::newRow("exact: other port")
                << QByteArray("exact") << QByteArray("http://127.0.0.1:5556/callback") << false;
        QTest::newRow("exact: other path")
                << QByteArray("exact") << QByteArray("http://127.0.0.1:5555/cb") << false;
        QTest::newRow("exact: localhost")
                << QByteArray("exact") << QByteArray("http://localhost:5555/callback") << false;
        QTest::newRow("any port: other port")
                << QByteArray("any-port") << QByteArray("http://127.0.0.1:40001/callback") << true;
        QTest::newRow("any port: other path")
                << QByteArray("any-port") << QByteArray("http://127.0.0.1:40001/x") << false;
        QTest::newRow("unregistered: loopback")
                << QByteArray("pub") << QByteArray("http://[::1]:40001/cb") << true;
        QTest::newRow("unregistered: https host")
                << QByteArray("pub") << QByteArray("https://evil.example/cb") << false;
        QTest::newRow("unregistered: fragment")
                << QByteArray("pub") << QByteArray("http://127.0.0.1:1/cb#x") << false;
    }
    void redirectUriMatching()
    {
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, redirect);
        QFETCH(bool, accepted);
        const Pending p = authorize(Dialect::Generic, {}, redirect, client);
        if (!accepted) { // an error page, never a redirect to an unverified URI
            QCOMPARE(p.page.status, 400);
            QVERIFY(p.page.header("Location").isEmpty());
            QVERIFY(p.requestId.isEmpty());
            return;
        }
        QCOMPARE(p.page.status, 200);
        const HttpResult r = consent(Dialect::Generic, p.requestId);
        QVERIFY(r.header("Location").startsWith(QByteArray(redirect + '?')));
    }

    void authorizeRequestErrors_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("no PKCE") << QByteArray("code_challenge") << QByteArray()
                                 << QStringLiteral("invalid_request");
        QTest::newRow("plain PKCE") << QByteArray("code_challenge_method") << QByteArray("plain")
                                    << QStringLiteral("invalid_request");
        QTest::newRow("implicit") << QByteArray("response_type") << QByteArray("token")
                                  << QStringLiteral("unsupported_response_type");
        QTest::newRow("scope") << QByteArray("scope") << QByteArray("admin")
                               << QStringLiteral("invalid_scope");
    }
    void authorizeRequestErrors()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        QFETCH(QString, error);
        const HttpResult r = authorize(Dialect::Generic, {{field, value}}).page;
        QCOMPARE(r.status, 302);
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), error);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
    }

    void unknownClientGetsAPageNotARedirect()
    {
        const HttpResult r = authorize(Dialect::Generic, {}, Redirect, "nobody").page;
        QCOMPARE(r.status, 400);
        QVERIFY(r.header("Location").isEmpty());
    }

    void denial_data()
    {
        QTest::addColumn<bool>("knob");
        QTest::newRow("user clicks Deny") << false;
        QTest::newRow("denyConsent knob") << true;
    }
    void denial()
    {
        QFETCH(bool, knob);
        f.server->knobs(Dialect::Generic).denyConsent = knob;
        const HttpResult r = consent(Dialect::Generic, authorize(Dialect::Generic).requestId,
                                     knob ? "approve" : "deny");
        QCOMPARE(r.status, 302);
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QVERIFY(q.hasQueryItem(QStringLiteral("iss")));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
        QVERIFY(f.server->lastAuthorizationCode().isEmpty());
    }

    void wrongPasswordShowsThePageAgain()
    {
        const Pending p = authorize(Dialect::Generic);
        const HttpResult wrong = consent(Dialect::Generic, p.requestId, "approve", "nope");
        QCOMPARE(wrong.status, 200);
        QVERIFY(wrong.header("Location").isEmpty());
        QVERIFY(wrong.body.contains("Wrong user name or password"));
        QCOMPARE(consent(Dialect::Generic, p.requestId).status, 302);
        QCOMPARE(consent(Dialect::Generic, p.requestId).status, 400); // the request is finished
    }

    void stateIsEchoedExactly()
    {
        const QByteArray state = "a b&c=d/\xc3\xa9+%";
        const HttpResult r = consent(Dialect::Generic,
                                     authorize(Dialect::Generic, {{"state", state}}).requestId);
        QCOMPARE(locationQuery(r).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                 QString::fromUtf8(state));
    }

    void slowConsent()
    {
        f.server->knobs(Dialect::Generic).consentDelayMs = 300;
        const HttpResult r = consent(Dialect::Generic, authorize(Dialect::Generic).requestId);
        QCOMPARE(r.status, 302);
        QVERIFY(r.elapsedMs >= 300);
    }

    void autoApprovePageSubmitsItself()
    {
        auto &k = f.server->knobs(Dialect::Generic);
        const Pending manual = authorize(Dialect::Generic);
        QVERIFY(!manual.page.body.contains("<script>"));
        QCOMPARE(f.http->postForm("/generic/authorize",
                                  {{"request_id", manual.requestId},
                                   {"username", "alice"},
                                   {"auto_approve", "1"}})
                         .status,
                 200); // without the knob auto_approve is just a wrong password
        k.autoApprove = true;
        k.autoApproveUser = QStringLiteral("alice");
        const Pending p = authorize(Dialect::Generic);
        QVERIFY(p.page.body.contains("<script>"));
        QVERIFY(!p.page.body.contains(FakeServerFixture::Password));
        // What the browser submits: the hidden fields of the page.
        const HttpResult r = f.http->postForm("/generic/authorize",
                                              {{"request_id", p.requestId},
                                               {"username", "alice"},
                                               {"auto_approve", "1"},
                                               {"decision", "approve"}});
        QCOMPARE(r.status, 302);
        const QByteArray code = locationQuery(r).queryItemValue(QStringLiteral("code")).toLatin1();
        QCOMPARE(exchange(Dialect::Generic, code).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_AuthorizePage)
#include "tst_authorizepage.moc"
