#pragma once

#include <QByteArray>

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. The result is capped at one
// hour (MSAL's cap, reliability.md §6) so a hostile or broken server cannot park an account.
namespace RetryAfter {
constexpr qint64 kMaxMs = 3600 * 1000;
// Delay in milliseconds from nowMs, in [0, kMaxMs]; -1 when absent, negative or not parseable.
// A date in the past gives 0.
qint64 parse(const QByteArray &value, qint64 nowMs);
} // namespace RetryAfter

inline qint64 parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    return RetryAfter::parse(value, nowMs);
}
