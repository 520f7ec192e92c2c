#include "MachineFixtures.h"

// Issue 9's review and audit list, one pure-machine test per item that failed before its fix
// (engine-review.md §4 defects 6, 7, 8, 9, 13, 16; security-review.md H2, L5).
class tst_MachineFixes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeRetryNeverHoldsHandOut()
    {
        // Defect 6: after a failed write the retry every minute blocked every caller.
        State s = activeState();
        s.persist.storage = StorageStatus::NotPersisted;
        Transition t = step(s, Event::of(ET::Deadline), ctx(kNow + 61 * 1000));
        QVERIFY(has(t, FX::Persist)); // written again...
        QVERIFY(!t.state.persist.pending); // ... while nobody waits for it
        t = step(t.state, Event::of(ET::TokenNeeded), ctx(kNow + 62 * 1000));
        QVERIFY(has(t, FX::ServeWaiters));
        QVERIFY(canServe(t.state, kNow + 62 * 1000));
    }

    void signInDuringAPendingWriteStrandsNobody()
    {
        // Defect 7: a sign-in attempt while a write was pending left persistPending stuck.
        State s = activeState();
        s.persist.pending = true;
        s.persist.generation = s.generation;
        Transition t = step(s, Event::of(ET::SignInRequested), ctx());
        Event bad = Event::of(ET::SignInReply);
        bad.generation = t.state.generation;
        bad.error = AuthError(AuthError::Kind::BadCredentials, QStringLiteral("invalid_grant"));
        t = step(t.state, bad, ctx());
        QCOMPARE(t.state.state, S::Active);
        t = step(t.state, Event::of(ET::TokenNeeded), ctx()); // waits for the write
        Event written = Event::of(ET::PersistDone);
        written.generation = s.persist.generation; // the late answer of the earlier write
        t = step(t.state, written, ctx());
        QVERIFY(has(t, FX::ServeWaiters));
        QVERIFY(!t.state.persist.pending);
        QCOMPARE(t.state.waiters, 0);
    }

    void rejectionDuringARefreshIsKept()
    {
        // Defect 8: a resource rejection during Refreshing was ignored; the rejected token was
        // served again and the one retry wasted.
        State s = inState(S::Refreshing);
        Event rejected = Event::of(ET::Rejected);
        rejected.token = s.tokens.accessToken;
        Transition t = step(s, rejected, ctx());
        QVERIFY(t.state.atRejected);
        QVERIFY(!has(t, FX::SendRefresh)); // the refresh under way replaces it
        t = step(t.state, Event::of(ET::TokenNeeded), ctx());
        QVERIFY(!has(t, FX::ServeWaiters));
        QCOMPARE(t.state.waiters, 1);
    }

    void untickingRememberErasesTheStoredPassword()
    {
        // Defect 9: unticking "remember my password" left it in the keychain.
        State s = inState(S::ReauthRequired);
        s.persist.passwordStored = true;
        Event ask = Event::of(ET::SignInRequested);
        ask.hasPassword = true;
        Transition t = step(s, ask, ctx()); // ctx(): rememberCredentials = false
        Event ok = Event::of(ET::SignInReply);
        ok.generation = t.state.generation;
        ok.tokens = tokens(kNow, 3600 * 1000, "AT2", "RT2");
        t = step(t.state, ok, ctx());
        QVERIFY(has(t, FX::ErasePassword));
        QVERIFY(!t.state.persist.passwordStored);
        const Effect *save = find(t, FX::SaveCredentials);
        QVERIFY(save && !save->silent); // the new password is not kept either
    }

    void staleJournalIsClearedAtStart()
    {
        // Defect 13: a journal for another refresh token stayed forever.
        Event loaded = Event::of(ET::Loaded);
        loaded.found = true;
        loaded.tokens = tokens(kNow, 3600 * 1000);
        loaded.journalInFlight = true;
        loaded.journalFingerprint = TokenSet::fingerprint("some-older-RT");
        const Transition t = step(State(), loaded, ctx());
        QVERIFY(has(t, FX::ClearJournal));
        QVERIFY(!has(t, FX::SendRefresh)); // no R-06 retry for it
        QCOMPARE(t.state.state, S::Active);
    }

    void signingInAgainRevokesTheReplacedGrant()
    {
        // Defect 16: a new sign-in on an active account orphaned the previous grant.
        const State s = activeState();
        Transition t = step(s, Event::of(ET::SignInRequested), ctx());
        Event ok = Event::of(ET::SignInReply);
        ok.generation = t.state.generation;
        ok.tokens = tokens(kNow, 3600 * 1000, "AT2", "RT2");
        t = step(t.state, ok, ctx());
        const Effect *orphan = find(t, FX::RevokeOrphan);
        QVERIFY(orphan);
        QCOMPARE(orphan->tokens.refreshToken, QByteArray("RT1"));
        QCOMPARE(t.state.tokens.refreshToken, QByteArray("RT2"));
    }

    void retryAfterInThePastBacksOffExponentially()
    {
        // Security audit L5: Retry-After in the past gave a retry a second, forever.
        State s = inState(S::Refreshing);
        s.tokens = tokens(kNow - 7200 * 1000, 3600 * 1000); // expired: callers blocked
        qint64 now = kNow;
        QList<qint64> delays;
        for (int i = 0; i < 6; ++i) {
            Event reply = Event::of(ET::RefreshReply);
            reply.generation = s.generation;
            reply.error = AuthError(AuthError::Kind::Transient, QStringLiteral("http_503"));
            reply.error.retryAfterMs = 0; // a date in the past parses to 0
            Transition t = step(s, reply, ctx(now));
            delays << t.state.schedule.deadlineMs - now;
            now = t.state.schedule.deadlineMs;
            t = step(t.state, Event::of(ET::Deadline), ctx(now));
            s = t.state;
            QCOMPARE(s.state, S::Refreshing);
        }
        QVERIFY2(delays.last() >= 16 * 1000, qPrintable(QString::number(delays.last())));
        QVERIFY(delays.last() > delays.first());
    }
};

QTEST_GUILESS_MAIN(tst_MachineFixes)
#include "tst_machinefixes.moc"
