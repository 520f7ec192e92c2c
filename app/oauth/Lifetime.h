#pragma once

#include <QJsonValue>

// Robust reading of a relative lifetime such as expires_in (reliability.md M-14..M-16): a JSON
// number or numeric string, fractions floored, huge values clamped so that schedulers never see
// an absurd deadline, and anything else (negative, zero, null, bool, object, "zzz") "unknown".
namespace Lifetime {
constexpr qint64 kUnknown = -1;
constexpr qint64 kMaxScheduledSeconds = 24 * 3600; // clamp for expires_in (M-16)

// Seconds in [1, maxSeconds], or kUnknown.
qint64 parseSeconds(const QJsonValue &value, qint64 maxSeconds = kMaxScheduledSeconds);
// The same for a number kept in text form (e.g. a form-encoded or header value).
qint64 parseSeconds(const QByteArray &text, qint64 maxSeconds = kMaxScheduledSeconds);
} // namespace Lifetime
