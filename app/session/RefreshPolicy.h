#pragma once

#include "TokenSet.h"

// The timing rules of reliability.md R-02 / R-10 / §6 as pure functions of a token set and "now".
namespace RefreshPolicy {
constexpr qint64 kHandOutFloorMs = 60 * 1000; // never hand out an AT with less than 60 s left
constexpr qint64 kMinLeadMs = 5 * 60 * 1000; // proactive lead: max(5 min, 10 % of lifetime)
constexpr qint64 kMaxSchedulingLifetimeMs = 400LL * 24 * 3600 * 1000; // sanity bound only
constexpr qint64 kAmbiguousRetryMs = 3 * 1000; // inside typical grace windows (10-60 s)
constexpr qint64 kBackoffBaseMs = 1000;
constexpr qint64 kBackoffCapValidMs = 5 * 60 * 1000; // while the AT is still usable
constexpr qint64 kBackoffCapBlockedMs = 60 * 1000; // while callers wait / the AT is dead
constexpr qint64 kDefaultRateLimitMs = 60 * 1000; // 429/5xx without Retry-After after 1 retry
constexpr qint64 kRetryAfterCapMs = 3600 * 1000;
constexpr qint64 kOfflineProbeMs = 5 * 60 * 1000; // M-10: slow probe while offline
constexpr qint64 kReauthCacheMs = 120 * 1000; // M-33: UI-required decision cached
constexpr qint64 kExpiryWarningMs = 7LL * 24 * 3600 * 1000; // warn a week before refresh_until
constexpr qint64 kUnknownLifetimeRecheckMs = 3600 * 1000;

// Whether the access token may be handed out at `nowMs` (unknown expiry counts as usable:
// the reactive path handles rejection).
bool isUsable(const TokenSet &tokens, qint64 nowMs);
// When a proactive refresh should start; 0 when there is nothing to schedule (no refresh token
// or unknown lifetime).
qint64 proactiveRefreshAt(const TokenSet &tokens);
// Whether the grant itself is over (Venafi refresh_until passed).
bool grantExpired(const TokenSet &tokens, qint64 nowMs);
// Full-jitter exponential backoff (attempt 0 = first retry); `jitter` in [0, 1].
qint64 backoffDelay(int attempt, bool callersBlocked, double jitter);
} // namespace RefreshPolicy
