#include "FakeServerFixture.h"

#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

// Issue 9's strict-server knobs over real HTTP: short lifetimes with exact expiry fields, bare
// statuses on every endpoint, a Retry-After date in the past, and a body that trickles.
class tst_Realism : public QObject
{
    Q_OBJECT
    using Body = FakeFault::BodyKind;

    // One request that reaches `endpoint` (operation included) and would succeed there.
    HttpResult hit(const QString &endpoint)
    {
        const QByteArray at = m_at;
        if (endpoint == QLatin1String("generic.token:password"))
            return f.genericLogin();
        if (endpoint == QLatin1String("generic.token:refresh_token"))
            return f.genericRefresh(
                    f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice")));
        if (endpoint == QLatin1String("generic.revoke"))
            return f.http->postForm("/generic/revoke", {{"client_id", "pub"}, {"token", "x"}});
        if (endpoint == QLatin1String("generic.introspect"))
            return f.http->postForm("/generic/introspect", {{"client_id", "pub"}, {"token", "x"}});
        if (endpoint == QLatin1String("generic.userinfo"))
            return f.http->get("/generic/userinfo", TestHttpClient::bearer(m_genericAt));
        if (endpoint == QLatin1String("generic.resource"))
            return f.http->get("/generic/api/me", TestHttpClient::bearer(m_genericAt));
        if (endpoint == QLatin1String("generic.discovery"))
            return f.http->get("/generic/.well-known/openid-configuration");
        if (endpoint == QLatin1String("sf.token:password"))
            return f.sfLogin();
        if (endpoint == QLatin1String("sf.token:refresh_token"))
            return f.sfRefresh(
                    f.server->currentRefreshToken(Dialect::Salesforce, QStringLiteral("alice")));
        if (endpoint == QLatin1String("sf.revoke"))
            return f.http->postForm("/services/oauth2/revoke", {{"token", m_sfAt}});
        if (endpoint == QLatin1String("sf.introspect"))
            return f.http->postForm("/services/oauth2/introspect", {{"token", m_sfAt}},
                                    TestHttpClient::basic(FakeServerFixture::SfClient,
                                                          FakeServerFixture::SfSecret));
        if (endpoint == QLatin1String("sf.userinfo"))
            return f.http->get("/services/oauth2/userinfo", TestHttpClient::bearer(m_sfAt));
        if (endpoint == QLatin1String("sf.resource"))
            return f.http->get("/services/data/v60.0/limits", TestHttpClient::bearer(m_sfAt));
        if (endpoint == QLatin1String("sf.discovery"))
            return f.http->get("/.well-known/openid-configuration");
        if (endpoint == QLatin1String("venafi.oauth"))
            return f.venafiLogin();
        if (endpoint == QLatin1String("venafi.token"))
            return f.venafiRefresh(
                    f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("alice")));
        if (endpoint == QLatin1String("venafi.verify"))
            return f.http->get("/vedauth/authorize/verify", TestHttpClient::bearer(at));
        if (endpoint == QLatin1String("venafi.revoke"))
            return f.http->get("/vedauth/revoke/token", TestHttpClient::bearer(at));
        if (endpoint == QLatin1String("venafi.resource"))
            return f.http->get("/vedsdk/systemstatus/version", TestHttpClient::bearer(at));
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(f.setUp());
        m_at = f.venafiLogin().str("access_token").toLatin1();
        m_sfAt = f.sfLogin().str("access_token").toLatin1();
        m_genericAt = f.genericLogin().str("access_token").toLatin1();
        QVERIFY(!m_at.isEmpty() && !m_sfAt.isEmpty() && !m_genericAt.isEmpty());
    }
    void cleanup() { f.tearDown(); }

    void shortLifetimesAreExact_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<int>("offsetMs"); // sign-in this far after a whole second
        for (int lifetime : {5, 10, 30, 61}) {
            for (int offset : {0, 700}) {
                QTest::addRow("venafi %ds +%dms", lifetime, offset)
                        << int(Dialect::Venafi) << lifetime << offset;
                QTest::addRow("generic %ds +%dms", lifetime, offset)
                        << int(Dialect::Generic) << lifetime << offset;
            }
        }
    }
    void shortLifetimesAreExact()
    {
        QFETCH(int, dialect);
        QFETCH(int, lifetime);
        QFETCH(int, offsetMs);
        const auto d = Dialect(dialect);
        f.server->knobs(d).accessLifetime = lifetime;
        f.clock->advance(offsetMs);
        const qint64 issued = f.clock->wallMs();
        const HttpResult r = d == Dialect::Venafi ? f.venafiLogin() : f.genericLogin();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.num("expires_in"), qint64(lifetime));
        // The instant the token dies, as the reply says it.
        const qint64 deadline = d == Dialect::Venafi ? r.num("expires") * 1000
                                                     : issued + r.num("expires_in") * 1000;
        if (d == Dialect::Venafi)
            QCOMPARE(r.num("expires"), issued / 1000 + lifetime);
        const QByteArray token = r.str("access_token").toLatin1();
        const QByteArray path = d == Dialect::Venafi ? "/vedsdk/x" : "/generic/api/me";
        f.clock->setWallMs(deadline - 1);
        QCOMPARE(f.http->get(path, TestHttpClient::bearer(token)).status, 200);
        QVERIFY(f.server->isTokenActive(token));
        f.clock->setWallMs(deadline);
        QCOMPARE(f.http->get(path, TestHttpClient::bearer(token)).status, 401);
        QVERIFY(!f.server->isTokenActive(token));
    }

    void venafiExpiresIsCappedAtRefreshUntil()
    {
        auto &k = f.server->knobs(Dialect::Venafi);
        k.accessLifetime = 5;
        k.grantLifetime = 12;
        const qint64 t0 = f.nowSecs();
        HttpResult r = f.venafiLogin();
        QCOMPARE(r.num("expires"), t0 + 5);
        QCOMPARE(r.num("refresh_until"), t0 + 12);
        f.clock->advance(5000);
        r = f.venafiRefresh(r.str("refresh_token").toLatin1());
        QCOMPARE(r.num("expires"), t0 + 10);
        QCOMPARE(r.num("expires_in"), 5);
        f.clock->advance(5000);
        r = f.venafiRefresh(r.str("refresh_token").toLatin1());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.num("expires"), t0 + 12); // min(now + validity, refresh_until)
        QCOMPARE(r.num("expires_in"), 2);
        QCOMPARE(r.num("refresh_until"), t0 + 12);
        const QByteArray at = r.str("access_token").toLatin1();
        f.clock->advance(1999);
        QCOMPARE(f.http->get("/vedsdk/x", TestHttpClient::bearer(at)).status, 200);
        f.clock->advance(1);
        QCOMPARE(f.http->get("/vedsdk/x", TestHttpClient::bearer(at)).status, 401);
        QCOMPARE(f.venafiRefresh(r.str("refresh_token").toLatin1()).status, 400);
        QVERIFY(!f.server->isGrantLive(at));
    }

    void grantLifetimePerDialect_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("generic") << int(Dialect::Generic);
        QTest::newRow("salesforce") << int(Dialect::Salesforce);
        QTest::newRow("venafi") << int(Dialect::Venafi);
    }
    void grantLifetimePerDialect()
    {
        QFETCH(int, dialect);
        const auto d = Dialect(dialect);
        for (Dialect other : {Dialect::Generic, Dialect::Salesforce, Dialect::Venafi})
            f.server->knobs(other).grantLifetime = other == d ? 20 : 0;
        f.server->knobs(d).accessLifetime = 5;
        const auto login = [&] {
            return d == Dialect::Venafi        ? f.venafiLogin()
                    : d == Dialect::Salesforce ? f.sfLogin()
                                               : f.genericLogin();
        };
        const auto refresh = [&](const QByteArray &rt) {
            return d == Dialect::Venafi        ? f.venafiRefresh(rt)
                    : d == Dialect::Salesforce ? f.sfRefresh(rt)
                                               : f.genericRefresh(rt);
        };
        HttpResult r = login();
        QByteArray rt = r.str("refresh_token").toLatin1();
        f.clock->advance(19'999);
        r = refresh(rt);
        QCOMPARE(r.status, 200);
        if (r.has("refresh_token"))
            rt = r.str("refresh_token").toLatin1();
        f.clock->advance(1);
        QCOMPARE(refresh(rt).status, 400);
        QVERIFY(!f.server->isTokenActive(rt));
    }

    void bareStatusOnEveryEndpoint_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        const char *endpoints[] = {"generic.token:password",
                                   "generic.token:refresh_token",
                                   "generic.revoke",
                                   "generic.introspect",
                                   "generic.userinfo",
                                   "generic.resource",
                                   "generic.discovery",
                                   "sf.token:password",
                                   "sf.token:refresh_token",
                                   "sf.revoke",
                                   "sf.introspect",
                                   "sf.userinfo",
                                   "sf.resource",
                                   "sf.discovery",
                                   "venafi.oauth",
                                   "venafi.token",
                                   "venafi.verify",
                                   "venafi.revoke",
                                   "venafi.resource"};
        const QList<QPair<const char *, Body>> kinds{
                {"empty", Body::Empty},
                {"html", Body::Html},
                {"text", Body::Text},
                {"json without error", Body::JsonWithoutError}};
        int i = 0;
        for (const char *e : endpoints) {
            for (const auto &kind : kinds) {
                const int status = (i++ % 3 == 0) ? 400 : (i % 3 == 0 ? 401 : 403);
                QTest::addRow("%s %s %d", e, kind.first, status)
                        << QString::fromLatin1(e) << status << int(kind.second);
            }
        }
    }
    void bareStatusOnEveryEndpoint()
    {
        QFETCH(QString, endpoint);
        QFETCH(int, status);
        QFETCH(int, kind);
        f.server->resetRecords();
        f.server->bareStatus(endpoint, status, Body(kind));
        const HttpResult r = hit(endpoint);
        QCOMPARE(r.status, status);
        const QByteArray type = r.header("Content-Type");
        switch (Body(kind)) {
        case Body::Empty:
            QVERIFY(r.body.isEmpty());
            QVERIFY(type.isEmpty());
            break;
        case Body::Html:
            QVERIFY(type.startsWith("text/html"));
            QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
            break;
        case Body::Text:
            QVERIFY(type.startsWith("text/plain"));
            QVERIFY(!r.body.isEmpty());
            QVERIFY(r.json().isEmpty());
            break;
        case Body::JsonWithoutError:
            QCOMPARE(type, QByteArray("application/json"));
            QVERIFY(!r.json().isEmpty());
            QVERIFY(!r.has("error"));
            break;
        case Body::Scripted:
            QFAIL("not a bare kind");
        }
        // count = 1: the next request gets the real answer.
        const HttpResult next = hit(endpoint);
        QVERIFY(next.status != status || next.body != r.body);
        QCOMPARE(f.server->requestCount(endpoint.section(QLatin1Char(':'), 0, 0)), 2);
    }

    void bareStatusFollowsOperationAndCount()
    {
        f.server->bareStatus(QStringLiteral("generic.token:refresh_token"), 400, Body::Empty, 2);
        QCOMPARE(f.genericLogin().status, 200); // a password grant is not a refresh
        const QByteArray rt =
                f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice"));
        QCOMPARE(f.genericRefresh(rt).status, 400);
        QCOMPARE(f.genericRefresh(rt).status, 400);
        const HttpResult third = f.genericRefresh(rt);
        QCOMPARE(third.status, 200); // the bare answers did not rotate anything
        QVERIFY(third.has("access_token"));
    }

    void retryAfterDateInThePast()
    {
        f.clock->advance(3 * 3600 * 1000);
        f.server->retryAfterInPast(QStringLiteral("generic.token"), 503, 3600);
        const HttpResult r = f.genericLogin();
        QCOMPARE(r.status, 503);
        QCOMPARE(r.str("error"), QStringLiteral("temporarily_unavailable"));
        const QDateTime when =
                QLocale::c().toDateTime(QString::fromLatin1(r.header("Retry-After")),
                                        QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
        QVERIFY(when.isValid());
        QDateTime utc = when;
        utc.setTimeSpec(Qt::UTC);
        QCOMPARE(utc.toMSecsSinceEpoch(), f.clock->wallMs() - 3600 * 1000);
        QCOMPARE(f.genericLogin().status, 200);
    }

    void slowBodyTricklesAndEnds()
    {
        f.server->slowBody(QStringLiteral("sf.userinfo"), 5);
        const HttpResult r = f.http->get("/services/oauth2/userinfo"); // no token
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray("Missing_OAuth_Token"));
        QVERIFY(r.elapsedMs >= 5 * (r.body.size() - 1));
    }

    void slowBodyOutlivesATransferTimeout()
    {
        f.server->slowBody(QStringLiteral("generic.discovery"), 10);
        QNetworkReply *reply = f.http->start("GET", "/generic/.well-known/openid-configuration", {},
                                             {}, 100 /* transfer timeout, ms */);
        QByteArray got;
        QSignalSpy meta(reply, &QNetworkReply::metaDataChanged);
        connect(reply, &QNetworkReply::readyRead, this, [&] { got += reply->readAll(); });
        QTRY_VERIFY(!meta.isEmpty()); // the head came at once
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        QVERIFY(length > 60);
        QTRY_VERIFY_WITH_TIMEOUT(got.size() >= 40, 10000); // > 3 transfer timeouts of trickle
        QVERIFY(!reply->isFinished());
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(got.size() < length);
        reply->abort();
        reply->deleteLater();
    }

private:
    FakeServerFixture f;
    QByteArray m_at, m_sfAt, m_genericAt;
};

QTEST_GUILESS_MAIN(tst_Realism)
#include "tst_realism.moc"
