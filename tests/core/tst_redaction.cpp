#include "Redaction.h"

#include <QTest>

// S-19: the message-handler backstop masks bearer credentials, form fields and JSON members.
class tst_Redaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redact_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << QStringLiteral("Authorization: Bearer SECRETp3Q9c+/=")
                                << QStringLiteral("SECRETp3Q9c");
        QTest::newRow("basic") << QStringLiteral("Authorization: Basic dXNlcjpTRUNSRVQ=")
                               << QStringLiteral("dXNlcjpTRUNSRVQ");
        QTest::newRow("form rt") << QStringLiteral(
                "grant_type=refresh_token&refresh_token=SECRET1&x=1")
                                 << QStringLiteral("SECRET1");
        QTest::newRow("form pw") << QStringLiteral("username=a&password=SECRET2")
                                 << QStringLiteral("SECRET2");
        QTest::newRow("json at") << QStringLiteral(
                "{\"access_token\": \"SECRET3\", \"expires\": 5}")
                                 << QStringLiteral("SECRET3");
        QTest::newRow("json escaped")
                << QStringLiteral("{\"refresh_token\":\"SEC\\\"RET4\"}") << QStringLiteral("RET4");
        QTest::newRow("code query")
                << QStringLiteral("GET /cb?code=SECRET5&state=abc") << QStringLiteral("SECRET5");
        // Free text echoing a token, e.g. a server's error_description.
        QTest::newRow("bare jwt") << QStringLiteral(
                "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl bad")
                                  << QStringLiteral("eyJzdWIiOiJ4In0");
        QTest::newRow("salesforce session id")
                << QStringLiteral("session 00Dxx0000001gPL!AR8AQJXg5oMHhPK3Qx4vZkPNiHrPWpQ ended")
                << QStringLiteral("AR8AQJXg5oMHhPK3Qx4vZkPNiHrPWpQ");
    }
    void redact()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = Redaction::redact(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("***")));
    }
    void keepsHarmlessText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("error") << QStringLiteral("refresh failed: Transient(http_503) status=503");
        QTest::newRow("account name") << QStringLiteral("Identity (OAuth 2.0) signed in");
        QTest::newRow("scheme word") << QStringLiteral("uses Bearer tokens");
        QTest::newRow("org id alone") << QStringLiteral("org 00Dxx0000001gPL has no session");
    }
    void keepsHarmlessText()
    {
        QFETCH(QString, text);
        QCOMPARE(Redaction::redact(text), text);
    }
};

QTEST_GUILESS_MAIN(tst_Redaction)
#include "tst_redaction.moc"
