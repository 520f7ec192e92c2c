#pragma once

#include <QDateTime>

namespace TestSupport {
// Milliseconds since the epoch of a UTC wall-clock time, for expected values in date tables.
inline qint64 utcMs(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC)
            .toMSecsSinceEpoch();
}
} // namespace TestSupport
