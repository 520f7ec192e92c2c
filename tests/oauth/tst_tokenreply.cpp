#include "TokenReply.h"

#include <QTest>

// The token-body checks every dialect shares (M-12, M-13, M-17, M-20, M-21, M-22).
class tst_TokenReply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellFormedToken_data();
    void wellFormedToken();
    void body_data();
    void body();
};

using K = AuthError::Kind;
using Grant = OAuthDialect::Grant;

void tst_TokenReply::wellFormedToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("ok");
    QTest::newRow("venafi base64") << QByteArray("KT2E+/abc==") << true;
    QTest::newRow("salesforce") << QByteArray("00Dxx0000001gPL!AR8AQJXg.abc") << true;
    QTest::newRow("jwt") << QByteArray("eyJhbGciOi.eyJzdWIi.sig_-") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("CR") << QByteArray("abc\rdef") << false;
    QTest::newRow("LF") << QByteArray("abc\nInjected: 1") << false;
    QTest::newRow("NUL") << QByteArray("abc\0def", 7) << false;
    QTest::newRow("space") << QByteArray("abc def") << false;
    QTest::newRow("tab") << QByteArray("abc\tdef") << false;
    QTest::newRow("DEL") << QByteArray("abc\x7f") << false;
    QTest::newRow("non-ASCII") << QByteArray("t\xc3\xa9st") << false;
}

void tst_TokenReply::wellFormedToken()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, ok);
    QCOMPARE(TokenReply::isWellFormedToken(token), ok);
}

void tst_TokenReply::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("accessToken");
    QTest::addColumn<QByteArray>("refreshToken");

    const QByteArray none;
    QTest::newRow("ok, rotated") << QByteArray(R"({"access_token":"AT2","refresh_token":"RT2"})")
                                 << true << K::None << QString() << QByteArray("AT2")
                                 << QByteArray("RT2");
    QTest::newRow("refresh keeps old RT (M-17)")
            << QByteArray(R"({"access_token":"AT2"})") << true << K::None << QString()
            << QByteArray("AT2") << QByteArray("RT1");
    QTest::newRow("empty RT string keeps old")
            << QByteArray(R"({"access_token":"AT2","refresh_token":""})") << true << K::None
            << QString() << QByteArray("AT2") << QByteArray("RT1");
    QTest::newRow("null RT keeps old")
            << QByteArray(R"({"access_token":"AT2","refresh_token":null})") << true << K::None
            << QString() << QByteArray("AT2") << QByteArray("RT1");
    QTest::newRow("login without RT") << QByteArray(R"({"access_token":"AT2"})") << false << K::None
                                      << QString() << QByteArray("AT2") << none;
    QTest::newRow("bearer lower case (M-21)")
            << QByteArray(R"({"access_token":"A","token_type":"bearer"})") << true << K::None
            << QString() << QByteArray("A") << QByteArray("RT1");
    QTest::newRow("BEARER (M-21)")
            << QByteArray(R"({"access_token":"A","token_type":"BEARER"})") << true << K::None
            << QString() << QByteArray("A") << QByteArray("RT1");
    QTest::newRow("DPoP (M-21)") << QByteArray(R"({"access_token":"A","token_type":"DPoP"})")
                                 << true << K::Config << QStringLiteral("unsupported_token_type")
                                 << none << none;
    QTest::newRow("mac (M-21)") << QByteArray(R"({"access_token":"A","token_type":"mac"})") << true
                                << K::Config << QStringLiteral("unsupported_token_type") << none
                                << none;
    QTest::newRow("numeric type") << QByteArray(R"({"access_token":"A","token_type":7})") << true
                                  << K::Config << QStringLiteral("unsupported_token_type") << none
                                  << none;
    QTest::newRow("malformed JSON (M-12)")
            << QByteArray(R"({"access_token":"A")") << true << K::Ambiguous
            << QStringLiteral("unparseable_token_response") << none << none;
    QTest::newRow("HTML (M-12)") << QByteArray("<html>hi</html>") << true << K::Ambiguous
                                 << QStringLiteral("unparseable_token_response") << none << none;
    QTest::newRow("empty body (M-12)")
            << QByteArray() << true << K::Ambiguous << QStringLiteral("unparseable_token_response")
            << none << none;
    QTest::newRow("array (M-12)") << QByteArray("[]") << true << K::Ambiguous
                                  << QStringLiteral("unparseable_token_response") << none << none;
    QTest::newRow("missing AT (M-13)")
            << QByteArray(R"({"refresh_token":"RT2"})") << true << K::Ambiguous
            << QStringLiteral("missing_access_token") << none << none;
    QTest::newRow("numeric AT (M-13)")
            << QByteArray(R"({"access_token":123})") << true << K::Ambiguous
            << QStringLiteral("missing_access_token") << none << none;
    QTest::newRow("null AT (M-13)")
            << QByteArray(R"({"access_token":null})") << true << K::Ambiguous
            << QStringLiteral("missing_access_token") << none << none;
    QTest::newRow("empty AT (M-13)") << QByteArray(R"({"access_token":""})") << true << K::Ambiguous
                                     << QStringLiteral("malformed_access_token") << none << none;
    QTest::newRow("AT with CRLF (M-20)")
            << QByteArray(R"({"access_token":"a\r\nX-Evil: 1"})") << true << K::Ambiguous
            << QStringLiteral("malformed_access_token") << none << none;
    QTest::newRow("AT with NUL (M-20)")
            << QByteArray(R"({"access_token":"a\u0000b"})") << true << K::Ambiguous
            << QStringLiteral("malformed_access_token") << none << none;
    QTest::newRow("AT with space (M-20)")
            << QByteArray(R"({"access_token":"a b"})") << true << K::Ambiguous
            << QStringLiteral("malformed_access_token") << none << none;
    QTest::newRow("AT non-ASCII (M-20)")
            << QByteArray(R"({"access_token":"\u00e9t\u00e9"})") << true << K::Ambiguous
            << QStringLiteral("malformed_access_token") << none << none;
    QTest::newRow("RT with LF (M-20)")
            << QByteArray(R"({"access_token":"A","refresh_token":"r\nx"})") << true << K::Ambiguous
            << QStringLiteral("malformed_refresh_token") << none << none;
    QTest::newRow("numeric RT") << QByteArray(R"({"access_token":"A","refresh_token":5})") << true
                                << K::Ambiguous << QStringLiteral("malformed_refresh_token") << none
                                << none;
    QTest::newRow("200 + error (M-22)")
            << QByteArray(R"({"error":"invalid_grant"})") << true << K::GrantDead
            << QStringLiteral("invalid_grant") << none << none;
    QTest::newRow("200 + error on login (M-22)")
            << QByteArray(R"({"error":"invalid_grant","access_token":"A"})") << false
            << K::BadCredentials << QStringLiteral("invalid_grant") << none << none;
    QTest::newRow("unknown members ignored (M-19)")
            << QByteArray(R"({"access_token":"A","id_token":{"x":[1,2]},"foo":null})") << true
            << K::None << QString() << QByteArray("A") << QByteArray("RT1");
    QTest::newRow("duplicate keys deterministic (M-19)")
            << QByteArray(R"({"access_token":"A","access_token":"B"})") << true << K::None
            << QString() << QByteArray("B") << QByteArray("RT1");
}

void tst_TokenReply::body()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, refresh);
    QFETCH(K, kind);
    QFETCH(QString, code);
    QFETCH(QByteArray, accessToken);
    QFETCH(QByteArray, refreshToken);
    HttpReply r;
    r.status = 200;
    r.body = body;
    r.sentAtMs = 1000;
    TokenSet previous;
    previous.refreshToken = "RT1";
    TokenSet out;
    QJsonObject obj;
    const AuthError e = TokenReply::readTokens(r, refresh ? Grant::Refresh : Grant::Password,
                                               previous, 2000, &out, &obj);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.code, code);
    if (kind == K::None) {
        QCOMPARE(out.accessToken, accessToken);
        QCOMPARE(out.refreshToken, refreshToken);
        QCOMPARE(out.tokenType, QStringLiteral("Bearer"));
        QCOMPARE(out.issuedAtMs, qint64(1000));
    } else {
        QVERIFY(out.accessToken.isEmpty()); // nothing half-parsed leaks out
        QCOMPARE(e.httpStatus, 200);
    }
}

QTEST_GUILESS_MAIN(tst_TokenReply)
#include "tst_tokenreply.moc"
