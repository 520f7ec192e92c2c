#pragma once

#include "SessionMachine.h"

// The building blocks of SessionMachine::step(): a transition under construction (the next state
// and its effects) with the rules that several events share: starting a refresh, backing off,
// giving up on a dead grant, scheduling the next deadline. Internal to the session library.
//
// Effect order matters where the shell's side effects depend on each other, and is kept here:
//   refresh:   Schedule(0) -> WriteJournal -> SendRefresh   (R-06: journal before the request)
//   dead grant: DropTokens -> FailWaiters -> NotifyReauth  (the store forgets before anyone asks)
//   sign-out:  FailWaiters -> EraseAll -> SendRevoke        (S-31: the local wipe whatever the
//              server answers; the shell keeps the client secret in memory until NotifyRevoke,
//              so every revocation request carries the client's authentication, RFC 7009 §2.1)
namespace SessionMachine {
namespace detail {

struct TransitionBuilder
{
    State s;
    QList<Effect> fx;
    const Context &ctx;

    Effect &add(Effect::Type type);
    void log(const QString &text);
    void schedule(qint64 atMs);
    void failWaiters(const AuthError &error);
    void serveWaiters();
    bool usable() const;
    qint64 warningLead() const;
    void scheduleProactive();
    void maybeWarnExpiry();
    void persist();
    void persistAgain();
    void acceptTokens(const TokenSet &tokens);
    bool throttle(Op op);
    void recordRequest();
    void startSilentLogin();
    void sendSilentLogin();
    void goReauth(AuthError error, const QString &reason);
    void startRefresh();
    void backoff(const AuthError &error, Op retry);
    void configError(const AuthError &error);
    void evaluate();
    bool needsRefresh() const;
    qint64 proactiveAt() const;
    qint64 probeAt() const;
    bool waitingForCeiling() const;
    void answerWaiters();
};

AuthError signedOutError();

// SessionReplies.cpp: the longer per-event transitions of step().
void signInReply(TransitionBuilder &b, const Event &e);
void refreshReply(TransitionBuilder &b, const Event &e);
void revokeRequested(TransitionBuilder &b, const Event &e);

} // namespace detail
} // namespace SessionMachine
