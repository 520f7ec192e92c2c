#include "SessionRig.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

Q_DECLARE_METATYPE(Dialect)

// SessionManager: the owner of every account's session. What it decides: ids and default
// names of new accounts, which stored accounts start, whether an edit keeps the session or is
// an identity change (M-61), that a removed session lives until its revocation finished, and
// how discovery fills in a generic account.
class tst_SessionManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addAccount_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("expectedName"); // "%host" is the server's host
        QTest::newRow("venafi, nothing set")
                << Dialect::Venafi << QString() << QString() << "alice@127.0.0.1";
        QTest::newRow("salesforce, own id")
                << Dialect::Salesforce << "my-own-id" << QString() << "alice@127.0.0.1";
        QTest::newRow("generic, own name") << Dialect::Generic << QString() << "Identity"
                                           << "Identity";
    }
    void addAccount()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, id);
        QFETCH(QString, displayName);
        QFETCH(QString, expectedName);
        SessionRig rig;
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        AccountConfig c = rig.config(dialect);
        c.id = id;
        c.displayName = displayName;
        AccountSession *s = rig.manager->addAccount(c);
        QVERIFY(s);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().value<AccountSession *>(), s);
        if (id.isEmpty()) {
            // A uuid without braces.
            QVERIFY(!QUuid::fromString(s->id()).isNull());
            QVERIFY(!s->id().contains(QLatin1Char('{')));
        } else {
            QCOMPARE(s->id(), id);
        }
        QCOMPARE(s->config().displayName, expectedName);
        QCOMPARE(rig.manager->session(s->id()), s);
        QCOMPARE(rig.manager->sessions(), QList<AccountSession *>{s});
        // Persisted at once, with the name it got.
        QVERIFY(rig.registry.contains(s->id()));
        QCOMPARE(rig.registry.account(s->id()).displayName, expectedName);
        QCOMPARE(rig.registry.account(s->id()).storageKey(), c.storageKey());
        QTRY_VERIFY(static_cast<Session *>(s)->machineState().loaded);
        QCOMPARE(s->state(), SessionState::SignedOut);
    }

    void twoAccountsGetDistinctIdsAndKeepTheirOrder()
    {
        SessionRig rig;
        AccountConfig bob = rig.config(Dialect::Venafi);
        bob.username = QStringLiteral("bob");
        AccountSession *a = rig.manager->addAccount(rig.config(Dialect::Venafi));
        AccountSession *b = rig.manager->addAccount(bob);
        AccountSession *c = rig.manager->addAccount(rig.config(Dialect::Generic));
        QVERIFY(a && b && c);
        QVERIFY(a->id() != b->id());
        QCOMPARE(rig.manager->sessions(), (QList<AccountSession *>{a, b, c}));
        QCOMPARE(rig.manager->session(b->id()), b);
        QVERIFY(!rig.manager->session(QStringLiteral("no-such-account")));
        QVERIFY(!rig.manager->session(QString()));
        QCOMPARE(rig.registry.accounts().size(), 3);
    }

    // Found in review: two accounts for one user, client and server were both accepted and
    // wrote one keychain item ("tokens:" + the key), so removing either ended the other's grant.
    // The second is refused; accounts without a user name get their own items instead.
    void oneAccountPerUserClientAndServer_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("the same") << "same" << false;
        QTest::newRow("with a trailing slash") << "slash" << false;
        QTest::newRow("another name and scope") << "name" << false;
        QTest::newRow("another user") << "user" << true;
        QTest::newRow("another client") << "client" << true;
        QTest::newRow("no user name (browser)") << "browser" << true;
    }
    void oneAccountPerUserClientAndServer()
    {
        QFETCH(QString, what);
        QFETCH(bool, accepted);
        SessionRig rig;
        AccountConfig first = rig.config(Dialect::Venafi);
        if (what == QLatin1String("browser")) {
            first.username.clear();
            first.signInMethod = SignInMethod::Browser;
        }
        AccountSession *a = rig.manager->addAccount(first);
        QVERIFY(a);
        AccountConfig second = first;
        if (what == QLatin1String("slash"))
            second.serverUrl = QUrl(first.serverUrl.toString() + QLatin1Char('/'));
        else if (what == QLatin1String("name")) {
            second.displayName = QStringLiteral("Another");
            second.scope = QStringLiteral("x:y");
        } else if (what == QLatin1String("user"))
            second.username = QStringLiteral("bob");
        else if (what == QLatin1String("client"))
            second.clientId = QStringLiteral("tk-venafi-2");
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        AccountSession *b = rig.manager->addAccount(second);
        QCOMPARE(b != nullptr, accepted);
        QCOMPARE(added.size(), accepted ? 1 : 0);
        QCOMPARE(rig.registry.accounts().size(), accepted ? 2 : 1);
        QCOMPARE(rig.manager->accountSigningInAs(second) == a, !accepted);
        if (accepted)
            QVERIFY(a->config().storageKey() != b->config().storageKey());
    }

    // Names are how people and tokenctl address accounts: a default name is never a taken one
    // (and an account without a user name is not "@host").
    void defaultNamesAreDistinct()
    {
        SessionRig rig;
        AccountConfig browser = rig.config(Dialect::Generic);
        browser.username.clear();
        browser.signInMethod = SignInMethod::Browser;
        const QString host = browser.hostLabel();
        AccountSession *b1 = rig.manager->addAccount(browser);
        AccountSession *b2 = rig.manager->addAccount(browser);
        AccountSession *b3 = rig.manager->addAccount(browser);
        QVERIFY(b1 && b2 && b3);
        QCOMPARE(b1->config().displayName, host);
        QCOMPARE(b2->config().displayName, host + QStringLiteral(" (2)"));
        QCOMPARE(b3->config().displayName, host + QStringLiteral(" (3)"));
        AccountConfig alice = rig.config(Dialect::Venafi);
        AccountSession *a1 = rig.manager->addAccount(alice);
        alice.clientId = QStringLiteral("tk-venafi-2");
        AccountSession *a2 = rig.manager->addAccount(alice);
        QVERIFY(a1 && a2);
        QCOMPARE(a1->config().displayName, QStringLiteral("alice@") + host);
        QCOMPARE(a2->config().displayName,
                 QStringLiteral("alice@") + host + QStringLiteral(" (2)"));
        QCOMPARE(rig.manager->accountNamed(host + QStringLiteral(" (2)")), b2);
        QVERIFY(!rig.manager->accountNamed(host + QStringLiteral(" (2)"), b2->id()));
        // Removed, its name is free again for the next one.
        QPointer<AccountSession> gone(b2);
        rig.manager->removeAccount(b2->id());
        QTRY_VERIFY(!gone);
        AccountSession *b4 = rig.manager->addAccount(browser);
        QVERIFY(b4);
        QCOMPARE(b4->config().displayName, host + QStringLiteral(" (2)"));
    }

    // An edit that would make an account sign in as another one is refused before anything
    // happens: the account, its keychain item and its grant at the server stay as they were.
    void anEditOntoAnotherAccountsSignInChangesNothing()
    {
        SessionRig rig;
        rig.server.addUser(QStringLiteral("bob"), "bob-password");
        Session *alice = rig.signedIn(Dialect::Venafi);
        QVERIFY(alice);
        AccountConfig bobConfig = rig.config(Dialect::Venafi);
        bobConfig.username = QStringLiteral("bob");
        Session *bob = rig.add(bobConfig);
        QVERIFY(bob);
        QTRY_VERIFY(bob->machineState().loaded);
        QSignalSpy done(bob, &AccountSession::signInFinished);
        bob->signIn(rig.credentials(Dialect::Venafi, "bob-password"));
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(SessionRig::waitSettled(bob));
        QCOMPARE(bob->state(), SessionState::Active);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 2);
        const QByteArray bobsRefresh = rig.storedRefreshToken(bob->config());
        QVERIFY(!bobsRefresh.isEmpty());
        const int revokes = rig.server.requestCount(QStringLiteral("venafi.revoke"));

        AccountConfig ontoAlice = bob->config();
        ontoAlice.username = QString::fromLatin1(SessionRig::kUser);
        QCOMPARE(rig.manager->accountSigningInAs(ontoAlice), alice);
        QVERIFY(!rig.manager->updateAccount(ontoAlice));
        QCOMPARE(rig.manager->session(bob->id()), bob);
        QCOMPARE(bob->config().username, QStringLiteral("bob"));
        QCOMPARE(rig.registry.account(bob->id()).username, QStringLiteral("bob"));
        QCOMPARE(bob->state(), SessionState::Active);
        QCOMPARE(rig.storedRefreshToken(bob->config()), bobsRefresh);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.revoke")), revokes);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 2);
    }

    void startLoadsStoredAccountsOnce()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QString id = s->id();
        AccountConfig other = rig.config(Dialect::Generic);
        other.id = QStringLiteral("second");
        rig.manager->addAccount(other);
        rig.manager.reset(); // quit
        rig.makeManager();
        QVERIFY(rig.manager->sessions().isEmpty()); // nothing before start()
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        rig.manager->start();
        QCOMPARE(added.size(), 2);
        QCOMPARE(rig.manager->sessions().size(), 2);
        auto *again = static_cast<Session *>(rig.manager->session(id));
        QVERIFY(again);
        QVERIFY(rig.manager->session(QStringLiteral("second")));
        // The stored grant is read back: signed in without a password.
        QTRY_VERIFY(again->machineState().loaded);
        QCOMPARE(again->state(), SessionState::Active);
        // A second start() does not duplicate anything.
        rig.manager->start();
        QCOMPARE(added.size(), 2);
        QCOMPARE(rig.manager->sessions().size(), 2);
    }

    void removeAccountLivesUntilRevoked()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const QString id = s->id();
        const QString key = QStringLiteral("tokens:") + s->config().storageKey();
        QVERIFY(rig.secrets.contains(key));
        QPointer<Session> guard(s);
        QSignalSpy removed(rig.manager.get(), &SessionManager::accountRemoved);
        rig.manager->removeAccount(id);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), id);
        // Gone from the manager at once; the object lives while it revokes.
        QVERIFY(!rig.manager->session(id));
        QVERIFY(rig.manager->sessions().isEmpty());
        QVERIFY(guard);
        QCOMPARE(rig.registry.eraseOwed(id), AccountRegistry::EraseOwed::SecretsAndAccount);
        QTRY_VERIFY(!guard);
        QVERIFY(rig.server.requestCount(QStringLiteral("generic.revoke")) >= 1);
        QTRY_VERIFY(!rig.secrets.contains(key));
        QTRY_VERIFY(!rig.registry.contains(id));
        // Removing it again, or something never added, does nothing.
        rig.manager->removeAccount(id);
        rig.manager->removeAccount(QStringLiteral("never-added"));
        QCOMPARE(removed.size(), 1);
    }

    void removedAccountsAreNotRestarted()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const QString id = s->id();
        rig.secrets.setNeverAnswer(true); // quit before the keychain confirmed the erase
        rig.manager->removeAccount(id);
        rig.manager.reset();
        rig.secrets.setNeverAnswer(false);
        rig.makeManager();
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        rig.manager->start();
        QCOMPARE(added.size(), 0);
        QVERIFY(!rig.manager->session(id));
        QTRY_VERIFY(!rig.registry.contains(id));
        QTRY_VERIFY(rig.secrets.keys().isEmpty());
    }

    // Edits: which keep the session (and its grant) and which start a new identity (M-61).
    void updateAccount_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("sameSession");
        QTest::newRow("display name") << "displayName" << true;
        QTest::newRow("scope") << "scope" << true;
        QTest::newRow("remember password") << "remember" << true;
        QTest::newRow("server trailing slash") << "slash" << true;
        QTest::newRow("username") << "user" << false;
        QTest::newRow("client id") << "client" << false;
        QTest::newRow("token endpoint") << "token" << false;
    }
    void updateAccount()
    {
        QFETCH(QString, what);
        QFETCH(bool, sameSession);
        SessionRig rig;
        rig.server.addUser(QStringLiteral("bob"), "bob-password");
        rig.server.addClient(
                Dialect::Generic,
                {QStringLiteral("tk-generic-2"), {}, QStringLiteral("read write"), true});
        Session *s = rig.signedIn(Dialect::Generic);
        QVERIFY(s);
        const QString oldId = s->id();
        QPointer<Session> guard(s);
        AccountConfig changed = s->config();
        if (what == QLatin1String("displayName"))
            changed.displayName = QStringLiteral("Renamed");
        else if (what == QLatin1String("scope"))
            changed.scope = QStringLiteral("read");
        else if (what == QLatin1String("remember"))
            changed.rememberCredentials = true;
        else if (what == QLatin1String("slash"))
            changed.serverUrl = QUrl(changed.serverUrl.toString() + QLatin1Char('/'));
        else if (what == QLatin1String("user"))
            changed.username = QStringLiteral("bob");
        else if (what == QLatin1String("client"))
            changed.clientId = QStringLiteral("tk-generic-2");
        else if (what == QLatin1String("token"))
            changed.tokenEndpoint =
                    QUrl(rig.server.issuer().toString() + QStringLiteral("/token-v2"));
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        QSignalSpy removed(rig.manager.get(), &SessionManager::accountRemoved);
        const int revokesBefore = rig.server.requestCount(QStringLiteral("generic.revoke"));
        AccountSession *result = rig.manager->updateAccount(changed);
        QVERIFY(result);
        QCOMPARE(rig.manager->sessions(), QList<AccountSession *>{result});
        if (sameSession) {
            QCOMPARE(result, s);
            QCOMPARE(result->id(), oldId);
            QCOMPARE(result->config().displayName, changed.displayName);
            QCOMPARE(result->config().scope, changed.scope);
            QCOMPARE(rig.registry.account(oldId).displayName, changed.displayName);
            QCOMPARE(added.size(), 0);
            QCOMPARE(removed.size(), 0);
            QCOMPARE(result->state(), SessionState::Active); // the grant is kept
            QCOMPARE(rig.server.requestCount(QStringLiteral("generic.revoke")), revokesBefore);
        } else {
            QVERIFY(result != s);
            QVERIFY(result->id() != oldId); // a new id: never shares registry rows
            QCOMPARE(removed.size(), 1);
            QCOMPARE(removed.first().first().toString(), oldId);
            QCOMPARE(added.size(), 1);
            QVERIFY(!rig.manager->session(oldId));
            QTRY_VERIFY(!guard); // revoked, then gone
            QTRY_VERIFY(rig.server.requestCount(QStringLiteral("generic.revoke")) > revokesBefore);
            QTRY_VERIFY(!rig.registry.contains(oldId));
            QTRY_VERIFY(static_cast<Session *>(result)->machineState().loaded);
            QCOMPARE(result->state(), SessionState::SignedOut);
            QVERIFY(result->currentAccessToken().isEmpty());
        }
    }

    // "http://host:port/" for "http://host:port" is the same server: the grant, the keychain key
    // and the URL as first written stay (it used to be an identity change, a new sign-in).
    void aRootUrlsSlashIsNotAnIdentityChange()
    {
        SessionRig rig;
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        const AccountConfig before = s->config();
        QVERIFY(!before.serverUrl.toString().endsWith(QLatin1Char('/')));
        const QByteArray refresh = rig.storedRefreshToken(before);
        QVERIFY(!refresh.isEmpty());
        const int revokes = rig.server.requestCount(QStringLiteral("venafi.revoke"));
        AccountConfig changed = before;
        changed.serverUrl = QUrl(before.serverUrl.toString() + QLatin1Char('/'));
        changed.displayName = QStringLiteral("Renamed");
        QVERIFY(before.sameIdentity(changed));
        QVERIFY(before.storageKey() != changed.storageKey());
        QCOMPARE(rig.manager->updateAccount(changed), s);
        QCOMPARE(s->state(), SessionState::Active);
        QCOMPARE(s->config().displayName, QStringLiteral("Renamed"));
        QCOMPARE(s->config().serverUrl, before.serverUrl);
        QCOMPARE(s->config().storageKey(), before.storageKey());
        QCOMPARE(rig.registry.account(s->id()).serverUrl, before.serverUrl);
        QCOMPARE(rig.storedRefreshToken(s->config()), refresh);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.revoke")), revokes);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 1);
        Session *again = rig.restart(s->id());
        QVERIFY(again);
        QCOMPARE(again->state(), SessionState::Active);
    }

    // An identity change replaces the account (M-61) but not its place: the list, tokenctl list
    // and the next start show it where it was.
    void anIdentityChangeKeepsTheAccountsPlace()
    {
        SessionRig rig;
        AccountConfig bob = rig.config(Dialect::Venafi);
        bob.username = QStringLiteral("bob");
        AccountConfig carol = bob;
        carol.username = QStringLiteral("carol");
        AccountSession *a = rig.manager->addAccount(rig.config(Dialect::Venafi));
        AccountSession *b = rig.manager->addAccount(bob);
        AccountSession *c = rig.manager->addAccount(carol);
        QVERIFY(a && b && c);
        AccountConfig changed = b->config();
        changed.username = QStringLiteral("dave");
        QPointer<AccountSession> old(b);
        AccountSession *replaced = rig.manager->updateAccount(changed);
        QVERIFY(replaced && replaced != b);
        QCOMPARE(rig.manager->sessions(), (QList<AccountSession *>{a, replaced, c}));
        QTRY_VERIFY(!old);
        QTRY_VERIFY(!rig.registry.contains(changed.id)); // the old row went with its erase
        QStringList names;
        for (const AccountConfig &stored : rig.registry.accounts())
            names << stored.username;
        QCOMPARE(names,
                 (QStringList{QStringLiteral("alice"), QStringLiteral("dave"),
                              QStringLiteral("carol")}));
        const QString aId = a->id(), newId = replaced->id(), cId = c->id();
        QVERIFY(rig.restart(newId));
        QStringList ids;
        for (AccountSession *s : rig.manager->sessions())
            ids << s->id();
        QCOMPARE(ids, (QStringList{aId, newId, cId}));
    }

    void updateOfAnUnknownAccountAddsIt()
    {
        SessionRig rig;
        QSignalSpy added(rig.manager.get(), &SessionManager::accountAdded);
        AccountConfig c = rig.config(Dialect::Venafi);
        c.id = QStringLiteral("fresh");
        AccountSession *s = rig.manager->updateAccount(c);
        QVERIFY(s);
        QCOMPARE(s->id(), QStringLiteral("fresh"));
        QCOMPARE(added.size(), 1);
        QVERIFY(rig.registry.contains(QStringLiteral("fresh")));
    }

    void sessionChangedFollowsOnlyLiveSessions()
    {
        SessionRig rig;
        QSignalSpy changed(rig.manager.get(), &SessionManager::sessionChanged);
        Session *s = rig.signedIn(Dialect::Venafi);
        QVERIFY(s);
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &args : std::as_const(changed))
            QCOMPARE(args.first().value<AccountSession *>(), s);
        rig.manager->removeAccount(s->id());
        changed.clear();
        QPointer<Session> guard(s);
        QTRY_VERIFY(!guard); // it changed while revoking, but the manager no longer says so
        QCOMPARE(changed.size(), 0);
    }

    // Discovery fills the endpoints and picks the client authentication the server wants.
    void discover_data()
    {
        QTest::addColumn<QStringList>("advertised");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("method");
        const QString basic = QStringLiteral("client_secret_basic");
        const QString post = QStringLiteral("client_secret_post");
        QTest::newRow("both: basic") << QStringList{post, basic} << QString() << basic;
        QTest::newRow("post only") << QStringList{post} << QString() << post;
        QTest::newRow("none advertised: the RFC 8414 default")
                << QStringList() << QString() << basic;
        QTest::newRow("only public: basic for a secret")
                << QStringList{QStringLiteral("none")} << QString() << basic;
        QTest::newRow("the account's choice wins") << QStringList{basic} << post << post;
    }
    void discover()
    {
        QFETCH(QStringList, advertised);
        QFETCH(QString, configured);
        QFETCH(QString, method);
        SessionRig rig;
        rig.server.knobs(Dialect::Generic).tokenAuthMethods = advertised;
        AccountConfig c = rig.config(Dialect::Generic);
        c.tokenEndpoint.clear();
        c.revocationEndpoint.clear();
        c.introspectionEndpoint.clear();
        c.clientAuthMethod = configured;
        c.displayName = QStringLiteral("kept");
        int calls = 0;
        AccountConfig resolved;
        AuthError error;
        rig.manager->discover(c, [&](const AccountConfig &r, const AuthError &e) {
            ++calls;
            resolved = r;
            error = e;
        });
        QCOMPARE(calls, 0); // never synchronously
        QTRY_COMPARE(calls, 1);
        QVERIFY2(!error, qPrintable(error.toLogString()));
        const QString issuer = rig.server.issuer().toString();
        QCOMPARE(resolved.tokenEndpoint.toString(), issuer + QStringLiteral("/token"));
        QVERIFY(!resolved.revocationEndpoint.isEmpty());
        QVERIFY(!resolved.authorizationEndpoint.isEmpty());
        QCOMPARE(resolved.clientAuthMethod, method);
        QCOMPARE(resolved.displayName, QStringLiteral("kept"));
        QVERIFY(resolved.sameIdentity(c) == false); // endpoints filled in: a different account
        QCOMPARE(resolved.storageKey(), c.storageKey()); // same server, client and user
    }

    void discoverFailureLeavesTheConfigAlone()
    {
        SessionRig rig;
        rig.server.knobs(Dialect::Generic).issuerOverride = QStringLiteral("https://evil.example");
        AccountConfig c = rig.config(Dialect::Generic);
        c.tokenEndpoint.clear();
        c.revocationEndpoint.clear();
        c.introspectionEndpoint.clear();
        int calls = 0;
        AccountConfig resolved;
        AuthError error;
        rig.manager->discover(c, [&](const AccountConfig &r, const AuthError &e) {
            ++calls;
            resolved = r;
            error = e;
        });
        QTRY_COMPARE(calls, 1);
        QCOMPARE(error.kind, AuthError::Kind::Config);
        QCOMPARE(error.code, QStringLiteral("issuer_mismatch"));
        QVERIFY(resolved.tokenEndpoint.isEmpty());
        QVERIFY(resolved.clientAuthMethod.isEmpty());
        QVERIFY(resolved.sameIdentity(c));
    }

    void destroyedWhileDiscoveringNeverCallsBack()
    {
        SessionRig rig;
        rig.server.slowBody(QStringLiteral("generic.discovery"), 200);
        AccountConfig c = rig.config(Dialect::Generic);
        c.tokenEndpoint.clear();
        bool called = false;
        rig.manager->discover(c, [&](const AccountConfig &, const AuthError &) { called = true; });
        QTRY_VERIFY(rig.server.requestCount(QStringLiteral("generic.discovery")) >= 1);
        rig.manager.reset(); // quit while the answer trickles in
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    // The network's state reaches every session the manager holds.
    void onlineChangesReachEverySession()
    {
        SessionRig rig;
        Session *a = rig.signedIn(Dialect::Venafi);
        Session *b = rig.signedIn(Dialect::Generic);
        QVERIFY(a && b);
        rig.events.notifyOnline(false);
        QTRY_COMPARE(a->state(), SessionState::Offline);
        QTRY_COMPARE(b->state(), SessionState::Offline);
        rig.events.notifyOnline(true);
        QTRY_VERIFY(a->state() != SessionState::Offline);
        QTRY_VERIFY(b->state() != SessionState::Offline);
    }
};

QTEST_GUILESS_MAIN(tst_SessionManager)
#include "tst_sessionmanager.moc"
