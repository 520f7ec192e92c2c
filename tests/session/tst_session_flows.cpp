#include "ListeningPorts.h"
#include "SessionRig.h"

#include <QFile>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

// Issue 12 through the engine: an account whose method is Browser or Device signs in through the
// session machine (SigningIn -> SignInReply), against the fake server's authorization and device
// endpoints found by discovery, and then behaves like any other account (stored, refreshed,
// re-prompted with the same method). The "browser" here is a plain HTTP client that does what a
// person does on the consent page.
class tst_SessionFlows : public QObject
{
    Q_OBJECT

    // Discovery for the generic issuer, then the account with `method`.
    static AccountConfig discovered(SessionRig &rig, SignInMethod method)
    {
        AccountConfig c = rig.config(Dialect::Generic);
        c.tokenEndpoint.clear();
        c.revocationEndpoint.clear();
        c.introspectionEndpoint.clear();
        AccountConfig resolved;
        bool done = false;
        rig.manager->discover(c, [&](const AccountConfig &r, const AuthError &error) {
            QVERIFY2(!error, qPrintable(error.toLogString()));
            resolved = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            return c;
        resolved.signInMethod = method;
        return resolved;
    }

    // What a person does in the browser: open the URL, approve on the server's page, and let
    // the browser follow the redirect to the app's loopback listener.
    static bool approveInBrowser(const QUrl &authorizationUrl, QNetworkAccessManager *nam)
    {
        auto fetch = [nam](QNetworkReply *reply, QByteArray *body, QUrl *location) {
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
                return false;
            if (body)
                *body = reply->readAll();
            if (location)
                *location = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            reply->deleteLater();
            return true;
        };
        QNetworkRequest page(authorizationUrl);
        page.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::ManualRedirectPolicy);
        QByteArray html;
        if (!fetch(nam->get(page), &html, nullptr))
            return false;
        const QString id =
                QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""))
                        .match(QString::fromUtf8(html))
                        .captured(1);
        if (id.isEmpty())
            return false;
        QUrl form = authorizationUrl;
        form.setQuery(QString());
        QNetworkRequest post(form);
        post.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                          QNetworkRequest::ManualRedirectPolicy);
        post.setHeader(QNetworkRequest::ContentTypeHeader,
                       QByteArrayLiteral("application/x-www-form-urlencoded"));
        QUrlQuery fields;
        fields.addQueryItem(QStringLiteral("request_id"), id);
        fields.addQueryItem(QStringLiteral("username"), QString::fromLatin1(SessionRig::kUser));
        fields.addQueryItem(QStringLiteral("password"), QString::fromLatin1(SessionRig::kPassword));
        fields.addQueryItem(QStringLiteral("decision"), QStringLiteral("approve"));
        QUrl callback;
        if (!fetch(nam->post(post, fields.toString(QUrl::FullyEncoded).toUtf8()), nullptr,
                   &callback))
            return false;
        if (callback.host() != QLatin1String("127.0.0.1"))
            return false;
        return fetch(nam->get(QNetworkRequest(callback)), nullptr, nullptr);
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AuthError>(); }

    void browserSignInThroughTheMachine()
    {
        SessionRig rig;
        const AccountConfig config = discovered(rig, SignInMethod::Browser);
        QVERIFY(config.authorizationEndpoint.isValid());
        Session *s = rig.add(config);
        QTRY_VERIFY(s->machineState().loaded);
        QNetworkAccessManager browser;
        QUrl opened;
        connect(s, &AccountSession::browserSignInRequested, this,
                [&](const QUrl &url) { opened = url; });
        QSignalSpy finished(s, &AccountSession::signInFinished);
        s->signIn(Credentials()); // no password: the browser does the sign-in
        QTRY_VERIFY(opened.isValid());
        QCOMPARE(s->state(), SessionState::SigningIn);
        const QUrlQuery q(opened);
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QVERIFY(!q.queryItemValue(QStringLiteral("state")).isEmpty());
        const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(listening(quint16(redirect.port()),
                          "0100007F")); // on 127.0.0.1 only, while waiting
        QVERIFY(approveInBrowser(opened, &browser));
        QTRY_COMPARE(finished.size(), 1);
        const AuthError error = finished.first().first().value<AuthError>();
        QVERIFY2(!error, qPrintable(error.toLogString()));
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QVERIFY(!listening(quint16(redirect.port()))); // gone after the sign-in
        QVERIFY(!rig.storedRefreshToken(s->config()).isEmpty());
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
        // Then it is an account like any other: refreshed, and re-prompted with its method.
        s->refreshNow();
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        opened = QUrl();
        s->signIn(Credentials());
        QTRY_VERIFY(opened.isValid()); // the re-prompt uses the browser again
        QVERIFY(approveInBrowser(opened, &browser));
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
    }

    void salesforceBrowserSignInOnARegisteredPort()
    {
        // Salesforce matches the callback exactly: the listener uses one of the registered
        // ports (1717-1719, as the demo server and the README say), and the public client
        // signs in with PKCE alone.
        SessionRig rig;
        FakeAuthServer::Client app{
                QStringLiteral("sf-browser"), {}, QStringLiteral("api refresh_token"), true};
        app.auth = FakeAuthServer::ClientAuth::None;
        for (int port : {1717, 1718, 1719})
            app.redirectUris.append(QStringLiteral("http://127.0.0.1:%1/callback").arg(port));
        rig.server.addClient(Dialect::Salesforce, app);
        AccountConfig config = rig.config(Dialect::Salesforce);
        config.clientId = QStringLiteral("sf-browser");
        config.hasClientSecret = false;
        config.username.clear();
        config.signInMethod = SignInMethod::Browser;
        Session *s = rig.add(config);
        QTRY_VERIFY(s->machineState().loaded);
        QNetworkAccessManager browser;
        QUrl opened;
        connect(s, &AccountSession::browserSignInRequested, this,
                [&](const QUrl &url) { opened = url; });
        QSignalSpy finished(s, &AccountSession::signInFinished);
        s->signIn(Credentials());
        QTRY_VERIFY(opened.isValid());
        const QUrl redirect(QUrlQuery(opened).queryItemValue(QStringLiteral("redirect_uri"),
                                                             QUrl::FullyDecoded));
        QVERIFY(QList<int>({1717, 1718, 1719}).contains(redirect.port()));
        QVERIFY(approveInBrowser(opened, &browser));
        QTRY_COMPARE(finished.size(), 1);
        const AuthError error = finished.first().first().value<AuthError>();
        QVERIFY2(!error, qPrintable(error.toLogString()));
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Salesforce), 1);
    }

    void cancelledBrowserSignInClosesTheListener()
    {
        SessionRig rig;
        const AccountConfig config = discovered(rig, SignInMethod::Browser);
        Session *s = rig.add(config);
        QTRY_VERIFY(s->machineState().loaded);
        QUrl opened;
        connect(s, &AccountSession::browserSignInRequested, this,
                [&](const QUrl &url) { opened = url; });
        s->signIn(Credentials());
        QTRY_VERIFY(opened.isValid());
        const QUrl redirect(QUrlQuery(opened).queryItemValue(QStringLiteral("redirect_uri"),
                                                             QUrl::FullyDecoded));
        QVERIFY(listening(quint16(redirect.port())));
        s->cancelSignIn();
        QCOMPARE(s->state(), SessionState::SignedOut);
        QTRY_VERIFY(!listening(quint16(redirect.port())));
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 0);
    }

    void deviceSignInThroughTheMachine()
    {
        SessionRig rig;
        rig.server.knobs(Dialect::Generic).deviceInterval = 1; // real seconds between polls
        const AccountConfig config = discovered(rig, SignInMethod::Device);
        QVERIFY(config.deviceAuthorizationEndpoint.isValid());
        Session *s = rig.add(config);
        QTRY_VERIFY(s->machineState().loaded);
        QString userCode;
        QUrl verification;
        connect(s, &AccountSession::deviceCodeReady, this,
                [&](const QString &code, const QUrl &uri, const QUrl &, qint64) {
                    userCode = code;
                    verification = uri;
                });
        QSignalSpy finished(s, &AccountSession::signInFinished);
        s->signIn(Credentials());
        QTRY_VERIFY(!userCode.isEmpty());
        QVERIFY(verification.isValid());
        QCOMPARE(s->state(), SessionState::SigningIn);
        QVERIFY(rig.server.approveDeviceCode(Dialect::Generic, userCode,
                                             QString::fromLatin1(SessionRig::kUser)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const AuthError error = finished.first().first().value<AuthError>();
        QVERIFY2(!error, qPrintable(error.toLogString()));
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
        QVERIFY(!rig.storedRefreshToken(s->config()).isEmpty());
        // The grant dies at the server: the re-prompt is a new device code, not a password.
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE(s->state(), SessionState::ReauthRequired);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 0);
        const QString firstCode = userCode;
        userCode.clear();
        s->signIn(Credentials());
        QTRY_VERIFY(!userCode.isEmpty());
        QVERIFY(userCode != firstCode);
        QVERIFY(rig.server.approveDeviceCode(Dialect::Generic, userCode,
                                             QString::fromLatin1(SessionRig::kUser)));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
        QVERIFY(!finished.at(1).first().value<AuthError>());
        QVERIFY(SessionRig::waitSettled(s));
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
    }

    // Two device-code accounts with one client at one server, signed in by two people: no user
    // name tells them apart, so each has keychain items of its own (before, both wrote one item
    // and removing either took the other's grant with it).
    void twoDeviceAccountsOfOneClientKeepTheirOwnGrants()
    {
        SessionRig rig;
        rig.server.addUser(QStringLiteral("bob"), "bob-password");
        rig.server.knobs(Dialect::Generic).deviceInterval = 1; // real seconds between polls
        AccountConfig config = discovered(rig, SignInMethod::Device);
        config.username.clear();
        Session *sessions[2] = {rig.add(config), rig.add(config)};
        const QString people[2] = {QString::fromLatin1(SessionRig::kUser), QStringLiteral("bob")};
        QVERIFY(sessions[0] && sessions[1]);
        QVERIFY(sessions[0]->config().storageKey() != sessions[1]->config().storageKey());
        for (int i = 0; i < 2; ++i) {
            Session *s = sessions[i];
            QTRY_VERIFY(s->machineState().loaded);
            QString userCode;
            const auto c = connect(s, &AccountSession::deviceCodeReady, this,
                                   [&userCode](const QString &code, const QUrl &, const QUrl &,
                                               qint64) { userCode = code; });
            QSignalSpy finished(s, &AccountSession::signInFinished);
            s->signIn(Credentials());
            QTRY_VERIFY(!userCode.isEmpty());
            QVERIFY(rig.server.approveDeviceCode(Dialect::Generic, userCode, people[i]));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
            QVERIFY(!finished.first().first().value<AuthError>());
            QVERIFY(SessionRig::waitSettled(s));
            QCOMPARE(s->state(), SessionState::Active);
            disconnect(c);
        }
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 2);
        const QByteArray first = rig.storedRefreshToken(sessions[0]->config());
        const QByteArray second = rig.storedRefreshToken(sessions[1]->config());
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(first != second);

        // Removing the first ends its grant only; the second still renews, also after a restart.
        const QString keptId = sessions[1]->id();
        const AccountConfig kept = sessions[1]->config();
        QPointer<Session> removed(sessions[0]);
        rig.manager->removeAccount(sessions[0]->id());
        QTRY_VERIFY(!removed);
        QTRY_COMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
        QCOMPARE(rig.storedRefreshToken(kept), second);
        Session *again = rig.restart(keptId);
        QVERIFY(again);
        QCOMPARE(again->config().storageKey(), kept.storageKey());
        QCOMPARE(again->state(), SessionState::Active);
        const int refreshes = rig.server.requestCount(QStringLiteral("generic.token"));
        again->refreshNow();
        QTRY_VERIFY(rig.server.requestCount(QStringLiteral("generic.token")) > refreshes);
        QVERIFY(SessionRig::waitSettled(again));
        QCOMPARE(again->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SessionFlows)
#include "tst_session_flows.moc"
