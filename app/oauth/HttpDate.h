#pragma once

#include <QByteArray>

// RFC 9110 §5.6.7 HTTP-date parser (IMF-fixdate, obsolete RFC 850 and asctime forms), used for
// the Date header (Venafi clock anchoring, R-01) and Retry-After. Pure and locale-independent
// so that it can be fuzzed; QDateTime's own parsers depend on format strings and locales.
namespace HttpDate {
// Milliseconds since the epoch (UTC), or -1 when the value is not an HTTP-date.
qint64 parse(const QByteArray &value);
} // namespace HttpDate
