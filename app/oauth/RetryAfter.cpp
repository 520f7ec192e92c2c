#include "RetryAfter.h"

#include "HttpDate.h"

namespace RetryAfter {

qint64 parse(const QByteArray &value, qint64 nowMs)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool digitsOnly = true;
    for (char c : text) {
        if (c < '0' || c > '9') {
            digitsOnly = false;
            break;
        }
    }
    if (digitsOnly) {
        // More than 7 digits is above the cap whatever it says; avoids overflow on 10^30.
        if (text.size() > 7)
            return kMaxMs;
        return qMin(text.toLongLong() * 1000, kMaxMs);
    }
    const qint64 at = HttpDate::parse(text);
    if (at < 0)
        return -1;
    return qBound(qint64(0), at - nowMs, kMaxMs);
}

} // namespace RetryAfter
