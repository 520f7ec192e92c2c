#include "RefreshPolicy.h"
#include "SessionRig.h"

// Sign-in, proactive and reactive refresh, single flight, rotation and the dead-grant paths of
// the engine, per dialect, against the fake server (reliability.md M-26..M-29, M-33..M-38b,
// M-60). Every test asserts the final state, what the UI was told, request counts, and that no
// refresh token was lost.
class tst_SessionRefresh : public QObject
{
    Q_OBJECT
private:
    static void dialects()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("venafi") << Dialect::Venafi;
        QTest::newRow("salesforce") << Dialect::Salesforce;
        QTest::newRow("generic") << Dialect::Generic;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AuthError>(); }

    void signInStoresTokens_data() { dialects(); }
    void signInStoresTokens()
    {
        QFETCH(Dialect, dialect);
        SessionRig rig;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        QCOMPARE(rig.server.requestCount(SessionRig::loginEndpoint(dialect)), 1);
        QVERIFY(!rig.storedRefreshToken(s->config()).isEmpty());
        QCOMPARE(rig.storedRefreshToken(s->config()),
                 rig.server.currentRefreshToken(dialect, QString::fromLatin1(SessionRig::kUser)));
        const auto a = SessionRig::ask(s);
        QVERIFY(a->answered); // cache hit: answered synchronously
        QVERIFY(!a->token.isEmpty());
        QCOMPARE(rig.registry.marker(s->id()).stored, true);
        // The password was not kept (the person did not opt in).
        QVERIFY(!rig.secrets.contains(QStringLiteral("password:") + s->config().storageKey()));
    }

    void wrongPasswordIsBadCredentials_data() { dialects(); }
    void wrongPasswordIsBadCredentials()
    {
        QFETCH(Dialect, dialect);
        SessionRig rig;
        Session *s = rig.add(rig.config(dialect));
        QTRY_VERIFY(s->machineState().loaded);
        QSignalSpy done(s, &AccountSession::signInFinished);
        s->signIn(rig.credentials(dialect, "wrong"));
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.first().first().value<AuthError>().kind, AuthError::Kind::BadCredentials);
        QCOMPARE(s->state(), SessionState::SignedOut);
        QCOMPARE(rig.server.requestCount(SessionRig::loginEndpoint(dialect)), 1); // no retry (M-29)
    }

    void proactiveRefreshBeforeExpiry_data() { dialects(); }
    void proactiveRefreshBeforeExpiry()
    {
        QFETCH(Dialect, dialect);
        SessionRig rig;
        rig.server.knobs(dialect).rotate = true;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        const QByteArray oldAt = s->currentAccessToken();
        const QByteArray oldRt = rig.storedRefreshToken(s->config());
        const qint64 due = RefreshPolicy::proactiveRefreshAt(s->machineState().tokens);
        QVERIFY(due > rig.clock.wallMs());
        // Salesforce's expiry is assumed: its session is checked with the server first.
        const qint64 probe = s->machineState().tokens.issuedAtMs + RefreshPolicy::kSessionProbeMs;
        QCOMPARE(rig.manager->scheduler()->nextDeadlineMs(),
                 dialect == Dialect::Salesforce ? std::min(due, probe) : due);
        rig.advance(due - rig.clock.wallMs() - 1000);
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)),
                 dialect == Dialect::Venafi ? 0 : 1); // only the login so far
        const int before = rig.server.requestCount(SessionRig::tokenEndpoint(dialect));
        rig.advance(1000);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)), before + 1);
        QVERIFY(s->currentAccessToken() != oldAt);
        const QByteArray newRt = rig.storedRefreshToken(s->config());
        QVERIFY(newRt != oldRt); // rotated and persisted
        QCOMPARE(newRt,
                 rig.server.currentRefreshToken(dialect, QString::fromLatin1(SessionRig::kUser)));
        QVERIFY(!rig.registry.journal(s->id()).inFlight);
    }

    void refreshWithoutRotationKeepsRefreshToken_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("salesforce") << Dialect::Salesforce;
        QTest::newRow("generic") << Dialect::Generic;
    }
    void refreshWithoutRotationKeepsRefreshToken()
    {
        QFETCH(Dialect, dialect);
        SessionRig rig;
        rig.server.knobs(dialect).rotate = false;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        const QByteArray rt = rig.storedRefreshToken(s->config());
        s->refreshNow();
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.storedRefreshToken(s->config()), rt); // M-17
    }

    void singleFlightManyCallers_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<bool>("serverFails");
        QTest::newRow("venafi ok") << Dialect::Venafi << false;
        QTest::newRow("salesforce ok") << Dialect::Salesforce << false;
        QTest::newRow("generic ok") << Dialect::Generic << false;
        QTest::newRow("generic 500") << Dialect::Generic << true;
    }
    void singleFlightManyCallers()
    {
        // M-36: 100 callers at the expiry instant, the server takes 500 ms: exactly one refresh,
        // everyone gets the same token (or the same error).
        QFETCH(Dialect, dialect);
        QFETCH(bool, serverFails);
        SessionRig rig;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        const int before = rig.server.requestCount(SessionRig::tokenEndpoint(dialect));
        FakeFault fault;
        if (serverFails) {
            fault.kind = FakeFault::Kind::Respond;
            fault.status = 500;
        } else {
            fault.kind = FakeFault::Kind::Delay;
            fault.delayMs = 200;
        }
        rig.server.injectFault(SessionRig::tokenEndpoint(dialect), fault);
        rig.clock.advance(s->machineState().tokens.accessExpiresAtMs - rig.clock.wallMs());
        QList<std::shared_ptr<SessionRig::Answer>> answers;
        for (int i = 0; i < 100; ++i)
            answers.append(SessionRig::ask(s));
        QTRY_VERIFY(std::all_of(answers.cbegin(), answers.cend(),
                                [](const auto &a) { return a->answered; }));
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)), before + 1);
        for (const auto &a : std::as_const(answers)) {
            QCOMPARE(a->token, answers.first()->token);
            QCOMPARE(a->error.kind, answers.first()->error.kind);
        }
        if (serverFails) {
            QCOMPARE(answers.first()->error.kind, AuthError::Kind::Transient);
            QCOMPARE(s->state(), SessionState::Backoff);
            QVERIFY(!rig.storedRefreshToken(s->config()).isEmpty()); // I-1
        } else {
            QVERIFY(!answers.first()->token.isEmpty());
            QCOMPARE(answers.first()->token, s->currentAccessToken());
        }
    }

    void reactiveRefreshOnRejectedToken_data() { dialects(); }
    void reactiveRefreshOnRejectedToken()
    {
        // M-34: the resource rejects the AT -> one refresh, one retry, success.
        QFETCH(Dialect, dialect);
        SessionRig rig;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        const int before = rig.server.requestCount(SessionRig::tokenEndpoint(dialect));
        rig.server.expireAllAccessTokens();
        HttpRequest request;
        request.method = "GET";
        request.url = rig.resourceUrl(dialect);
        bool done = false;
        HttpReply result;
        AuthError error;
        s->callResource(request, [&](const HttpReply &r, const AuthError &e) {
            done = true;
            result = r;
            error = e;
        });
        QTRY_VERIFY(done);
        QVERIFY2(!error, qPrintable(error.toLogString()));
        QCOMPARE(result.status, 200);
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)), before + 1);
        QVERIFY(SessionRig::waitSettled(s));
    }

    void secondRejectionIsSurfacedNotLooped()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault reject;
        reject.status = 401;
        reject.headers = {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}};
        reject.times = -1;
        rig.server.injectFault(QStringLiteral("generic.resource"), reject);
        const int before = rig.server.requestCount(QStringLiteral("generic.token"));
        HttpRequest request;
        request.method = "GET";
        request.url = rig.resourceUrl(Dialect::Generic);
        bool done = false;
        AuthError error;
        s->callResource(request, [&](const HttpReply &, const AuthError &e) {
            done = true;
            error = e;
        });
        QTRY_VERIFY(done);
        QCOMPARE(error.kind, AuthError::Kind::AccessTokenRejected);
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.resource")), 2);
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), before + 1);
    }

    void insufficientScopeNeverRefreshes_data() { dialects(); }
    void insufficientScopeNeverRefreshes()
    {
        QFETCH(Dialect, dialect);
        SessionRig rig;
        rig.server.knobs(dialect).requireResourceScope = true;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        const int before = rig.server.requestCount(SessionRig::tokenEndpoint(dialect));
        HttpRequest request;
        request.method = "GET";
        request.url = rig.resourceUrl(dialect);
        bool done = false;
        AuthError error;
        s->callResource(request, [&](const HttpReply &, const AuthError &e) {
            done = true;
            error = e;
        });
        QTRY_VERIFY(done);
        QCOMPARE(error.kind, AuthError::Kind::InsufficientScope); // M-35
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)), before);
        QCOMPARE(s->state(), SessionState::Active);
    }

    void deadGrantPromptsOnce_data() { dialects(); }
    void deadGrantPromptsOnce()
    {
        // M-27: RT revoked on the server, not opted in -> ReauthRequired, one notification for
        // many callers, the RT dropped, username and settings kept.
        QFETCH(Dialect, dialect);
        SessionRig rig;
        Session *s = rig.signedIn(dialect);
        QVERIFY(s);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        rig.server.revokeAllGrants();
        rig.clock.advance(s->machineState().tokens.accessExpiresAtMs - rig.clock.wallMs());
        QList<std::shared_ptr<SessionRig::Answer>> answers;
        for (int i = 0; i < 10; ++i)
            answers.append(SessionRig::ask(s));
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        QTRY_VERIFY(std::all_of(answers.cbegin(), answers.cend(),
                                [](const auto &a) { return a->answered; }));
        QCOMPARE(answers.first()->error.kind, AuthError::Kind::GrantDead);
        QCOMPARE(reauth.size(), 1);
        QVERIFY(reauth.first().first().value<AuthError>().isError());
        QCOMPARE(s->config().username, QString::fromLatin1(SessionRig::kUser));
        QTRY_VERIFY(!rig.secrets.contains(QStringLiteral("tokens:") + s->config().storageKey()));
        QTRY_VERIFY(
                !rig.registry.marker(s->id()).stored); // a restart shows "signed out", not "locked"
        // A caller a moment later: answered at once, no new prompt, no request (M-33).
        const int requests = rig.server.requestCount(SessionRig::tokenEndpoint(dialect));
        const auto late = SessionRig::ask(s);
        QVERIFY(late->answered);
        QCOMPARE(reauth.size(), 1);
        QCOMPARE(rig.server.requestCount(SessionRig::tokenEndpoint(dialect)), requests);
    }

    void adoptsTokensRotatedByAnotherProcess()
    {
        // M-26 / M-37: another process (a second manager on the same keychain) rotated the RT;
        // our refresh fails with invalid_grant, we re-read the store and adopt its RT.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        SessionManager::Deps deps;
        deps.nam = &rig.nam;
        deps.clock = &rig.clock;
        deps.store = &rig.store;
        deps.registry = &rig.registry;
        SessionManager other(deps);
        other.start();
        auto *twin = static_cast<Session *>(other.session(s->id()));
        QVERIFY(twin);
        QTRY_COMPARE(twin->state(), SessionState::Active);
        twin->refreshNow();
        QVERIFY(SessionRig::waitSettled(twin));
        QCOMPARE(twin->state(), SessionState::Active);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        s->refreshNow(); // carries the rotated-out RT
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(reauth.size(), 0);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.token")), 3);
        QCOMPARE(rig.storedRefreshToken(s->config()),
                 rig.server.currentRefreshToken(Dialect::Venafi,
                                                QString::fromLatin1(SessionRig::kUser)));
    }

    void salesforceSessionEndedEarlyIsNoticed_data()
    {
        QTest::addColumn<bool>("introspectionAllowed");
        QTest::newRow("introspection") << true;
        QTest::newRow("userinfo probe") << false;
    }
    void salesforceSessionEndedEarlyIsNoticed()
    {
        // Issue 9 item 6: Salesforce sends no expires_in; the engine assumed 2 h and showed a
        // session the org ended after 15 min as "Signed in", handing out a dead token. The
        // session is checked every 5 min, and a dead one is renewed without anyone asking.
        QFETCH(bool, introspectionAllowed);
        SessionRig rig;
        rig.server.knobs(Dialect::Salesforce).accessLifetime = 15 * 60; // the org's timeout
        AccountConfig config = rig.config(Dialect::Salesforce);
        config.assumedSessionSeconds = 7200;
        if (!introspectionAllowed) {
            FakeFault refused;
            refused.status = 403;
            refused.body = R"({"error":"unauthorized_client"})";
            refused.headers = {{"Content-Type", "application/json"}};
            refused.times = -1;
            rig.server.injectFault(QStringLiteral("sf.introspect"), refused);
        }
        Session *s = rig.signedIn(Dialect::Salesforce, config);
        QVERIFY(s);
        const QByteArray first = s->currentAccessToken();
        qint64 deadSince = 0;
        qint64 longestShownDead = 0;
        for (int minute = 1; minute <= 40; ++minute) {
            rig.advance(60 * 1000);
            QVERIFY(SessionRig::waitSettled(s));
            QTRY_VERIFY(!s->machineState().flight.probing);
            const QByteArray at = s->machineState().tokens.accessToken;
            const bool shownSignedIn = s->state() == SessionState::Active;
            if (shownSignedIn && !rig.server.isTokenActive(at)) {
                if (deadSince == 0)
                    deadSince = rig.clock.wallMs();
                longestShownDead = std::max(longestShownDead, rig.clock.wallMs() - deadSince);
            } else {
                deadSince = 0;
            }
        }
        qInfo("longest time shown signed in with a dead session: %lld s",
              qlonglong(longestShownDead / 1000));
        QVERIFY(longestShownDead <= RefreshPolicy::kSessionProbeMs);
        QCOMPARE(s->state(), SessionState::Active);
        QVERIFY(s->currentAccessToken() != first); // renewed by itself
        QVERIFY(rig.server.isTokenActive(s->currentAccessToken()));
        if (introspectionAllowed)
            QVERIFY(rig.server.requestCount(QStringLiteral("sf.introspect")) >= 3);
        else
            QVERIFY(rig.server.requestCount(QStringLiteral("sf.userinfo")) >= 3);
    }

    void repromptWithEmptySecretUsesTheStoredOne()
    {
        // Issue 9 item 6: the Salesforce re-prompt says "leave empty to keep the stored consumer
        // secret" and then failed with invalid_client when it was left empty.
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Salesforce);
        QVERIFY(s);
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        QSignalSpy done(s, &AccountSession::signInFinished);
        Credentials typed;
        typed.password = SessionRig::kPassword; // the consumer secret field left empty
        s->signIn(typed);
        QTRY_COMPARE(done.size(), 1);
        const AuthError error = done.first().first().value<AuthError>();
        QVERIFY2(!error, qPrintable(error.toLogString()));
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QVERIFY(rig.server.requests(QStringLiteral("sf.token"))
                        .constLast()
                        .body.contains("client_secret=sf-secret"));
    }

    void silentReSignInWithStoredPassword_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<int>("outcome"); // 0 ok, 1 password rejected, 2 network error
        QTest::newRow("venafi ok") << Dialect::Venafi << 0;
        QTest::newRow("venafi rejected") << Dialect::Venafi << 1;
        QTest::newRow("venafi network") << Dialect::Venafi << 2;
        QTest::newRow("generic ok") << Dialect::Generic << 0;
    }
    void silentReSignInWithStoredPassword()
    {
        // M-60 / S-15b: opted in; the RT dies; one silent attempt.
        QFETCH(Dialect, dialect);
        QFETCH(int, outcome);
        SessionRig rig;
        AccountConfig config = rig.config(dialect);
        config.rememberCredentials = true;
        Session *s = rig.signedIn(dialect, config);
        QVERIFY(s);
        QTRY_VERIFY(rig.secrets.contains(QStringLiteral("password:") + config.storageKey()));
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        rig.server.revokeAllGrants();
        if (outcome == 1)
            rig.server.setUserPassword(QString::fromLatin1(SessionRig::kUser), "changed");
        if (outcome == 2) {
            FakeFault down;
            down.status = 503;
            rig.server.injectFault(SessionRig::loginEndpoint(dialect), down);
        }
        const int logins = rig.server.requestCount(SessionRig::loginEndpoint(dialect));
        s->refreshNow();
        switch (outcome) {
        case 0:
            QTRY_COMPARE(s->state(), SessionState::Active);
            QVERIFY(SessionRig::waitSettled(s));
            QCOMPARE(reauth.size(), 0);
            QVERIFY(!rig.storedRefreshToken(config).isEmpty());
            break;
        case 1:
            QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
            QCOMPARE(reauth.size(), 1);
            QTRY_VERIFY(!rig.secrets.contains(QStringLiteral("password:") + config.storageKey()));
            break;
        case 2:
            QTRY_COMPARE(s->state(), SessionState::Backoff);
            QCOMPARE(reauth.size(), 0);
            QVERIFY(rig.secrets.contains(QStringLiteral("password:") + config.storageKey()));
            break;
        }
        // Exactly one password attempt (no lockout), counted on the login endpoint. For the
        // generic and Salesforce dialects the refresh shares that endpoint.
        const int refreshShare = dialect == Dialect::Venafi ? 0 : 1;
        QCOMPARE(rig.server.requestCount(SessionRig::loginEndpoint(dialect)),
                 logins + 1 + refreshShare);
    }

    void lostRotationResponse_data()
    {
        QTest::addColumn<qint64>("graceSeconds");
        QTest::addColumn<bool>("recovers");
        QTest::newRow("strict") << qint64(0) << false; // M-38
        QTest::newRow("grace 10 s") << qint64(10) << true; // M-38b
        QTest::newRow("grace 30 s") << qint64(30) << true;
    }
    void lostRotationResponse()
    {
        QFETCH(qint64, graceSeconds);
        QFETCH(bool, recovers);
        SessionRig rig;
        rig.server.knobs(Dialect::Generic).rotate = true;
        rig.server.knobs(Dialect::Generic).reuseDetection = true;
        rig.server.knobs(Dialect::Generic).reuseGraceSeconds = graceSeconds;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        FakeFault lost;
        lost.kind = FakeFault::Kind::CloseAfterProcessing;
        rig.server.injectFault(QStringLiteral("generic.token"), lost);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        const QByteArray sentRt = rig.storedRefreshToken(s->config());
        s->refreshNow();
        // Qt's HTTP layer itself resends a request whose connection closed before any byte of
        // the answer arrived, at once and with the same body: that is the R-05 retry, inside
        // every grace window. (A timeout instead takes the engine's own 3 s fast retry; see
        // tst_session_faults::halfOpenServerTimesOutAndRetriesFast.)
        if (recovers) {
            QTRY_COMPARE(s->state(), SessionState::Active);
            QVERIFY(SessionRig::waitSettled(s));
            QCOMPARE(reauth.size(), 0);
            QCOMPARE(rig.storedRefreshToken(s->config()),
                     rig.server.currentRefreshToken(Dialect::Generic,
                                                    QString::fromLatin1(SessionRig::kUser)));
        } else {
            QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
            QCOMPARE(reauth.size(), 1);
            QVERIFY(rig.storedRefreshToken(s->config()).isEmpty());
        }
        const QList<FakeRequest> sent = rig.server.requests(QStringLiteral("generic.token"));
        QVERIFY(sent.size() >= 3); // login, the lost refresh, the retry
        for (int i = 1; i < 3; ++i)
            QVERIFY(sent.at(i).body.contains(QUrl::toPercentEncoding(QString::fromLatin1(sentRt))));
        QVERIFY(sent.size() <= 4); // no retry loop
    }
};

QTEST_GUILESS_MAIN(tst_SessionRefresh)
#include "tst_session_refresh.moc"
