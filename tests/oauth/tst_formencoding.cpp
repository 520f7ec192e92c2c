#include "FormEncoding.h"

#include <QTest>

// application/x-www-form-urlencoded as WHATWG serialises it, and RFC 6749 §2.3.1 Basic client
// authentication, whose id and secret are form-encoded before base64.
class tst_FormEncoding : public QObject
{
    Q_OBJECT
private:
    // The reading a server does: '+' is a space, then percent-decoding.
    static QByteArray formDecode(QByteArray encoded)
    {
        encoded.replace('+', ' ');
        return QByteArray::fromPercentEncoding(encoded);
    }

private Q_SLOTS:
    void component_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("unreserved kept") << QByteArray("AZaz09*-._") << QByteArray("AZaz09*-._");
        QTest::newRow("space is plus") << QByteArray("a b") << QByteArray("a+b");
        QTest::newRow("plus is encoded") << QByteArray("a+b") << QByteArray("a%2Bb");
        QTest::newRow("percent") << QByteArray("100%") << QByteArray("100%25");
        QTest::newRow("already encoded is encoded again")
                << QByteArray("%20") << QByteArray("%2520");
        QTest::newRow("tilde (unreserved in RFC 3986, not here)")
                << QByteArray("~user") << QByteArray("%7Euser");
        QTest::newRow("form delimiters") << QByteArray("a=b&c") << QByteArray("a%3Db%26c");
        QTest::newRow("basic delimiter") << QByteArray("id:x") << QByteArray("id%3Ax");
        QTest::newRow("url delimiters") << QByteArray("/?#[]@!$'(),;")
                                        << QByteArray("%2F%3F%23%5B%5D%40%21%24%27%28%29%2C%3B");
        QTest::newRow("control and newline")
                << QByteArray("a\r\nb\tc") << QByteArray("a%0D%0Ab%09c");
        QTest::newRow("nul byte") << QByteArray("a\0b", 3) << QByteArray("a%00b");
        QTest::newRow("utf-8 as bytes, upper-case hex")
                << QByteArray("\xc3\xa9\xe2\x82\xac") << QByteArray("%C3%A9%E2%82%AC");
        QTest::newRow("high bytes that are not utf-8")
                << QByteArray("\xff\x80") << QByteArray("%FF%80");
        QTest::newRow("fake server's confidential secret")
                << QByteArray("s3cr:t/+ \xc3\xa9") << QByteArray("s3cr%3At%2F%2B+%C3%A9");
    }
    void component()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, encoded);
        QCOMPARE(FormEncoding::encodeComponent(raw), encoded);
        QCOMPARE(formDecode(encoded), raw);
        // Nothing a form reader splits on survives encoding.
        QVERIFY(!encoded.contains('&'));
        QVERIFY(!encoded.contains('='));
        QVERIFY(!encoded.contains(' '));
    }

    void everyByteRoundTrips()
    {
        QByteArray all;
        for (int c = 0; c < 256; ++c)
            all += char(c);
        const QByteArray encoded = FormEncoding::encodeComponent(all);
        QCOMPARE(formDecode(encoded), all);
        for (char c : encoded)
            QVERIFY2((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                             || QByteArray("*-._+%").contains(c),
                     QByteArray(1, c).toHex().constData());
    }

    void fields_data()
    {
        QTest::addColumn<QList<QByteArray>>("pairs"); // name, value, name, value, ...
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("none") << QList<QByteArray>() << QByteArray();
        QTest::newRow("one") << QList<QByteArray>{"grant_type", "password"}
                             << QByteArray("grant_type=password");
        QTest::newRow("order kept")
                << QList<QByteArray>{"z", "1", "a", "2", "m", "3"} << QByteArray("z=1&a=2&m=3");
        QTest::newRow("empty value")
                << QList<QByteArray>{"scope", "", "x", "y"} << QByteArray("scope=&x=y");
        QTest::newRow("repeated name") << QList<QByteArray>{"resource", "a", "resource", "b"}
                                       << QByteArray("resource=a&resource=b");
        QTest::newRow("password with delimiters")
                << QList<QByteArray>{"username", "alice@example.com", "password", "p&ss=w rd+"}
                << QByteArray("username=alice%40example.com&password=p%26ss%3Dw+rd%2B");
        QTest::newRow("scope with spaces")
                << QList<QByteArray>{"scope", "read write"} << QByteArray("scope=read+write");
    }
    void fields()
    {
        QFETCH(QList<QByteArray>, pairs);
        QFETCH(QByteArray, body);
        FormEncoding::Fields f;
        for (int i = 0; i + 1 < pairs.size(); i += 2)
            f.append({pairs.at(i), pairs.at(i + 1)});
        QCOMPARE(FormEncoding::encode(f), body);
        // What a server reads back is what was sent, field by field.
        const QList<QByteArray> parts = body.isEmpty() ? QList<QByteArray>() : body.split('&');
        QCOMPARE(parts.size(), f.size());
        for (int i = 0; i < parts.size(); ++i) {
            const qsizetype eq = parts.at(i).indexOf('=');
            QVERIFY(eq > 0);
            QCOMPARE(formDecode(parts.at(i).left(eq)), f.at(i).first);
            QCOMPARE(formDecode(parts.at(i).mid(eq + 1)), f.at(i).second);
        }
    }

    void basicAuthorization_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("pair"); // before base64
        QTest::newRow("plain") << QByteArray("client") << QByteArray("secret")
                               << QByteArray("client:secret");
        QTest::newRow("colon in id is encoded, so the split is unambiguous")
                << QByteArray("urn:client") << QByteArray("x") << QByteArray("urn%3Aclient:x");
        QTest::newRow("colon, plus and space in secret")
                << QByteArray("c") << QByteArray("a:b+c d") << QByteArray("c:a%3Ab%2Bc+d");
        QTest::newRow("utf-8 secret")
                << QByteArray("c") << QByteArray("\xc3\xa9") << QByteArray("c:%C3%A9");
        QTest::newRow("empty secret") << QByteArray("c") << QByteArray() << QByteArray("c:");
    }
    void basicAuthorization()
    {
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, pair);
        const QByteArray header = FormEncoding::basicAuthorization(id, secret);
        QVERIFY(header.startsWith("Basic "));
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6));
        QCOMPARE(decoded, pair);
        // A server splits at the first ':' and form-decodes both halves.
        const qsizetype colon = decoded.indexOf(':');
        QCOMPARE(formDecode(decoded.left(colon)), id);
        QCOMPARE(formDecode(decoded.mid(colon + 1)), secret);
    }
};

QTEST_GUILESS_MAIN(tst_FormEncoding)
#include "tst_formencoding.moc"
