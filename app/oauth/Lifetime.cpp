#include "Lifetime.h"

#include <QByteArray>
#include <QRegularExpression>
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
        // toDouble refuses values beyond double range ("1e309"); with a positive mantissa and
        // exponent that can only be an overflow, and such a value is still just "huge".
        static const QRegularExpression overflow(
                QStringLiteral("^\\+?[0-9]+(\\.[0-9]*)?[eE]\\+?[0-9]+$"));
        return overflow.match(QString::fromLatin1(t)).hasMatch() ? maxSeconds : kUnknown;
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
