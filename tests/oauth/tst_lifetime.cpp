#include "Lifetime.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// expires_in as servers really send it (reliability.md M-14..M-16; golang/oauth2 cases).
class tst_Lifetime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void customCap();
};

void tst_Lifetime::fromJson_data()
{
    QTest::addColumn<QByteArray>("json"); // the value of expires_in as it appears on the wire
    QTest::addColumn<qint64>("seconds");
    const qint64 day = Lifetime::kMaxScheduledSeconds;
    const qint64 unknown = Lifetime::kUnknown;
    QTest::newRow("number") << QByteArray("3600") << qint64(3600);
    QTest::newRow("numeric string (M-14)") << QByteArray("\"3600\"") << qint64(3600);
    QTest::newRow("string with spaces") << QByteArray("\" 60 \"") << qint64(60);
    QTest::newRow("fraction floored") << QByteArray("3599.5") << qint64(3599);
    QTest::newRow("fraction string") << QByteArray("\"3599.9\"") << qint64(3599);
    QTest::newRow("one second") << QByteArray("1") << qint64(1);
    QTest::newRow("below one") << QByteArray("0.5") << unknown;
    QTest::newRow("zero (M-15)") << QByteArray("0") << unknown;
    QTest::newRow("negative (M-15)") << QByteArray("-5") << unknown;
    QTest::newRow("null (M-15)") << QByteArray("null") << unknown;
    QTest::newRow("1e12 clamped (M-16)") << QByteArray("1e12") << day;
    QTest::newRow("2^63 clamped") << QByteArray("9223372036854775808") << day;
    QTest::newRow("2^63 string clamped") << QByteArray("\"9223372036854775808\"") << day;
    QTest::newRow("1e309 string clamped") << QByteArray("\"1e309\"") << day;
    QTest::newRow("one year clamped") << QByteArray("31536000") << day;
    QTest::newRow("exactly 24 h") << QByteArray("86400") << day;
    QTest::newRow("zzz") << QByteArray("\"zzz\"") << unknown;
    QTest::newRow("hex string") << QByteArray("\"0x10\"") << unknown;
    QTest::newRow("inf word") << QByteArray("\"inf\"") << unknown;
    QTest::newRow("empty string") << QByteArray("\"\"") << unknown;
    QTest::newRow("false") << QByteArray("false") << unknown;
    QTest::newRow("true") << QByteArray("true") << unknown;
    QTest::newRow("object") << QByteArray("{}") << unknown;
    QTest::newRow("array") << QByteArray("[3600]") << unknown;
}

void tst_Lifetime::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, seconds);
    const QJsonDocument doc = QJsonDocument::fromJson("{\"expires_in\":" + json + "}");
    QVERIFY2(doc.isObject(), json.constData());
    QCOMPARE(Lifetime::parseSeconds(doc.object().value(QLatin1String("expires_in"))), seconds);
}

void tst_Lifetime::customCap()
{
    QCOMPARE(Lifetime::parseSeconds(QByteArray("31536000"), 400LL * 86400), qint64(31536000));
    QCOMPARE(Lifetime::parseSeconds(QJsonValue(), 400LL * 86400), Lifetime::kUnknown);
    QCOMPARE(Lifetime::parseSeconds(QByteArray("1e400"), 100), qint64(100));
}

QTEST_GUILESS_MAIN(tst_Lifetime)
#include "tst_lifetime.moc"
