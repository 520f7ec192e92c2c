#include "SessionMachine.h"

#include "RefreshPolicy.h"
#include "TransitionBuilder.h"

#include <algorithm>

namespace SessionMachine {

using ET = Event::Type;
using FX = Effect::Type;
using S = SessionState;
using detail::signedOutError;
using Builder = detail::TransitionBuilder;

bool canServe(const State &s, qint64 nowMs)
{
    const SessionState st = s.state;
    return !s.persist.pending && !s.atRejected
            && (st == S::Active || st == S::Refreshing || st == S::Backoff || st == S::Offline)
            && RefreshPolicy::isUsable(s.tokens, nowMs);
}

bool handles(SessionState st, Event::Type type)
{
    switch (type) {
    case ET::Loaded:
        return st == S::SignedOut || st == S::ReauthRequired;
    case ET::SignInRequested:
        return st == S::SignedOut || st == S::ReauthRequired || st == S::ConfigError
                || st == S::Active || st == S::Backoff || st == S::Offline;
    case ET::SignInReply:
    case ET::CancelSignIn:
        return st == S::SigningIn;
    case ET::TokenNeeded:
        return true; // every state answers a caller, one way or another
    case ET::RefreshRequested:
        return refreshNowApplies(st);
    case ET::Deadline:
        return st == S::Active || st == S::Backoff || st == S::Offline;
    case ET::Rejected:
        return st == S::Active || st == S::Backoff || st == S::Offline || st == S::Refreshing;
    case ET::RefreshReply:
        return st == S::Refreshing || st == S::Revoking;
    case ET::Reread:
        return st == S::Refreshing;
    case ET::PersistDone:
        return st != S::Revoking && st != S::SignedOut;
    case ET::Network:
        return true; // the flag matters everywhere
    case ET::RevokeRequested:
        return st != S::Revoking;
    case ET::RevokeDone:
        return st == S::Revoking;
    case ET::RetryStorage:
        return st != S::Revoking && st != S::SigningIn;
    case ET::ProbeReply:
        return true; // the flag is cleared in every state
    }
    return false;
}

Transition step(const State &state, const Event &e, const Context &ctx)
{
    if (!handles(state.state, e.type))
        return {state, {}};
    Builder b{state, {}, ctx};
    State &s = b.s;

    switch (e.type) {
    case ET::Loaded: {
        s.loaded = true;
        s.persist.storage = e.storage;
        s.persist.passwordStored = e.passwordStored;
        if (storageIsBlocked(e.storage) || e.storage == StorageStatus::Unreadable) {
            // never read "not found/locked" as signed out, never start a login by itself.
            s.state = e.storage == StorageStatus::Unreadable ? S::ReauthRequired : S::SignedOut;
            if (e.storage == StorageStatus::Unreadable) {
                s.reauth.reason = QStringLiteral("unreadable_store");
                s.reauth.atMs = ctx.nowMs;
            }
            b.log(QStringLiteral("keychain: ") + storageStatusId(e.storage));
            break;
        }
        if (!e.found || (!e.tokens.hasAccessToken() && !e.tokens.hasRefreshToken())) {
            // A sign-in that had ended stays "needed" across a restart, with its reason.
            const bool ended = e.found || !e.endedReason.isEmpty();
            s.state = ended ? S::ReauthRequired : S::SignedOut;
            if (ended && !e.endedReason.isEmpty()) {
                s.reauth.reason = e.endedReason;
                s.reauth.atMs = e.endedAtMs;
            }
            if (e.journalInFlight)
                b.add(FX::ClearJournal); // nothing left that the journal could protect
            break;
        }
        s.tokens = e.tokens;
        s.generation = std::max(s.generation, e.generation);
        s.state = S::Active;
        if (e.journalInFlight
            && e.journalFingerprint == TokenSet::fingerprint(e.tokens.refreshToken)) {
            // the last rotation may have been lost; retry fast with the same RT.
            b.log(QStringLiteral("an interrupted refresh was found; retrying it"));
            s.persist.journalOpen = true;
            s.schedule.fastRetry = true;
            b.startRefresh();
            break;
        }
        if (e.journalInFlight) {
            // A journal for another refresh token: that rotation was completed and stored.
            b.add(FX::ClearJournal);
        }
        b.evaluate();
        break;
    }
    case ET::SignInRequested:
        s.flight.stateBeforeSignIn = s.state == S::ConfigError || s.state == S::ReauthRequired
                ? s.state
                : (s.tokens.hasAccessToken() ? S::Active : S::SignedOut);
        s.flight.tokensBeforeSignIn = s.tokens;
        s.flight.signInHasPassword = e.hasPassword;
        if (e.sessionOnly)
            s.persist.storage = StorageStatus::SessionOnly;
        b.recordRequest(); // counted against the ceiling, never held by it: a person asked
        s.state = S::SigningIn;
        s.flight.op = Op::Login;
        s.schedule.retryOp = Op::None;
        ++s.generation; // a reply to any older request is now stale
        b.schedule(0);
        b.add(FX::SendLogin).silent = false;
        b.log(QStringLiteral("signing in"));
        break;
    case ET::SignInReply:
        detail::signInReply(b, e);
        break;
    case ET::CancelSignIn:
        ++s.generation;
        s.flight.tokensBeforeSignIn = TokenSet();
        s.flight.op = Op::None;
        s.state = s.flight.stateBeforeSignIn == S::SigningIn ? S::SignedOut
                                                             : s.flight.stateBeforeSignIn;
        b.add(FX::CancelRequests);
        b.failWaiters(AuthError(AuthError::Kind::Cancelled, QStringLiteral("cancelled")));
        b.add(FX::NotifySignIn).error =
                AuthError(AuthError::Kind::Cancelled, QStringLiteral("cancelled"));
        if (s.state == S::Active)
            b.evaluate();
        break;
    case ET::TokenNeeded:
        ++s.waiters;
        if (s.persist.pending)
            break; // served when the rotated RT is safely written (I-2)
        b.answerWaiters();
        break;
    case ET::RefreshRequested:
        s.schedule.attempt = 0;
        s.schedule.fastRetry = false;
        b.log(QStringLiteral("refresh requested"));
        b.startRefresh();
        break;
    case ET::Deadline:
        b.evaluate();
        break;
    case ET::Rejected:
        if (e.token.isEmpty() || e.token != s.tokens.accessToken)
            break; // M-34: an older AT; the caller retries with the current one
        s.atRejected = true;
        if (s.state == S::Refreshing)
            break; // the refresh under way replaces it; callers now wait for that one
        b.log(QStringLiteral("the server rejected the access token; refreshing"));
        if (s.state == S::Offline)
            break;
        b.startRefresh();
        break;
    case ET::RefreshReply:
        detail::refreshReply(b, e);
        break;
    case ET::Reread:
        if (s.flight.op != Op::Reread)
            break;
        if (e.found && e.tokens.hasRefreshToken()
            && e.tokens.refreshToken != s.flight.sentRefreshToken) {
            // M-26: someone else rotated; adopt the stored pair and retry once.
            b.log(QStringLiteral("adopting tokens refreshed elsewhere"));
            s.tokens = e.tokens;
            s.atRejected = false;
            ++s.generation;
            b.startRefresh();
            break;
        }
        b.goReauth(s.lastError,
                   s.schedule.fastRetry ? QStringLiteral("lost_rotation")
                                        : (s.lastError.code.isEmpty() ? QStringLiteral("grant_dead")
                                                                      : s.lastError.code));
        break;
    case ET::PersistDone: {
        // Generation-aware: the answer for the tokens last written, whatever else happened
        // since (a sign-in attempt, a cancel); a write of tokens already served blocks nobody.
        if (e.generation != s.persist.generation || s.persist.generation == 0)
            break;
        const bool published = !s.persist.pending;
        s.persist.pending = false;
        if (s.persist.storage != StorageStatus::SessionOnly)
            s.persist.storage = e.storage == StorageStatus::Ok ? StorageStatus::Ok
                                                               : StorageStatus::NotPersisted;
        if (e.storage != StorageStatus::Ok)
            b.log(QStringLiteral("could not save to the keychain: ") + storageStatusId(e.storage));
        if (!published && s.waiters > 0) {
            // I-2: published after the write, or anyway if it failed. A token this flight has
            // just obtained goes to the callers that waited for it while it has not expired,
            // even inside its hand-out floor (a 10-second token is never refreshed again here).
            if (!s.atRejected && s.generation == s.persist.generation
                && RefreshPolicy::isUnexpired(s.tokens, ctx.nowMs) && s.state != S::Revoking
                && s.state != S::SignedOut)
                b.serveWaiters();
            else
                b.answerWaiters();
        }
        if (e.storage == StorageStatus::Ok && s.persist.journalOpen && s.flight.op != Op::Refresh) {
            b.add(FX::ClearJournal); // the rotated pair is safe now
            s.persist.journalOpen = false;
        }
        break;
    }
    case ET::Network:
        if (s.online == e.online)
            break;
        s.online = e.online;
        b.log(e.online ? QStringLiteral("network is back") : QStringLiteral("network is down"));
        if (!e.online) {
            if (s.state == S::Active || s.state == S::Backoff) {
                s.state = S::Offline;
                s.schedule.retryOp = Op::Refresh;
                if (b.needsRefresh())
                    b.schedule(ctx.nowMs + RefreshPolicy::kOfflineProbeMs);
                else
                    b.scheduleProactive();
            }
            break;
        }
        if (s.state == S::Offline || s.state == S::Backoff) {
            // M-52: one refresh shortly after coming back (0-2 s jitter), not a storm.
            s.state = S::Backoff;
            s.schedule.retryOp =
                    s.schedule.retryOp == Op::SilentLogin ? Op::SilentLogin : Op::Refresh;
            s.schedule.attempt = 0;
            if (b.needsRefresh() || s.schedule.retryOp == Op::SilentLogin)
                b.schedule(ctx.nowMs + qint64(2000 * std::clamp(ctx.jitter, 0.0, 1.0)));
            else {
                s.state = S::Active;
                b.scheduleProactive();
            }
        }
        break;
    case ET::RevokeRequested:
        detail::revokeRequested(b, e);
        break;
    case ET::RevokeDone: {
        s.state = S::SignedOut;
        s.flight.op = Op::None;
        s.tokens = TokenSet();
        Effect &n = b.add(FX::NotifyRevoke);
        n.confirmed = e.confirmed;
        n.error = e.error; // why it is not confirmed (codes only; ui/ErrorText words it)
        b.log(e.confirmed ? QStringLiteral("signed out; the server confirmed the revocation")
                          : QStringLiteral("signed out here; the server could not confirm: ")
                              + e.error.toLogString());
        break;
    }
    case ET::ProbeReply:
        s.flight.probing = false;
        if (e.error) {
            b.log(QStringLiteral("could not check the session: ") + e.error.toLogString());
            break; // unknown: the next probe (or a caller's 401) tells
        }
        if (e.found || e.token.isEmpty() || e.token != s.tokens.accessToken
            || (s.state != S::Active && s.state != S::Backoff))
            break;
        // The server ended the session before the assumed expiry: renew now, so the account
        // never reads "Signed in" with a dead token (and callers never get one).
        s.atRejected = true;
        b.log(QStringLiteral("the server ended the session early; renewing"));
        if (s.state == S::Active)
            b.startRefresh();
        break;
    case ET::RetryStorage:
        if (s.state == S::SignedOut || s.state == S::ReauthRequired) {
            s.loaded = false;
            b.add(FX::Load);
        } else if (s.persist.storage == StorageStatus::NotPersisted && !s.persist.pending
                   && (s.tokens.hasAccessToken() || s.tokens.hasRefreshToken())) {
            b.persistAgain(); // tokens are already being served
        }
        break;
    }
    return {b.s, b.fx};
}

QString eventName(Event::Type type)
{
    static const char *names[] = {
            "Loaded",          "SignInRequested",  "SignInReply",  "CancelSignIn",
            "TokenNeeded",     "RefreshRequested", "Deadline",     "Rejected",
            "RefreshReply",    "Reread",           "PersistDone",  "Network",
            "RevokeRequested", "RevokeDone",       "RetryStorage", "ProbeReply"};
    return QString::fromLatin1(names[int(type)]);
}

QString effectName(Effect::Type type)
{
    static const char *names[] = {"Load",
                                  "SendLogin",
                                  "SendRefresh",
                                  "SendRevoke",
                                  "CancelRequests",
                                  "Persist",
                                  "DropTokens",
                                  "EraseAll",
                                  "ErasePassword",
                                  "Reread",
                                  "WriteJournal",
                                  "ClearJournal",
                                  "Schedule",
                                  "ServeWaiters",
                                  "FailWaiters",
                                  "NotifySignIn",
                                  "NotifyReauth",
                                  "NotifyRevoke",
                                  "NotifyExpiringSoon",
                                  "Log",
                                  "SaveCredentials",
                                  "RevokeOrphan",
                                  "Probe"};
    return QString::fromLatin1(names[int(type)]);
}

} // namespace SessionMachine
