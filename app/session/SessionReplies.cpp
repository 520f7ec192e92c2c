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
    const bool silent = s.inFlight == Op::SilentLogin;
    if (e.generation != s.generation)
        return; // stale (cancelled) attempt
    if (!e.error) {
        s.reauthNotifiedAtMs = 0;
        s.grantStartMs = ctx.nowMs;
        s.expiryWarned = false;
        if (!silent) {
            // The person signed in: the stored password may be tried again once.
            s.silentTried = false;
            const bool keepPassword = ctx.rememberCredentials && s.signInHasPassword;
            b.add(FX::SaveCredentials).silent = keepPassword;
            if (s.passwordStored && !keepPassword)
                b.add(FX::ErasePassword); // unticked "remember": forget it now
            s.passwordStored = keepPassword || (s.passwordStored && !s.signInHasPassword);
            const TokenSet old = s.tokensBeforeSignIn;
            if ((old.hasRefreshToken() && old.refreshToken != e.tokens.refreshToken)
                || (!old.hasRefreshToken() && old.hasAccessToken()
                    && old.accessToken != e.tokens.accessToken))
                b.add(FX::RevokeOrphan).tokens = old; // the replaced grant ends too
        }
        s.tokensBeforeSignIn = TokenSet();
        b.acceptTokens(e.tokens);
        b.add(FX::NotifySignIn);
        b.log(silent ? QStringLiteral("signed in again silently") : QStringLiteral("signed in"));
        return;
    }
    s.inFlight = Op::None;
    s.tokensBeforeSignIn = TokenSet();
    if (!silent) {
        s.state = s.stateBeforeSignIn;
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
        s.passwordStored = false;
        b.add(FX::ErasePassword);
        s.silentTried = true;
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
    if (s.state == S::Revoking && s.inFlight == Op::Refresh
        && e.generation == s.revokeAwaitGeneration) {
        // Sign-out waited for the refresh under way (M-59): revoke the newest pair. Its
        // tokens are never persisted (the local wipe already ran).
        const bool rotated = !e.error;
        if (rotated)
            s.tokens = e.tokens;
        s.inFlight = Op::Revoke;
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
        if (s.inFlight != Op::RevokeRefresh)
            return;
        if (!e.error) {
            // Venafi revoke needs a live AT; the fresh pair is never persisted.
            s.tokens = e.tokens;
            s.inFlight = Op::Revoke;
            b.add(FX::SendRevoke).tokens = s.tokens;
        } else {
            s.inFlight = Op::None;
            s.state = S::SignedOut;
            s.tokens = TokenSet();
            const bool dead = e.error.kind == AuthError::Kind::GrantDead;
            Effect &n = b.add(FX::NotifyRevoke);
            n.confirmed = dead;
            n.text = dead ? QStringLiteral("grant already ended") : e.error.toLogString();
        }
        return;
    }
    if (s.inFlight != Op::Refresh)
        return;
    // the journal stays open until the new tokens are in the keychain (PersistDone),
    // and after an ambiguous outcome (the server may have rotated); it closes as soon as
    // the outcome is known otherwise.
    if (e.error && e.error.kind != AuthError::Kind::Ambiguous && s.journalOpen) {
        b.add(FX::ClearJournal);
        s.journalOpen = false;
    }
    if (!e.error) {
        s.silentTried = false; // this grant proved alive: a later death may try once more
        b.log(QStringLiteral("refreshed")
              + (e.tokens.refreshToken != s.sentRefreshToken ? QStringLiteral(" (rotated)")
                                                             : QString()));
        b.acceptTokens(e.tokens);
        return;
    }
    switch (e.error.kind) {
    case AuthError::Kind::GrantDead:
    case AuthError::Kind::BadCredentials:
        if (!s.rereadDone) {
            // another process may have rotated; re-read before concluding.
            s.rereadDone = true;
            s.inFlight = Op::Reread;
            s.lastError = e.error;
            b.add(FX::Reread);
            return;
        }
        b.goReauth(e.error, s.fastRetry ? QStringLiteral("lost_rotation") : e.error.code);
        return;
    case AuthError::Kind::Transient:
    case AuthError::Kind::Ambiguous:
    case AuthError::Kind::Offline:
        b.backoff(e.error, Op::Refresh);
        return;
    case AuthError::Kind::Cancelled:
        s.inFlight = Op::None;
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
    const bool refreshUnderWay = s.inFlight == Op::Refresh;
    s.revokeAwaitGeneration = s.generation;
    ++s.generation;
    b.failWaiters(AuthError(AuthError::Kind::Cancelled, QStringLiteral("signing_out")));
    if (s.inFlight != Op::None && !refreshUnderWay)
        b.add(FX::CancelRequests);
    b.add(FX::EraseAll); // local secrets go whatever the server answers (S-31)
    b.add(FX::ClearJournal);
    s.journalOpen = false;
    b.schedule(0);
    s.passwordStored = false;
    s.persistPending = false;
    s.persistGeneration = 0;
    s.throttled = false;
    s.tokensBeforeSignIn = TokenSet();
    s.storage = s.storage == StorageStatus::SessionOnly ? s.storage : StorageStatus::Ok;
    s.silentTried = false;
    s.reauthReason.clear();
    s.lastError = AuthError();
    b.log(QStringLiteral("signing out"));
    if (!tokens.hasAccessToken() && !tokens.hasRefreshToken()) {
        s.state = S::SignedOut;
        s.inFlight = Op::None;
        s.tokens = TokenSet();
        Effect &n = b.add(FX::NotifyRevoke);
        n.confirmed = true;
        n.text = QStringLiteral("nothing to revoke");
        return;
    }
    s.state = S::Revoking;
    if (refreshUnderWay) {
        // M-59: the server may be rotating right now. Wait for that answer (bounded by the
        // request's own deadline) and revoke whatever pair is newest then.
        s.inFlight = Op::Refresh;
        b.log(QStringLiteral("waiting for the renewal under way before revoking"));
        return;
    }
    if (ctx.revokeNeedsLiveAccessToken && !RefreshPolicy::isUsable(tokens, ctx.nowMs)
        && tokens.hasRefreshToken() && !RefreshPolicy::grantExpired(tokens, ctx.nowMs)) {
        s.inFlight = Op::RevokeRefresh; // M-58c: refresh first, then revoke
        Effect &r = b.add(FX::SendRefresh);
        r.refreshToken = tokens.refreshToken;
        r.generation = s.generation;
        return;
    }
    s.inFlight = Op::Revoke;
    b.add(FX::SendRevoke).tokens = tokens;
}

} // namespace detail
} // namespace SessionMachine
