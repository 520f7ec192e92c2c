#include "MachineFixtures.h"

// The pure state machine: every state x event pair is a defined transition or an explicit
// "ignored" (no state change, no effect), and the rules of reliability.md §3 hold.
class tst_SessionMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exhaustive_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("event");
        const S states[] = {S::SignedOut, S::SigningIn,      S::Active,   S::Refreshing, S::Backoff,
                            S::Offline,   S::ReauthRequired, S::Revoking, S::ConfigError};
        for (S st : states)
            for (int ev = 0; ev < Event::kTypeCount; ++ev)
                QTest::addRow("%s x %s", qPrintable(sessionStateId(st)),
                              qPrintable(eventName(ET(ev))))
                        << int(st) << ev;
    }
    void exhaustive()
    {
        QFETCH(int, state);
        QFETCH(int, event);
        const State before = inState(S(state));
        const Event e = sampleEvent(ET(event), before);
        const Transition t = step(before, e, ctx());
        if (!handles(S(state), ET(event))) {
            // Explicitly ignored: nothing changes, nothing happens.
            QCOMPARE(int(t.state.state), state);
            QVERIFY(t.effects.isEmpty());
            QCOMPARE(t.state.generation, before.generation);
            QCOMPARE(t.state.tokens, before.tokens);
            return;
        }
        // Defined: the invariants that hold after every step.
        // I-1: a refresh token disappears only on grant death, sign-out or a new sign-in.
        if (before.tokens.hasRefreshToken() && !t.state.tokens.hasRefreshToken()) {
            const bool allowed = t.state.state == S::ReauthRequired || t.state.state == S::SignedOut
                    || t.state.state == S::Revoking || t.state.state == S::SigningIn;
            QVERIFY2(allowed, qPrintable(sessionStateId(t.state.state)));
        }
        // Waiters are never forgotten: either still counted, or answered by an effect.
        if (t.state.waiters < before.waiters + (ET(event) == ET::TokenNeeded ? 1 : 0))
            QVERIFY(has(t, FX::ServeWaiters) || has(t, FX::FailWaiters));
        // Timers never get a deadline in the far past when something is scheduled.
        if (const Effect *sch = find(t, FX::Schedule))
            QVERIFY(sch->atMs == 0 || sch->atMs >= kNow - 1);
        // No token request goes out while the machine is offline, except a probe via Deadline.
        if (!before.online && has(t, FX::SendRefresh))
            QVERIFY(ET(event) == ET::Deadline || ET(event) == ET::RefreshRequested
                    || ET(event) == ET::RevokeRequested || ET(event) == ET::Rejected
                    || ET(event) == ET::Network || ET(event) == ET::TokenNeeded);
    }

    void joiningAFlightOnlyCountsTheWaiter_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("persistPending");
        QTest::newRow("refreshing") << int(S::Refreshing) << false;
        QTest::newRow("signing in") << int(S::SigningIn) << false;
        QTest::newRow("active, write pending") << int(S::Active) << true;
        QTest::newRow("refreshing, write pending") << int(S::Refreshing) << true;
    }
    void joiningAFlightOnlyCountsTheWaiter()
    {
        // Session::withFreshToken skips the step in these states; this pins that the step would
        // do nothing else than count one more waiter (with an expired access token).
        QFETCH(int, state);
        QFETCH(bool, persistPending);
        State s = inState(S(state));
        s.persist.pending = persistPending;
        s.waiters = 3;
        const Transition t = step(s, Event::of(ET::TokenNeeded), ctx(kNow + 2 * 3600 * 1000));
        QVERIFY(t.effects.isEmpty());
        State expected = s;
        expected.waiters = 4;
        QCOMPARE(int(t.state.state), int(expected.state));
        QCOMPARE(t.state.waiters, expected.waiters);
        QCOMPARE(t.state.generation, expected.generation);
        QCOMPARE(t.state.tokens, expected.tokens);
        QCOMPARE(t.state.schedule.deadlineMs, expected.schedule.deadlineMs);
    }

    void signInPersistsBeforePublishing()
    {
        State s;
        s.loaded = true;
        Transition t = step(s, Event::of(ET::SignInRequested), ctx());
        QCOMPARE(t.state.state, S::SigningIn);
        QVERIFY(has(t, FX::SendLogin));
        t = step(t.state, Event::of(ET::TokenNeeded), ctx());
        QCOMPARE(t.state.waiters, 1);
        Event reply = Event::of(ET::SignInReply);
        reply.generation = t.state.generation;
        reply.tokens = tokens(kNow, 3600 * 1000);
        t = step(t.state, reply, ctx());
        QCOMPARE(t.state.state, S::Active);
        QVERIFY(has(t, FX::Persist));
        QVERIFY(!has(t, FX::ServeWaiters)); // I-2: not before the write finished
        QVERIFY(has(t, FX::NotifySignIn));
        Event done = Event::of(ET::PersistDone);
        done.generation = t.state.generation;
        t = step(t.state, done, ctx());
        QVERIFY(has(t, FX::ServeWaiters));
        QCOMPARE(t.state.waiters, 0);
    }

    void journalClosesOnlyWhenTheOutcomeIsSafe_data()
    {
        QTest::addColumn<int>("replyKind"); // AuthError::Kind; None = success
        QTest::addColumn<bool>("clearedAtReply");
        QTest::newRow("success") << int(AuthError::Kind::None) << false;
        QTest::newRow("ambiguous") << int(AuthError::Kind::Ambiguous) << false;
        QTest::newRow("transient") << int(AuthError::Kind::Transient) << true;
        QTest::newRow("config") << int(AuthError::Kind::Config) << true;
    }
    void journalClosesOnlyWhenTheOutcomeIsSafe()
    {
        // open from before the request until the rotated pair is in the keychain; kept
        // open after an ambiguous outcome so that a crash then still leads to the fast retry.
        QFETCH(int, replyKind);
        QFETCH(bool, clearedAtReply);
        Transition t = step(activeState(), Event::of(ET::RefreshRequested), ctx());
        QVERIFY(has(t, FX::WriteJournal));
        QVERIFY(t.state.persist.journalOpen);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = t.state.generation;
        if (replyKind == int(AuthError::Kind::None))
            reply.tokens = tokens(kNow, 3600 * 1000, "AT2", "RT2");
        else
            reply.error = AuthError(AuthError::Kind(replyKind), QStringLiteral("x"));
        t = step(t.state, reply, ctx());
        QCOMPARE(has(t, FX::ClearJournal), clearedAtReply);
        QCOMPARE(t.state.persist.journalOpen, !clearedAtReply);
        if (replyKind != int(AuthError::Kind::None))
            return;
        Event failed = Event::of(ET::PersistDone);
        failed.generation = t.state.generation;
        failed.storage = StorageStatus::Locked;
        const Transition notSaved = step(t.state, failed, ctx());
        QVERIFY(!has(notSaved, FX::ClearJournal)); // the keychain still has the old RT
        Event saved = failed;
        saved.storage = StorageStatus::Ok;
        const Transition ok = step(t.state, saved, ctx());
        QVERIFY(has(ok, FX::ClearJournal));
        QVERIFY(!ok.state.persist.journalOpen);
    }

    void persistFailureStillPublishesAndMarksNotSaved()
    {
        State s = activeState();
        s.persist.pending = true;
        s.persist.generation = s.generation;
        s.waiters = 2;
        Event done = Event::of(ET::PersistDone);
        done.generation = s.generation;
        done.storage = StorageStatus::Locked;
        const Transition t = step(s, done, ctx());
        QVERIFY(has(t, FX::ServeWaiters));
        QCOMPARE(t.state.persist.storage, StorageStatus::NotPersisted);
    }

    void proactiveRefreshAtLeadTime()
    {
        const State s = activeState(3600 * 1000);
        const qint64 due = RefreshPolicy::proactiveRefreshAt(s.tokens);
        // max(issued + 30 min, expiry - max(5 min, 6 min)) = expiry - 6 min.
        QCOMPARE(due, kNow + 54 * 60 * 1000);
        Transition t = step(s, Event::of(ET::Deadline), ctx(due - 1));
        QVERIFY(!has(t, FX::SendRefresh));
        t = step(s, Event::of(ET::Deadline), ctx(due));
        QVERIFY(has(t, FX::SendRefresh));
        QVERIFY(has(t, FX::WriteJournal)); // R-06 before sending
        QCOMPARE(t.state.state, S::Refreshing);
        // The old access token keeps being served while the refresh runs.
        t = step(t.state, Event::of(ET::TokenNeeded), ctx(due));
        QVERIFY(has(t, FX::ServeWaiters));
    }

    void transientDuringProactiveKeepsServing()
    {
        State s = inState(S::Refreshing);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::Transient, QStringLiteral("http_500"));
        reply.error.httpStatus = 500;
        const Transition t = step(s, reply, ctx());
        QCOMPARE(t.state.state, S::Backoff);
        QCOMPARE(t.state.tokens.refreshToken, QByteArray("RT1"));
        QVERIFY(t.state.schedule.deadlineMs >= kNow + 1000);
        const Transition serve = step(t.state, Event::of(ET::TokenNeeded), ctx());
        QVERIFY(has(serve, FX::ServeWaiters));
    }

    void retryAfterHonouredAndCapped_data()
    {
        QTest::addColumn<qint64>("retryAfter");
        QTest::addColumn<qint64>("expectedDelay");
        QTest::newRow("120 s") << qint64(120000) << qint64(120000);
        QTest::newRow("capped") << qint64(99999999000) << qint64(3600000);
        QTest::newRow("floor") << qint64(0) << qint64(1000);
    }
    void retryAfterHonouredAndCapped()
    {
        QFETCH(qint64, retryAfter);
        QFETCH(qint64, expectedDelay);
        State s = inState(S::Refreshing);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::Transient, QStringLiteral("http_503"));
        reply.error.retryAfterMs = retryAfter;
        const Transition t = step(s, reply, ctx());
        QCOMPARE(t.state.schedule.deadlineMs, kNow + expectedDelay);
    }

    void ambiguousFastRetryThenLostRotation()
    {
        State s = inState(S::Refreshing);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::Ambiguous, QStringLiteral("timeout"));
        Transition t = step(s, reply, ctx());
        QCOMPARE(t.state.schedule.deadlineMs, kNow + RefreshPolicy::kAmbiguousRetryMs);
        QVERIFY(t.state.schedule.fastRetry);
        t = step(t.state, Event::of(ET::Deadline), ctx(kNow + RefreshPolicy::kAmbiguousRetryMs));
        const Effect *send = find(t, FX::SendRefresh);
        QVERIFY(send);
        QCOMPARE(send->refreshToken, QByteArray("RT1")); // the same RT
        reply.error = AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"));
        reply.generation = t.state.generation;
        t = step(t.state, reply, ctx());
        QVERIFY(has(t, FX::Reread)); // R-04 first
        Event reread = Event::of(ET::Reread);
        reread.found = true;
        reread.tokens = tokens(kNow, 3600 * 1000); // unchanged RT1
        t = step(t.state, reread, ctx());
        QCOMPARE(t.state.state, S::ReauthRequired);
        QCOMPARE(t.state.reauth.reason, QStringLiteral("lost_rotation"));
        QVERIFY(has(t, FX::NotifyReauth));
        QVERIFY(!t.state.tokens.hasRefreshToken());
    }

    void grantDeadAdoptsRotatedTokenFromStore()
    {
        State s = inState(S::Refreshing);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"));
        Transition t = step(s, reply, ctx());
        Event reread = Event::of(ET::Reread);
        reread.found = true;
        reread.tokens = tokens(kNow, 3600 * 1000, "AT9", "RT9");
        t = step(t.state, reread, ctx());
        QCOMPARE(t.state.state, S::Refreshing);
        QCOMPARE(find(t, FX::SendRefresh)->refreshToken, QByteArray("RT9"));
        QVERIFY(!has(t, FX::NotifyReauth));
    }

    void silentReauthOnceWhenOptedIn()
    {
        State s = inState(S::Refreshing);
        s.persist.passwordStored = true;
        s.reauth.rereadDone = true;
        Context c = ctx();
        c.rememberCredentials = true;
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"));
        Transition t = step(s, reply, c);
        QCOMPARE(t.state.state, S::SigningIn);
        QVERIFY(find(t, FX::SendLogin)->silent);
        QVERIFY(!has(t, FX::NotifyReauth));
        // The stored password is rejected: disabled, and the person is asked (M-60b).
        Event login = Event::of(ET::SignInReply);
        login.generation = t.state.generation;
        login.error = AuthError(AuthError::Kind::BadCredentials, QStringLiteral("invalid_grant"));
        t = step(t.state, login, c);
        QCOMPARE(t.state.state, S::ReauthRequired);
        QVERIFY(has(t, FX::ErasePassword));
        QVERIFY(has(t, FX::NotifyReauth));
        QVERIFY(!has(t, FX::SendLogin));
    }

    void notOptedInPromptsOnceForManyCallers()
    {
        State s = inState(S::Refreshing);
        s.reauth.rereadDone = true;
        s.waiters = 5;
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"));
        Transition t = step(s, reply, ctx());
        QCOMPARE(t.state.state, S::ReauthRequired);
        int notifications = 0;
        for (const Effect &e : t.effects)
            notifications += e.type == FX::NotifyReauth;
        QCOMPARE(notifications, 1);
        QVERIFY(has(t, FX::FailWaiters));
        QCOMPARE(t.state.waiters, 0);
        // Later callers get the answer at once, without a prompt or a request (M-33).
        t = step(t.state, Event::of(ET::TokenNeeded), ctx(kNow + 1000));
        QVERIFY(has(t, FX::FailWaiters));
        QVERIFY(!has(t, FX::NotifyReauth));
        QVERIFY(!has(t, FX::SendRefresh));
    }

    void configErrorKeepsRefreshToken_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("config") << int(AuthError::Kind::Config);
        QTest::newRow("scope") << int(AuthError::Kind::Scope);
        QTest::newRow("tls") << int(AuthError::Kind::Tls);
        QTest::newRow("redirect") << int(AuthError::Kind::Redirect);
    }
    void configErrorKeepsRefreshToken()
    {
        QFETCH(int, kind);
        State s = inState(S::Refreshing);
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = s.generation;
        reply.error = AuthError(AuthError::Kind(kind), QStringLiteral("x"));
        const Transition t = step(s, reply, ctx());
        QCOMPARE(t.state.state, S::ConfigError);
        QCOMPARE(t.state.tokens.refreshToken, QByteArray("RT1"));
        const Effect *sch = find(t, FX::Schedule);
        QVERIFY(sch && sch->atMs == 0); // no retry loop
    }

    void lateReplyAfterSignOutIgnored()
    {
        State s = inState(S::Refreshing);
        Transition t = step(s, Event::of(ET::RevokeRequested), ctx());
        QCOMPARE(t.state.state, S::Revoking);
        QVERIFY(has(t, FX::EraseAll));
        QVERIFY(!has(t, FX::CancelRequests)); // M-59: the renewal under way is awaited
        QVERIFY(!has(t, FX::SendRevoke));
        Event late = Event::of(ET::RefreshReply);
        late.generation = s.generation; // the generation of the refresh sign-out waited for
        late.tokens = tokens(kNow, 3600 * 1000, "AT-late", "RT-late");
        t = step(t.state, late, ctx());
        QVERIFY(!has(t, FX::Persist)); // never stored (S-32)
        // ... but revoked: the rotated pair is the one alive at the server.
        const Effect *revoke = find(t, FX::SendRevoke);
        QVERIFY(revoke);
        QCOMPARE(revoke->tokens.refreshToken, QByteArray("RT-late"));
        QVERIFY(!revoke->error); // outcome known: a confirmation may be reported
        // A reply of any other generation changes nothing.
        Event stale = late;
        stale.generation = s.generation + 7;
        QVERIFY(step(t.state, stale, ctx()).effects.isEmpty());
    }

    void revokeAfterAmbiguousRefreshIsNeverConfirmed()
    {
        State s = inState(S::Refreshing);
        Transition t = step(s, Event::of(ET::RevokeRequested), ctx());
        Event lost = Event::of(ET::RefreshReply);
        lost.generation = s.generation;
        lost.error = AuthError(AuthError::Kind::Ambiguous, QStringLiteral("timeout"));
        t = step(t.state, lost, ctx());
        const Effect *revoke = find(t, FX::SendRevoke);
        QVERIFY(revoke);
        QCOMPARE(revoke->tokens.refreshToken, s.tokens.refreshToken); // the pair we know
        QCOMPARE(revoke->error.kind, AuthError::Kind::Ambiguous); // never "confirmed"
    }

    void venafiRevokeRefreshesDeadAccessTokenFirst()
    {
        State s = activeState(3600 * 1000);
        Context c = ctx(kNow + 3600 * 1000); // the AT has expired
        c.revokeNeedsLiveAccessToken = true;
        Transition t = step(s, Event::of(ET::RevokeRequested), c);
        QVERIFY(has(t, FX::SendRefresh));
        QVERIFY(!has(t, FX::SendRevoke));
        Event reply = Event::of(ET::RefreshReply);
        reply.generation = t.state.generation;
        reply.tokens = tokens(kNow + 3600 * 1000, 3600 * 1000, "AT2", "RT2");
        t = step(t.state, reply, c);
        const Effect *revoke = find(t, FX::SendRevoke);
        QVERIFY(revoke);
        QCOMPARE(revoke->tokens.accessToken, QByteArray("AT2"));
        QVERIFY(!has(t, FX::Persist)); // a pair made only to revoke is never stored
    }

    void grantExpiryPromptsWithoutRequest()
    {
        State s = activeState();
        s.tokens.refreshUntilMs = kNow + 1000;
        const Transition t = step(s, Event::of(ET::Deadline), ctx(kNow + 2000));
        QCOMPARE(t.state.state, S::ReauthRequired);
        QCOMPARE(t.state.reauth.reason, QStringLiteral("refresh_until_passed"));
        QVERIFY(!has(t, FX::SendRefresh));
    }

    void expiryWarningDaysAhead()
    {
        State s = activeState(90LL * 24 * 3600 * 1000);
        s.tokens.refreshUntilMs = kNow + 30LL * 24 * 3600 * 1000;
        Transition t = step(s, Event::of(ET::Deadline), ctx(kNow + 22LL * 24 * 3600 * 1000));
        QVERIFY(!has(t, FX::NotifyExpiringSoon));
        t = step(s, Event::of(ET::Deadline), ctx(kNow + 24LL * 24 * 3600 * 1000));
        QVERIFY(has(t, FX::NotifyExpiringSoon));
        t = step(t.state, Event::of(ET::Deadline), ctx(kNow + 25LL * 24 * 3600 * 1000));
        QVERIFY(!has(t, FX::NotifyExpiringSoon)); // once
    }

    void shortGrantWarnsLateNotAtSignIn()
    {
        // A 15-minute grant (the demo): warned a fifth of the grant ahead, not at sign-in.
        State s;
        s.loaded = true;
        Transition t = step(s, Event::of(ET::SignInRequested), ctx());
        Event reply = Event::of(ET::SignInReply);
        reply.generation = t.state.generation;
        reply.tokens = tokens(kNow, 2 * 60 * 1000);
        reply.tokens.refreshUntilMs = kNow + 15 * 60 * 1000;
        t = step(t.state, reply, ctx());
        QVERIFY(!has(t, FX::NotifyExpiringSoon));
        t = step(t.state, Event::of(ET::Deadline), ctx(kNow + 11 * 60 * 1000));
        QVERIFY(has(t, FX::SendRefresh)); // the access token needs renewing
        QVERIFY(!has(t, FX::NotifyExpiringSoon)); // 4 min left: not yet
        Event refreshed = Event::of(ET::RefreshReply);
        refreshed.generation = t.state.generation;
        refreshed.tokens = tokens(kNow + 12 * 60 * 1000, 2 * 60 * 1000, "AT2", "RT2");
        refreshed.tokens.refreshUntilMs = kNow + 15 * 60 * 1000;
        t = step(t.state, refreshed, ctx(kNow + 12 * 60 * 1000));
        QVERIFY(has(t, FX::NotifyExpiringSoon)); // 3 min left = a fifth of the grant
    }

    void offlineNoRequestsThenOneRefreshWhenBack()
    {
        State s = activeState(3600 * 1000);
        Event off = Event::of(ET::Network);
        off.online = false;
        Transition t = step(s, off, ctx());
        QCOMPARE(t.state.state, S::Offline);
        // Past expiry while offline: callers are answered at once, nothing is sent.
        const qint64 later = kNow + 2 * 3600 * 1000;
        Transition need = step(t.state, Event::of(ET::TokenNeeded), ctx(later));
        QVERIFY(has(need, FX::FailWaiters));
        QVERIFY(!has(need, FX::SendRefresh));
        Event on = Event::of(ET::Network);
        on.online = true;
        t = step(need.state, on, ctx(later));
        QVERIFY(!has(t, FX::SendRefresh));
        QVERIFY(t.state.schedule.deadlineMs >= later
                && t.state.schedule.deadlineMs <= later + 2000);
        t = step(t.state, Event::of(ET::Deadline), ctx(t.state.schedule.deadlineMs));
        QVERIFY(has(t, FX::SendRefresh));
    }

    void backoffNeverBelowFloorAndCapped()
    {
        for (int attempt = 0; attempt < 30; ++attempt) {
            for (double j : {0.0, 0.5, 1.0}) {
                const qint64 blocked = RefreshPolicy::backoffDelay(attempt, true, j);
                const qint64 valid = RefreshPolicy::backoffDelay(attempt, false, j);
                QVERIFY(blocked >= 1000 && blocked <= 60000);
                QVERIFY(valid >= 1000 && valid <= 300000);
            }
        }
        QCOMPARE(RefreshPolicy::backoffDelay(3, false, 1.0), qint64(8000));
    }

    void rejectedRefreshesOnlyCurrentToken()
    {
        State s = activeState();
        Event old = Event::of(ET::Rejected);
        old.token = "AT-old";
        Transition t = step(s, old, ctx());
        QVERIFY(t.effects.isEmpty());
        Event cur = Event::of(ET::Rejected);
        cur.token = "AT1";
        t = step(s, cur, ctx());
        QVERIFY(has(t, FX::SendRefresh));
        // While that refresh runs, the rejected token is not handed out.
        t = step(t.state, Event::of(ET::TokenNeeded), ctx());
        QVERIFY(!has(t, FX::ServeWaiters));
        QCOMPARE(t.state.waiters, 1);
    }

    void lockedKeychainIsNotSignedOut()
    {
        State s;
        Event loaded = Event::of(ET::Loaded);
        loaded.storage = StorageStatus::Locked;
        const Transition t = step(s, loaded, ctx());
        QCOMPARE(t.state.persist.storage, StorageStatus::Locked);
        QVERIFY(!has(t, FX::SendLogin)); // never starts a login by itself
        QVERIFY(!has(t, FX::Persist));
        const Transition need = step(t.state, Event::of(ET::TokenNeeded), ctx());
        QCOMPARE(find(need, FX::FailWaiters)->error.kind, AuthError::Kind::Storage);
    }

    void anEndedSignInIsLoadedAsNeeded()
    {
        State s;
        Event loaded = Event::of(ET::Loaded); // nothing in the keychain
        Transition t = step(s, loaded, ctx());
        QCOMPARE(t.state.state, SessionState::SignedOut);
        loaded.endedReason = QStringLiteral("grant_dead");
        loaded.endedAtMs = kNow - 60'000;
        t = step(s, loaded, ctx());
        QCOMPARE(t.state.state, SessionState::ReauthRequired);
        QCOMPARE(t.state.reauth.reason, QStringLiteral("grant_dead"));
        QCOMPARE(t.state.reauth.atMs, kNow - 60'000);
        QVERIFY(!has(t, FX::SendLogin)); // asks nobody by itself at start
        QVERIFY(!has(t, FX::NotifyReauth));
        // Tokens in the keychain win over an old "ended" mark.
        loaded.found = true;
        loaded.tokens = tokens(kNow, 3600 * 1000);
        t = step(s, loaded, ctx());
        QCOMPARE(t.state.state, SessionState::Active);
    }

    void journalTriggersFastRetryOnStartup()
    {
        State s;
        Event loaded = Event::of(ET::Loaded);
        loaded.found = true;
        loaded.tokens = tokens(kNow, 3600 * 1000);
        loaded.generation = 7;
        loaded.journalInFlight = true;
        loaded.journalFingerprint = TokenSet::fingerprint("RT1");
        const Transition t = step(s, loaded, ctx());
        QVERIFY(has(t, FX::SendRefresh));
        QVERIFY(t.state.schedule.fastRetry);
        QCOMPARE(t.state.generation, quint64(7));
    }
};

QTEST_GUILESS_MAIN(tst_SessionMachine)
#include "tst_sessionmachine.moc"
