#include "FlowBook.h"

#include <QRegularExpression>
#include <QTest>

// The interactive flows' bookkeeping without HTTP: PKCE S256, verifier syntax, one-time codes,
// device user codes.
class tst_FlowBook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void s256MatchesRfc7636AppendixB()
    {
        QCOMPARE(FlowBook::s256(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
                 QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifierSyntax_data()
    {
        QTest::addColumn<QString>("verifier");
        QTest::addColumn<bool>("ok");
        QTest::newRow("43 unreserved") << QString(43, QLatin1Char('a')) << true;
        QTest::newRow("128") << QString(128, QLatin1Char('~')) << true;
        QTest::newRow("42") << QString(42, QLatin1Char('a')) << false;
        QTest::newRow("129") << QString(129, QLatin1Char('a')) << false;
        QTest::newRow("space") << QString(42, QLatin1Char('a')) + QLatin1Char(' ') << false;
        QTest::newRow("plus") << QString(42, QLatin1Char('a')) + QLatin1Char('+') << false;
        QTest::newRow("-._~") << QStringLiteral("-._~").repeated(11) << true;
    }
    void verifierSyntax()
    {
        QFETCH(QString, verifier);
        QFETCH(bool, ok);
        QCOMPARE(FlowBook::verifierWellFormed(verifier), ok);
    }

    void requestsAndCodes()
    {
        FlowBook book;
        FakeAuthRequest r;
        r.clientId = QStringLiteral("c");
        r.redirectUri = QStringLiteral("http://127.0.0.1:1/cb");
        const QByteArray id = book.addRequest(r).id;
        QCOMPARE(id.size(), 32);
        QVERIFY(book.request(id));
        const FakeAuthCode &code = book.issueCode(*book.request(id), QStringLiteral("u"), 60'000);
        QCOMPARE(book.lastCode(), code.code);
        QCOMPARE(book.code(code.code)->redirectUri, r.redirectUri);
        book.dropRequest(id);
        QVERIFY(!book.request(id));
        QVERIFY(!book.code("nope"));
    }

    void userCodes()
    {
        FlowBook book;
        const FakeDeviceCode &a = book.addDevice(Dialect::Venafi, QStringLiteral("c"), {}, 1, 5);
        const FakeDeviceCode &b = book.addDevice(Dialect::Venafi, QStringLiteral("c"), {}, 1, 5);
        const QRegularExpression shape(
                QStringLiteral("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$"));
        QVERIFY(shape.match(a.userCode).hasMatch());
        QVERIFY(a.userCode != b.userCode);
        QVERIFY(b.serial > a.serial);
        QCOMPARE(book.deviceByUserCode(a.userCode.toLower().remove(QLatin1Char('-'))),
                 book.device(a.deviceCode));
        QVERIFY(!book.deviceByUserCode(QString()));
        QCOMPARE(book.devices().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_FlowBook)
#include "tst_flowbook.moc"
