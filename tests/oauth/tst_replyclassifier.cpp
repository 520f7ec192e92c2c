#include "ReplyClassifier.h"

#include <QTest>

// The shared part of reliability.md §3.3: transports, 3xx, 408/429/5xx, 404/405, RFC 6749 codes.
class tst_ReplyClassifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transport_data();
    void transport();
    void httpStatus_data();
    void httpStatus();
    void oauthCodes_data();
    void oauthCodes();
    void htmlDetection();
    void cleanText();
};

using K = AuthError::Kind;
using T = HttpReply::Transport;
static constexpr qint64 kNow = 1767225600000LL;

void tst_ReplyClassifier::transport_data()
{
    QTest::addColumn<T>("transport");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("policy") << T::PolicyRefused << K::Config << QStringLiteral("endpoint_policy");
    QTest::newRow("timeout after send") << T::Timeout << K::Ambiguous << QStringLiteral("timeout");
    QTest::newRow("reset after send")
            << T::RemoteClosed << K::Ambiguous << QStringLiteral("connection_closed");
    QTest::newRow("refused") << T::ConnectionRefused << K::Transient
                             << QStringLiteral("connection_refused");
    QTest::newRow("dns") << T::HostNotFound << K::Transient << QStringLiteral("host_not_found");
    QTest::newRow("offline") << T::NetworkDown << K::Offline << QStringLiteral("network_down");
    QTest::newRow("tls") << T::Tls << K::Tls << QStringLiteral("tls");
    QTest::newRow("too large (M-11)")
            << T::TooLarge << K::Transient << QStringLiteral("response_too_large");
    QTest::newRow("aborted") << T::Aborted << K::Cancelled << QStringLiteral("cancelled");
    QTest::newRow("other") << T::Other << K::Ambiguous << QStringLiteral("network_error");
}

void tst_ReplyClassifier::transport()
{
    QFETCH(T, transport);
    QFETCH(K, kind);
    QFETCH(QString, code);
    HttpReply r;
    r.transport = transport;
    r.tlsDetail = QStringLiteral("host=h issuer=i sha256=AA");
    const AuthError e = ReplyClassifier::transportError(r);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
    QCOMPARE(e.httpStatus, 0);
    QCOMPARE(e.detail.isEmpty(), transport != T::Tls);
    QCOMPARE(ReplyClassifier::commonError(r).kind, kind);
}

void tst_ReplyClassifier::httpStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("retryAfterMs");
    const QByteArray html = "<html><body>Bad gateway</body></html>";
    QTest::newRow("200") << 200 << QByteArray() << QByteArray("{}") << K::None << QString()
                         << qint64(-1);
    QTest::newRow("400 is dialect business")
            << 400 << QByteArray() << QByteArray() << K::None << QString() << qint64(-1);
    QTest::newRow("307 (M-09)") << 307 << QByteArray() << QByteArray() << K::Redirect
                                << QStringLiteral("redirect") << qint64(-1);
    QTest::newRow("302") << 302 << QByteArray() << QByteArray() << K::Redirect
                         << QStringLiteral("redirect") << qint64(-1);
    QTest::newRow("408") << 408 << QByteArray() << QByteArray() << K::Transient
                         << QStringLiteral("http_408") << qint64(-1);
    QTest::newRow("429 no Retry-After (M-05)")
            << 429 << QByteArray() << QByteArray() << K::Transient << QStringLiteral("http_429")
            << qint64(-1);
    QTest::newRow("429 Retry-After 30 (M-05)")
            << 429 << QByteArray("30") << QByteArray() << K::Transient << QStringLiteral("http_429")
            << qint64(30000);
    QTest::newRow("503 Retry-After 120 (M-04)")
            << 503 << QByteArray("120") << QByteArray() << K::Transient
            << QStringLiteral("http_503") << qint64(120000);
    QTest::newRow("503 Retry-After date (M-04)")
            << 503 << QByteArray("Thu, 01 Jan 2026 00:01:00 GMT") << QByteArray() << K::Transient
            << QStringLiteral("http_503") << qint64(60000);
    QTest::newRow("503 Retry-After huge (M-04)")
            << 503 << QByteArray("99999999") << QByteArray() << K::Transient
            << QStringLiteral("http_503") << qint64(3600000);
    QTest::newRow("503 Retry-After invalid (M-04)")
            << 503 << QByteArray("-1") << QByteArray() << K::Transient << QStringLiteral("http_503")
            << qint64(-1);
    QTest::newRow("500 with an OAuth body stays transient")
            << 500 << QByteArray() << QByteArray(R"({"error":"invalid_grant"})") << K::Transient
            << QStringLiteral("http_500") << qint64(-1);
    QTest::newRow("502 HTML proxy (M-03)") << 502 << QByteArray() << html << K::Transient
                                           << QStringLiteral("http_502") << qint64(-1);
    QTest::newRow("504 HTML proxy (M-03)") << 504 << QByteArray() << html << K::Transient
                                           << QStringLiteral("http_504") << qint64(-1);
    QTest::newRow("404 (M-32)") << 404 << QByteArray() << QByteArray() << K::Config
                                << QStringLiteral("http_404") << qint64(-1);
    QTest::newRow("405 (M-32)") << 405 << QByteArray() << QByteArray() << K::Config
                                << QStringLiteral("http_405") << qint64(-1);
    QTest::newRow("status 0") << 0 << QByteArray() << QByteArray() << K::Ambiguous
                              << QStringLiteral("bad_status") << qint64(-1);
}

void tst_ReplyClassifier::httpStatus()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    QFETCH(qint64, retryAfterMs);
    HttpReply r;
    r.status = status;
    r.reasonPhrase = "Reason";
    r.body = body;
    r.receivedAtMs = kNow;
    if (!retryAfter.isEmpty())
        r.headers.append(qMakePair(QByteArray("Retry-After"), retryAfter));
    if (status >= 300 && status < 400)
        r.redirectTarget = QUrl(QStringLiteral("https://elsewhere.example/token"));
    const AuthError e = ReplyClassifier::commonHttpError(r);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
    QCOMPARE(e.retryAfterMs, retryAfterMs);
    if (e.isError()) {
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.reasonPhrase, QStringLiteral("Reason"));
    }
    if (kind == K::Redirect)
        QCOMPARE(e.detail, QStringLiteral("elsewhere.example"));
}

void tst_ReplyClassifier::oauthCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<K>("kind");
    QTest::newRow("invalid_grant refresh")
            << QStringLiteral("invalid_grant") << true << K::GrantDead;
    QTest::newRow("invalid_grant password")
            << QStringLiteral("invalid_grant") << false << K::BadCredentials;
    QTest::newRow("invalid_client (M-30)") << QStringLiteral("invalid_client") << true << K::Config;
    QTest::newRow("invalid_scope (M-31)") << QStringLiteral("invalid_scope") << true << K::Scope;
    QTest::newRow("unauthorized_client (M-31)")
            << QStringLiteral("unauthorized_client") << true << K::Config;
    QTest::newRow("unsupported_grant_type (M-31)")
            << QStringLiteral("unsupported_grant_type") << false << K::Config;
    QTest::newRow("invalid_request (M-31)")
            << QStringLiteral("invalid_request") << true << K::Config;
    QTest::newRow("temporarily_unavailable")
            << QStringLiteral("temporarily_unavailable") << true << K::Transient;
    QTest::newRow("server_error") << QStringLiteral("server_error") << true << K::Transient;
    QTest::newRow("unknown") << QStringLiteral("made_up") << true << K::Config;
}

void tst_ReplyClassifier::oauthCodes()
{
    QFETCH(QString, code);
    QFETCH(bool, refresh);
    QFETCH(K, kind);
    const AuthError e = ReplyClassifier::oauthError(code, QStringLiteral("why\r\nnot"),
                                                    refresh ? OAuthDialect::Grant::Refresh
                                                            : OAuthDialect::Grant::Password);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
    QCOMPARE(e.description, QStringLiteral("why not"));
}

void tst_ReplyClassifier::htmlDetection()
{
    HttpReply r;
    r.body = "  <!DOCTYPE html><html></html>";
    QVERIFY(ReplyClassifier::looksLikeHtml(r));
    r.body = R"({"error":"x"})";
    QVERIFY(!ReplyClassifier::looksLikeHtml(r));
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html")));
    QVERIFY(ReplyClassifier::looksLikeHtml(r));
}

void tst_ReplyClassifier::cleanText()
{
    QCOMPARE(ReplyClassifier::cleanText(QByteArray("a\x01\tb\n")), QStringLiteral("a b"));
    QCOMPARE(ReplyClassifier::cleanText(QString(1000, QLatin1Char('x'))).size(), 300);
}

QTEST_GUILESS_MAIN(tst_ReplyClassifier)
#include "tst_replyclassifier.moc"
