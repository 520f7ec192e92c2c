#include "HttpRequestParser.h"

#include <QTest>

// Request parsing, whole and byte by byte (TCP may split anywhere).
class tst_HttpRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("get") << QByteArray("GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: h\r\n\r\n")
                             << QByteArray("GET") << QByteArray("/a/b") << QByteArray("x=1&y=2")
                             << QByteArray();
        QTest::newRow("post") << QByteArray("POST /t HTTP/1.1\r\ncontent-length: 5\r\n\r\nab=cd")
                              << QByteArray("POST") << QByteArray("/t") << QByteArray()
                              << QByteArray("ab=cd");
        QTest::newRow("absolute form")
                << QByteArray("GET http://127.0.0.1:9/x?q HTTP/1.1\r\n\r\n") << QByteArray("GET")
                << QByteArray("/x") << QByteArray("q") << QByteArray();
        QTest::newRow("trailing bytes ignored")
                << QByteArray("POST /t HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET / HTTP/1.1")
                << QByteArray("POST") << QByteArray("/t") << QByteArray() << QByteArray("ok");
    }
    void parses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        for (const bool byteByByte : {false, true}) {
            HttpRequestParser parser;
            if (byteByByte) {
                for (char c : raw)
                    parser.feed(QByteArray(1, c));
            } else {
                parser.feed(raw);
            }
            QCOMPARE(parser.state(), HttpRequestParser::State::Done);
            QCOMPARE(parser.request().method, method);
            QCOMPARE(parser.request().path, path);
            QCOMPARE(parser.request().query, query);
            QCOMPARE(parser.request().body, body);
        }
    }

    void headersAreTrimmedAndCaseInsensitive()
    {
        HttpRequestParser parser;
        parser.feed("GET / HTTP/1.1\r\nAuthorization:   Bearer abc  \r\nX-A: 1\r\n\r\n");
        QCOMPARE(parser.request().header("authorization"), QByteArray("Bearer abc"));
        QCOMPARE(parser.request().header("x-a"), QByteArray("1"));
        QCOMPARE(parser.request().header("missing"), QByteArray());
        QCOMPARE(parser.request().headers.size(), 2);
    }

    void waitsForTheWholeBody()
    {
        HttpRequestParser parser;
        QCOMPARE(parser.feed("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab"),
                 HttpRequestParser::State::NeedMore);
        QCOMPARE(parser.feed("cd"), HttpRequestParser::State::Done);
        QCOMPARE(parser.request().body, QByteArray("abcd"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("bad length")
                << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
        QTest::newRow("too long") << QByteArray(
                "POST / HTTP/1.1\r\nContent-Length: 4194305\r\n\r\n")
                                  << 413;
        QTest::newRow("chunked") << QByteArray(
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 501;
    }
    void rejects()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        HttpRequestParser parser;
        QCOMPARE(parser.feed(raw), HttpRequestParser::State::Error);
        QCOMPARE(parser.errorStatus(), status);
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), HttpRequestParser::State::Error); // sticky
    }
};

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
