#include "WwwAuthenticate.h"

#include <QTest>

// RFC 7235 auth-params as RFC 6750 §3 uses them.
class tst_WwwAuthenticate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void multipleChallenges();
};

using Params = QMap<QByteArray, QByteArray>;

void tst_WwwAuthenticate::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("scheme");
    QTest::addColumn<Params>("params");
    QTest::addColumn<QByteArray>("token68");

    QTest::newRow("rfc6750 invalid_token")
            << QByteArray(R"(Bearer realm="example", error="invalid_token", )"
                          R"(error_description="The access token expired")")
            << QByteArray("Bearer")
            << Params{{"realm", "example"},
                      {"error", "invalid_token"},
                      {"error_description", "The access token expired"}}
            << QByteArray();
    QTest::newRow("no error attribute")
            << QByteArray(R"(Bearer realm="example")") << QByteArray("Bearer")
            << Params{{"realm", "example"}} << QByteArray();
    QTest::newRow("bare scheme") << QByteArray("Bearer") << QByteArray("Bearer") << Params{}
                                 << QByteArray();
    QTest::newRow("token values, odd spacing")
            << QByteArray("bearer   error = insufficient_scope ,scope=\"read write\"")
            << QByteArray("bearer")
            << Params{{"error", "insufficient_scope"}, {"scope", "read write"}} << QByteArray();
    QTest::newRow("escaped quote")
            << QByteArray(R"(Bearer error_description="say \"hi\"")") << QByteArray("Bearer")
            << Params{{"error_description", "say \"hi\""}} << QByteArray();
    QTest::newRow("case-insensitive names")
            << QByteArray(R"(Bearer ERROR="invalid_token")") << QByteArray("Bearer")
            << Params{{"error", "invalid_token"}} << QByteArray();
    QTest::newRow("repeated param: first wins")
            << QByteArray(R"(Bearer error="a", error="b")") << QByteArray("Bearer")
            << Params{{"error", "a"}} << QByteArray();
    QTest::newRow("comma inside quotes")
            << QByteArray(R"(Bearer error_description="a, b=c", error="invalid_token")")
            << QByteArray("Bearer")
            << Params{{"error_description", "a, b=c"}, {"error", "invalid_token"}} << QByteArray();
    QTest::newRow("unterminated quote")
            << QByteArray(R"(Bearer error="invalid_tok)") << QByteArray("Bearer")
            << Params{{"error", "invalid_tok"}} << QByteArray();
    QTest::newRow("token68") << QByteArray("Negotiate YWJjZA==") << QByteArray("Negotiate")
                             << Params{} << QByteArray("YWJjZA==");
    QTest::newRow("empty") << QByteArray() << QByteArray() << Params{} << QByteArray();
    QTest::newRow("garbage") << QByteArray("\"\"\"===,,,") << QByteArray() << Params{}
                             << QByteArray();
}

void tst_WwwAuthenticate::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, scheme);
    QFETCH(Params, params);
    QFETCH(QByteArray, token68);
    const AuthChallenge c = parseWwwAuthenticate(header);
    QCOMPARE(c.scheme, scheme);
    QCOMPARE(c.params, params);
    QCOMPARE(c.token68, token68);
    QCOMPARE(c.isValid(), !scheme.isEmpty());
}

void tst_WwwAuthenticate::multipleChallenges()
{
    const QByteArray header =
            R"(Basic realm="legacy", Newauth realm="apps", type=1, Bearer error="invalid_token")";
    const QList<AuthChallenge> all = WwwAuthenticate::parseAll(header);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].scheme, QByteArray("Basic"));
    QCOMPARE(all[0].param("realm"), QByteArray("legacy"));
    QCOMPARE(all[1].scheme, QByteArray("Newauth"));
    QCOMPARE(all[1].param("type"), QByteArray("1"));
    QCOMPARE(all[2].param("error"), QByteArray("invalid_token"));
    // parse() prefers the Bearer challenge wherever it is.
    QCOMPARE(parseWwwAuthenticate(header).param("error"), QByteArray("invalid_token"));
}

QTEST_GUILESS_MAIN(tst_WwwAuthenticate)
#include "tst_wwwauthenticate.moc"
