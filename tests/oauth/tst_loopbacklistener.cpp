#include "LoopbackListener.h"
#include "ManualFlowTimer.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

// The RFC 8252 loopback receiver (reliability.md S-11, S-12, M-62, M-64): a pure table for
// how each request is judged, then real QNetworkAccessManager / QTcpSocket clients against a
// bound listener, with /proc/net/tcp proving it listens on 127.0.0.1 only and is gone after.
class tst_LoopbackListener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void judge_data();
    void judge();
    void pageNeverReflectsTheRequest();
    void afterBindError_data();
    void afterBindError();
    void redirectUriFor();

    void listensOnIpv4LoopbackOnly();
    void oneValidRedirectThenClosed();
    void garbageWrongPathAndWrongStateKeepWaiting();
    void accessDeniedEnds();
    void issuerMismatchEnds();
    void timeoutWithManualTimer();
    void timeoutWithRealTimer();
    void slowConnectionIsDropped();
    void oversizedRequestIsRefused();
    void manyConnectionsDoNotBreakIt();
    void browserClosingMidRequest();
    void fixedPortListTakesFirstFree();
    void allFixedPortsTaken();
    void neverAllInterfaces();
    void ipv6WhenAsked();
    void cancelClosesThePort();
    void deleteFromFinishedSlotStillDeliversPage();

private:
    static QByteArray head(const QByteArray &target)
    {
        return QByteArrayLiteral("GET ") + target + QByteArrayLiteral(" HTTP/1.1\r\nHost: x\r\n");
    }
    static LoopbackListener::Expectation expectation(bool issuerRequired = false)
    {
        LoopbackListener::Expectation e;
        e.state = kState;
        e.issuer = QStringLiteral("https://as.example/t1");
        e.issuerRequired = issuerRequired;
        return e;
    }
    // Local addresses (hex, as /proc/net/tcp{,6} prints them) in LISTEN state on `port`.
    static QStringList listeners(quint16 port);
    static QUrl callback(const LoopbackListener &l, const QList<QPair<QString, QString>> &items);
    // GET through QNAM; returns status (0 on a transport error) and the body.
    int get(const QUrl &url, QByteArray *body = nullptr,
            QNetworkReply::NetworkError *error = nullptr);
    // Raw bytes through a socket; returns everything the listener sent before closing.
    QByteArray raw(quint16 port, const QByteArray &bytes);

    static constexpr char kState[] = "s7aTe-value_0123456789abcdefghijklmnopqrstu";
    QNetworkAccessManager m_nam;
};

constexpr char tst_LoopbackListener::kState[];
using K = AuthError::Kind;

QStringList tst_LoopbackListener::listeners(quint16 port)
{
    QStringList out;
    const QString suffix = QStringLiteral(":%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const char *file : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() > 3 && cols.at(3) == "0A"
                && QString::fromLatin1(cols.at(1)).endsWith(suffix))
                out << QString::fromLatin1(cols.at(1));
        }
    }
    return out;
}

QUrl tst_LoopbackListener::callback(const LoopbackListener &l,
                                    const QList<QPair<QString, QString>> &items)
{
    QUrl url = l.redirectUri();
    QUrlQuery q;
    q.setQueryItems(items);
    url.setQuery(q);
    return url;
}

int tst_LoopbackListener::get(const QUrl &url, QByteArray *body, QNetworkReply::NetworkError *error)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!done.wait(5000))
        return -1;
    if (body)
        *body = reply->readAll();
    if (error)
        *error = reply->error();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QByteArray tst_LoopbackListener::raw(quint16 port, const QByteArray &bytes)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return QByteArrayLiteral("<no connection>");
    s.write(bytes);
    QByteArray got;
    QSignalSpy closed(&s, &QTcpSocket::disconnected);
    QSignalSpy data(&s, &QTcpSocket::readyRead);
    while (s.state() == QAbstractSocket::ConnectedState
           && (closed.count() || closed.wait(3000) || data.count())) {
        got += s.readAll();
        if (closed.count())
            break;
    }
    got += s.readAll();
    return got;
}

void tst_LoopbackListener::judge_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("issuerRequired");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("finishes");
    QTest::addColumn<QByteArray>("code"); // on success
    QTest::addColumn<int>("kind"); // AuthError::Kind when it finishes with an error
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QByteArray>("reason");

    const QByteArray s = QByteArray("state=") + kState;
    const QByteArray iss = "iss=https%3A%2F%2Fas.example%2Ft1";
    const int none = int(K::None);

    QTest::newRow("valid") << head("/callback?code=abc&" + s) << false << 200 << true
                           << QByteArray("abc") << none << QString() << QByteArray("code");
    QTest::newRow("valid, state first, extra params")
            << head("/callback?" + s + "&session_state=x&code=A.b-c_d~e&scope=openid") << false
            << 200 << true << QByteArray("A.b-c_d~e") << none << QString() << QByteArray("code");
    QTest::newRow("percent-encoded code")
            << head("/callback?code=a%2Fb%3D&" + s) << false << 200 << true << QByteArray("a/b=")
            << none << QString() << QByteArray("code");
    QTest::newRow("HTTP/1.0 and LF only")
            << QByteArray("GET /callback?code=abc&" + s + " HTTP/1.0\nHost: x\n") << false << 200
            << true << QByteArray("abc") << none << QString() << QByteArray("code");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00 binary") << false << 400 << false
                             << QByteArray() << none << QString() << QByteArray("bad_request");
    QTest::newRow("empty") << QByteArray() << false << 400 << false << QByteArray() << none
                           << QString() << QByteArray("bad_request");
    QTest::newRow("absolute-form target")
            << QByteArray("GET http://127.0.0.1/callback?code=x&" + s + " HTTP/1.1\r\n") << false
            << 400 << false << QByteArray() << none << QString() << QByteArray("bad_request");
    QTest::newRow("not HTTP") << QByteArray("GET /callback?code=x&" + s + " SPDY/3\r\n") << false
                              << 400 << false << QByteArray() << none << QString()
                              << QByteArray("bad_request");
    QTest::newRow("POST (form_post not used)")
            << QByteArray("POST /callback HTTP/1.1\r\n") << false << 405 << false << QByteArray()
            << none << QString() << QByteArray("method");
    QTest::newRow("favicon") << head("/favicon.ico") << false << 404 << false << QByteArray()
                             << none << QString() << QByteArray("wrong_path");
    QTest::newRow("root with code, no state (M-62)")
            << head("/?code=x") << false << 404 << false << QByteArray() << none << QString()
            << QByteArray("wrong_path");
    QTest::newRow("path prefix") << head("/callbackx?code=x&" + s) << false << 404 << false
                                 << QByteArray() << none << QString() << QByteArray("wrong_path");
    QTest::newRow("trailing slash")
            << head("/callback/?code=x&" + s) << false << 404 << false << QByteArray() << none
            << QString() << QByteArray("wrong_path");
    QTest::newRow("fragment") << head("/callback?code=x&" + s + "#f") << false << 400 << false
                              << QByteArray() << none << QString() << QByteArray("bad_request");
    QTest::newRow("missing state")
            << head("/callback?code=x") << false << 400 << false << QByteArray() << none
            << QString() << QByteArray("missing_state");
    QTest::newRow("wrong state") << head("/callback?code=x&state=nope") << false << 400 << false
                                 << QByteArray() << none << QString()
                                 << QByteArray("state_mismatch");
    QTest::newRow("state prefix") << head("/callback?code=x&state=" + QByteArray(kState).left(20))
                                  << false << 400 << false << QByteArray() << none << QString()
                                  << QByteArray("state_mismatch");
    QTest::newRow("state with suffix")
            << head("/callback?code=x&" + s + "X") << false << 400 << false << QByteArray() << none
            << QString() << QByteArray("state_mismatch");
    QTest::newRow("empty state") << head("/callback?code=x&state=") << false << 400 << false
                                 << QByteArray() << none << QString()
                                 << QByteArray("state_mismatch");
    QTest::newRow("state twice") << head("/callback?code=x&" + s + "&" + s) << false << 400 << false
                                 << QByteArray() << none << QString()
                                 << QByteArray("duplicate_parameter");
    QTest::newRow("code twice") << head("/callback?code=x&code=y&" + s) << false << 400 << false
                                << QByteArray() << none << QString()
                                << QByteArray("duplicate_parameter");
    QTest::newRow("denied with wrong state is ignored (CSRF)")
            << head("/callback?error=access_denied&state=other") << false << 400 << false
            << QByteArray() << none << QString() << QByteArray("state_mismatch");
    QTest::newRow("access_denied")
            << head("/callback?error=access_denied&" + s) << false << 200 << true << QByteArray()
            << int(K::BadCredentials) << QStringLiteral("access_denied") << QByteArray("error");
    QTest::newRow("invalid_scope")
            << head("/callback?error=invalid_scope&" + s) << false << 200 << true << QByteArray()
            << int(K::Scope) << QStringLiteral("invalid_scope") << QByteArray("error");
    QTest::newRow("temporarily_unavailable")
            << head("/callback?error=temporarily_unavailable&" + s) << false << 200 << true
            << QByteArray() << int(K::Transient) << QStringLiteral("temporarily_unavailable")
            << QByteArray("error");
    QTest::newRow("unauthorized_client")
            << head("/callback?error=unauthorized_client&" + s) << false << 200 << true
            << QByteArray() << int(K::Config) << QStringLiteral("unauthorized_client")
            << QByteArray("error");
    QTest::newRow("missing code") << head("/callback?" + s) << false << 200 << true << QByteArray()
                                  << int(K::Config) << QStringLiteral("missing_code")
                                  << QByteArray("missing_code");
    QTest::newRow("code with space")
            << head("/callback?code=a+b&" + s) << false << 200 << true << QByteArray()
            << int(K::Config) << QStringLiteral("malformed_code") << QByteArray("malformed_code");
    QTest::newRow("code with CRLF")
            << head("/callback?code=a%0D%0Ab&" + s) << false << 200 << true << QByteArray()
            << int(K::Config) << QStringLiteral("malformed_code") << QByteArray("malformed_code");
    QTest::newRow("iss matches, required")
            << head("/callback?code=abc&" + s + "&" + iss) << true << 200 << true
            << QByteArray("abc") << none << QString() << QByteArray("code");
    QTest::newRow("iss missing, required")
            << head("/callback?code=abc&" + s) << true << 200 << true << QByteArray()
            << int(K::Config) << QStringLiteral("iss_missing") << QByteArray("iss_missing");
    QTest::newRow("iss wrong, required")
            << head("/callback?code=abc&" + s + "&iss=https%3A%2F%2Fevil.example") << true << 200
            << true << QByteArray() << int(K::Config) << QStringLiteral("iss_mismatch")
            << QByteArray("iss_mismatch");
    QTest::newRow("iss wrong, not announced: still checked (RFC 9207 §2.4)")
            << head("/callback?code=abc&" + s + "&iss=https%3A%2F%2Fas.example%2Ft1%2F") << false
            << 200 << true << QByteArray() << int(K::Config) << QStringLiteral("iss_mismatch")
            << QByteArray("iss_mismatch");
    QTest::newRow("iss checked on an error response")
            << head("/callback?error=access_denied&" + s + "&iss=x") << true << 200 << true
            << QByteArray() << int(K::Config) << QStringLiteral("iss_mismatch")
            << QByteArray("iss_mismatch");
    QTest::newRow("iss missing, not announced")
            << head("/callback?code=abc&" + s) << false << 200 << true << QByteArray("abc") << none
            << QString() << QByteArray("code");
}

void tst_LoopbackListener::judge()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, issuerRequired);
    QFETCH(int, status);
    QFETCH(bool, finishes);
    QFETCH(QByteArray, code);
    QFETCH(int, kind);
    QFETCH(QString, errorCode);
    QFETCH(QByteArray, reason);

    const LoopbackListener::Verdict v =
            LoopbackListener::judge(request, expectation(issuerRequired));
    QCOMPARE(v.status, status);
    QCOMPARE(v.finishes, finishes);
    QCOMPARE(v.reason, reason);
    QCOMPARE(v.result.code, code);
    QCOMPARE(int(v.result.error.kind), kind);
    QCOMPARE(v.result.error.code, errorCode);
    QCOMPARE(v.result.ok(), finishes && kind == int(K::None));
}

void tst_LoopbackListener::pageNeverReflectsTheRequest()
{
    const QByteArray marker = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    const QList<QByteArray> requests = {
            head("/callback?code=SECRETCODE&state=" + QByteArray(kState) + "&x=" + marker),
            head("/callback?error=access_denied&error_description=" + marker + "&state=" + kState),
            head("/callback?code=SECRETCODE&state=wrong" + marker),
            head("/" + marker),
            QByteArray("<script>alert(1)</script>"),
    };
    for (const QByteArray &r : requests) {
        const QByteArray page =
                LoopbackListener::responseFor(LoopbackListener::judge(r, expectation()));
        QVERIFY(page.startsWith("HTTP/1.1 "));
        QVERIFY2(!page.contains("script"), page.constData());
        QVERIFY(!page.contains("SECRETCODE"));
        QVERIFY(!page.contains("alert"));
        QVERIFY(page.contains("You can close this tab."));
        QVERIFY(page.contains("Content-Security-Policy: default-src 'none'"));
        QVERIFY(page.contains("Cache-Control: no-store"));
        QVERIFY(page.contains("Connection: close"));
        const qsizetype split = page.indexOf("\r\n\r\n");
        const QByteArray length = "Content-Length: " + QByteArray::number(page.size() - split - 4);
        QVERIFY(page.contains(length));
    }
}

void tst_LoopbackListener::afterBindError_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("step");
    using S = LoopbackListener::BindStep;
    QTest::newRow("port in use: next port (M-64)")
            << int(QAbstractSocket::AddressInUseError) << int(S::NextPort);
    QTest::newRow("IPv4 loopback unavailable: try ::1 (M-64)")
            << int(QAbstractSocket::SocketAddressNotAvailableError) << int(S::NextAddress);
    QTest::newRow("unsupported family")
            << int(QAbstractSocket::UnsupportedSocketOperationError) << int(S::NextAddress);
    QTest::newRow("privileged port")
            << int(QAbstractSocket::SocketAccessError) << int(S::NextAddress);
}

void tst_LoopbackListener::afterBindError()
{
    QFETCH(int, error);
    QFETCH(int, step);
    QCOMPARE(int(LoopbackListener::afterBindError(QAbstractSocket::SocketError(error))), step);
}

void tst_LoopbackListener::redirectUriFor()
{
    QCOMPARE(LoopbackListener::redirectUriFor(QHostAddress(QHostAddress::LocalHost), 1717,
                                              "/callback")
                     .toString(),
             QStringLiteral("http://127.0.0.1:1717/callback"));
    QCOMPARE(LoopbackListener::redirectUriFor(QHostAddress(QHostAddress::LocalHostIPv6), 50000,
                                              "/callback")
                     .toString(),
             QStringLiteral("http://[::1]:50000/callback"));
    LoopbackListener unbound;
    QVERIFY(unbound.redirectUri().isEmpty());
}

void tst_LoopbackListener::listensOnIpv4LoopbackOnly()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QVERIFY(l.listen());
    QVERIFY(l.isListening());
    QVERIFY(l.port() > 1023); // ephemeral
    QCOMPARE(l.address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(l.redirectUri().toString(),
             QStringLiteral("http://127.0.0.1:%1/callback").arg(l.port()));
    const QStringList found = listeners(l.port());
    QCOMPARE(found,
             QStringList{QStringLiteral("0100007F:%1")
                                 .arg(l.port(), 4, 16, QLatin1Char('0'))
                                 .toUpper()});
}

void tst_LoopbackListener::oneValidRedirectThenClosed()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    const quint16 port = l.port();
    const QUrl url = callback(l,
                              {{QStringLiteral("code"), QStringLiteral("the-code")},
                               {QStringLiteral("state"), QString::fromLatin1(kState)}});
    QByteArray body;
    QCOMPARE(get(url, &body), 200);
    QVERIFY(body.contains("You can close this tab."));
    QVERIFY(!body.contains("the-code"));
    QTRY_COMPARE(finished.count(), 1);
    const auto result = finished.at(0).at(0).value<LoopbackResult>();
    QVERIFY(result.ok());
    QCOMPARE(result.code, QByteArray("the-code"));
    QCOMPARE(l.result().code, QByteArray("the-code"));
    QVERIFY(l.isFinished());
    QVERIFY(!l.isListening());
    QCOMPARE(listeners(port), QStringList());

    // The replay (the same redirect again) finds nothing listening.
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QCOMPARE(get(url, nullptr, &error), 0);
    QCOMPARE(error, QNetworkReply::ConnectionRefusedError);
    QTest::qWait(0);
    QCOMPARE(finished.count(), 1);
}

void tst_LoopbackListener::garbageWrongPathAndWrongStateKeepWaiting()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QSignalSpy rejected(&l, &LoopbackListener::requestRejected);
    QVERIFY(l.listen());

    QByteArray answer = raw(l.port(), QByteArray("\x00\x01\x02garbage\r\n\r\n", 14));
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
    QCOMPARE(get(QUrl(l.redirectUri().toString().replace(QStringLiteral("/callback"),
                                                         QStringLiteral("/favicon.ico")))),
             404);
    QCOMPARE(get(callback(l, {{QStringLiteral("code"), QStringLiteral("x")}})), 400);
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("x")},
                           {QStringLiteral("state"), QStringLiteral("forged")}})),
             400);
    QCOMPARE(rejected.count(), 4);
    QCOMPARE(rejected.at(3).at(1).toByteArray(), QByteArray("state_mismatch"));
    QCOMPARE(finished.count(), 0);
    QVERIFY(l.isListening());
    QCOMPARE(listeners(l.port()).size(), 1);

    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("good")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}})),
             200);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().code, QByteArray("good"));
}

void tst_LoopbackListener::accessDeniedEnds()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    const quint16 port = l.port();
    QByteArray body;
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("error"), QStringLiteral("access_denied")},
                           {QStringLiteral("error_description"), QStringLiteral("User said no")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}}),
                 &body),
             200);
    QVERIFY(body.contains("not completed"));
    QVERIFY(!body.contains("User said no"));
    QTRY_COMPARE(finished.count(), 1);
    const LoopbackResult r = l.result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, K::BadCredentials);
    QCOMPARE(r.error.code, QStringLiteral("access_denied"));
    QCOMPARE(r.error.description, QStringLiteral("User said no"));
    QCOMPARE(listeners(port), QStringList());
}

void tst_LoopbackListener::issuerMismatchEnds()
{
    LoopbackListener l;
    l.setExpectation(expectation(true));
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("c")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)},
                           {QStringLiteral("iss"), QStringLiteral("https://mixup.example")}})),
             200);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().error.code, QStringLiteral("iss_mismatch"));
    QVERIFY(l.result().code.isEmpty()); // the code of a mixed-up response is never handed out
}

void tst_LoopbackListener::timeoutWithManualTimer()
{
    ManualClock clock;
    ManualFlowTimer timer(&clock);
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setTimer(&timer);
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    const quint16 port = l.port();
    QCOMPARE(timer.lastDelayMs(), LoopbackListener::kDefaultTimeoutMs); // 10 minutes
    QVERIFY(!timer.advance(LoopbackListener::kDefaultTimeoutMs - 1));
    QVERIFY(l.isListening());
    QVERIFY(timer.advance(1));
    QVERIFY(!l.isListening());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().error.kind, K::Cancelled);
    QCOMPARE(l.result().error.code, QStringLiteral("sign_in_timeout"));
    QCOMPARE(listeners(port), QStringList());
}

void tst_LoopbackListener::timeoutWithRealTimer()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setTimeoutMs(100);
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().error.code, QStringLiteral("sign_in_timeout"));
}

void tst_LoopbackListener::slowConnectionIsDropped()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setReadTimeoutMs(150);
    QVERIFY(l.listen());
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, l.port());
    QVERIFY(slow.waitForConnected(3000));
    slow.write("GET /callb");
    QTRY_COMPARE(slow.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(l.isListening());
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("c")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}})),
             200);
    QTRY_COMPARE(finished.count(), 1);
}

void tst_LoopbackListener::oversizedRequestIsRefused()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QVERIFY(l.listen());
    const QByteArray huge = "GET /callback?code=" + QByteArray(20000, 'a');
    const QByteArray answer = raw(l.port(), huge);
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(40).constData());
    QVERIFY(l.isListening());
    QVERIFY(!l.isFinished());
}

void tst_LoopbackListener::manyConnectionsDoNotBreakIt()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QVERIFY(l.listen());
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, l.port());
    }
    for (auto &s : idle)
        QVERIFY(s->waitForConnected(3000));
    // Those beyond the cap are closed at once; the listener keeps working.
    QTRY_VERIFY(std::count_if(idle.begin(), idle.end(),
                              [](const auto &s) {
                                  return s->state() == QAbstractSocket::UnconnectedState;
                              })
                >= 40 - LoopbackListener::kMaxConnections);
    QCOMPARE(l.connectionCount(), LoopbackListener::kMaxConnections);
    idle.clear(); // the browser's real connection gets a slot again
    QTRY_COMPARE(l.connectionCount(), 0);
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("c")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}})),
             200);
    QTRY_COMPARE(finished.count(), 1);
}

void tst_LoopbackListener::browserClosingMidRequest()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QVERIFY(l.listen());
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, l.port());
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /callback?code=x&state=");
        QVERIFY(s.waitForBytesWritten(3000));
        s.abort();
    }
    QTRY_COMPARE(l.connectionCount(), 0); // the listener saw the reset and forgot it
    QVERIFY(l.isListening());
    QVERIFY(!l.isFinished());
}

void tst_LoopbackListener::fixedPortListTakesFirstFree()
{
    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
    quint16 freePort = 0;
    {
        QTcpServer probe; // the test may probe; the listener itself never does
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        freePort = probe.serverPort();
    }
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setPorts({occupied.serverPort(), freePort});
    QVERIFY(l.listen());
    QCOMPARE(l.port(), freePort);
    QCOMPARE(l.address(), QHostAddress(QHostAddress::LocalHost)); // not [::1] on the taken port
    QCOMPARE(l.redirectUri().port(), int(freePort));
}

void tst_LoopbackListener::allFixedPortsTaken()
{
    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setPorts({occupied.serverPort()});
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(!l.listen());
    QVERIFY(!l.isListening());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().error.kind, K::Config);
    QCOMPARE(l.result().error.code, QStringLiteral("listener_unavailable"));
    QVERIFY(l.result().error.detail.contains(QString::number(occupied.serverPort())));
    QCOMPARE(listeners(occupied.serverPort()).size(), 1); // only the other server
}

void tst_LoopbackListener::neverAllInterfaces()
{
    for (int i = 0; i < 4; ++i)
        QTest::ignoreMessage(QtWarningMsg,
                             "loopback: refusing to listen on a non-loopback address");
    LoopbackListener l;
    l.setAddresses({QHostAddress(QHostAddress::Any), QHostAddress(QHostAddress::AnyIPv6),
                    QHostAddress(QStringLiteral("127.0.0.2")),
                    QHostAddress(QStringLiteral("192.0.2.1"))});
    QVERIFY(l.addresses().isEmpty());
    QVERIFY(!l.listen());
    QCOMPARE(l.result().error.code, QStringLiteral("listener_unavailable"));
}

void tst_LoopbackListener::ipv6WhenAsked()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("this host has no IPv6 loopback");
    probe.close();
    LoopbackListener l;
    l.setExpectation(expectation());
    l.setAddresses({QHostAddress(QHostAddress::LocalHostIPv6)});
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    QCOMPARE(l.redirectUri().toString(), QStringLiteral("http://[::1]:%1/callback").arg(l.port()));
    QCOMPARE(listeners(l.port()),
             QStringList{QStringLiteral("00000000000000000000000001000000:%1")
                                 .arg(l.port(), 4, 16, QLatin1Char('0'))
                                 .toUpper()});
    QCOMPARE(get(callback(l,
                          {{QStringLiteral("code"), QStringLiteral("v6")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}})),
             200);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().code, QByteArray("v6"));
}

void tst_LoopbackListener::cancelClosesThePort()
{
    LoopbackListener l;
    l.setExpectation(expectation());
    QSignalSpy finished(&l, &LoopbackListener::finished);
    QVERIFY(l.listen());
    const quint16 port = l.port();
    l.cancel();
    l.cancel(); // idempotent
    QCOMPARE(listeners(port), QStringList());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(l.result().error.kind, K::Cancelled);
    QCOMPARE(l.result().error.code, QStringLiteral("cancelled"));
    QTest::qWait(0);
    QCOMPARE(finished.count(), 1);
}

void tst_LoopbackListener::deleteFromFinishedSlotStillDeliversPage()
{
    QPointer<LoopbackListener> l = new LoopbackListener;
    l->setExpectation(expectation());
    QByteArray code;
    connect(l, &LoopbackListener::finished, this, [&](const LoopbackResult &r) {
        code = r.code;
        delete l.data();
    });
    QVERIFY(l->listen());
    QByteArray body;
    QCOMPARE(get(callback(*l,
                          {{QStringLiteral("code"), QStringLiteral("c")},
                           {QStringLiteral("state"), QString::fromLatin1(kState)}}),
                 &body),
             200);
    QVERIFY(body.contains("You can close this tab."));
    QTRY_VERIFY(l.isNull());
    QCOMPARE(code, QByteArray("c"));
}

QTEST_GUILESS_MAIN(tst_LoopbackListener)
#include "tst_loopbacklistener.moc"
