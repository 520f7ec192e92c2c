#pragma once

#include "AuthError.h"
#include "SessionTypes.h"
#include "StorageStatus.h"
#include "TokenSet.h"

#include <QList>

// The pure per-account state machine (architecture.md, "The engine"):
//
//     step(State, Event, Context) -> (State, Effects)
//
// No I/O, no timers, no event loop: the Session shell feeds it events (user intent, HTTP and
// keychain results, deadlines, network changes) and runs the effects it returns. Every rule of
// reliability.md §3 that decides *what happens next* lives here:
//
//   SignedOut --signIn--> SigningIn --ok--> Active --due/rejected/needed--> Refreshing
//        ^                    |                ^                              |  |  |
//        |                 (fail)              +------------ok (persist) -----+  |  |
//        |                    v                                                  |  |
//   Revoking <--revoke-- any  ReauthRequired <--grant dead (after re-read)-------+  |
//                             (silent sign-in once if the person opted in)          |
//                             Backoff/Offline <--transient/ambiguous---------------+
//                             ConfigError <--client/TLS/redirect/scope--------------+
namespace SessionMachine {

enum class Op { None, Login, SilentLogin, Refresh, Reread, RevokeRefresh, Revoke };

// What a request in flight is, and what it must remember until its answer arrives.
struct Flight
{
    Op op = Op::None;
    QByteArray sentRefreshToken; // the RT the in-flight refresh carries
    bool signInHasPassword = false; // the interactive sign-in in flight carries a password
    SessionState stateBeforeSignIn = SessionState::SignedOut; // where a cancel returns to
    TokenSet tokensBeforeSignIn; // a sign-in over a live grant: revoked once replaced (orphan)
    quint64 revokeAwaitGeneration = 0; // Revoking: the generation of the refresh it waits for
    bool probing = false; // the session probe is out (independent of `op`)
};

// The keychain's view: what was written, what is owed, what it holds besides the tokens.
struct Persistence
{
    StorageStatus storage = StorageStatus::Ok;
    bool pending = false; // tokens of `generation` not yet written; waiters held (I-2)
    quint64 generation = 0; // the generation last sent to the keychain (0: none)
    bool journalOpen = false; // R-06 marker written and not yet cleared
    bool passwordStored = false; // a password for silent re-login is in the keychain (S-15b)
};

// Why the person must sign in again, and what was tried before concluding it.
struct Reauth
{
    QString reason; // code: grant_dead, lost_rotation, refresh_until_passed, ...
    qint64 atMs = 0; // when the session ended
    qint64 notifiedAtMs = 0; // when the person was last asked (once per failure)
    bool silentTried = false; // S-15b: one silent attempt per failure
    bool rereadDone = false; // R-04 already applied to this failure
};

// When the machine wakes up next and what it does then; the I-5 request ceiling.
struct Schedule
{
    qint64 deadlineMs = 0; // next wake-up: proactive refresh or retry; 0 = none
    Op retryOp = Op::None; // what the next deadline retries
    int attempt = 0; // consecutive transient failures
    bool fastRetry = false; // the next/current refresh is the R-05 fast retry
    bool throttled = false; // the next attempt waits for the ceiling, not for a server error
    QList<qint64> recentRequests; // send times of the last token-endpoint requests
    qint64 lastRefreshMs = 0;
    qint64 lastProbeMs = 0; // estimated expiry: when the server was last asked (Salesforce)
};

struct State
{
    SessionState state = SessionState::SignedOut;
    bool loaded = false;
    TokenSet tokens;
    quint64 generation = 0; // bumps on every token change and on sign-out (S-32)
    bool online = true;
    int waiters = 0; // callers waiting for a token (their callbacks live in the shell)
    bool atRejected = false; // a resource server rejected the current AT
    bool expiryWarned = false;
    qint64 grantStartMs = 0; // when this grant was signed in (0: unknown, e.g. after a restart)
    AuthError lastError;
    Flight flight;
    Persistence persist;
    Reauth reauth;
    Schedule schedule;
};

// Whether the current access token may be handed to a caller right now: one rule for the
// machine, the shell's cache-hit path and "copy access token".
bool canServe(const State &state, qint64 nowMs);

struct Event
{
    enum class Type {
        Loaded, // keychain read finished: storage, found, tokens, generation, journal
        SignInRequested, // the person submitted the login dialog
        SignInReply, // result of a password grant (interactive or silent)
        CancelSignIn,
        TokenNeeded, // a caller wants a token (already counted as a waiter by the shell)
        RefreshRequested, // "Refresh now"
        Deadline, // a scheduled deadline passed, or time was re-evaluated (resume, clock jump)
        Rejected, // a resource server rejected `token`
        RefreshReply,
        Reread, // the store's current tokens
        PersistDone,
        Network, // online / offline
        RevokeRequested,
        RevokeDone,
        RetryStorage, // the person asks to read the keychain again
        ProbeReply, // the session probe answered: `found` = the server still accepts `token`
    };
    static constexpr int kTypeCount = int(Type::ProbeReply) + 1;

    Type type = Type::Deadline;
    TokenSet tokens; // Loaded, SignInReply, RefreshReply, Reread
    AuthError error; // replies; PersistDone message
    quint64 generation = 0; // the generation a reply belongs to
    StorageStatus storage = StorageStatus::Ok; // Loaded, PersistDone
    bool found = false; // Loaded, Reread
    bool passwordStored = false; // Loaded
    bool journalInFlight = false; // Loaded: R-06
    QString journalFingerprint; // Loaded
    QString endedReason; // Loaded: the sign-in had ended before the restart (why)
    qint64 endedAtMs = 0; // Loaded: when
    bool online = true; // Network
    QByteArray token; // Rejected
    bool confirmed = false; // RevokeDone (`error`: why not, when known)
    bool hasPassword = false; // SignInRequested: the typed credentials include a password
    bool sessionOnly = false; // SignInRequested: no keychain; keep the tokens in memory only

    static Event of(Type t)
    {
        Event e;
        e.type = t;
        return e;
    }
};

struct Effect
{
    enum class Type {
        Load, // read tokens + password marker from the store
        SendLogin, // password grant; `silent` uses the stored password
        SendRefresh, // refresh grant with `refreshToken`, tagged with `generation`
        SendRevoke, // revocation requests for `tokens`
        CancelRequests, // abandon in-flight token requests
        Persist, // write `tokens` with `generation`
        DropTokens, // the grant is dead: delete the token blob (password and secret stay)
        EraseAll, // delete tokens, stored password and client secret (sign-out)
        ErasePassword, // S-15b: stored password rejected -> silent re-login disabled
        Reread, // read the store again before concluding the grant is dead
        WriteJournal, // R-06 marker before a refresh is sent
        ClearJournal,
        Schedule, // wake me at `atMs` (0: nothing scheduled)
        ServeWaiters, // hand the current AT to every waiting caller
        FailWaiters, // answer every waiting caller with `error`
        NotifySignIn, // sign-in finished with `error` (None = success)
        NotifyReauth, // ask the person to sign in again (once per failure)
        NotifyRevoke, // revocation finished: `confirmed`, `error` (a code for the UI's words)
        NotifyExpiringSoon, // the grant ends at tokens.refreshUntilMs
        Log, // a redacted line for the event log
        SaveCredentials, // interactive sign-in succeeded: keep the client secret, and the
                         // password only if the person opted in (`silent` = keep the password)
        RevokeOrphan, // best effort: revoke `tokens`, a grant a new sign-in replaced
        Probe, // ask the server whether it still accepts `tokens` (an estimated expiry)
    };
    Type type;
    TokenSet tokens;
    QByteArray refreshToken;
    quint64 generation = 0;
    qint64 atMs = 0;
    bool silent = false;
    bool confirmed = false;
    AuthError error;
    QString text;
};

struct Context
{
    qint64 nowMs = 0;
    double jitter = 0.5; // [0, 1], from the shell's random source (tests fix it)
    bool rememberCredentials = false; // the account opted in to silent re-sign-in (S-15b)
    bool revokeNeedsLiveAccessToken = false; // Venafi
};

struct Transition
{
    State state;
    QList<Effect> effects;
};

// Whether `type` means anything in `state`. Pairs that do not are explicitly ignored: step()
// returns the state unchanged with no effect (tested exhaustively).
bool handles(SessionState state, Event::Type type);
Transition step(const State &state, const Event &event, const Context &context);

QString eventName(Event::Type type);
QString effectName(Effect::Type type);

} // namespace SessionMachine
