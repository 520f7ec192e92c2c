#include "TransitionBuilder.h"

#include "RefreshPolicy.h"

#include <algorithm>

namespace SessionMachine {
namespace detail {

using FX = Effect::Type;
using S = SessionState;

AuthError signedOutError()
{
    return AuthError(AuthError::Kind::GrantDead, QStringLiteral("signed_out"));
}

Effect &TransitionBuilder::add(FX type)
{
    fx.append(Effect{type, {}, {}, 0, 0, false, false, {}, {}});
    return fx.last();
}

void TransitionBuilder::log(const QString &text)
{
    add(FX::Log).text = text;
}

void TransitionBuilder::schedule(qint64 atMs)
{
    s.schedule.deadlineMs = atMs;
    add(FX::Schedule).atMs = atMs;
}

void TransitionBuilder::failWaiters(const AuthError &error)
{
    if (s.waiters == 0)
        return;
    add(FX::FailWaiters).error = error;
    s.waiters = 0;
}

void TransitionBuilder::serveWaiters()
{
    if (s.waiters == 0 || s.persist.pending)
        return;
    add(FX::ServeWaiters);
    s.waiters = 0;
}

bool TransitionBuilder::usable() const
{
    return !s.atRejected && RefreshPolicy::isUsable(s.tokens, ctx.nowMs);
}

// How long before the grant's end the person is warned: a week, but never more than a fifth
// of the grant (a 15-minute demo grant warns 3 minutes ahead, not at sign-in).
qint64 TransitionBuilder::warningLead() const
{
    const qint64 start = s.grantStartMs > 0 ? s.grantStartMs : s.tokens.issuedAtMs;
    const qint64 grant = start > 0 ? s.tokens.refreshUntilMs - start : 0;
    return grant > 0 ? std::min(RefreshPolicy::kExpiryWarningMs, grant / 5)
                     : RefreshPolicy::kExpiryWarningMs;
}

// Schedules the next proactive refresh (or the grant-expiry warning check, or the grant's end
// for its last token) for Active.
void TransitionBuilder::scheduleProactive()
{
    qint64 at = proactiveAt();
    if (s.tokens.refreshUntilMs > 0) {
        const qint64 warnAt = s.tokens.refreshUntilMs - warningLead();
        if (!s.expiryWarned && warnAt > ctx.nowMs && (at == 0 || warnAt < at))
            at = warnAt;
        if (at == 0 || s.tokens.refreshUntilMs < at)
            at = s.tokens.refreshUntilMs;
    }
    if (s.persist.storage == StorageStatus::NotPersisted && s.tokens.hasRefreshToken()) {
        const qint64 retry = ctx.nowMs + RefreshPolicy::kStorageRetryMs;
        at = at == 0 ? retry : std::min(at, retry);
    }
    if (probeAt() > 0)
        at = at == 0 ? probeAt() : std::min(at, probeAt());
    s.schedule.retryOp = Op::Refresh;
    schedule(at);
}

// When an assumed expiry is next checked with the server; 0 when the expiry is the server's.
qint64 TransitionBuilder::probeAt() const
{
    if (!s.tokens.expiryEstimated || !s.tokens.hasAccessToken())
        return 0;
    return std::max(s.schedule.lastProbeMs, s.tokens.issuedAtMs) + RefreshPolicy::kSessionProbeMs;
}

void TransitionBuilder::maybeWarnExpiry()
{
    if (s.expiryWarned || s.tokens.refreshUntilMs <= 0)
        return;
    if (s.tokens.refreshUntilMs - ctx.nowMs <= warningLead()
        && ctx.nowMs < s.tokens.refreshUntilMs) {
        s.expiryWarned = true;
        Effect &e = add(FX::NotifyExpiringSoon);
        e.tokens = s.tokens;
        e.atMs = s.tokens.refreshUntilMs;
    }
}

// New tokens: written before they are published (I-2). Callers wait for this generation only.
void TransitionBuilder::persist()
{
    s.persist.pending = true;
    s.persist.generation = s.generation;
    Effect &e = add(FX::Persist);
    e.tokens = s.tokens;
    e.generation = s.generation;
}

// Tokens already published (a write that failed earlier): written again, nobody waits for it.
void TransitionBuilder::persistAgain()
{
    s.persist.generation = s.generation;
    Effect &e = add(FX::Persist);
    e.tokens = s.tokens;
    e.generation = s.generation;
}

void TransitionBuilder::acceptTokens(const TokenSet &tokens)
{
    if (tokens.refreshUntilMs != s.tokens.refreshUntilMs)
        s.expiryWarned = false; // a new grant end: warn again when it approaches
    s.tokens = tokens;
    ++s.generation;
    s.state = S::Active;
    s.schedule.attempt = 0;
    s.flight.op = Op::None;
    s.schedule.retryOp = Op::None;
    s.schedule.fastRetry = false;
    s.reauth.rereadDone = false;
    s.atRejected = false;
    s.schedule.throttled = false;
    s.lastError = AuthError();
    s.reauth.reason.clear();
    s.schedule.lastRefreshMs = ctx.nowMs;
    persist(); // I-2: waiters are served once the write finished
    maybeWarnExpiry();
    scheduleProactive();
}

bool TransitionBuilder::waitingForCeiling() const
{
    return s.schedule.throttled && s.schedule.deadlineMs > 0
            && s.schedule.deadlineMs - ctx.nowMs <= RefreshPolicy::kMaxCeilingWaitMs;
}

// I-5: the per-account ceiling on token-endpoint requests. When it is reached the attempt `op`
// is postponed to the first instant it fits; returns true then.
bool TransitionBuilder::throttle(Op op)
{
    const qint64 at = RefreshPolicy::ceilingAllowsAt(s.schedule.recentRequests, ctx.nowMs);
    if (at <= ctx.nowMs)
        return false;
    AuthError limited(AuthError::Kind::Transient, QStringLiteral("rate_limited"));
    limited.retryAfterMs = at - ctx.nowMs;
    if (!s.lastError.isError())
        s.lastError = limited;
    s.state = s.online ? S::Backoff : S::Offline;
    s.flight.op = Op::None;
    s.schedule.retryOp = op;
    s.schedule.throttled = true;
    schedule(at);
    log(QStringLiteral("too many token requests in a minute; next attempt in ")
        + QString::number((at - ctx.nowMs + 999) / 1000) + QStringLiteral(" s"));
    if (usable())
        serveWaiters();
    else if (!waitingForCeiling())
        failWaiters(limited);
    return true;
}

void TransitionBuilder::recordRequest()
{
    s.schedule.recentRequests = RefreshPolicy::recordRequest(s.schedule.recentRequests, ctx.nowMs);
    s.schedule.throttled = false;
}

void TransitionBuilder::startSilentLogin()
{
    s.reauth.silentTried = true;
    s.flight.stateBeforeSignIn = S::ReauthRequired;
    sendSilentLogin();
}

void TransitionBuilder::sendSilentLogin()
{
    if (throttle(Op::SilentLogin))
        return;
    recordRequest();
    s.state = S::SigningIn;
    s.flight.op = Op::SilentLogin;
    s.schedule.retryOp = Op::None;
    schedule(0);
    add(FX::SendLogin).silent = true;
    log(QStringLiteral("signing in again silently with the stored credentials"));
}

// The refresh token is dead (after R-04): drop it and ask for a new sign-in (I-1).
void TransitionBuilder::goReauth(AuthError error, const QString &reason)
{
    s.lastError = error;
    s.reauth.reason = reason;
    s.reauth.atMs = ctx.nowMs;
    s.flight.op = Op::None;
    s.schedule.fastRetry = false;
    s.reauth.rereadDone = false;
    s.schedule.attempt = 0;
    if (s.tokens.hasAccessToken() || s.tokens.hasRefreshToken()) {
        s.tokens = TokenSet();
        ++s.generation;
        s.persist.pending = false;
        s.persist.generation = 0;
        add(FX::DropTokens);
    }
    log(QStringLiteral("grant ended: ") + reason);
    // S-15b, I-7: the stored password at most once per dead grant (a grant obtained silently
    // that dies before it was ever refreshed does not earn another attempt).
    if (ctx.rememberCredentials && s.persist.passwordStored && !s.reauth.silentTried) {
        startSilentLogin();
        return;
    }
    s.state = S::ReauthRequired;
    s.schedule.retryOp = Op::None;
    schedule(0);
    failWaiters(error);
    // M-33: one prompt, not one per caller or per failure burst.
    if (s.reauth.notifiedAtMs == 0
        || ctx.nowMs - s.reauth.notifiedAtMs >= RefreshPolicy::kReauthCacheMs) {
        s.reauth.notifiedAtMs = ctx.nowMs;
        add(FX::NotifyReauth).error = error;
    }
}

void TransitionBuilder::startRefresh()
{
    if (RefreshPolicy::grantExpired(s.tokens, ctx.nowMs)) {
        goReauth(AuthError(AuthError::Kind::GrantDead, QStringLiteral("refresh_until_passed")),
                 QStringLiteral("refresh_until_passed"));
        return;
    }
    if (!s.tokens.hasRefreshToken()) {
        goReauth(AuthError(AuthError::Kind::GrantDead, QStringLiteral("no_refresh_token")),
                 QStringLiteral("no_refresh_token"));
        return;
    }
    if (throttle(Op::Refresh))
        return;
    recordRequest();
    s.state = S::Refreshing;
    s.flight.op = Op::Refresh;
    s.schedule.retryOp = Op::None;
    s.flight.sentRefreshToken = s.tokens.refreshToken;
    schedule(0);
    add(FX::WriteJournal).refreshToken = s.tokens.refreshToken;
    s.persist.journalOpen = true;
    Effect &e = add(FX::SendRefresh);
    e.refreshToken = s.tokens.refreshToken;
    e.generation = s.generation;
}

// A transient/ambiguous failure: keep everything, try again later (R-05, R-10, I-5).
void TransitionBuilder::backoff(const AuthError &error, Op retry)
{
    s.lastError = error;
    s.flight.op = Op::None;
    s.schedule.retryOp = retry;
    s.schedule.throttled = false;
    const bool atUsable = usable();
    qint64 delay;
    if (error.kind == AuthError::Kind::Ambiguous && !s.schedule.fastRetry && retry == Op::Refresh) {
        s.schedule.fastRetry = true; // same RT, inside the server's grace window
        delay = RefreshPolicy::kAmbiguousRetryMs;
    } else {
        s.schedule.fastRetry = false;
        const qint64 backoffMs =
                RefreshPolicy::backoffDelay(s.schedule.attempt, !atUsable, ctx.jitter);
        // Retry-After is honoured when it asks for more; a date in the past or 0 never turns
        // into a retry a second (L5): the exponential backoff is the floor.
        delay = error.retryAfterMs > 0
                ? std::max(backoffMs,
                           std::min<qint64>(error.retryAfterMs, RefreshPolicy::kRetryAfterCapMs))
                : backoffMs;
        ++s.schedule.attempt;
    }
    if (error.kind == AuthError::Kind::Offline || !s.online) {
        s.state = S::Offline;
        delay = std::max(delay, RefreshPolicy::kOfflineProbeMs);
    } else {
        s.state = S::Backoff;
    }
    schedule(ctx.nowMs + delay);
    log(QStringLiteral("retrying in ") + QString::number(delay / 1000) + QStringLiteral(" s: ")
        + error.toLogString());
    if (atUsable)
        serveWaiters();
    else
        failWaiters(error); // promptly, all with the same error (M-02, M-36)
}

void TransitionBuilder::configError(const AuthError &error)
{
    s.lastError = error;
    s.state = S::ConfigError;
    s.flight.op = Op::None;
    s.schedule.retryOp = Op::None;
    s.schedule.fastRetry = false;
    s.schedule.throttled = false;
    schedule(0);
    failWaiters(error);
    log(QStringLiteral("needs configuration: ") + error.toLogString());
}

// Re-evaluates Active/Backoff/Offline at ctx.nowMs (deadline, resume, clock jump, online).
void TransitionBuilder::evaluate()
{
    if (s.state == S::Offline && !s.online) {
        // M-52: only a slow probe while offline, and only if a refresh is needed.
        if (s.schedule.deadlineMs > 0 && ctx.nowMs >= s.schedule.deadlineMs && needsRefresh())
            startRefresh();
        else if (s.schedule.deadlineMs == 0 || ctx.nowMs >= s.schedule.deadlineMs)
            schedule(ctx.nowMs + RefreshPolicy::kOfflineProbeMs);
        return;
    }
    if ((s.state == S::Backoff || s.state == S::Offline) && ctx.nowMs < s.schedule.deadlineMs)
        return;
    if (s.state == S::Backoff || s.state == S::Offline) {
        if (s.schedule.retryOp == Op::SilentLogin) {
            sendSilentLogin();
            return;
        }
        startRefresh();
        return;
    }
    // Active
    maybeWarnExpiry();
    if (RefreshPolicy::grantExpired(s.tokens, ctx.nowMs) || needsRefresh()) {
        startRefresh();
        return;
    }
    if (s.persist.storage == StorageStatus::NotPersisted && !s.persist.pending)
        persistAgain(); // nobody waits for it: the tokens were already published (§0.4)
    if (probeAt() > 0 && ctx.nowMs >= probeAt() && !s.flight.probing) {
        s.flight.probing = true;
        s.schedule.lastProbeMs = ctx.nowMs;
        add(FX::Probe).tokens = s.tokens;
    }
    scheduleProactive();
}

bool TransitionBuilder::needsRefresh() const
{
    if (!usable())
        return true;
    const qint64 at = proactiveAt();
    return at > 0 && ctx.nowMs >= at;
}

// The policy's proactive instant, but never closer to the last token request than the ceiling
// can sustain (a 5-second token is renewed every 6 s, not back to back).
qint64 TransitionBuilder::proactiveAt() const
{
    const qint64 at = RefreshPolicy::proactiveRefreshAt(s.tokens);
    if (at <= 0 || s.schedule.recentRequests.isEmpty())
        return at;
    return std::max(at, s.schedule.recentRequests.last() + RefreshPolicy::kMinProactiveSpacingMs);
}

// Every caller waiting now gets what the state can give: the token, a wait for the one flight
// (starting it if needed), or the error that explains why not. Never a silent hold.
void TransitionBuilder::answerWaiters()
{
    if (s.waiters == 0)
        return;
    if (canServe(s, ctx.nowMs)) {
        serveWaiters();
        return;
    }
    switch (s.state) {
    case S::Active:
        startRefresh();
        break; // blocking refresh: callers wait for it
    case S::Refreshing:
    case S::SigningIn:
        break; // single flight: wait for that one result
    case S::Backoff:
        if (waitingForCeiling())
            break; // the postponed refresh is seconds away: wait for it (bounded)
        failWaiters(s.lastError);
        break;
    case S::ConfigError:
        failWaiters(s.lastError);
        break;
    case S::Offline:
        failWaiters(AuthError(AuthError::Kind::Offline, QStringLiteral("offline")));
        break;
    case S::ReauthRequired:
        failWaiters(s.lastError.isError() ? s.lastError
                                          : AuthError(AuthError::Kind::GrantDead, s.reauth.reason));
        break;
    case S::SignedOut:
        failWaiters(storageIsBlocked(s.persist.storage) ? AuthError(
                            AuthError::Kind::Storage, storageStatusId(s.persist.storage))
                                                        : signedOutError());
        break;
    case S::Revoking:
        failWaiters(AuthError(AuthError::Kind::Cancelled, QStringLiteral("signing_out")));
        break;
    }
}

} // namespace detail
} // namespace SessionMachine
