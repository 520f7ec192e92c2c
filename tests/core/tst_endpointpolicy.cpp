#include "EndpointPolicy.h"

#include <QTest>

using R = EndpointPolicy::Refusal;
Q_DECLARE_METATYPE(EndpointPolicy::Refusal)

// S-01 / M-08: only https, or http to the literal loopback addresses.
class tst_EndpointPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<R>("refusal");
        QTest::newRow("https") << QStringLiteral("https://tpp.example.com/vedauth") << true
                               << R::None;
        QTest::newRow("https port")
                << QStringLiteral("https://tpp.example.com:8443/") << true << R::None;
        QTest::newRow("http loopback v4")
                << QStringLiteral("http://127.0.0.1:8080/token") << true << R::None;
        QTest::newRow("http loopback v6")
                << QStringLiteral("http://[::1]:8080/token") << true << R::None;
        QTest::newRow("http remote")
                << QStringLiteral("http://tpp.example.com/") << false << R::PlainHttp;
        QTest::newRow("http loopback suffix")
                << QStringLiteral("http://127.0.0.1.evil.example/") << false << R::PlainHttp;
        QTest::newRow("http mapped v6")
                << QStringLiteral("http://[::ffff:127.0.0.1]/") << false << R::PlainHttp;
        QTest::newRow("http hex") << QStringLiteral("http://0x7f.1/") << false << R::PlainHttp;
        QTest::newRow("http localhost dot")
                << QStringLiteral("http://localhost./") << false << R::PlainHttp;
        QTest::newRow("http localhost")
                << QStringLiteral("http://localhost/") << false << R::PlainHttp;
        QTest::newRow("userinfo") << QStringLiteral("https://good@evil.example/") << false
                                  << R::UserInfo;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/") << false << R::Scheme;
        QTest::newRow("empty") << QString() << false << R::Empty;
        QTest::newRow("no host") << QStringLiteral("https:///path") << false << R::NoHost;
        QTest::newRow("fragment") << QStringLiteral("https://a.example/#x") << false << R::Fragment;
    }
    void check()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QFETCH(R, refusal);
        const QString error = EndpointPolicy::check(url);
        QCOMPARE(error.isEmpty(), allowed);
        QCOMPARE(EndpointPolicy::refusal(url), refusal);
    }
};

QTEST_GUILESS_MAIN(tst_EndpointPolicy)
#include "tst_endpointpolicy.moc"
