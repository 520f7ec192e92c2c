#pragma once

#include "TokenSet.h"

#include <QList>

// The timing rules of reliability.md R-02 / R-10 / I-5 as pure functions of a token set and
// "now". Every lead and floor is relative to the token's own lifetime, so a 5-second token and
// a 90-day token follow the same rules: refreshed around the middle of their life or later,
// never back to back, and never more often than the per-account request ceiling allows.
namespace RefreshPolicy {
constexpr qint64 kHandOutFloorMs = 60 * 1000; // the floor for tokens of 4 min or more
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
constexpr qint64 kStorageRetryMs = 60 * 1000; // NotPersisted: write again every minute
// A token whose expiry is only assumed (Salesforce sends none) is checked with the server this
// often, so that a session the server ended never reads "Signed in" for longer (issue 9).
constexpr qint64 kSessionProbeMs = 5 * 60 * 1000;

// I-5: at most kCeilingRequests token-endpoint requests (refreshes and sign-ins, successful
// ones included) per account in any window of kCeilingWindowMs, whatever the server does.
constexpr int kCeilingRequests = 10;
constexpr qint64 kCeilingWindowMs = 60 * 1000;
// Callers wait for a refresh the ceiling postponed only if it is at most this far away;
// otherwise they are answered at once with a transient "rate_limited" error.
constexpr qint64 kMaxCeilingWaitMs = 10 * 1000;
// Proactive refreshes are spaced so that the ceiling is never what stops them.
constexpr qint64 kMinProactiveSpacingMs = kCeilingWindowMs / kCeilingRequests;

// The lifetime the server gave the access token (0: unknown).
qint64 lifetimeMs(const TokenSet &tokens);
// How long before expiry the token stops being handed out: min(60 s, lifetime / 4).
qint64 handOutFloorMs(const TokenSet &tokens);
// The grant ends with this token: its expiry was capped at refresh_until (Venafi), so a refresh
// can bring nothing newer. It is served until its end; then the person signs in again.
bool isLastToken(const TokenSet &tokens);
// Whether the access token may be handed out at `nowMs` (unknown expiry counts as usable:
// the reactive path handles rejection).
bool isUsable(const TokenSet &tokens, qint64 nowMs);
// Whether the access token has not expired yet. A token a flight has just obtained is handed to
// the callers that waited for it while this holds, even inside its hand-out floor.
bool isUnexpired(const TokenSet &tokens, qint64 nowMs);
// When a proactive refresh should start; 0 when there is nothing to schedule (no refresh token,
// unknown lifetime, or the last token of a grant).
qint64 proactiveRefreshAt(const TokenSet &tokens);
// Whether the grant itself is over (Venafi refresh_until passed).
bool grantExpired(const TokenSet &tokens, qint64 nowMs);
// Full-jitter exponential backoff (attempt 0 = first retry); `jitter` in [0, 1].
qint64 backoffDelay(int attempt, bool callersBlocked, double jitter);

// The earliest instant a new token-endpoint request fits under the ceiling, given the send
// times of the recent ones (any order); `nowMs` when there is room now.
qint64 ceilingAllowsAt(const QList<qint64> &recentRequestsMs, qint64 nowMs);
// `recent` with `nowMs` added and entries older than the window dropped (at most the ceiling).
QList<qint64> recordRequest(const QList<qint64> &recentRequestsMs, qint64 nowMs);
} // namespace RefreshPolicy
