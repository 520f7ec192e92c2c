#include "TransitionBuilder.h"

#include "RefreshPolicy.h"

// The transitions for the outside world's longer answers, out of SessionMachine::step() so that
// each reads in one sitting. Internal to the session library.
namespace SessionMachine {
namespace detail {

using ET = Event::Type;
using FX = Effect::Type;
using S = SessionState;
using Builder = TransitionBuilder;

// A password grant answered (interactive or silent, S-15b, M-60).
void signInReply(Builder &b, const Event &e)
{
    State &s = b.s;
    const Context &ctx = b.ctx;
    const bool silent = s.flight.op == Op::SilentLogin;
    if (e.generation != s.generation)
        return; // stale (cancelled) attempt
    if (!e.error) {
        s.reauth.notifiedAtMs = 0;
        s.grantStartMs = ctx.nowMs;
        s.expiryWarned = false;
        if (!silent) {
            // The person signed in: the stored password may be tried again once.
            s.reauth.silentTried = false;
            const bool keepPassword = ctx.rememberCredentials && s.flight.signInHasPassword;
            b.add(FX::SaveCredentials).silent = keepPassword;
            if (s.persist.passwordStored && !keepPassword)
                b.add(FX::ErasePassword); // unticked "remember": forget it now
            s.persist.passwordStored =
                    keepPassword || (s.persist.passwordStored && !s.flight.signInHasPassword);
            const TokenSet old = s.flight.tokensBeforeSignIn;
            if ((old.hasRefreshToken() && old.refreshToken != e.tokens.refreshToken)
                || (!old.hasRefreshToken() && old.hasAccessToken()
                    && old.accessToken != e.tokens.accessToken))
                b.add(FX::RevokeOrphan).tokens = old; // the replaced grant ends too
        }
        s.flight.tokensBeforeSignIn = TokenSet();
        b.acceptTokens(e.tokens);
        b.add(FX::NotifySignIn);
        b.log(silent ? QStringLiteral("signed in again silently") : QStringLiteral("signed in"));
        return;
    }
    s.flight.op = Op::None;
    s.flight.tokensBeforeSignIn = TokenSet();
    if (!silent) {
        s.state = s.flight.stateBeforeSignIn;
        s.lastError = e.error;
        b.failWaiters(e.error);
        b.add(FX::NotifySignIn).error = e.error;
        b.log(QStringLiteral("sign-in failed: ") + e.error.toLogString());
        if (s.state == S::Active)
            b.evaluate();
        return;
    }
    // Silent re-sign-in (S-15b, M-60).
    if (e.error.kind == AuthError::Kind::BadCredentials) {
        s.persist.passwordStored = false;
        b.add(FX::ErasePassword);
        s.reauth.silentTried = true;
        b.goReauth(e.error, QStringLiteral("stored_password_rejected"));
    } else if (e.error.isRetryable()) {
        b.backoff(e.error, Op::SilentLogin); // the password is not counted as failed
    } else if (e.error.needsConfiguration()) {
        b.configError(e.error);
    } else {
        b.goReauth(e.error, QStringLiteral("silent_sign_in_failed"));
    }
}

// A refresh answered: accept, re-read, back off, or give the grant up; or, while signing
// out, revoke the newest pair (M-59).
void refreshReply(Builder &b, const Event &e)
{
    State &s = b.s;
    if (s.state == S::Revoking && s.flight.op == Op::Refresh
        && e.generation == s.flight.revokeAwaitGeneration) {
        // Sign-out waited for the refresh under way (M-59): revoke the newest pair. Its
        // tokens are never persisted (the local wipe already ran).
        const bool rotated = !e.error;
        if (rotated)
            s.tokens = e.tokens;
        s.flight.op = Op::Revoke;
        Effect &r = b.add(FX::SendRevoke);
        r.tokens = s.tokens;
        // An unknown outcome: the server may have rotated to a pair nobody knows now, so
        // the revocation can never be reported as confirmed.
        if (e.error.kind == AuthError::Kind::Ambiguous)
            r.error = e.error;
        return;
    }
    if (e.generation != s.generation)
        return; // late reply after sign-out/new sign-in: never persisted (S-32, M-59)
    if (s.state == S::Revoking) {
        if (s.flight.op != Op::RevokeRefresh)
            return;
        if (!e.error) {
            // Venafi revoke needs a live AT; the fresh pair is never persisted.
            s.tokens = e.tokens;
            s.flight.op = Op::Revoke;
            b.add(FX::SendRevoke).tokens = s.tokens;
        } else {
            s.flight.op = Op::None;
            s.state = S::SignedOut;
            s.tokens = TokenSet();
            const bool dead = e.error.kind == AuthError::Kind::GrantDead;
            Effect &n = b.add(FX::NotifyRevoke);
            n.confirmed = dead;
            n.error = dead
                    ? AuthError(AuthError::Kind::GrantDead, QStringLiteral("grant_already_ended"))
                    : e.error;
        }
        return;
    }
    if (s.flight.op != Op::Refresh)
        return;
    // the journal stays open until the new tokens are in the keychain (PersistDone),
    // and after an ambiguous outcome (the server may have rotated); it closes as soon as
    // the outcome is known otherwise.
    if (e.error && e.error.kind != AuthError::Kind::Ambiguous && s.persist.journalOpen) {
        b.add(FX::ClearJournal);
        s.persist.journalOpen = false;
    }
    if (!e.error) {
        s.reauth.silentTried = false; // this grant proved alive: a later death may try once more
        b.log(QStringLiteral("refreshed")
              + (e.tokens.refreshToken != s.flight.sentRefreshToken ? QStringLiteral(" (rotated)")
                                                                    : QString()));
        b.acceptTokens(e.tokens);
        return;
    }
    switch (e.error.kind) {
    case AuthError::Kind::GrantDead:
    case AuthError::Kind::BadCredentials:
        if (!s.reauth.rereadDone) {
            // another process may have rotated; re-read before concluding.
            s.reauth.rereadDone = true;
            s.flight.op = Op::Reread;
            s.lastError = e.error;
            b.add(FX::Reread);
            return;
        }
        b.goReauth(e.error, s.schedule.fastRetry ? QStringLiteral("lost_rotation") : e.error.code);
        return;
    case AuthError::Kind::Transient:
    case AuthError::Kind::Ambiguous:
    case AuthError::Kind::Offline:
        b.backoff(e.error, Op::Refresh);
        return;
    case AuthError::Kind::Cancelled:
        s.flight.op = Op::None;
        s.state = S::Active;
        b.evaluate();
        return;
    default:
        b.configError(e.error);
        return;
    }
}

// Sign-out: wipe locally whatever the server answers (S-31); revoke now, after a Venafi refresh
// (M-58c), or after the renewal under way (M-59).
void revokeRequested(Builder &b, const Event &)
{
    State &s = b.s;
    const Context &ctx = b.ctx;
    const TokenSet tokens = s.tokens;
    const bool refreshUnderWay = s.flight.op == Op::Refresh;
    s.flight.revokeAwaitGeneration = s.generation;
    ++s.generation;
    b.failWaiters(AuthError(AuthError::Kind::Cancelled, QStringLiteral("signing_out")));
    if (s.flight.op != Op::None && !refreshUnderWay)
        b.add(FX::CancelRequests);
    b.add(FX::EraseAll); // local secrets go whatever the server answers (S-31)
    b.add(FX::ClearJournal);
    s.persist.journalOpen = false;
    b.schedule(0);
    s.persist.passwordStored = false;
    s.persist.pending = false;
    s.persist.generation = 0;
    s.schedule.throttled = false;
    s.flight.tokensBeforeSignIn = TokenSet();
    s.persist.storage =
            s.persist.storage == StorageStatus::SessionOnly ? s.persist.storage : StorageStatus::Ok;
    s.reauth.silentTried = false;
    s.reauth.reason.clear();
    s.lastError = AuthError();
    b.log(QStringLiteral("signing out"));
    if (!tokens.hasAccessToken() && !tokens.hasRefreshToken()) {
        s.state = S::SignedOut;
        s.flight.op = Op::None;
        s.tokens = TokenSet();
        Effect &n = b.add(FX::NotifyRevoke);
        n.confirmed = true;
        n.error = AuthError(AuthError::Kind::Cancelled, QStringLiteral("nothing_to_revoke"));
        return;
    }
    s.state = S::Revoking;
    if (refreshUnderWay) {
        // M-59: the server may be rotating right now. Wait for that answer (bounded by the
        // request's own deadline) and revoke whatever pair is newest then.
        s.flight.op = Op::Refresh;
        b.log(QStringLiteral("waiting for the renewal under way before revoking"));
        return;
    }
    if (ctx.revokeNeedsLiveAccessToken && !RefreshPolicy::isUsable(tokens, ctx.nowMs)
        && tokens.hasRefreshToken() && !RefreshPolicy::grantExpired(tokens, ctx.nowMs)) {
        s.flight.op = Op::RevokeRefresh; // M-58c: refresh first, then revoke
        Effect &r = b.add(FX::SendRefresh);
        r.refreshToken = tokens.refreshToken;
        r.generation = s.generation;
        return;
    }
    s.flight.op = Op::Revoke;
    b.add(FX::SendRevoke).tokens = tokens;
}

} // namespace detail
} // namespace SessionMachine
