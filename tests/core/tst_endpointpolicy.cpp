#include "EndpointPolicy.h"

#include <QTest>

// S-01 / M-08: only https, or http to the literal loopback addresses.
class tst_EndpointPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://tpp.example.com/vedauth") << true;
        QTest::newRow("https port") << QStringLiteral("https://tpp.example.com:8443/") << true;
        QTest::newRow("http loopback v4") << QStringLiteral("http://127.0.0.1:8080/token") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:8080/token") << true;
        QTest::newRow("http remote") << QStringLiteral("http://tpp.example.com/") << false;
        QTest::newRow("http loopback suffix")
                << QStringLiteral("http://127.0.0.1.evil.example/") << false;
        QTest::newRow("http mapped v6") << QStringLiteral("http://[::ffff:127.0.0.1]/") << false;
        QTest::newRow("http hex") << QStringLiteral("http://0x7f.1/") << false;
        QTest::newRow("http localhost dot") << QStringLiteral("http://localhost./") << false;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost/") << false;
        QTest::newRow("userinfo") << QStringLiteral("https://good@evil.example/") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no host") << QStringLiteral("https:///path") << false;
        QTest::newRow("fragment") << QStringLiteral("https://a.example/#x") << false;
    }
    void check()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const QString error = EndpointPolicy::check(url);
        QCOMPARE(error.isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(tst_EndpointPolicy)
#include "tst_endpointpolicy.moc"
