#include "TimeFormat.h"

#include <QLocale>
#include <QTest>

class tst_TimeFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void duration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5000) << QStringLiteral("0 s");
        QTest::newRow("45s") << qint64(45'999) << QStringLiteral("45 s");
        QTest::newRow("1min") << qint64(60'000) << QStringLiteral("1 min");
        QTest::newRow("59min59") << qint64(3'599'000) << QStringLiteral("59 min");
        QTest::newRow("1h") << qint64(3'600'000) << QStringLiteral("1 h");
        QTest::newRow("1h59") << qint64(7'199'000) << QStringLiteral("1 h 59 min");
        QTest::newRow("47h") << qint64(47LL * 3'600'000) << QStringLiteral("47 h");
        QTest::newRow("2d") << qint64(48LL * 3'600'000) << QStringLiteral("2 d");
        QTest::newRow("3d4h") << qint64((72LL + 4) * 3'600'000 + 59'000)
                              << QStringLiteral("3 d 4 h");
    }
    void duration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(TimeFormat::duration(ms), expected);
    }

    void relative_data()
    {
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<QString>("expected");
        QTest::newRow("now") << qint64(400) << QStringLiteral("now");
        QTest::newRow("future") << qint64(7'140'000) << QStringLiteral("in 1 h 59 min");
        QTest::newRow("past") << qint64(-180'000) << QStringLiteral("3 min ago");
    }
    void relative()
    {
        QFETCH(qint64, delta);
        QFETCH(QString, expected);
        const qint64 now = 1'767'225'600'000;
        QCOMPARE(TimeFormat::relative(now + delta, now), expected);
    }

    void absolute_data()
    {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same year")
                << QStringLiteral("2026-11-23T14:02:00Z") << QStringLiteral("23 Nov 14:02");
        QTest::newRow("next year")
                << QStringLiteral("2027-02-01T09:05:00Z") << QStringLiteral("1 Feb 2027 09:05");
    }
    void absolute()
    {
        QFETCH(QString, iso);
        QFETCH(QString, expected);
        const qint64 when = QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch();
        const qint64 now =
                QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate)
                        .toMSecsSinceEpoch();
        QCOMPARE(TimeFormat::absolute(when, now, QTimeZone::utc()), expected);
    }

    void countdown_data()
    {
        QTest::addColumn<qint64>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << qint64(0) << QStringLiteral("unknown");
        QTest::newRow("expired") << qint64(999) << QStringLiteral("expired");
        QTest::newRow("at now") << qint64(1000) << QStringLiteral("expired");
        QTest::newRow("future") << qint64(1000 + 120'000) << QStringLiteral("in 2 min");
    }
    void countdown()
    {
        QFETCH(qint64, target);
        QFETCH(QString, expected);
        QCOMPARE(TimeFormat::countdown(target, 1000), expected);
    }
};

QTEST_GUILESS_MAIN(tst_TimeFormat)
#include "tst_timeformat.moc"
