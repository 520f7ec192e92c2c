#include "FakeServerFixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

// The server core over real loopback sockets: transport, fault injection, records, and the
// grant manipulation API. Dialect behaviour is in tst_{venafi,salesforce,generic}endpoints.
class tst_FakeAuthServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void listensOnLoopback()
    {
        QCOMPARE(f.server->baseUrl().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(f.server->baseUrl().port(), int(f.server->port()));
        QVERIFY(f.server->port() != 0);
        QCOMPARE(f.server->venafiUrl(), f.server->baseUrl());
        QCOMPARE(f.server->salesforceUrl(), f.server->baseUrl());
        QCOMPARE(f.server->issuer().toString(),
                 f.server->baseUrl().toString() + QStringLiteral("/generic"));
    }

    void dateHeaderFollowsClock()
    {
        HttpResult r = f.http->get("/vedauth/authorize/isAuthServer");
        QCOMPARE(r.header("Date"), QByteArray("Thu, 01 Jan 2026 00:00:00 GMT"));
        f.clock->advance(86400 * 1000 + 61 * 1000);
        r = f.http->get("/vedauth/authorize/isAuthServer");
        QCOMPARE(r.header("Date"), QByteArray("Fri, 02 Jan 2026 00:01:01 GMT"));
    }

    void unknownPathIs404()
    {
        const HttpResult r = f.http->get("/nowhere?x=1");
        QCOMPARE(r.status, 404);
        QCOMPARE(f.server->requests().size(), 1);
        QCOMPARE(f.server->requests().constFirst().endpoint, QString());
    }

    void wrongMethodIs405_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("GET generic token")
                << QByteArray("GET") << QByteArray("/generic/token") << QByteArray("POST");
        QTest::newRow("POST venafi verify")
                << QByteArray("POST") << QByteArray("/vedauth/authorize/verify")
                << QByteArray("GET");
        QTest::newRow("GET sf token")
                << QByteArray("GET") << QByteArray("/services/oauth2/token") << QByteArray("POST");
    }
    void wrongMethodIs405()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, allow);
        const HttpResult r = f.http->send(verb, path, {}, {});
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), allow);
    }

    void malformedRequest_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << QByteArray("HTTP/1.1 400");
        QTest::newRow("no version")
                << QByteArray("GET /generic/token\r\n\r\n") << QByteArray("HTTP/1.1 400");
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n")
                                    << QByteArray("HTTP/1.1 400");
        QTest::newRow("negative length")
                << QByteArray("POST /generic/token HTTP/1.1\r\nContent-Length: -4\r\n\r\n")
                << QByteArray("HTTP/1.1 400");
        QTest::newRow("body too large")
                << QByteArray("POST /generic/token HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n")
                << QByteArray("HTTP/1.1 413");
        QTest::newRow("chunked body")
                << QByteArray("POST /generic/token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                << QByteArray("HTTP/1.1 501");
        QTest::newRow("huge head")
                << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(70 * 1024, 'a')
                << QByteArray("HTTP/1.1 431");
    }
    void malformedRequest()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, statusLine);
        QCOMPARE(rawExchange(raw).left(statusLine.size()), statusLine);
        // The server survives and keeps answering well-formed requests.
        QCOMPARE(f.http->get("/vedauth/authorize/isAuthServer").status, 202);
    }

    void reasonPhraseIsWrittenVerbatim()
    {
        const QByteArray body =
                R"({"client_id":"vcert-sdk","username":"alice","password":"pw-alice","scope":"admin"})";
        const QByteArray reply = rawExchange("POST /vedauth/authorize/oauth HTTP/1.1\r\n"
                                             "Content-Type: application/json\r\nContent-Length: "
                                             + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY2(reply.startsWith("HTTP/1.1 403 Failed to issue grant: User is not authorized "
                                  "for the requested scope\r\n"),
                 reply.constData());
        QVERIFY(reply.contains("\r\nContent-Length: 0\r\n"));
    }

    // --- fault injection ---------------------------------------------------------------------

    void faultRespondWithCustomReason()
    {
        FakeFault fault;
        fault.status = 503;
        fault.reason = "Service Unavailable: maintenance window";
        fault.headers = {{"Retry-After", "120"}, {"Content-Type", "text/html"}};
        fault.body = "<html>down</html>";
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        HttpResult r = f.genericLogin();
        QCOMPARE(r.status, 503);
        QCOMPARE(r.reason, fault.reason);
        QCOMPARE(r.header("Retry-After"), QByteArray("120"));
        QCOMPARE(r.body, fault.body);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 0); // not processed
        QCOMPARE(f.server->requests(QStringLiteral("generic.token")).constFirst().status, 503);
        r = f.genericLogin(); // times = 1
        QCOMPARE(r.status, 200);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 1);
    }

    void faultRespondAfterProcessingRotates()
    {
        f.server->knobs(Dialect::Generic).rotate = true;
        const QByteArray rt0 = f.genericLogin().str("refresh_token").toLatin1();
        FakeFault fault;
        fault.kind = FakeFault::Kind::RespondAfterProcessing;
        fault.status = 502;
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        QCOMPARE(f.genericRefresh(rt0).status, 502);
        const QByteArray current =
                f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice"));
        QVERIFY(!current.isEmpty());
        QVERIFY(current != rt0); // the server rotated although the client saw a 502
        QCOMPARE(f.genericRefresh(rt0).str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.genericRefresh(current).status, 200);
    }

    void faultDelay()
    {
        FakeFault fault;
        fault.kind = FakeFault::Kind::Delay;
        fault.delayMs = 300;
        f.server->injectFault(QStringLiteral("venafi.isAuthServer"), fault);
        const HttpResult r = f.http->get("/vedauth/authorize/isAuthServer");
        QCOMPARE(r.status, 202);
        QVERIFY2(r.elapsedMs >= 300, QByteArray::number(r.elapsedMs).constData());
        QCOMPARE(f.server->requests(QStringLiteral("venafi.isAuthServer")).constFirst().status,
                 202);
        QCOMPARE(f.http->get("/vedauth/authorize/isAuthServer").status, 202); // one-shot
    }

    void faultNeverAnswer()
    {
        FakeFault fault;
        fault.kind = FakeFault::Kind::NeverAnswer;
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r =
                f.http->send("POST", "/generic/token",
                             TestHttpClient::formEncode({{"grant_type", "password"},
                                                         {"client_id", "pub"},
                                                         {"username", "alice"},
                                                         {"password", "pw-alice"}}),
                             {{"Content-Type", "application/x-www-form-urlencoded"}}, 300);
        QVERIFY(r.finished);
        QVERIFY2(r.error == QNetworkReply::OperationCanceledError
                         || r.error == QNetworkReply::TimeoutError,
                 QByteArray::number(int(r.error)).constData());
        QCOMPARE(r.status, 0);
        QCOMPARE(f.server->requestCount(QStringLiteral("generic.token")), 1);
        QCOMPARE(f.server->requests(QStringLiteral("generic.token")).constFirst().status, 0);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 0);
    }

    void faultCloseAfterProcessingRotates()
    {
        f.server->knobs(Dialect::Generic).rotate = true;
        const QByteArray rt0 = f.genericLogin().str("refresh_token").toLatin1();
        f.server->resetRecords();
        FakeFault fault;
        fault.kind = FakeFault::Kind::CloseAfterProcessing;
        fault.times = -1; // QNAM resends on a silent close; every attempt must be cut off
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r = f.genericRefresh(rt0);
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        const QByteArray current =
                f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice"));
        QVERIFY(current != rt0); // the lost response did rotate (M-38)
        QCOMPARE(f.server->requestCount(QStringLiteral("generic.token")), 2);
        for (const FakeRequest &req : f.server->requests(QStringLiteral("generic.token")))
            QCOMPARE(req.status, 0);
        f.server->clearFaults();
        QCOMPARE(f.genericRefresh(rt0).str("error"), QStringLiteral("invalid_grant"));
        QCOMPARE(f.genericRefresh(current).status, 200);
    }

    // Qt 6.4's HTTP layer silently resends a request (even a POST) when the server closes the
    // connection before sending a single byte. With a one-shot lost response the client
    // therefore never sees the close: it sees the answer to the replayed, already rotated
    // refresh token. Pinned here because the client's lost-rotation handling depends on it.
    void qnamResendsAfterSilentClose()
    {
        f.server->knobs(Dialect::Generic).rotate = true;
        const QByteArray rt0 = f.genericLogin().str("refresh_token").toLatin1();
        f.server->resetRecords();
        FakeFault fault;
        fault.kind = FakeFault::Kind::CloseAfterProcessing;
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r = f.genericRefresh(rt0);
        QCOMPARE(f.server->requestCount(QStringLiteral("generic.token")), 2);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.str("error"), QStringLiteral("invalid_grant"));
        const QList<FakeRequest> seen = f.server->requests(QStringLiteral("generic.token"));
        QCOMPARE(seen.at(0).body, seen.at(1).body); // the same refresh token, replayed
    }

    void faultCloseImmediatelyDoesNotProcess()
    {
        FakeFault fault;
        fault.kind = FakeFault::Kind::CloseImmediately;
        fault.times = -1;
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r = f.genericLogin();
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 0);
        // One original attempt plus Qt's single silent resend.
        QCOMPARE(f.server->requestCount(QStringLiteral("generic.token")), 2);
    }

    void faultRedirect_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        QTest::newRow("default is 307") << 500 << 307;
        QTest::newRow("308") << 308 << 308;
        QTest::newRow("302") << 302 << 302;
    }
    void faultRedirect()
    {
        QFETCH(int, status);
        QFETCH(int, expected);
        FakeAuthServer other(f.clock.get());
        QVERIFY(other.listen());
        FakeFault fault;
        fault.kind = FakeFault::Kind::Redirect;
        fault.status = status;
        fault.redirectTo = QUrl(other.baseUrl().toString() + QStringLiteral("/generic/token"));
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r = f.genericLogin();
        QCOMPARE(r.status, expected);
        QCOMPARE(r.header("Location"), fault.redirectTo.toEncoded());
        QCOMPARE(other.requestCount(QString()), 0);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 0);
    }

    void faultHugeBody()
    {
        FakeFault fault;
        fault.kind = FakeFault::Kind::HugeBody;
        fault.hugeBytes = 3 * 1024 * 1024 + 7;
        f.server->injectFault(QStringLiteral("generic.token"), fault);
        const HttpResult r = f.genericLogin();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), fault.hugeBytes);
        QVERIFY(r.body.startsWith("{\"access_token\":\"AAAA"));
        QVERIFY(r.json().isEmpty()); // never valid JSON
    }

    void faultEndlessBodyUntilClientAborts()
    {
        FakeFault fault;
        fault.kind = FakeFault::Kind::HugeBody;
        fault.hugeBytes = -1;
        f.server->injectFault(QStringLiteral("sf.token"), fault);
        QNetworkReply *reply =
                f.http->start("POST", "/services/oauth2/token", "x=1",
                              {{"Content-Type", "application/x-www-form-urlencoded"}}, 10000);
        qint64 received = 0;
        const qint64 cap = 2 * 1024 * 1024; // the client's cap (M-11)
        connect(reply, &QNetworkReply::readyRead, reply, [&] {
            received += reply->readAll().size();
            if (received > cap)
                reply->abort();
        });
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        QVERIFY2(received > cap, QByteArray::number(received).constData());
        QVERIFY(received < 64 * cap); // stopped soon after the cap, not after the whole stream
        reply->deleteLater();
    }

    void faultTimesQueueAndClear()
    {
        auto respond = [](int status, int times) {
            FakeFault fault;
            fault.status = status;
            fault.times = times;
            return fault;
        };
        const QString ep = QStringLiteral("VENAFI.isauthserver"); // names are case-insensitive
        f.server->injectFault(ep, respond(500, 2));
        f.server->injectFault(ep, respond(418, 0)); // applies to no request
        f.server->injectFault(ep, respond(503, 1));
        f.server->injectFault(ep, respond(429, -1));
        QList<int> seen;
        for (int i = 0; i < 6; ++i)
            seen.append(f.http->get("/vedauth/authorize/isAuthServer").status);
        QCOMPARE(seen, (QList<int>{500, 500, 503, 429, 429, 429}));
        f.server->clearFaults();
        QCOMPARE(f.http->get("/vedauth/authorize/isAuthServer").status, 202);
    }

    void faultWildcardMatchesEveryEndpoint()
    {
        FakeFault fault;
        fault.status = 502;
        fault.times = 2;
        f.server->injectFault(QStringLiteral("*"), fault);
        QCOMPARE(f.http->get("/vedauth/authorize/isAuthServer").status, 502);
        QCOMPARE(f.http->get("/nowhere").status, 502);
        QCOMPARE(f.http->get("/nowhere").status, 404);
    }

    void destroyingTheServerWithOpenConnections()
    {
        FakeFault hang;
        hang.kind = FakeFault::Kind::NeverAnswer;
        FakeFault late;
        late.kind = FakeFault::Kind::Delay;
        late.delayMs = 200;
        f.server->injectFault(QStringLiteral("generic.token"), hang);
        f.server->injectFault(QStringLiteral("venafi.isAuthServer"), late);
        QNetworkReply *a =
                f.http->start("POST", "/generic/token", "grant_type=password",
                              {{"Content-Type", "application/x-www-form-urlencoded"}}, 10000);
        QNetworkReply *b = f.http->start("GET", "/vedauth/authorize/isAuthServer", {}, {}, 10000);
        QTRY_COMPARE(f.server->requests().size(), 2);
        f.server.reset(); // the pending delayed answer must not fire into a dead server
        QTRY_VERIFY(a->isFinished() && b->isFinished());
        QVERIFY(a->error() != QNetworkReply::NoError);
        QVERIFY(b->error() != QNetworkReply::NoError);
        a->deleteLater();
        b->deleteLater();
    }

    // --- observation ---------------------------------------------------------------------------

    void recordsAndCounts()
    {
        QSignalSpy spy(f.server.get(), &FakeAuthServer::requestReceived);
        QCOMPARE(f.sfLogin().status, 200);
        QCOMPARE(f.http->get("/generic/api/me?a=1&b=2", "Bearer nope").status, 401);
        QCOMPARE(f.http->get("/favicon.ico").status, 404);
        QCOMPARE(spy.size(), 3);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("sf.token"));
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("generic.resource"));
        QCOMPARE(spy.at(2).at(0).toString(), QString());

        QCOMPARE(f.server->requestCount(QStringLiteral("sf.token")), 1);
        QCOMPARE(f.server->requestCount(QStringLiteral("generic.resource")), 1);
        QCOMPARE(f.server->requestCount(QStringLiteral("venafi.oauth")), 0);
        QCOMPARE(f.server->requests().size(), 3);

        const FakeRequest login = f.server->requests(QStringLiteral("sf.token")).constFirst();
        QCOMPARE(login.method, QByteArray("POST"));
        QCOMPARE(login.path, QByteArray("/services/oauth2/token"));
        QVERIFY(login.body.contains("grant_type=password"));
        QVERIFY(login.body.contains("password=pw-alice")); // tests may read secrets
        QCOMPARE(login.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(login.status, 200);

        const FakeRequest api = f.server->requests(QStringLiteral("generic.resource")).constFirst();
        QCOMPARE(api.path, QByteArray("/generic/api/me"));
        QCOMPARE(api.query, QByteArray("a=1&b=2"));
        QCOMPARE(api.header("Authorization"), QByteArray("Bearer nope"));
        QCOMPARE(api.status, 401);

        f.server->resetRecords();
        QCOMPARE(f.server->requests().size(), 0);
        QCOMPARE(f.server->requestCount(QStringLiteral("sf.token")), 0);
    }

    // --- grant manipulation --------------------------------------------------------------------

    void revokeAllGrantsKillsEverything()
    {
        const HttpResult v = f.venafiLogin();
        const HttpResult s = f.sfLogin();
        const HttpResult g = f.genericLogin();
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 1);
        QCOMPARE(f.server->liveGrantCount(Dialect::Salesforce), 1);
        QCOMPARE(f.server->liveGrantCount(Dialect::Generic), 1);
        f.server->revokeAllGrants();
        for (Dialect d : {Dialect::Venafi, Dialect::Salesforce, Dialect::Generic}) {
            QCOMPARE(f.server->liveGrantCount(d), 0);
            QVERIFY(f.server->currentRefreshToken(d, QStringLiteral("alice")).isEmpty());
        }
        QCOMPARE(f.venafiRefresh(v.str("refresh_token").toLatin1()).status, 400);
        QCOMPARE(f.sfRefresh(s.str("refresh_token").toLatin1()).status, 400);
        QCOMPARE(f.genericRefresh(g.str("refresh_token").toLatin1()).status, 400);
        QCOMPARE(bearerGet("/vedauth/authorize/verify", v).status, 401);
        QCOMPARE(bearerGet("/services/data/v60.0/limits", s).status, 401);
        QCOMPARE(bearerGet("/generic/api/me", g).status, 401);
    }

    void expireAllAccessTokensKeepsRefreshTokens()
    {
        const HttpResult v = f.venafiLogin();
        const HttpResult s = f.sfLogin();
        const HttpResult g = f.genericLogin();
        f.server->expireAllAccessTokens();
        QCOMPARE(bearerGet("/vedsdk/Identity/Self", v).status, 401);
        QCOMPARE(bearerGet("/services/data/v60.0/limits", s).status, 401);
        const HttpResult api = bearerGet("/generic/api/me", g);
        QCOMPARE(api.status, 401);
        QVERIFY(api.header("WWW-Authenticate").contains("The access token expired"));
        QCOMPARE(f.venafiRefresh(v.str("refresh_token").toLatin1()).status, 200);
        QCOMPARE(f.sfRefresh(s.str("refresh_token").toLatin1()).status, 200);
        QCOMPARE(f.genericRefresh(g.str("refresh_token").toLatin1()).status, 200);
    }

    void currentRefreshTokenIsNewestLiveGrant()
    {
        QVERIFY(f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("alice")).isEmpty());
        f.venafiLogin();
        const QByteArray second = f.venafiLogin().str("refresh_token").toLatin1();
        QCOMPARE(f.server->liveGrantCount(Dialect::Venafi), 2);
        QCOMPARE(f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("alice")), second);
        QVERIFY(f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("bob")).isEmpty());
        QVERIFY(f.server->currentRefreshToken(Dialect::Generic, QStringLiteral("alice")).isEmpty());
        const QByteArray rotated = f.venafiRefresh(second).str("refresh_token").toLatin1();
        QCOMPARE(f.server->currentRefreshToken(Dialect::Venafi, QStringLiteral("alice")), rotated);
    }

    void tokenPrefix()
    {
        HttpResult r = f.genericLogin();
        QVERIFY(r.str("access_token").startsWith(QLatin1String("tk-AT-")));
        QVERIFY(r.str("refresh_token").startsWith(QLatin1String("tk-RT-")));
        f.server->setTokenPrefix("CANARY-5f3a");
        r = f.genericLogin();
        QVERIFY(r.str("access_token").startsWith(QLatin1String("CANARY-5f3a-AT-")));
        QVERIFY(r.str("refresh_token").startsWith(QLatin1String("CANARY-5f3a-RT-")));
        QVERIFY(r.str("access_token") != f.genericLogin().str("access_token")); // unique
    }

private:
    HttpResult bearerGet(const QByteArray &path, const HttpResult &login)
    {
        return f.http->get(path, TestHttpClient::bearer(login.str("access_token").toLatin1()));
    }

    // Writes raw bytes on a fresh socket and returns everything the server sent back.
    QByteArray rawExchange(const QByteArray &raw)
    {
        QTcpSocket socket;
        QByteArray received;
        bool closed = false;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, &socket, [&] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, f.server->port());
        socket.write(raw);
        if (!QTest::qWaitFor([&] { return closed; }, 5000))
            return "timeout: " + received;
        return received;
    }

    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_FakeAuthServer)
#include "tst_fakeauthserver.moc"
