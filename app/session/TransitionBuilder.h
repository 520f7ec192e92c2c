#pragma once

#include "RefreshPolicy.h"
#include "SessionMachine.h"

#include <algorithm>

// The building blocks of SessionMachine::step(): a transition under construction (the next state
// and its effects) with the rules that several events share: starting a refresh, backing off,
// giving up on a dead grant, scheduling the next deadline. Internal to the session library.
namespace SessionMachine {
namespace detail {

using ET = Event::Type;
using FX = Effect::Type;
using S = SessionState;

struct TransitionBuilder
{
    State s;
    QList<Effect> fx;
    const Context &ctx;

    Effect &add(FX type)
    {
        fx.append(Effect{type, {}, {}, 0, 0, false, false, {}, {}});
        return fx.last();
    }
    void log(const QString &text) { add(FX::Log).text = text; }
    void schedule(qint64 atMs)
    {
        s.deadlineMs = atMs;
        add(FX::Schedule).atMs = atMs;
    }
    void failWaiters(const AuthError &error)
    {
        if (s.waiters == 0)
            return;
        add(FX::FailWaiters).error = error;
        s.waiters = 0;
    }
    void serveWaiters()
    {
        if (s.waiters == 0 || s.persistPending)
            return;
        add(FX::ServeWaiters);
        s.waiters = 0;
    }
    bool usable() const { return !s.atRejected && RefreshPolicy::isUsable(s.tokens, ctx.nowMs); }

    // How long before the grant's end the person is warned: a week, but never more than a fifth
    // of the grant (a 15-minute demo grant warns 3 minutes ahead, not at sign-in).
    qint64 warningLead() const
    {
        const qint64 start = s.grantStartMs > 0 ? s.grantStartMs : s.tokens.issuedAtMs;
        const qint64 grant = start > 0 ? s.tokens.refreshUntilMs - start : 0;
        return grant > 0 ? std::min(RefreshPolicy::kExpiryWarningMs, grant / 5)
                         : RefreshPolicy::kExpiryWarningMs;
    }

    // Schedules the next proactive refresh (or the grant-expiry warning check) for Active.
    void scheduleProactive()
    {
        qint64 at = RefreshPolicy::proactiveRefreshAt(s.tokens);
        if (s.tokens.refreshUntilMs > 0) {
            const qint64 warnAt = s.tokens.refreshUntilMs - warningLead();
            if (!s.expiryWarned && warnAt > ctx.nowMs && (at == 0 || warnAt < at))
                at = warnAt;
            if (at == 0 || s.tokens.refreshUntilMs < at)
                at = s.tokens.refreshUntilMs;
        }
        if (s.storage == StorageStatus::NotPersisted && s.tokens.hasRefreshToken()) {
            const qint64 retry = ctx.nowMs + RefreshPolicy::kDefaultRateLimitMs;
            at = at == 0 ? retry : std::min(at, retry);
        }
        s.retryOp = Op::Refresh;
        schedule(at);
    }

    void maybeWarnExpiry()
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

    void persist()
    {
        s.persistPending = true;
        Effect &e = add(FX::Persist);
        e.tokens = s.tokens;
        e.generation = s.generation;
    }

    void acceptTokens(const TokenSet &tokens)
    {
        if (tokens.refreshUntilMs != s.tokens.refreshUntilMs)
            s.expiryWarned = false; // a new grant end: warn again when it approaches
        s.tokens = tokens;
        ++s.generation;
        s.state = S::Active;
        s.attempt = 0;
        s.inFlight = Op::None;
        s.retryOp = Op::None;
        s.fastRetry = false;
        s.rereadDone = false;
        s.atRejected = false;
        s.lastError = AuthError();
        s.reauthReason.clear();
        s.lastRefreshMs = ctx.nowMs;
        persist(); // I-2: waiters are served once the write finished
        maybeWarnExpiry();
        scheduleProactive();
    }

    void startSilentLogin()
    {
        s.silentTried = true;
        s.state = S::SigningIn;
        s.stateBeforeSignIn = S::ReauthRequired;
        s.inFlight = Op::SilentLogin;
        s.retryOp = Op::None;
        schedule(0);
        add(FX::SendLogin).silent = true;
        log(QStringLiteral("signing in again silently with the stored credentials"));
    }

    // The refresh token is dead (after R-04): drop it and ask for a new sign-in (I-1).
    void goReauth(AuthError error, const QString &reason)
    {
        s.lastError = error;
        s.reauthReason = reason;
        s.reauthAtMs = ctx.nowMs;
        s.inFlight = Op::None;
        s.fastRetry = false;
        s.rereadDone = false;
        s.attempt = 0;
        if (s.tokens.hasAccessToken() || s.tokens.hasRefreshToken()) {
            s.tokens = TokenSet();
            ++s.generation;
            s.persistPending = false;
            add(FX::DropTokens);
        }
        log(QStringLiteral("grant ended: ") + reason);
        if (ctx.rememberCredentials && s.passwordStored && !s.silentTried) {
            startSilentLogin();
            return;
        }
        s.state = S::ReauthRequired;
        s.retryOp = Op::None;
        schedule(0);
        failWaiters(error);
        // M-33: one prompt, not one per caller or per failure burst.
        if (s.reauthNotifiedAtMs == 0
            || ctx.nowMs - s.reauthNotifiedAtMs >= RefreshPolicy::kReauthCacheMs) {
            s.reauthNotifiedAtMs = ctx.nowMs;
            add(FX::NotifyReauth).error = error;
        }
    }

    void startRefresh()
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
        s.state = S::Refreshing;
        s.inFlight = Op::Refresh;
        s.retryOp = Op::None;
        s.sentRefreshToken = s.tokens.refreshToken;
        schedule(0);
        add(FX::WriteJournal).refreshToken = s.tokens.refreshToken;
        s.journalOpen = true;
        Effect &e = add(FX::SendRefresh);
        e.refreshToken = s.tokens.refreshToken;
        e.generation = s.generation;
    }

    // A transient/ambiguous failure: keep everything, try again later (R-05, R-10, I-5).
    void backoff(const AuthError &error, Op retry)
    {
        s.lastError = error;
        s.inFlight = Op::None;
        s.retryOp = retry;
        const bool atUsable = usable();
        qint64 delay;
        if (error.kind == AuthError::Kind::Ambiguous && !s.fastRetry && retry == Op::Refresh) {
            s.fastRetry = true; // same RT, inside the server's grace window
            delay = RefreshPolicy::kAmbiguousRetryMs;
        } else {
            s.fastRetry = false;
            if (error.retryAfterMs >= 0)
                delay = std::clamp<qint64>(error.retryAfterMs, 1000,
                                           RefreshPolicy::kRetryAfterCapMs);
            else
                delay = RefreshPolicy::backoffDelay(s.attempt, !atUsable, ctx.jitter);
            ++s.attempt;
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

    void configError(const AuthError &error)
    {
        s.lastError = error;
        s.state = S::ConfigError;
        s.inFlight = Op::None;
        s.retryOp = Op::None;
        s.fastRetry = false;
        schedule(0);
        failWaiters(error);
        log(QStringLiteral("needs configuration: ") + error.toLogString());
    }

    // Re-evaluates Active/Backoff/Offline at ctx.nowMs (deadline, resume, clock jump, online).
    void evaluate()
    {
        if (s.state == S::Offline && !s.online) {
            // M-52: only a slow probe while offline, and only if a refresh is needed.
            if (s.deadlineMs > 0 && ctx.nowMs >= s.deadlineMs && needsRefresh())
                startRefresh();
            else if (s.deadlineMs == 0 || ctx.nowMs >= s.deadlineMs)
                schedule(ctx.nowMs + RefreshPolicy::kOfflineProbeMs);
            return;
        }
        if ((s.state == S::Backoff || s.state == S::Offline) && ctx.nowMs < s.deadlineMs)
            return;
        if (s.state == S::Backoff || s.state == S::Offline) {
            if (s.retryOp == Op::SilentLogin) {
                s.state = S::SigningIn;
                s.inFlight = Op::SilentLogin;
                add(FX::SendLogin).silent = true;
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
        if (s.storage == StorageStatus::NotPersisted && !s.persistPending)
            persist();
        scheduleProactive();
    }

    bool needsRefresh() const
    {
        if (!usable())
            return true;
        const qint64 at = RefreshPolicy::proactiveRefreshAt(s.tokens);
        return at > 0 && ctx.nowMs >= at;
    }
};

inline AuthError signedOutError()
{
    return AuthError(AuthError::Kind::GrantDead, QStringLiteral("signed_out"));
}

} // namespace detail
} // namespace SessionMachine
