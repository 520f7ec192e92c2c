#include "DeviceFlow.h"
#include "FormEncoding.h"
#include "HttpClient.h"
#include "ManualFlowTimer.h"
#include "TinyHttpResponder.h"

#include <numeric>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// The device-code sign-in (RFC 8628, protocols.md §3.6, handoff-and-flows.md §2.1/§2.2/§2.4):
// each dialect's start and poll requests, the start reply and every poll answer as pure
// tables; then the poller driven through scripted replies from an in-test server with a
// ManualClock-backed timer, checking every wait it arms (interval, slow_down, backoff, expiry).
class tst_DeviceFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void startRequest_data();
    void startRequest();
    void pollRequest_data();
    void pollRequest();
    void parseStartReply_data();
    void parseStartReply();
    void classifyPoll_data();
    void classifyPoll();

    void polling_data();
    void polling();
    void salesforceAndVenafiEndToEnd_data();
    void salesforceAndVenafiEndToEnd();
    void sleptPastExpiryDoesNotPoll();
    void startRefused();
    void cancelWhilePolling();
    void openBrowserPrefersCompleteUri();
    void noDeviceEndpoint();

private:
    AccountConfig config(Dialect dialect) const;
    static QByteArray startJson(int interval, int expires, bool complete = true);
    // Runs until finished, firing the manual timer whenever it is armed.
    void drive(DeviceFlow *flow, ManualFlowTimer *timer, int maxSteps = 50);

    ManualClock m_clock;
    std::unique_ptr<TinyHttpResponder> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
};

using K = AuthError::Kind;
using O = DeviceFlow::PollOutcome;

void tst_DeviceFlow::init()
{
    m_server = std::make_unique<TinyHttpResponder>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get(), &m_clock);
    m_http->setTransferTimeoutMs(3000);
}

void tst_DeviceFlow::cleanup()
{
    m_http.reset();
    m_nam.reset();
    m_server.reset();
}

AccountConfig tst_DeviceFlow::config(Dialect dialect) const
{
    AccountConfig c;
    c.dialect = dialect;
    c.serverUrl = m_server ? m_server->url(QString()) : QUrl(QStringLiteral("https://as.example"));
    c.clientId = QStringLiteral("cli ent");
    c.scope = dialect == Dialect::Venafi ? QStringLiteral("certificate:manage")
                                         : QStringLiteral("openid read");
    return c;
}

QByteArray tst_DeviceFlow::startJson(int interval, int expires, bool complete)
{
    QByteArray j =
            R"({"device_code":"DEV-123","user_code":"WDJB-MJHT","verification_uri":"https://as.example/device")";
    if (complete)
        j += R"(,"verification_uri_complete":"https://as.example/device?user_code=WDJB-MJHT")";
    if (interval >= 0)
        j += ",\"interval\":" + QByteArray::number(interval);
    if (expires >= 0)
        j += ",\"expires_in\":" + QByteArray::number(expires);
    return j + '}';
}

void tst_DeviceFlow::drive(DeviceFlow *flow, ManualFlowTimer *timer, int maxSteps)
{
    for (int i = 0; i < maxSteps && flow->stage() != DeviceFlow::Stage::Done; ++i) {
        QTRY_VERIFY(timer->isActive() || flow->stage() == DeviceFlow::Stage::Done);
        if (flow->stage() == DeviceFlow::Stage::Done)
            break;
        QVERIFY(timer->fireNow());
        // The poll is in flight (or the flow ended at expiry): wait for it to be answered.
        QTRY_VERIFY(timer->isActive() || flow->stage() == DeviceFlow::Stage::Done);
    }
    QCOMPARE(flow->stage(), DeviceFlow::Stage::Done);
}

// --- pure tables -------------------------------------------------------------------------

void tst_DeviceFlow::startRequest_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("basic");
    QTest::newRow("generic public") << int(Dialect::Generic) << QByteArray() << "/device"
                                    << QByteArray("scope=openid+read&client_id=cli+ent") << false;
    QTest::newRow("generic confidential") << int(Dialect::Generic) << QByteArray("s") << "/device"
                                          << QByteArray("scope=openid+read") << true;
    QTest::newRow("salesforce: token endpoint, response_type=device_code")
            << int(Dialect::Salesforce) << QByteArray() << "/services/oauth2/token"
            << QByteArray("response_type=device_code&scope=openid+read+refresh_token&client_id="
                          "cli+ent")
            << false;
    QTest::newRow("venafi: /vedauth/authorize/device, form-encoded")
            << int(Dialect::Venafi) << QByteArray() << "/vedauth/authorize/device"
            << QByteArray("scope=certificate%3Amanage&client_id=cli+ent") << false;
}

void tst_DeviceFlow::startRequest()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, secret);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, basic);
    AccountConfig c = config(Dialect(dialect));
    c.serverUrl = QUrl(QStringLiteral("https://as.example"));
    FlowEndpoints discovered;
    discovered.deviceAuthorizationEndpoint = QUrl(QStringLiteral("https://as.example/device"));
    discovered.tokenEndpoint = QUrl(QStringLiteral("https://as.example/token"));
    Credentials creds;
    creds.clientSecret = secret;
    const HttpRequest r =
            DeviceFlow::startRequest(c, FlowEndpoints::forAccount(c, discovered), creds);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.url.path(), path);
    QCOMPARE(r.body, body);
    bool hasBasic = false;
    for (const auto &h : r.headers)
        if (h.first == "Authorization")
            hasBasic = h.second == FormEncoding::basicAuthorization("cli ent", secret);
    QCOMPARE(hasBasic, basic);
}

void tst_DeviceFlow::pollRequest_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("generic") << int(Dialect::Generic) << "/token"
                             << QByteArray("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3A"
                                           "device_code&device_code=DEV%2F1&client_id=cli+ent");
    QTest::newRow("salesforce: grant_type=device, code=")
            << int(Dialect::Salesforce) << "/services/oauth2/token"
            << QByteArray("grant_type=device&code=DEV%2F1&client_id=cli+ent");
    QTest::newRow("venafi: RFC 8628 grant at /vedauth/authorize/token")
            << int(Dialect::Venafi) << "/vedauth/authorize/token"
            << QByteArray("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&"
                          "device_code=DEV%2F1&client_id=cli+ent");
}

void tst_DeviceFlow::pollRequest()
{
    QFETCH(int, dialect);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    AccountConfig c = config(Dialect(dialect));
    c.serverUrl = QUrl(QStringLiteral("https://as.example"));
    FlowEndpoints discovered;
    discovered.deviceAuthorizationEndpoint = QUrl(QStringLiteral("https://as.example/device"));
    discovered.tokenEndpoint = QUrl(QStringLiteral("https://as.example/token"));
    const HttpRequest r = DeviceFlow::pollRequest(c, FlowEndpoints::forAccount(c, discovered),
                                                  "DEV/1", Credentials());
    QCOMPARE(r.url.path(), path);
    QCOMPARE(r.body, body);
}

void tst_DeviceFlow::parseStartReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("interval");
    QTest::addColumn<qint64>("expiresIn"); // seconds after the send time
    QTest::addColumn<bool>("complete");
    const int ok = int(K::None);
    QTest::newRow("full") << 200 << startJson(7, 900) << ok << QString() << 7 << qint64(900)
                          << true;
    QTest::newRow("no interval: 5 s")
            << 200 << startJson(-1, 900) << ok << QString() << 5 << qint64(900) << true;
    QTest::newRow("interval 0: 5 s")
            << 200 << startJson(0, 900) << ok << QString() << 5 << qint64(900) << true;
    QTest::newRow("interval as string")
            << 200
            << QByteArray(
                       R"({"device_code":"D","user_code":"U","verification_uri":"https://a.example/d","interval":"10","expires_in":"600"})")
            << ok << QString() << 10 << qint64(600) << false;
    QTest::newRow("no expires_in (Salesforce): 10 min")
            << 200 << startJson(5, -1, false) << ok << QString() << 5 << qint64(600) << false;
    QTest::newRow("huge expires_in capped")
            << 200 << startJson(5, 86400) << ok << QString() << 5 << qint64(3600) << true;
    QTest::newRow("huge interval capped")
            << 200 << startJson(100000, 600) << ok << QString() << 300 << qint64(600) << true;
    QTest::newRow("verification_url (Google)")
            << 200
            << QByteArray(
                       R"({"device_code":"D","user_code":"U","verification_url":"https://a.example/d","expires_in":60})")
            << ok << QString() << 5 << qint64(60) << false;
    QTest::newRow("http verification_uri_complete dropped")
            << 200
            << QByteArray(
                       R"({"device_code":"D","user_code":"U","verification_uri":"https://a.example/d","verification_uri_complete":"http://evil.example/d","expires_in":60})")
            << ok << QString() << 5 << qint64(60) << false;
    QTest::newRow("http verification_uri refused")
            << 200
            << QByteArray(
                       R"({"device_code":"D","user_code":"U","verification_uri":"http://phish.example/d"})")
            << int(K::Config) << "bad_verification_uri" << 0 << qint64(0) << false;
    QTest::newRow("no verification_uri")
            << 200 << QByteArray(R"({"device_code":"D","user_code":"U"})") << int(K::Config)
            << "bad_verification_uri" << 0 << qint64(0) << false;
    QTest::newRow("no user_code")
            << 200 << QByteArray(R"({"device_code":"D","verification_uri":"https://a.example/d"})")
            << int(K::Ambiguous) << "bad_device_response" << 0 << qint64(0) << false;
    QTest::newRow("user_code with control chars")
            << 200
            << QByteArray(
                       R"({"device_code":"D","user_code":"AB\u0007CD","verification_uri":"https://a.example/d"})")
            << int(K::Ambiguous) << "bad_device_response" << 0 << qint64(0) << false;
    QTest::newRow("device_code with CRLF")
            << 200
            << QByteArray(
                       R"({"device_code":"D\r\nX","user_code":"U","verification_uri":"https://a.example/d"})")
            << int(K::Ambiguous) << "bad_device_response" << 0 << qint64(0) << false;
    QTest::newRow("not json") << 200 << QByteArray("<html>") << int(K::Ambiguous)
                              << "unparseable_device_response" << 0 << qint64(0) << false;
    QTest::newRow("200 with error")
            << 200 << QByteArray(R"({"error":"unauthorized_client"})") << int(K::Config)
            << "unauthorized_client" << 0 << qint64(0) << false;
    QTest::newRow("invalid_client")
            << 401 << QByteArray(R"({"error":"invalid_client"})") << int(K::Config)
            << "invalid_client" << 0 << qint64(0) << false;
    QTest::newRow("device flow not enabled (Salesforce)")
            << 400
            << QByteArray(
                       R"({"error":"invalid_request","error_description":"device flow not supported"})")
            << int(K::Config) << "invalid_request" << 0 << qint64(0) << false;
    QTest::newRow("invalid_scope") << 400 << QByteArray(R"({"error":"invalid_scope"})")
                                   << int(K::Scope) << "invalid_scope" << 0 << qint64(0) << false;
    QTest::newRow("404 (old Venafi)")
            << 404 << QByteArray() << int(K::Config) << "http_404" << 0 << qint64(0) << false;
    QTest::newRow("503") << 503 << QByteArray() << int(K::Transient) << "http_503" << 0 << qint64(0)
                         << false;
}

void tst_DeviceFlow::parseStartReply()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(int, interval);
    QFETCH(qint64, expiresIn);
    QFETCH(bool, complete);
    HttpReply reply;
    reply.status = status;
    reply.body = body;
    reply.sentAtMs = m_clock.wallMs() - 300;
    DeviceAuthorization a;
    const AuthError e = DeviceFlow::parseStartReply(reply, m_clock.wallMs(), &a);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.code, code);
    if (e.isError()) {
        QVERIFY(!a.isValid());
        return;
    }
    QVERIFY(a.isValid());
    QVERIFY(!a.deviceCode.isEmpty());
    QVERIFY(!a.verificationUri.isEmpty());
    QCOMPARE(a.intervalSeconds, interval);
    QCOMPARE(a.expiresAtMs, reply.sentAtMs + expiresIn * 1000);
    QCOMPARE(!a.verificationUriComplete.isEmpty(), complete);
}

void tst_DeviceFlow::classifyPoll_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    const int g = int(Dialect::Generic), sf = int(Dialect::Salesforce), v = int(Dialect::Venafi);
    const int ok = int(HttpReply::Transport::Ok);
    const int none = int(K::None);
    const QByteArray tokens =
            R"({"access_token":"AT","token_type":"Bearer","expires_in":60,"refresh_token":"RT"})";
    QTest::newRow("pending") << g << ok << 400 << QByteArray(R"({"error":"authorization_pending"})")
                             << int(O::Pending) << none << QString();
    QTest::newRow("pending (Salesforce)")
            << sf << ok << 400
            << QByteArray(R"({"error":"authorization_pending","error_description":"waiting"})")
            << int(O::Pending) << none << QString();
    QTest::newRow("pending (Venafi)")
            << v << ok << 400 << QByteArray(R"({"error":"authorization_pending"})")
            << int(O::Pending) << none << QString();
    QTest::newRow("pending with 200")
            << g << ok << 200 << QByteArray(R"({"error":"authorization_pending"})")
            << int(O::Pending) << none << QString();
    QTest::newRow("slow_down") << g << ok << 400 << QByteArray(R"({"error":"slow_down"})")
                               << int(O::SlowDown) << none << QString();
    QTest::newRow("slow_down with 429") << g << ok << 429 << QByteArray(R"({"error":"slow_down"})")
                                        << int(O::SlowDown) << none << QString();
    QTest::newRow("access_denied") << g << ok << 400 << QByteArray(R"({"error":"access_denied"})")
                                   << int(O::Denied) << int(K::BadCredentials) << "access_denied";
    QTest::newRow("expired_token") << v << ok << 400 << QByteArray(R"({"error":"expired_token"})")
                                   << int(O::Expired) << int(K::Cancelled) << "expired_token";
    QTest::newRow("tokens") << g << ok << 200 << tokens << int(O::Tokens) << none << QString();
    QTest::newRow("tokens (Salesforce)")
            << sf << ok << 200
            << QByteArray(
                       R"({"access_token":"AT","refresh_token":"RT","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer"})")
            << int(O::Tokens) << none << QString();
    QTest::newRow("tokens (Venafi)")
            << v << ok << 200
            << QByteArray(
                       R"({"access_token":"AT","refresh_token":"RT","expires":1767229200,"refresh_until":1774915200,"token_type":"Bearer"})")
            << int(O::Tokens) << none << QString();
    QTest::newRow("503 backs off") << g << ok << 503 << QByteArray("<html>") << int(O::Backoff)
                                   << int(K::Transient) << "http_503";
    QTest::newRow("429 backs off")
            << g << ok << 429 << QByteArray() << int(O::Backoff) << int(K::Transient) << "http_429";
    QTest::newRow("500 with a JSON pending is still a 5xx")
            << g << ok << 500 << QByteArray(R"({"error":"authorization_pending"})")
            << int(O::Backoff) << int(K::Transient) << "http_500";
    QTest::newRow("timeout backs off")
            << g << int(HttpReply::Transport::Timeout) << 0 << QByteArray() << int(O::Backoff)
            << int(K::Ambiguous) << "timeout";
    QTest::newRow("refused backs off")
            << g << int(HttpReply::Transport::ConnectionRefused) << 0 << QByteArray()
            << int(O::Backoff) << int(K::Transient) << "connection_refused";
    QTest::newRow("offline backs off")
            << g << int(HttpReply::Transport::NetworkDown) << 0 << QByteArray() << int(O::Backoff)
            << int(K::Offline) << "network_down";
    QTest::newRow("tls ends") << g << int(HttpReply::Transport::Tls) << 0 << QByteArray()
                              << int(O::Failed) << int(K::Tls) << "tls";
    QTest::newRow("unparseable 2xx backs off")
            << g << ok << 200 << QByteArray("<html>") << int(O::Backoff) << int(K::Ambiguous)
            << "unparseable_token_response";
    QTest::newRow("invalid_grant ends")
            << g << ok << 400 << QByteArray(R"({"error":"invalid_grant"})") << int(O::Failed)
            << int(K::BadCredentials) << "device_code_rejected";
    QTest::newRow("invalid_client ends")
            << sf << ok << 400 << QByteArray(R"({"error":"invalid_client"})") << int(O::Failed)
            << int(K::Config) << "invalid_client";
    QTest::newRow("redirect ends")
            << g << ok << 302 << QByteArray() << int(O::Failed) << int(K::Redirect) << "redirect";
}

void tst_DeviceFlow::classifyPoll()
{
    QFETCH(int, dialect);
    QFETCH(int, transport);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, outcome);
    QFETCH(int, kind);
    QFETCH(QString, code);
    AccountConfig c = config(Dialect(dialect));
    c.serverUrl = QUrl(QStringLiteral("https://acme.my.salesforce.com"));
    HttpReply reply;
    reply.transport = HttpReply::Transport(transport);
    reply.status = status;
    reply.body = body;
    reply.sentAtMs = m_clock.wallMs();
    const DeviceFlow::PollResult p = DeviceFlow::classifyPoll(c, reply, m_clock.wallMs());
    QCOMPARE(int(p.outcome), outcome);
    QCOMPARE(int(p.result.error.kind), kind);
    QCOMPARE(p.result.error.code, code);
    if (p.outcome == O::Tokens) {
        QCOMPARE(p.result.tokens.accessToken, QByteArray("AT"));
        QCOMPARE(p.result.tokens.refreshToken, QByteArray("RT"));
    }
}

// --- the poller --------------------------------------------------------------------------

void tst_DeviceFlow::polling_data()
{
    // Each script entry: "<status> <json>" or "cut" (the answer breaks off mid-body).
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QList<QByteArray>>("script");
    QTest::addColumn<QList<qint64>>("waits"); // every wait the timer was armed with
    QTest::addColumn<int>("polls");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    const QByteArray pending = R"(400 {"error":"authorization_pending"})";
    const QByteArray slow = R"(400 {"error":"slow_down"})";
    const QByteArray tokens =
            R"(200 {"access_token":"AT","token_type":"Bearer","refresh_token":"RT","expires_in":3600})";
    const int none = int(K::None);
    using L = QList<QByteArray>;
    using W = QList<qint64>;

    QTest::newRow("pending twice, then tokens") << startJson(-1, 600) << L{pending, pending, tokens}
                                                << W{5000, 5000, 5000} << 3 << none << QString();
    QTest::newRow("server interval")
            << startJson(7, 600) << L{pending, tokens} << W{7000, 7000} << 2 << none << QString();
    QTest::newRow("slow_down adds 5 s for this and every later poll")
            << startJson(5, 600) << L{pending, slow, pending, slow, pending, tokens}
            << W{5000, 5000, 10000, 10000, 15000, 15000} << 6 << none << QString();
    QTest::newRow("access_denied ends")
            << startJson(5, 600) << L{pending, R"(400 {"error":"access_denied"})"} << W{5000, 5000}
            << 2 << int(K::BadCredentials) << "access_denied";
    QTest::newRow("expired_token ends")
            << startJson(5, 600) << L{R"(400 {"error":"expired_token"})"} << W{5000} << 1
            << int(K::Cancelled) << "expired_token";
    QTest::newRow("5xx backs off exponentially, pending resets it")
            << startJson(5, 600) << L{"503 {}", "503 {}", "503 {}", pending, "502 <html>", tokens}
            << W{5000, 10000, 20000, 40000, 5000, 10000} << 6 << none << QString();
    QTest::newRow("backoff capped at 60 s")
            << startJson(5, 3600) << L{"503 {}", "503 {}", "503 {}", "503 {}", "503 {}", tokens}
            << W{5000, 10000, 20000, 40000, 60000, 60000} << 6 << none << QString();
    QTest::newRow("a broken-off answer backs off")
            << startJson(5, 600) << L{"cut", tokens} << W{5000, 10000} << 2 << none << QString();
    QTest::newRow("never past expires_in")
            << startJson(5, 12) << L{pending, pending} << W{5000, 5000, 2000} << 2
            << int(K::Cancelled) << "expired_token";
    QTest::newRow("never past expires_in after slow_down")
            << startJson(5, 20) << L{slow, pending} << W{5000, 10000, 5000} << 2
            << int(K::Cancelled) << "expired_token";
    QTest::newRow("backoff stops at expiry")
            << startJson(5, 30) << L{"503 {}", "503 {}"} << W{5000, 10000, 15000} << 2
            << int(K::Cancelled) << "expired_token";
    QTest::newRow("invalid_client ends at once")
            << startJson(5, 600) << L{R"(401 {"error":"invalid_client"})"} << W{5000} << 1
            << int(K::Config) << "invalid_client";
}

void tst_DeviceFlow::polling()
{
    QFETCH(QByteArray, start);
    QFETCH(QList<QByteArray>, script);
    QFETCH(QList<qint64>, waits);
    QFETCH(int, polls);
    QFETCH(int, kind);
    QFETCH(QString, code);

    m_server->enqueue(200, start);
    for (const QByteArray &line : script) {
        TinyHttpResponder::Response r;
        if (line == "cut") {
            r.truncate = true;
        } else {
            r.status = line.left(3).toInt();
            r.body = line.mid(4);
        }
        m_server->enqueue(r);
    }
    AccountConfig c = config(Dialect::Generic);
    FlowEndpoints e;
    e.deviceAuthorizationEndpoint = m_server->url(QStringLiteral("/device"));
    e.tokenEndpoint = m_server->url(QStringLiteral("/token"));
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, FlowEndpoints::forAccount(c, e));
    flow.setTimer(&timer);
    QSignalSpy ready(&flow, &DeviceFlow::authorizationReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    const qint64 startedAt = m_clock.wallMs();
    flow.start();
    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(flow.authorization().userCode, QStringLiteral("WDJB-MJHT"));
    QVERIFY(flow.remainingMs() > 0);
    drive(&flow, &timer);
    QTRY_COMPARE(finished.count(), 1);

    QCOMPARE(timer.delays(), waits);
    QCOMPARE(flow.pollCount(), polls);
    QCOMPARE(m_server->count(), 1 + polls); // what the server saw: the start and each poll
    QCOMPARE(int(flow.error().kind), kind);
    QCOMPARE(flow.error().code, code);
    if (kind == int(K::None)) {
        QCOMPARE(flow.tokens().accessToken, QByteArray("AT"));
        QCOMPARE(flow.tokens().refreshToken, QByteArray("RT"));
    }
    // Every wait ended by the time the code expired: nothing ran (or was sent) after it.
    const qint64 expiresIn = flow.authorization().expiresAtMs - startedAt;
    QVERIFY(std::accumulate(waits.begin(), waits.end(), qint64(0)) <= expiresIn);
    for (const TinyHttpResponder::Request &r : m_server->requests().mid(1))
        QCOMPARE(r.field("device_code"), QByteArray("DEV-123"));
}

void tst_DeviceFlow::salesforceAndVenafiEndToEnd_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QByteArray>("startPath");
    QTest::addColumn<QByteArray>("pollPath");
    QTest::addColumn<QByteArray>("grant");
    QTest::addColumn<QByteArray>("tokens");
    QTest::newRow("salesforce")
            << int(Dialect::Salesforce) << QByteArray("/services/oauth2/token")
            << QByteArray("/services/oauth2/token") << QByteArray("device")
            << QByteArray(
                       R"({"access_token":"AT","refresh_token":"RT","instance_url":"http://127.0.0.1:1","token_type":"Bearer"})");
    QTest::newRow("venafi")
            << int(Dialect::Venafi) << QByteArray("/vedauth/authorize/device")
            << QByteArray("/vedauth/authorize/token")
            << QByteArray("urn:ietf:params:oauth:grant-type:device_code")
            << QByteArray(
                       R"({"access_token":"AT","refresh_token":"RT","expires":1767229200,"token_type":"Bearer"})");
}

void tst_DeviceFlow::salesforceAndVenafiEndToEnd()
{
    QFETCH(int, dialect);
    QFETCH(QByteArray, startPath);
    QFETCH(QByteArray, pollPath);
    QFETCH(QByteArray, grant);
    QFETCH(QByteArray, tokens);
    m_server->enqueue(
            200,
            R"({"device_code":"DEV-9","user_code":"ABCD","verification_uri":"http://127.0.0.1:1/connect","interval":5})");
    m_server->enqueue(400, R"({"error":"authorization_pending"})");
    m_server->enqueue(200, tokens);
    const AccountConfig c = config(Dialect(dialect));
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, FlowEndpoints::forAccount(c));
    flow.setTimer(&timer);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    drive(&flow, &timer);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(!flow.error().isError(), qPrintable(flow.error().toLogString()));
    QCOMPARE(flow.tokens().accessToken, QByteArray("AT"));
    const QList<TinyHttpResponder::Request> seen = m_server->requests();
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen.at(0).path(), startPath);
    QCOMPARE(seen.at(0).header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(seen.at(0).field("client_id"), QByteArray("cli ent"));
    QCOMPARE(seen.at(1).path(), pollPath);
    QCOMPARE(seen.at(1).field("grant_type"), grant);
    QCOMPARE(seen.at(2).field(c.dialect == Dialect::Salesforce ? "code" : "device_code"),
             QByteArray("DEV-9"));
    if (c.dialect == Dialect::Salesforce) {
        QCOMPARE(seen.at(0).field("response_type"), QByteArray("device_code"));
        QCOMPARE(flow.tokens().instanceUrl, QUrl(QStringLiteral("http://127.0.0.1:1")));
    }
}

void tst_DeviceFlow::sleptPastExpiryDoesNotPoll()
{
    m_server->enqueue(200, startJson(5, 600));
    const AccountConfig c = config(Dialect::Generic);
    FlowEndpoints e;
    e.deviceAuthorizationEndpoint = m_server->url(QStringLiteral("/device"));
    e.tokenEndpoint = m_server->url(QStringLiteral("/token"));
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, e);
    flow.setTimer(&timer);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    QTRY_VERIFY(timer.isActive());
    m_clock.jumpWall(700 * 1000); // suspended for longer than the code lives
    QVERIFY(timer.fireNow());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().code, QStringLiteral("expired_token"));
    QCOMPARE(flow.pollCount(), 0);
    QCOMPARE(m_server->count(), 1);
}

void tst_DeviceFlow::startRefused()
{
    m_server->enqueue(
            400,
            R"({"error":"unauthorized_client","error_description":"device grant not enabled"})");
    const AccountConfig c = config(Dialect::Venafi);
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, FlowEndpoints::forAccount(c));
    flow.setTimer(&timer);
    QSignalSpy ready(&flow, &DeviceFlow::authorizationReady);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::Config);
    QCOMPARE(flow.error().code, QStringLiteral("unauthorized_client"));
    QCOMPARE(ready.count(), 0);
    QVERIFY(!timer.isActive());
}

void tst_DeviceFlow::cancelWhilePolling()
{
    m_server->enqueue(200, startJson(5, 600));
    const AccountConfig c = config(Dialect::Generic);
    FlowEndpoints e;
    e.deviceAuthorizationEndpoint = m_server->url(QStringLiteral("/device"));
    e.tokenEndpoint = m_server->url(QStringLiteral("/token"));
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, e);
    flow.setTimer(&timer);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    QTRY_VERIFY(timer.isActive());
    flow.cancel();
    QVERIFY(!timer.isActive());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().kind, K::Cancelled);
    QCOMPARE(flow.error().code, QStringLiteral("cancelled"));
    QVERIFY(flow.authorization().deviceCode.isEmpty()); // wiped
    QCOMPARE(flow.remainingMs(), 0);
}

void tst_DeviceFlow::openBrowserPrefersCompleteUri()
{
    m_server->enqueue(200, startJson(5, 600, true));
    const AccountConfig c = config(Dialect::Generic);
    FlowEndpoints e;
    e.deviceAuthorizationEndpoint = m_server->url(QStringLiteral("/device"));
    e.tokenEndpoint = m_server->url(QStringLiteral("/token"));
    ManualFlowTimer timer(&m_clock);
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, e);
    flow.setTimer(&timer);
    QSignalSpy browser(&flow, &DeviceFlow::openBrowserRequested);
    flow.requestBrowser(); // nothing to open yet
    QCOMPARE(browser.count(), 0);
    flow.start();
    QTRY_VERIFY(timer.isActive());
    flow.requestBrowser();
    QCOMPARE(browser.count(), 1);
    QCOMPARE(browser.at(0).at(0).toUrl(),
             QUrl(QStringLiteral("https://as.example/device?user_code=WDJB-MJHT")));
    QCOMPARE(flow.remainingMs(), 600 * 1000);
}

void tst_DeviceFlow::noDeviceEndpoint()
{
    AccountConfig c = config(Dialect::Generic);
    FlowEndpoints e;
    e.tokenEndpoint = m_server->url(QStringLiteral("/token"));
    DeviceFlow flow(m_http.get(), &m_clock);
    flow.setAccount(c, e);
    QSignalSpy finished(&flow, &DeviceFlow::finished);
    flow.start();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(flow.error().code, QStringLiteral("bad_device_endpoint"));
    QCOMPARE(m_server->count(), 0);
}

QTEST_GUILESS_MAIN(tst_DeviceFlow)
#include "tst_deviceflow.moc"
