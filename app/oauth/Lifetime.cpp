#include "Lifetime.h"

#include <QByteArray>
#include <QString>
#include <QtMath>

namespace {

qint64 fromDouble(double v, qint64 maxSeconds)
{
    if (qIsNaN(v))
        return Lifetime::kUnknown;
    if (v >= double(maxSeconds)) // also catches +inf
        return maxSeconds;
    const double floored = std::floor(v);
    if (floored < 1.0)
        return Lifetime::kUnknown;
    return qint64(floored);
}

} // namespace

namespace Lifetime {

qint64 parseSeconds(const QByteArray &text, qint64 maxSeconds)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return kUnknown;
    // Only plain decimal notation: "3600", "3599.5", "1e12". No hex, no "inf"/"nan" words.
    for (char c : t) {
        const bool ok =
                (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        if (!ok)
            return kUnknown;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) {
        // toDouble refuses values beyond double range ("1e309") but reports them as infinite;
        // they are still just "huge".
        return qIsInf(v) && v > 0 ? maxSeconds : kUnknown;
    }
    return fromDouble(v, maxSeconds);
}

qint64 parseSeconds(const QJsonValue &value, qint64 maxSeconds)
{
    if (value.isDouble())
        return fromDouble(value.toDouble(), maxSeconds);
    if (value.isString())
        return parseSeconds(value.toString().toLatin1(), maxSeconds);
    return kUnknown;
}

} // namespace Lifetime
