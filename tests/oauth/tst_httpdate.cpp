#include "HttpDate.h"
#include "UtcTime.h"

#include <QTest>

// RFC 9110 §5.6.7 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms a
// recipient must still accept. Anything else is -1, never a guess.
using TestSupport::utcMs;

class tst_HttpDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected");
        const qint64 rfcExample = utcMs(1994, 11, 6, 8, 49, 37);
        // The three forms of RFC 9110's own example.
        QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << rfcExample;
        QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << rfcExample;
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << rfcExample;
        QTest::newRow("asctime one space") << QByteArray("Sun Nov 6 08:49:37 1994") << rfcExample;
        QTest::newRow("epoch") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << qint64(0);
        QTest::newRow("leap day") << QByteArray("Thu, 29 Feb 2024 23:59:59 GMT")
                                  << utcMs(2024, 2, 29, 23, 59, 59);
        QTest::newRow("surrounding whitespace")
                << QByteArray("  Wed, 02 Dec 2026 04:41:01 GMT \t") << utcMs(2026, 12, 2, 4, 41, 1);
        QTest::newRow("case-insensitive month and zone")
                << QByteArray("Wed, 02 DEC 2026 04:41:01 gmt") << utcMs(2026, 12, 2, 4, 41, 1);
        QTest::newRow("single-digit day")
                << QByteArray("Wed, 2 Dec 2026 04:41:01 GMT") << utcMs(2026, 12, 2, 4, 41, 1);
        // The weekday is not checked against the date (RFC 9110 lets a recipient ignore it).
        QTest::newRow("wrong weekday") << QByteArray("Mon, 06 Nov 1994 08:49:37 GMT") << rfcExample;
        QTest::newRow("leap second folded")
                << QByteArray("Sat, 31 Dec 2016 23:59:60 GMT") << utcMs(2016, 12, 31, 23, 59, 59);
        QTest::newRow("RFC 850, 2000s")
                << QByteArray("Wednesday, 02-Dec-26 04:41:01 GMT") << utcMs(2026, 12, 2, 4, 41, 1);
        QTest::newRow("RFC 850, 99 is 1999")
                << QByteArray("Friday, 31-Dec-99 23:59:59 GMT") << utcMs(1999, 12, 31, 23, 59, 59);
        QTest::newRow("new year 2026")
                << QByteArray("Thu, 01 Jan 2026 00:00:00 GMT") << utcMs(2026, 1, 1, 0, 0, 0);
        QTest::newRow("RFC 850, 2026")
                << QByteArray("Friday, 02-Jan-26 10:00:00 GMT") << utcMs(2026, 1, 2, 10, 0, 0);
        QTest::newRow("every month")
                << QByteArray("Fri, 31 Oct 2025 12:00:00 GMT") << utcMs(2025, 10, 31, 12, 0, 0);
    }
    void valid()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        QCOMPARE(HttpDate::parse(value), expected);
    }

    void months()
    {
        const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int m = 1; m <= 12; ++m) {
            const QByteArray v = "Sat, 01 " + QByteArray(names[m - 1]) + " 2000 00:00:00 GMT";
            QCOMPARE(HttpDate::parse(v), utcMs(2000, m, 1, 0, 0, 0));
        }
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray("   ");
        QTest::newRow("delta-seconds (Retry-After's other form)") << QByteArray("120");
        QTest::newRow("ISO 8601") << QByteArray("2026-12-02T04:41:01Z");
        QTest::newRow("a word") << QByteArray("soon");
        QTest::newRow("not GMT") << QByteArray("Wed, 02 Dec 2026 04:41:01 UTC");
        QTest::newRow("local zone") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST");
        QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT");
        QTest::newRow("a hundred digits") << QByteArray(100, '9');
        QTest::newRow("offset instead of GMT") << QByteArray("Wed, 02 Dec 2026 04:41:01 +0000");
        QTest::newRow("no zone") << QByteArray("Wed, 02 Dec 2026 04:41:01");
        QTest::newRow("unknown month") << QByteArray("Wed, 02 Dez 2026 04:41:01 GMT");
        QTest::newRow("numeric month") << QByteArray("Wed, 02 12 2026 04:41:01 GMT");
        QTest::newRow("February 30") << QByteArray("Mon, 30 Feb 2026 00:00:00 GMT");
        QTest::newRow("29 February, no leap year") << QByteArray("Sun, 29 Feb 2026 00:00:00 GMT");
        QTest::newRow("day 0") << QByteArray("Wed, 00 Dec 2026 04:41:01 GMT");
        QTest::newRow("day 32") << QByteArray("Wed, 32 Dec 2026 04:41:01 GMT");
        QTest::newRow("three-digit day") << QByteArray("Wed, 002 Dec 2026 04:41:01 GMT");
        QTest::newRow("hour 24") << QByteArray("Wed, 02 Dec 2026 24:00:00 GMT");
        QTest::newRow("minute 60") << QByteArray("Wed, 02 Dec 2026 04:60:01 GMT");
        QTest::newRow("second 61") << QByteArray("Wed, 02 Dec 2026 04:41:61 GMT");
        QTest::newRow("one-digit hour") << QByteArray("Wed, 02 Dec 2026 4:41:01 GMT");
        QTest::newRow("no seconds") << QByteArray("Wed, 02 Dec 2026 04:41 GMT");
        QTest::newRow("extra clock part") << QByteArray("Wed, 02 Dec 2026 04:41:01:00 GMT");
        QTest::newRow("signed clock") << QByteArray("Wed, 02 Dec 2026 +4:41:01 GMT");
        QTest::newRow("two-digit year in IMF-fixdate") << QByteArray("Wed, 02 Dec 26 04:41:01 GMT");
        QTest::newRow("five-digit year") << QByteArray("Wed, 02 Dec 20260 04:41:01 GMT");
        QTest::newRow("RFC 850 four-digit year")
                << QByteArray("Wednesday, 02-Dec-2026 04:41:01 GMT");
        QTest::newRow("RFC 850 missing part") << QByteArray("Wednesday, 02-Dec 04:41:01 GMT");
        QTest::newRow("RFC 850 bad month") << QByteArray("Wednesday, 02-Foo-26 04:41:01 GMT");
        QTest::newRow("asctime bad year") << QByteArray("Wed Dec  2 04:41:01 26");
        QTest::newRow("asctime bad month") << QByteArray("Wed Foo  2 04:41:01 2026");
        QTest::newRow("asctime bad day") << QByteArray("Wed Dec x 04:41:01 2026");
        QTest::newRow("trailing garbage") << QByteArray("Wed, 02 Dec 2026 04:41:01 GMT x");
        QTest::newRow("only words") << QByteArray("a b c d e f");
        // A valid date once its runs of spaces collapse, but longer than any HTTP-date.
        QTest::newRow("over 64 bytes")
                << QByteArray("Wed," + QByteArray(40, ' ') + "02 Dec 2026 04:41:01 GMT");
        QTest::newRow("second 99") << QByteArray("Wed, 02 Dec 2026 04:41:99 GMT");
        QTest::newRow("nul inside") << QByteArray("Wed, 02 Dec 2026 04:41:01\0 GMT", 30);
        QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01", 4);
    }
    void invalid()
    {
        QFETCH(QByteArray, value);
        QCOMPARE(HttpDate::parse(value), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(tst_HttpDate)
#include "tst_httpdate.moc"
