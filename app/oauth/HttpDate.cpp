#include "HttpDate.h"

#include <QDateTime>
#include <QList>

namespace {

int monthIndex(const QByteArray &name)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    const QByteArray lower = name.toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == months[i])
            return i + 1;
    }
    return 0;
}

bool allDigits(const QByteArray &s, int minLen, int maxLen)
{
    if (s.size() < minLen || s.size() > maxLen)
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool parseClock(const QByteArray &text, QTime *out)
{
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 3)
        return false;
    for (const QByteArray &p : parts) {
        if (!allDigits(p, 2, 2))
            return false;
    }
    // Leap second 60 is folded into 59: QTime cannot hold it and the second does not matter.
    // Only 60: 61..99 are no second at all and stay invalid.
    const int sec = parts[2].toInt() == 60 ? 59 : parts[2].toInt();
    *out = QTime(parts[0].toInt(), parts[1].toInt(), sec);
    return out->isValid();
}

qint64 build(int year, int month, int day, const QTime &time)
{
    const QDate date(year, month, day);
    if (!date.isValid() || !time.isValid())
        return -1;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

namespace HttpDate {

qint64 parse(const QByteArray &value)
{
    QByteArray text = value.trimmed();
    if (text.isEmpty() || text.size() > 64)
        return -1;
    text.replace(',', ' ');
    QList<QByteArray> tokens = text.simplified().split(' ');
    QTime time;
    if (tokens.size() == 6 && tokens[5].compare("GMT", Qt::CaseInsensitive) == 0) {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        if (!allDigits(tokens[1], 1, 2) || !allDigits(tokens[3], 4, 4)
            || !parseClock(tokens[4], &time))
            return -1;
        const int month = monthIndex(tokens[2]);
        return month ? build(tokens[3].toInt(), month, tokens[1].toInt(), time) : -1;
    }
    if (tokens.size() == 4 && tokens[3].compare("GMT", Qt::CaseInsensitive) == 0) {
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        const QList<QByteArray> dmy = tokens[1].split('-');
        if (dmy.size() != 3 || !allDigits(dmy[0], 1, 2) || !allDigits(dmy[2], 2, 2)
            || !parseClock(tokens[2], &time))
            return -1;
        const int month = monthIndex(dmy[1]);
        const int yy = dmy[2].toInt();
        // Two-digit years: RFC 9110 wants "more than 50 years in the future" read as the past.
        const int year = yy < 70 ? 2000 + yy : 1900 + yy;
        return month ? build(year, month, dmy[0].toInt(), time) : -1;
    }
    if (tokens.size() == 5) {
        // asctime: Sun Nov  6 08:49:37 1994
        if (!allDigits(tokens[2], 1, 2) || !allDigits(tokens[4], 4, 4)
            || !parseClock(tokens[3], &time))
            return -1;
        const int month = monthIndex(tokens[1]);
        return month ? build(tokens[4].toInt(), month, tokens[2].toInt(), time) : -1;
    }
    return -1;
}

} // namespace HttpDate
