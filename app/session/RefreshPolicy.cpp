#include "RefreshPolicy.h"

#include <algorithm>

namespace RefreshPolicy {

qint64 lifetimeMs(const TokenSet &tokens)
{
    if (tokens.accessExpiresAtMs <= 0)
        return 0;
    const qint64 issued = tokens.issuedAtMs > 0 ? tokens.issuedAtMs : tokens.accessExpiresAtMs;
    return std::clamp<qint64>(tokens.accessExpiresAtMs - issued, 0, kMaxSchedulingLifetimeMs);
}

qint64 handOutFloorMs(const TokenSet &tokens)
{
    return std::min(kHandOutFloorMs, lifetimeMs(tokens) / 4);
}

bool isLastToken(const TokenSet &tokens)
{
    return tokens.refreshUntilMs > 0 && tokens.accessExpiresAtMs > 0
            && tokens.accessExpiresAtMs >= tokens.refreshUntilMs;
}

bool isUsable(const TokenSet &tokens, qint64 nowMs)
{
    if (!tokens.hasAccessToken())
        return false;
    if (tokens.accessExpiresAtMs <= 0)
        return true;
    // The last token of a grant is worth its every second: nothing newer can replace it.
    const qint64 floor = isLastToken(tokens) ? 0 : handOutFloorMs(tokens);
    return nowMs < tokens.accessExpiresAtMs - floor;
}

bool isUnexpired(const TokenSet &tokens, qint64 nowMs)
{
    return tokens.hasAccessToken()
            && (tokens.accessExpiresAtMs <= 0 || nowMs < tokens.accessExpiresAtMs);
}

qint64 proactiveRefreshAt(const TokenSet &tokens)
{
    if (!tokens.hasRefreshToken() || tokens.accessExpiresAtMs <= 0 || isLastToken(tokens))
        return 0;
    const qint64 lifetime = lifetimeMs(tokens);
    const qint64 expiry = tokens.accessExpiresAtMs;
    const qint64 issued = expiry - lifetime;
    const qint64 lead = std::max(kMinLeadMs, lifetime / 10);
    // Never before half the lifetime, never later than the hand-out floor.
    const qint64 at = std::max(issued + lifetime / 2, expiry - lead);
    return std::min(at, expiry - handOutFloorMs(tokens));
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

qint64 ceilingAllowsAt(const QList<qint64> &recentRequestsMs, qint64 nowMs)
{
    QList<qint64> inWindow;
    for (qint64 t : recentRequestsMs)
        if (t > nowMs - kCeilingWindowMs && t <= nowMs)
            inWindow.append(t);
    if (inWindow.size() < kCeilingRequests)
        return nowMs;
    std::sort(inWindow.begin(), inWindow.end());
    // The request that must leave the window before another one fits.
    return inWindow.at(inWindow.size() - kCeilingRequests) + kCeilingWindowMs;
}

QList<qint64> recordRequest(const QList<qint64> &recentRequestsMs, qint64 nowMs)
{
    QList<qint64> out;
    for (qint64 t : recentRequestsMs)
        if (t > nowMs - kCeilingWindowMs && t <= nowMs)
            out.append(t);
    out.append(nowMs);
    std::sort(out.begin(), out.end());
    while (out.size() > kCeilingRequests)
        out.removeFirst();
    return out;
}

} // namespace RefreshPolicy
