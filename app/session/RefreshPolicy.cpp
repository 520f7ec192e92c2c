#include "RefreshPolicy.h"

#include <algorithm>

namespace RefreshPolicy {

bool isUsable(const TokenSet &tokens, qint64 nowMs)
{
    if (!tokens.hasAccessToken())
        return false;
    if (tokens.accessExpiresAtMs <= 0)
        return true;
    return nowMs < tokens.accessExpiresAtMs - kHandOutFloorMs;
}

qint64 proactiveRefreshAt(const TokenSet &tokens)
{
    if (!tokens.hasRefreshToken() || tokens.accessExpiresAtMs <= 0)
        return 0;
    const qint64 issued = tokens.issuedAtMs > 0 ? tokens.issuedAtMs : tokens.accessExpiresAtMs;
    const qint64 lifetime =
            std::clamp<qint64>(tokens.accessExpiresAtMs - issued, 0, kMaxSchedulingLifetimeMs);
    const qint64 expiry = issued + lifetime;
    const qint64 lead = std::max(kMinLeadMs, lifetime / 10);
    // Never later than the hand-out floor, never before half the lifetime.
    const qint64 at = std::max(issued + lifetime / 2, expiry - lead);
    return std::min(at, expiry - kHandOutFloorMs);
}

bool grantExpired(const TokenSet &tokens, qint64 nowMs)
{
    return tokens.refreshUntilMs > 0 && nowMs >= tokens.refreshUntilMs;
}

qint64 backoffDelay(int attempt, bool callersBlocked, double jitter)
{
    const qint64 cap = callersBlocked ? kBackoffCapBlockedMs : kBackoffCapValidMs;
    const int shift = std::clamp(attempt, 0, 20);
    const qint64 ceiling = std::min(cap, kBackoffBaseMs << shift);
    const double j = std::clamp(jitter, 0.0, 1.0);
    // Full jitter, but never below the 1 s floor (I-5).
    return std::max<qint64>(kBackoffBaseMs, qint64(double(ceiling) * j));
}

} // namespace RefreshPolicy
