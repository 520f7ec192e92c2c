#include "HttpDate.h"
#include "RetryAfter.h"

#include <QDateTime>
#include <QTest>

// Retry-After and HTTP-date parsing (RFC 9110 §5.6.7, §10.2.3; reliability.md M-04).
class tst_RetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpDate_data();
    void httpDate();
    void retryAfter_data();
    void retryAfter();
};

static qint64 utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

void tst_RetryAfter::httpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    const qint64 nov6 = utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("imf-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << nov6;
    QTest::newRow("rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << nov6;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << nov6;
    QTest::newRow("surrounding space") << QByteArray("  Sun, 06 Nov 1994 08:49:37 GMT ") << nov6;
    QTest::newRow("2026") << QByteArray("Thu, 01 Jan 2026 00:00:00 GMT")
                          << utc(2026, 1, 1, 0, 0, 0);
    QTest::newRow("rfc850 2000s") << QByteArray("Friday, 02-Jan-26 10:00:00 GMT")
                                  << utc(2026, 1, 2, 10, 0, 0);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << qint64(-1);
    QTest::newRow("bad day") << QByteArray("Sun, 31 Feb 1994 08:49:37 GMT") << qint64(-1);
    QTest::newRow("bad hour") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << qint64(-1);
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST") << qint64(-1);
    QTest::newRow("short clock") << QByteArray("Sun, 06 Nov 1994 8:49:37 GMT") << qint64(-1);
    QTest::newRow("huge") << QByteArray(100, '9') << qint64(-1);
}

void tst_RetryAfter::httpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    QCOMPARE(HttpDate::parse(value), expected);
}

void tst_RetryAfter::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("120 s") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5000);
    QTest::newRow("cap 3600 s") << QByteArray("99999999") << qint64(3600000);
    QTest::newRow("exactly cap") << QByteArray("3600") << qint64(3600000);
    QTest::newRow("overflow digits") << QByteArray(40, '9') << qint64(3600000);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("later") << qint64(-1);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
    // now = 2026-01-01T00:00:00Z
    QTest::newRow("date +120 s") << QByteArray("Thu, 01 Jan 2026 00:02:00 GMT") << qint64(120000);
    QTest::newRow("date past") << QByteArray("Wed, 31 Dec 2025 23:00:00 GMT") << qint64(0);
    QTest::newRow("date far") << QByteArray("Fri, 02 Jan 2026 00:00:00 GMT") << qint64(3600000);
}

void tst_RetryAfter::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const qint64 now = utc(2026, 1, 1, 0, 0, 0);
    QCOMPARE(parseRetryAfter(value, now), expectedMs);
}

QTEST_GUILESS_MAIN(tst_RetryAfter)
#include "tst_retryafter.moc"
