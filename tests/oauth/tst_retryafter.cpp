#include "RetryAfter.h"
#include "UtcTime.h"

#include <QTest>

// Retry-After (RFC 9110 §10.2.3; reliability.md M-04); its HTTP-date form is tst_httpdate.
class tst_RetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter_data();
    void retryAfter();
};

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
    const qint64 now = TestSupport::utcMs(2026, 1, 1, 0, 0, 0);
    QCOMPARE(parseRetryAfter(value, now), expectedMs);
}

QTEST_GUILESS_MAIN(tst_RetryAfter)
#include "tst_retryafter.moc"
