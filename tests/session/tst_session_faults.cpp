#include "RefreshPolicy.h"
#include "SessionRig.h"

#include <QTcpServer>

// Transport faults, configuration errors, offline, sleep and clock jumps (reliability.md M-01..
// M-06, M-10, M-30..M-32, M-52..M-57) against the fake server in simulated time.
class tst_SessionFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AuthError>(); }

    void serverErrorDuringProactiveRefresh()
    {
        // M-01: 500 during a proactive refresh: old AT still served, RT unchanged, backoff.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QByteArray at = s->currentAccessToken();
        const QByteArray rt = rig.storedRefreshToken(s->config());
        FakeFault fault;
        fault.status = 500;
        rig.server.injectFault(QStringLiteral("venafi.token"), fault);
        rig.advance(RefreshPolicy::proactiveRefreshAt(s->machineState().tokens)
                    - rig.clock.wallMs());
        QTRY_COMPARE(s->state(), SessionState::Backoff);
        const auto a = SessionRig::ask(s);
        QVERIFY(a->answered);
        QCOMPARE(a->token, at);
        QCOMPARE(rig.storedRefreshToken(s->config()), rt);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 1);
        // The retry after the backoff succeeds without anyone doing anything.
        rig.advance(s->machineState().schedule.deadlineMs - rig.clock.wallMs());
        QTRY_COMPARE(s->state(), SessionState::Active);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 2);
        QVERIFY(s->currentAccessToken() != at);
    }

    void longOutageWithExpiredToken()
    {
        // M-02: 500 for 10 minutes while the AT is dead: callers get an error promptly, the
        // request count follows the capped backoff (no storm), recovery needs no person.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault fault;
        fault.status = 500;
        fault.times = -1;
        rig.server.injectFault(QStringLiteral("generic.token"), fault);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        rig.clock.advance(s->machineState().tokens.accessExpiresAtMs - rig.clock.wallMs());
        const auto a = SessionRig::ask(s);
        QTRY_VERIFY(a->answered);
        QCOMPARE(a->error.kind, AuthError::Kind::Transient);
        for (int i = 0; i < 60; ++i) { // 10 minutes in 10 s steps
            rig.advance(10 * 1000);
            QTRY_VERIFY(s->machineState().flight.op == SessionMachine::Op::None);
        }
        const int during = rig.server.requestCount(QStringLiteral("generic.token")) - before;
        // 1 s, 2 s, 4 s, ... capped at 60 s: about 15 attempts in 10 minutes, never 60+.
        QVERIFY2(during >= 8 && during <= 20, qPrintable(QString::number(during)));
        QVERIFY(!rig.storedRefreshToken(s->config()).isEmpty());
        rig.server.clearFaults();
        rig.advance(60 * 1000);
        QTRY_COMPARE(s->state(), SessionState::Active);
        QVERIFY(SessionRig::waitSettled(s));
        QVERIFY(SessionRig::ask(s)->answered);
    }

    void retryAfterHonoured_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("expectedWaitMs");
        QTest::newRow("503 120") << 503 << QByteArray("120") << qint64(120000);
        QTest::newRow("429 30") << 429 << QByteArray("30") << qint64(30000);
        QTest::newRow("503 huge capped") << 503 << QByteArray("99999999") << qint64(3600000);
    }
    void retryAfterHonoured()
    {
        // M-04 / M-05: no request before Retry-After elapses; 429 is never invalid_grant.
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, expectedWaitMs);
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault fault;
        fault.status = status;
        fault.headers = {{"Retry-After", retryAfter}};
        rig.server.injectFault(QStringLiteral("generic.token"), fault);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::Backoff);
        QCOMPARE(s->machineState().schedule.deadlineMs - rig.clock.wallMs(), expectedWaitMs);
        rig.advance(expectedWaitMs - 1000);
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before + 1);
        rig.advance(1000);
        QTRY_COMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before + 2);
    }

    void halfOpenServerTimesOutAndRetriesFast()
    {
        // M-06: the server never answers: transfer timeout -> ambiguous -> fast retry with the
        // same RT -> success.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QByteArray rt = rig.storedRefreshToken(s->config());
        FakeFault hang;
        hang.kind = FakeFault::Kind::NeverAnswer;
        rig.server.injectFault(QStringLiteral("venafi.token"), hang);
        s->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), SessionState::Backoff, 10000);
        QCOMPARE(s->machineState().lastError.kind, AuthError::Kind::Ambiguous);
        rig.advance(RefreshPolicy::kAmbiguousRetryMs);
        QTRY_COMPARE(s->state(), SessionState::Active);
        const QList<FakeRequest> sent = rig.server.requests(QStringLiteral("venafi.token"));
        QCOMPARE(sent.size(), 2);
        QVERIFY(sent.at(0).body.contains(rt));
        QVERIFY(sent.at(1).body.contains(rt)); // the same RT
        QCOMPARE(rig.manager->httpClient()->pendingCount(), 0); // no reply object leaked
    }

    void configurationErrorsKeepTheGrant_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})")
                                        << int(AuthError::Kind::Config); // M-30
        QTest::newRow("invalid_scope") << 400 << QByteArray(R"({"error":"invalid_scope"})")
                                       << int(AuthError::Kind::Scope); // M-31
        QTest::newRow("unauthorized_client")
                << 400 << QByteArray(R"({"error":"unauthorized_client"})")
                << int(AuthError::Kind::Config);
        QTest::newRow("404") << 404 << QByteArray("not here")
                             << int(AuthError::Kind::Config); // M-32
        QTest::newRow("405") << 405 << QByteArray() << int(AuthError::Kind::Config);
    }
    void configurationErrorsKeepTheGrant()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const QByteArray rt = rig.storedRefreshToken(s->config());
        FakeFault fault;
        fault.status = status;
        fault.body = body;
        fault.headers = {{"Content-Type", "application/json"}};
        rig.server.injectFault(QStringLiteral("generic.token"), fault);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::ConfigError);
        QCOMPARE(int(s->snapshot().lastError.kind), kind);
        QVERIFY(s->snapshot().lastError.isError());
        QCOMPARE(rig.storedRefreshToken(s->config()), rt); // RT not deleted
        rig.advance(3600 * 1000); // no automatic retries
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before + 1);
    }

    void connectionRefusedIsTransient()
    {
        // M-10: nothing listens: Transient -> Backoff, RT kept.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const QByteArray rt = rig.storedRefreshToken(s->config());
        AccountConfig moved = s->config();
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        QUrl endpoint = moved.tokenEndpoint;
        endpoint.setPort(deadPort);
        moved.tokenEndpoint = endpoint;
        s->setConfig(moved); // same identity: only the endpoint moved
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::Backoff);
        QCOMPARE(s->snapshot().lastError.kind, AuthError::Kind::Transient);
        QCOMPARE(rig.storedRefreshToken(s->config()), rt);
    }

    void offlineSpanningExpiryThenOnline()
    {
        // M-52: offline for 2 h across the expiry: no requests while offline, callers answered
        // at once, one refresh 0-2 s after the network is back.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const int before = rig.server.requestCount(QStringLiteral("venafi.token"));
        rig.events.notifyOnline(false);
        QTRY_COMPARE(s->state(), SessionState::Offline);
        // While the network is really down, every connection fails.
        FakeFault down;
        down.kind = FakeFault::Kind::CloseImmediately;
        down.times = -1;
        rig.server.injectFault(QStringLiteral("venafi.token"), down);
        for (int i = 0; i < 24; ++i) {
            rig.advance(5 * 60 * 1000);
            QVERIFY(SessionRig::waitSettled(s));
        }
        QCOMPARE(s->state(), SessionState::Offline);
        const auto a = SessionRig::ask(s);
        QVERIFY(a->answered); // at once, not after a timeout
        QCOMPARE(a->error.kind, AuthError::Kind::Offline);
        // The only traffic allowed while offline is a slow probe (>= 5 min apart; Qt resends a
        // request once when the connection drops before an answer).
        const int probes = rig.server.requestCount(QStringLiteral("venafi.token")) - before;
        QVERIFY2(probes <= 2 * 24, qPrintable(QString::number(probes)));
        QCOMPARE(rig.storedRefreshToken(s->config()),
                 rig.server.currentRefreshToken(Dialect::Venafi,
                                                QString::fromLatin1(SessionRig::kUser)));
        rig.server.clearFaults();
        rig.server.resetRecords();
        rig.events.notifyOnline(true);
        QTRY_VERIFY(s->machineState().online);
        rig.advance(2000);
        QTRY_COMPARE(s->state(), SessionState::Active);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 1);
        QVERIFY(SessionRig::ask(s)->answered);
    }

    void resumeAfterSleepAcrossExpiry()
    {
        // M-53: suspend 8 h (monotonic time stands still): on resume the deadline is
        // re-evaluated at once, not 50 minutes later.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        rig.clock.jumpWall(8 * 3600 * 1000);
        rig.events.notifyResumed();
        QTRY_COMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before + 1);
        QTRY_COMPARE(s->state(), SessionState::Active);
        QVERIFY(SessionRig::waitSettled(s));
    }

    void sleepPastGrantEnd()
    {
        // M-54: Venafi refresh_until passed during sleep: a prompt, and no futile request.
        SessionRig rig;
        rig.server.knobs(Dialect::Venafi).grantLifetime = 24 * 3600;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        QVERIFY(s->snapshot().refreshUntilMs > 0);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        const int before = rig.server.requestCount(QStringLiteral("venafi.token"));
        rig.clock.jumpWall(2 * 24 * 3600 * 1000LL);
        rig.events.notifyResumed();
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        QCOMPARE(reauth.size(), 1);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), before);
    }

    void clockStepCausesAtMostOneRefresh_data()
    {
        QTest::addColumn<qint64>("stepMs");
        QTest::newRow("+1 h") << qint64(3600 * 1000);
        QTest::newRow("-1 h") << qint64(-3600 * 1000);
    }
    void clockStepCausesAtMostOneRefresh()
    {
        // M-56
        QFETCH(qint64, stepMs);
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        rig.clock.jumpWall(stepMs);
        for (int i = 0; i < 5; ++i) {
            rig.manager->reevaluate();
            QVERIFY(SessionRig::waitSettled(s));
        }
        QVERIFY(rig.server.requestCount(QStringLiteral("generic.token")) <= before + 1);
        QCOMPARE(s->state(), SessionState::Active);
    }

    void ninetyDayTokenClampsTimer()
    {
        // M-57: Venafi's 90-day tokens: the timer is never armed beyond an hour.
        SessionRig rig;
        rig.server.knobs(Dialect::Venafi).accessLifetime = 90LL * 24 * 3600;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const int interval = rig.manager->scheduler()->armedIntervalMs();
        QVERIFY(interval >= 0 && interval <= DeadlineScheduler::kMaxIntervalMs);
        QVERIFY(s->snapshot().nextRefreshMs - rig.clock.wallMs() > 24LL * 3600 * 1000);
    }

    void keychainWriteFailureKeepsWorking()
    {
        // M-44: the write after a refresh fails: tokens served from memory, "not saved",
        // written when the keychain is back.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        rig.secrets.failNthWrite(1, SecretStore::Status::Locked,
                                 QStringLiteral("Cannot create an item in a locked collection"));
        s->refreshNow();
        QTRY_COMPARE(s->snapshot().storage, StorageStatus::NotPersisted);
        QCOMPARE(s->state(), SessionState::Active);
        const auto a = SessionRig::ask(s);
        QVERIFY(a->answered && !a->token.isEmpty());
        const QByteArray rt = rig.server.currentRefreshToken(
                Dialect::Venafi, QString::fromLatin1(SessionRig::kUser));
        QVERIFY(rig.storedRefreshToken(s->config()) != rt);
        // Written when the keychain is back: by itself within a minute...
        rig.advance(60 * 1000);
        QTRY_COMPARE(s->snapshot().storage, StorageStatus::Ok);
        QCOMPARE(rig.storedRefreshToken(s->config()), rt);
        // ...or at once when the person asks.
        rig.secrets.failNthWrite(1, SecretStore::Status::Locked);
        s->refreshNow();
        QTRY_COMPARE(s->snapshot().storage, StorageStatus::NotPersisted);
        s->retryStorage();
        QTRY_COMPARE(s->snapshot().storage, StorageStatus::Ok);
        QCOMPARE(rig.storedRefreshToken(s->config()),
                 rig.server.currentRefreshToken(Dialect::Venafi,
                                                QString::fromLatin1(SessionRig::kUser)));
    }

    void noKeychainSignInForThisSessionOnly()
    {
        // M-45 / issue: without a keychain the person can still sign in, for this session only
        // (tokens in memory, clearly shown), and nothing reaches the unavailable store.
        SessionRig rig;
        for (auto op : {MemorySecretStore::Operation::Read, MemorySecretStore::Operation::Write,
                        MemorySecretStore::Operation::Remove})
            rig.secrets.setForcedStatus(op, SecretStore::Status::Unavailable,
                                        QStringLiteral("No D-Bus session"));
        Session *s = rig.add(rig.config(Dialect::Generic));
        QTRY_VERIFY(s->machineState().loaded);
        QCOMPARE(s->snapshot().storage, StorageStatus::Unavailable);
        QCOMPARE(s->state(), SessionState::SignedOut);
        QSignalSpy done(s, &AccountSession::signInFinished);
        s->signIn(rig.credentials(Dialect::Generic));
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(s->snapshot().storage, StorageStatus::SessionOnly);
        QVERIFY(SessionRig::ask(s)->answered);
        QVERIFY(rig.secrets.keys().isEmpty());
        QVERIFY(!rig.sessionOnlySecrets.keys().isEmpty());
        s->refreshNow(); // refreshes keep working in memory
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(s->snapshot().storage, StorageStatus::SessionOnly);
    }

    void lockedKeychainAtStartupIsNotSignedOut()
    {
        // M-46: "not found" while the marker says stored: locked, not signed out; no login.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QString id = s->id();
        rig.manager.reset();
        rig.secrets.setNotFoundForAll(true);
        rig.makeManager();
        rig.manager->start();
        auto *again = static_cast<Session *>(rig.manager->session(id));
        QVERIFY(again);
        QTRY_VERIFY(again->machineState().loaded);
        QCOMPARE(again->snapshot().storage, StorageStatus::Locked);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.oauth")), 1);
        rig.secrets.setNotFoundForAll(false);
        again->retryStorage();
        QTRY_COMPARE(again->state(), SessionState::Active);
    }

    void restartResumesFromKeychain()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Salesforce);
        QVERIFY(s);
        const QString id = s->id();
        const QByteArray at = s->currentAccessToken();
        auto *again = rig.restart(id);
        QVERIFY(again);
        QTRY_COMPARE(again->state(), SessionState::Active);
        QCOMPARE(again->currentAccessToken(), at);
        // The client secret came back from the keychain: a refresh works.
        again->refreshNow();
        QVERIFY(SessionRig::waitSettled(again));
        QCOMPARE(again->state(), SessionState::Active);
    }

    void anEndedSignInIsStillNeededAfterARestart()
    {
        // Found in the walkthrough: a grant that died read "Signed out" after a restart (its
        // tokens are gone from the keychain), so the person was never asked to sign in again.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const QString id = s->id();
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        const AccountSnapshot before = s->snapshot();
        QVERIFY(!before.reauthCode.isEmpty());
        QVERIFY(before.reauthSinceMs > 0);
        Session *again = rig.restart(id);
        QVERIFY(again);
        QCOMPARE(again->state(), SessionState::ReauthRequired);
        QCOMPARE(again->snapshot().reauthCode, before.reauthCode);
        QCOMPARE(again->snapshot().reauthSinceMs, before.reauthSinceMs);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 0); // nothing came back to life
        // Signed in again: a restart finds it Active.
        again->signIn(rig.credentials(Dialect::Generic));
        QTRY_COMPARE(again->state(), SessionState::Active);
        again = rig.restart(id);
        QVERIFY(again);
        QTRY_COMPARE(again->state(), SessionState::Active);
        // Signed out on purpose: a restart finds it signed out, not "needed".
        rig.server.revokeAllGrants();
        again->refreshNow();
        QTRY_COMPARE(again->state(), SessionState::ReauthRequired);
        again->revoke();
        QTRY_COMPARE(again->state(), SessionState::SignedOut);
        again = rig.restart(id);
        QVERIFY(again);
        QCOMPARE(again->state(), SessionState::SignedOut);
    }

    void pendingCallersAreAnsweredWhenTheSessionGoes()
    {
        // Review: callbacks pending in a session were dropped in silence when it was destroyed.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault hang;
        hang.kind = FakeFault::Kind::NeverAnswer;
        hang.times = -1;
        rig.server.injectFault(QStringLiteral("generic.token"), hang);
        rig.clock.advance(2 * 3600 * 1000); // the token is dead: callers wait for a refresh
        const auto a = SessionRig::ask(s);
        QTRY_VERIFY(rig.server.requestCount(QStringLiteral("generic.token")) >= 2);
        QVERIFY(!a->answered);
        rig.manager.reset(); // quit while the refresh hangs
        QVERIFY(a->answered);
        QCOMPARE(a->error.code, QStringLiteral("session_closed"));
    }

    void quitDuringDiscoveryIsSafe()
    {
        // Review: SessionManager destroyed its HttpClient before the DiscoveryClient children
        // that cancel through it (use-after-free on quit while discovery runs).
        SessionRig rig;
        FakeFault hang;
        hang.kind = FakeFault::Kind::NeverAnswer;
        hang.times = -1;
        rig.server.injectFault(QStringLiteral("generic.discovery"), hang);
        bool answered = false;
        AccountConfig c = rig.config(Dialect::Generic);
        c.tokenEndpoint.clear();
        rig.manager->discover(
                c, [&answered](const AccountConfig &, const AuthError &) { answered = true; });
        QTRY_VERIFY(rig.server.requestCount(QStringLiteral("generic.discovery")) >= 1);
        QCOMPARE(rig.manager->httpClient()->pendingCount(), 1);
        rig.manager.reset(); // must not touch the freed client (ASan/valgrind catch it)
        QVERIFY(!answered);
    }

    void keychainAnsweringAgainReadsBlockedAccounts()
    {
        // Review: nothing listened to the keychain becoming responsive again.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QString id = s->id();
        rig.secrets.setNotFoundForAll(true); // a locked keyring at the next start
        auto *again = rig.restart(id);
        QVERIFY(again);
        QTRY_VERIFY(again->machineState().loaded);
        QCOMPARE(again->snapshot().storage, StorageStatus::Locked);
        rig.secrets.setNotFoundForAll(false);
        rig.manager->retryStorageEverywhere(); // what KeychainSecretStore::stalledChanged drives
        QTRY_COMPARE(again->state(), SessionState::Active);
    }

    void resumeReevaluatesWithJitter()
    {
        // Review: resume and clock jumps re-evaluated every account in the same instant.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        rig.clock.advance(2 * 3600 * 1000); // slept past the token's expiry
        Q_EMIT rig.events.resumed();
        // Not in the same instant: each account waits its own 0-2 s first ...
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before);
        QCOMPARE(s->state(), SessionState::Active);
        // ... and then renews once.
        QTRY_COMPARE_WITH_TIMEOUT(rig.server.requestCount(QStringLiteral("generic.token")),
                                  before + 1, SessionManager::kResumeJitterMs + 3000);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
    }
};

QTEST_GUILESS_MAIN(tst_SessionFaults)
#include "tst_session_faults.moc"
