#include "FakeServerFixture.h"
#include "GenericDialect.h"
#include "HttpClient.h"
#include "ReplyClassifier.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

// HttpClient over real loopback sockets against FakeAuthServer: policy (M-08), redirects
// (M-09), the size cap (M-11), the transfer timeout (M-06), cancel, transport errors, and the
// Retry-After / 429 / HTML-502 evidence reaching the classifier (M-03..M-05).
class tst_HttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip();
    void callbackNeverSynchronous();
    void policyRefusesWithoutSending_data();
    void policyRefusesWithoutSending();
    void redirectIsNotFollowed_data();
    void redirectIsNotFollowed();
    void hugeBodyAbortedAtCap();
    void neverAnswerTimesOut();
    void tricklingBodyHitsTheTotalDeadline();
    void proxyAuthenticationIsConfiguration();
    void cancelGivesAbortedOnce();
    void cancelAllAndUnknownIds();
    void connectionRefused();
    void transientStatuses_data();
    void transientStatuses();
    void untrustedCertificateIsNeverIgnored();

private:
    HttpRequest genericLogin() const;
    HttpReply run(const HttpRequest &request);

    FakeServerFixture f;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_client;
    int m_wrongCallbackCounts = 0;
};

using T = HttpReply::Transport;
using K = AuthError::Kind;

void tst_HttpClient::init()
{
    QVERIFY(f.setUp());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_nam.get(), f.clock.get());
}

void tst_HttpClient::cleanup()
{
    QCOMPARE(m_wrongCallbackCounts, 0);
    m_wrongCallbackCounts = 0;
    m_client.reset();
    m_nam.reset();
    f.tearDown();
}

HttpRequest tst_HttpClient::genericLogin() const
{
    AccountConfig c;
    c.tokenEndpoint = QUrl(f.server->issuer().toString() + QStringLiteral("/token"));
    c.clientId = QString::fromLatin1(FakeServerFixture::PublicClient);
    c.username = QString::fromLatin1(FakeServerFixture::User);
    c.scope = QStringLiteral("read");
    Credentials creds;
    creds.password = FakeServerFixture::Password;
    return GenericDialect().loginRequest(c, creds);
}

HttpReply tst_HttpClient::run(const HttpRequest &request)
{
    HttpReply out;
    int calls = 0;
    m_client->send(request, [&](const HttpReply &r) {
        out = r;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return calls > 0; }, 10000))
        out.errorString = QStringLiteral("test: no callback within 10 s");
    QTest::qWait(0); // a second callback would show up here
    if (calls != 1)
        ++m_wrongCallbackCounts; // checked in cleanup(): exactly one callback per request
    return out;
}

void tst_HttpClient::roundTrip()
{
    f.clock->setWallMs(1767225600000LL);
    const HttpReply r = run(genericLogin());
    QCOMPARE(r.transport, T::Ok);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.reasonPhrase, QByteArray("OK"));
    QVERIFY(r.body.contains("access_token"));
    QVERIFY(!r.header("Content-Type").isEmpty());
    QCOMPARE(r.sentAtMs, 1767225600000LL);
    QCOMPARE(r.receivedAtMs, 1767225600000LL);
    QCOMPARE(m_client->pendingCount(), 0);
    const FakeRequest seen = f.server->requests(QStringLiteral("generic.token")).constFirst();
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(seen.header("User-Agent"), HttpClient::userAgent());
    QCOMPARE(seen.body, genericLogin().body);
}

void tst_HttpClient::callbackNeverSynchronous()
{
    bool called = false;
    HttpRequest refused = genericLogin();
    refused.url = QUrl(QStringLiteral("http://example.com/token"));
    m_client->send(refused, [&](const HttpReply &) { called = true; });
    QVERIFY(!called); // not from inside send(), even when nothing is sent
    QTRY_VERIFY(called);
}

void tst_HttpClient::policyRefusesWithoutSending_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http host") << QStringLiteral("http://as.example/token");
    QTest::newRow("localhost") << QStringLiteral("http://localhost:%1/generic/token");
    QTest::newRow("mapped v4") << QStringLiteral("http://[::ffff:127.0.0.1]:%1/generic/token");
    QTest::newRow("userinfo") << QStringLiteral("https://user:pw@127.0.0.1:%1/generic/token");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1:%1/generic/token");
    QTest::newRow("empty") << QString();
}

void tst_HttpClient::policyRefusesWithoutSending()
{
    QFETCH(QString, url);
    HttpRequest r = genericLogin();
    r.url = QUrl(url.contains(QLatin1String("%1")) ? url.arg(f.server->port()) : url);
    const HttpReply reply = run(r);
    QCOMPARE(reply.transport, T::PolicyRefused);
    QVERIFY(!reply.errorString.isEmpty());
    QCOMPARE(f.server->requestCount(QString()), 0);
    QCOMPARE(GenericDialect()
                     .parseTokenReply(OAuthDialect::Grant::Password, reply, AccountConfig(),
                                      TokenSet(), 0)
                     .error.kind,
             K::Config);
}

void tst_HttpClient::redirectIsNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("307") << 307;
    QTest::newRow("308") << 308;
    QTest::newRow("302") << 302;
}

void tst_HttpClient::redirectIsNotFollowed()
{
    QFETCH(int, status);
    FakeAuthServer target(f.clock.get());
    QVERIFY(target.listen());
    FakeFault fault;
    fault.kind = FakeFault::Kind::Redirect;
    fault.status = status;
    fault.redirectTo = QUrl(target.baseUrl().toString() + QStringLiteral("/generic/token"));
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    const HttpReply r = run(genericLogin());
    QCOMPARE(r.transport, T::Ok);
    QCOMPARE(r.status, status);
    QCOMPARE(r.redirectTarget, fault.redirectTo);
    QTest::qWait(50); // give a (wrongly) followed redirect time to arrive
    QCOMPARE(target.requestCount(QString()), 0); // M-09: the target receives nothing
    const AuthError e = GenericDialect()
                                .parseTokenReply(OAuthDialect::Grant::Password, r, AccountConfig(),
                                                 TokenSet(), 0)
                                .error;
    QCOMPARE(e.kind, K::Redirect);
    QCOMPARE(e.detail, QStringLiteral("127.0.0.1"));
}

void tst_HttpClient::hugeBodyAbortedAtCap()
{
    FakeFault fault;
    fault.kind = FakeFault::Kind::HugeBody;
    fault.hugeBytes = 10 * 1024 * 1024;
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    QCOMPARE(m_client->maxBodyBytes(), qint64(1024 * 1024));
    const HttpReply r = run(genericLogin());
    QCOMPARE(r.transport, T::TooLarge);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_client->pendingCount(), 0);
    QCOMPARE(GenericDialect()
                     .parseTokenReply(OAuthDialect::Grant::Refresh, r, AccountConfig(), TokenSet(),
                                      0)
                     .error.kind,
             K::Transient);
}

void tst_HttpClient::neverAnswerTimesOut()
{
    FakeFault fault;
    fault.kind = FakeFault::Kind::NeverAnswer;
    fault.times = -1;
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    QCOMPARE(m_client->transferTimeoutMs(), 30000);
    m_client->setTransferTimeoutMs(300);
    const HttpReply r = run(genericLogin());
    QCOMPARE(r.transport, T::Timeout);
    QVERIFY(f.server->requestCount(QStringLiteral("generic.token")) >= 1); // it was sent
    QCOMPARE(GenericDialect()
                     .parseTokenReply(OAuthDialect::Grant::Refresh, r, AccountConfig(), TokenSet(),
                                      0)
                     .error.kind,
             K::Ambiguous);
}

void tst_HttpClient::tricklingBodyHitsTheTotalDeadline()
{
    // Security audit M1: headers at once, then one body byte every 50 ms. Each byte restarts
    // Qt's transfer timeout (200 ms), so only the total deadline (600 ms) can end it.
    QTcpServer slow;
    QVERIFY(slow.listen(QHostAddress::LocalHost));
    QTcpSocket *peer = nullptr;
    QTimer trickle;
    trickle.setInterval(50);
    int sent = 0;
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (peer && peer->state() == QAbstractSocket::ConnectedState) {
            peer->write("x");
            ++sent;
        }
    });
    connect(&slow, &QTcpServer::newConnection, this, [&] {
        peer = slow.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, peer, [&] {
            peer->readAll();
            if (!trickle.isActive()) {
                peer->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: 100000\r\n\r\n{");
                trickle.start();
            }
        });
    });
    m_client->setTransferTimeoutMs(200);
    m_client->setRequestDeadlineMs(600);
    HttpRequest request = genericLogin();
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(slow.serverPort()));
    const HttpReply r = run(request);
    trickle.stop();
    QCOMPARE(r.transport, T::Timeout);
    QVERIFY2(r.errorString.contains(QLatin1String("deadline")), qPrintable(r.errorString));
    QVERIFY(sent >= 5); // bytes kept arriving: the transfer timeout alone never fired
    QCOMPARE(m_client->pendingCount(), 0);
}

void tst_HttpClient::proxyAuthenticationIsConfiguration()
{
    // Review item: proxy errors were Ambiguous and retried forever. Proxy authentication
    // required needs a person; the other proxy failures never reached the server.
    HttpReply auth;
    auth.transport = T::ProxyAuth;
    QCOMPARE(ReplyClassifier::transportError(auth).kind, K::Config);
    QCOMPARE(ReplyClassifier::transportError(auth).code, QStringLiteral("proxy_auth_required"));
    HttpReply proxy;
    proxy.transport = T::Proxy;
    QCOMPARE(ReplyClassifier::transportError(proxy).kind, K::Transient);
    HttpReply connect;
    connect.transport = T::ConnectTimeout;
    QCOMPARE(ReplyClassifier::transportError(connect).kind, K::Transient);
    HttpReply status407;
    status407.status = 407;
    QCOMPARE(ReplyClassifier::commonHttpError(status407).kind, K::Config);
}

void tst_HttpClient::cancelGivesAbortedOnce()
{
    FakeFault fault;
    fault.kind = FakeFault::Kind::NeverAnswer;
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    int calls = 0;
    HttpReply got;
    const quint64 id = m_client->send(genericLogin(), [&](const HttpReply &r) {
        got = r;
        ++calls;
    });
    QTRY_COMPARE(f.server->requestCount(QStringLiteral("generic.token")), 1);
    m_client->cancel(id);
    QCOMPARE(calls, 0); // not synchronous
    QTRY_COMPARE(calls, 1);
    QCOMPARE(got.transport, T::Aborted);
    m_client->cancel(id); // already finished: ignored
    QTest::qWait(20);
    QCOMPARE(calls, 1);
    QCOMPARE(m_client->pendingCount(), 0);
}

void tst_HttpClient::cancelAllAndUnknownIds()
{
    m_client->cancel(12345);
    int aborted = 0;
    HttpRequest refused = genericLogin();
    refused.url = QUrl(QStringLiteral("http://as.example/t"));
    for (int i = 0; i < 3; ++i)
        m_client->send(i == 0 ? refused : genericLogin(),
                       [&](const HttpReply &r) { aborted += r.transport == T::Aborted ? 1 : 0; });
    QCOMPARE(m_client->pendingCount(), 3);
    m_client->cancelAll();
    QCOMPARE(m_client->pendingCount(), 0);
    QTRY_COMPARE(aborted, 3);
}

void tst_HttpClient::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    HttpRequest r = genericLogin();
    r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/generic/token").arg(port));
    const HttpReply reply = run(r);
    QCOMPARE(reply.transport, T::ConnectionRefused);
    QCOMPARE(GenericDialect()
                     .parseTokenReply(OAuthDialect::Grant::Refresh, reply, AccountConfig(),
                                      TokenSet(), 0)
                     .error.kind,
             K::Transient);
}

void tst_HttpClient::transientStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("503 + Retry-After (M-04)")
            << 503 << QByteArray("120") << QByteArray() << qint64(120000);
    QTest::newRow("429 (M-05)") << 429 << QByteArray() << QByteArray() << qint64(-1);
    QTest::newRow("429 + Retry-After (M-05)")
            << 429 << QByteArray("7") << QByteArray() << qint64(7000);
    QTest::newRow("HTML 502 (M-03)")
            << 502 << QByteArray()
            << QByteArray("<html><body><h1>502 Bad Gateway</h1>invalid_grant</body></html>")
            << qint64(-1);
}

void tst_HttpClient::transientStatuses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(qint64, retryAfterMs);
    FakeFault fault;
    fault.kind = FakeFault::Kind::Respond;
    fault.status = status;
    fault.body = body;
    if (!body.isEmpty())
        fault.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html")));
    if (!retryAfter.isEmpty())
        fault.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
    f.server->injectFault(QStringLiteral("generic.token"), fault);
    const HttpReply r = run(genericLogin());
    QCOMPARE(r.transport, T::Ok);
    QCOMPARE(r.status, status);
    const AuthError e = GenericDialect()
                                .parseTokenReply(OAuthDialect::Grant::Refresh, r, AccountConfig(),
                                                 TokenSet(), 0)
                                .error;
    QCOMPARE(e.kind, K::Transient);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.retryAfterMs, retryAfterMs);
}

void tst_HttpClient::untrustedCertificateIsNeverIgnored()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QFile certFile(QFINDTESTDATA("data/selfsigned-test-only.crt"));
    QFile keyFile(QFINDTESTDATA("data/selfsigned-test-only.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate cert(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    QVERIFY(!cert.isNull() && !key.isNull());
    QSslServer server;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(cert);
    tls.setPrivateKey(key);
    server.setSslConfiguration(tls);
    int handshakesDone = 0;
    QByteArray received;
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
        while (QSslSocket *s = qobject_cast<QSslSocket *>(server.nextPendingConnection())) {
            connect(s, &QSslSocket::encrypted, this, [&] { ++handshakesDone; });
            connect(s, &QSslSocket::readyRead, this, [&, s] { received += s->readAll(); });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));

    HttpRequest r = genericLogin();
    r.url = QUrl(QStringLiteral("https://127.0.0.1:%1/generic/token").arg(server.serverPort()));
    const HttpReply reply = run(r);
    QCOMPARE(reply.transport, T::Tls);
    const QString fingerprint =
            QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QCOMPARE(reply.tlsDetail,
             QStringLiteral("host=127.0.0.1 issuer=Tokenkeeper Test Untrusted CA "
                            "sha256=")
                     + fingerprint);
    QVERIFY(!reply.errorString.isEmpty());
    QTest::qWait(50);
    QCOMPARE(handshakesDone, 0); // the client refused the handshake: no request was sent
    QVERIFY(received.isEmpty());
    const AuthError e = GenericDialect()
                                .parseTokenReply(OAuthDialect::Grant::Refresh, reply,
                                                 AccountConfig(), TokenSet(), 0)
                                .error;
    QCOMPARE(e.kind, K::Tls);
    QCOMPARE(e.detail, reply.tlsDetail);
}

QTEST_GUILESS_MAIN(tst_HttpClient)
#include "tst_httpclient.moc"
