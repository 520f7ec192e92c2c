#include "AccountConfig.h"

#include <QTest>

Q_DECLARE_METATYPE(Dialect)
Q_DECLARE_METATYPE(SignInMethod)

// The account's non-secret settings: the ids written to QSettings, and its identity (M-61):
// the keychain key and the decision whether an edit is an identity change, which revokes the
// old grant instead of sending it to another server, client or user.
class tst_AccountConfig : public QObject
{
    Q_OBJECT
private:
    static AccountConfig base()
    {
        AccountConfig c;
        c.id = QStringLiteral("0b7c6f5e-1111-2222-3333-444455556666");
        c.displayName = QStringLiteral("Identity");
        c.dialect = Dialect::Generic;
        c.serverUrl = QUrl(QStringLiteral("https://as.example/tenant1"));
        c.tokenEndpoint = QUrl(QStringLiteral("https://as.example/tenant1/token"));
        c.revocationEndpoint = QUrl(QStringLiteral("https://as.example/tenant1/revoke"));
        c.introspectionEndpoint = QUrl(QStringLiteral("https://as.example/tenant1/introspect"));
        c.clientId = QStringLiteral("tk-generic");
        c.username = QStringLiteral("alice");
        c.scope = QStringLiteral("read write");
        return c;
    }
    using Edit = void (*)(AccountConfig &);

private Q_SLOTS:
    void dialectIds_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("displayName");
        QTest::newRow("venafi") << Dialect::Venafi << "venafi"
                                << "Venafi TPP";
        QTest::newRow("salesforce") << Dialect::Salesforce << "salesforce"
                                    << "Salesforce";
        QTest::newRow("generic") << Dialect::Generic << "generic"
                                 << "OAuth 2.0";
    }
    void dialectIds()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, id);
        QFETCH(QString, displayName);
        QCOMPARE(dialectId(dialect), id);
        QCOMPARE(dialectDisplayName(dialect), displayName);
        Dialect back = dialect == Dialect::Venafi ? Dialect::Generic : Dialect::Venafi;
        QVERIFY(dialectFromId(id, &back));
        QCOMPARE(back, dialect);
    }

    void unknownIdsLeaveTheOutputAlone_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("display name") << "Venafi TPP";
        QTest::newRow("upper case") << "VENAFI";
        QTest::newRow("padded") << " generic";
        QTest::newRow("sign-in method") << "password";
    }
    void unknownIdsLeaveTheOutputAlone()
    {
        QFETCH(QString, id);
        Dialect d = Dialect::Salesforce;
        QVERIFY(!dialectFromId(id, &d));
        QCOMPARE(d, Dialect::Salesforce);
        SignInMethod m = SignInMethod::Device;
        if (id != QLatin1String("password")) {
            QVERIFY(!signInMethodFromId(id, &m));
            QCOMPARE(m, SignInMethod::Device);
        }
        QVERIFY(!signInMethodFromId(id.toUpper(), &m));
    }

    void signInMethodIds_data()
    {
        QTest::addColumn<SignInMethod>("method");
        QTest::addColumn<QString>("id");
        QTest::newRow("password") << SignInMethod::Password << "password";
        QTest::newRow("browser") << SignInMethod::Browser << "browser";
        QTest::newRow("device") << SignInMethod::Device << "device";
    }
    void signInMethodIds()
    {
        QFETCH(SignInMethod, method);
        QFETCH(QString, id);
        QCOMPARE(signInMethodId(method), id);
        SignInMethod back =
                method == SignInMethod::Device ? SignInMethod::Password : SignInMethod::Device;
        QVERIFY(signInMethodFromId(id, &back));
        QCOMPARE(back, method);
    }

    void storageKeyNamesTheIdentity()
    {
        const AccountConfig c = base();
        QCOMPARE(c.storageKey(),
                 QStringLiteral("generic|https://as.example/tenant1|tk-generic|alice"));
        // Settings that are not the identity do not move the tokens.
        AccountConfig renamed = c;
        renamed.id = QStringLiteral("another-id");
        renamed.displayName = QStringLiteral("Renamed");
        renamed.scope = QStringLiteral("read");
        renamed.rememberCredentials = true;
        renamed.signInMethod = SignInMethod::Browser;
        QCOMPARE(renamed.storageKey(), c.storageKey());
        // Exactly three separators, whatever the fields hold.
        AccountConfig odd = c;
        odd.serverUrl = QUrl(QStringLiteral("https://as.example/a|b"));
        odd.clientId = QStringLiteral("c|d");
        odd.username = QStringLiteral("|e%|");
        QCOMPARE(odd.storageKey().count(QLatin1Char('|')), 3);
        QVERIFY(!odd.sameIdentity(c));
    }

    // Edits and whether they change the identity (M-61). Spellings of the same URL are the same
    // server; anything that routes a secret elsewhere is not.
    void identity_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("sameKey");
        QTest::addColumn<bool>("sameIdentity");
        QTest::newRow("nothing") << "nothing" << true << true;
        QTest::newRow("display name") << "displayName" << true << true;
        QTest::newRow("scope") << "scope" << true << true;
        QTest::newRow("remember password") << "remember" << true << true;
        QTest::newRow("sign-in method") << "method" << true << true;
        QTest::newRow("client auth method") << "authMethod" << true << true;
        QTest::newRow("authorization endpoint") << "authorize" << true << true;
        QTest::newRow("server trailing slash") << "serverSlash" << true << true;
        QTest::newRow("server dot segments") << "serverDots" << true << true;
        QTest::newRow("server host case") << "serverHostCase" << true << true;
        // A root URL's "/" and the default port: another key (the URL as written is in it),
        // the same server; the account keeps the URL it was first written with.
        QTest::newRow("root server trailing slash") << "rootSlash" << false << true;
        QTest::newRow("server default port") << "serverDefaultPort" << false << true;
        QTest::newRow("token endpoint trailing slash") << "tokenSlash" << true << true;
        QTest::newRow("server") << "server" << false << false;
        QTest::newRow("server path") << "serverPath" << false << false;
        QTest::newRow("server port") << "serverPort" << false << false;
        QTest::newRow("server scheme") << "serverScheme" << false << false;
        QTest::newRow("dialect") << "dialect" << false << false;
        QTest::newRow("client id") << "client" << false << false;
        QTest::newRow("username") << "user" << false << false;
        QTest::newRow("username case") << "userCase" << false << false;
        QTest::newRow("token endpoint") << "token" << true << false;
        QTest::newRow("token endpoint cleared") << "tokenCleared" << true << false;
        QTest::newRow("revocation endpoint") << "revoke" << true << false;
        QTest::newRow("revocation endpoint added") << "revokeAdded" << true << false;
        QTest::newRow("introspection endpoint") << "introspect" << true << false;
        // The separator inside a field must not make two identities one key.
        QTest::newRow("separator moved between client and user") << "pipeShift" << false << false;
        QTest::newRow("escaped separator spelled out") << "pipeSpelled" << false << false;
    }
    void identity()
    {
        QFETCH(QString, what);
        QFETCH(bool, sameKey);
        QFETCH(bool, sameIdentity);
        AccountConfig a = base();
        AccountConfig b = base();
        const auto url = [](const char *s) { return QUrl(QString::fromLatin1(s)); };
        if (what == QLatin1String("displayName"))
            b.displayName = QStringLiteral("Other name");
        else if (what == QLatin1String("scope"))
            b.scope = QStringLiteral("openid");
        else if (what == QLatin1String("remember"))
            b.rememberCredentials = true;
        else if (what == QLatin1String("method"))
            b.signInMethod = SignInMethod::Device;
        else if (what == QLatin1String("authMethod"))
            b.clientAuthMethod = QStringLiteral("client_secret_post");
        else if (what == QLatin1String("authorize"))
            b.authorizationEndpoint = url("https://login.example/authorize");
        else if (what == QLatin1String("rootSlash")) {
            a.serverUrl = url("https://as.example");
            b.serverUrl = url("https://as.example/");
        } else if (what == QLatin1String("serverDefaultPort"))
            b.serverUrl = url("https://as.example:443/tenant1");
        else if (what == QLatin1String("serverSlash"))
            b.serverUrl = url("https://as.example/tenant1/");
        else if (what == QLatin1String("serverDots"))
            b.serverUrl = url("https://as.example/x/../tenant1");
        else if (what == QLatin1String("serverHostCase"))
            b.serverUrl = url("https://AS.Example/tenant1");
        else if (what == QLatin1String("tokenSlash"))
            b.tokenEndpoint = url("https://as.example/tenant1/token/");
        else if (what == QLatin1String("server"))
            b.serverUrl = url("https://evil.example/tenant1");
        else if (what == QLatin1String("serverPath"))
            b.serverUrl = url("https://as.example/tenant2");
        else if (what == QLatin1String("serverPort"))
            b.serverUrl = url("https://as.example:8443/tenant1");
        else if (what == QLatin1String("serverScheme"))
            b.serverUrl = url("http://as.example/tenant1");
        else if (what == QLatin1String("dialect"))
            b.dialect = Dialect::Salesforce;
        else if (what == QLatin1String("client"))
            b.clientId = QStringLiteral("tk-other");
        else if (what == QLatin1String("user"))
            b.username = QStringLiteral("mallory");
        else if (what == QLatin1String("userCase"))
            b.username = QStringLiteral("Alice");
        else if (what == QLatin1String("token"))
            b.tokenEndpoint = url("https://evil.example/token");
        else if (what == QLatin1String("tokenCleared"))
            b.tokenEndpoint = QUrl();
        else if (what == QLatin1String("revoke"))
            b.revocationEndpoint = url("https://evil.example/revoke");
        else if (what == QLatin1String("revokeAdded")) {
            a.revocationEndpoint = QUrl();
        } else if (what == QLatin1String("introspect"))
            b.introspectionEndpoint = url("https://evil.example/introspect");
        else if (what == QLatin1String("pipeShift")) {
            a.clientId = QStringLiteral("app|x");
            a.username = QStringLiteral("alice");
            b.clientId = QStringLiteral("app");
            b.username = QStringLiteral("x|alice");
        } else if (what == QLatin1String("pipeSpelled")) {
            a.username = QStringLiteral("al|ice");
            b.username = QStringLiteral("al%7Cice");
        } else
            QCOMPARE(what, QStringLiteral("nothing"));
        QCOMPARE(a.storageKey() == b.storageKey(), sameKey);
        QCOMPARE(a.sameIdentity(b), sameIdentity);
        QCOMPARE(b.sameIdentity(a), sameIdentity); // symmetric
        QVERIFY(a.sameIdentity(a));
    }

    // The key is stable for the values every existing account has (no '|' or '%'), so an
    // upgrade finds the tokens it stored before.
    void storageKeyOfPlainValuesIsUnchanged_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("key");
        QTest::newRow("venafi") << Dialect::Venafi << "https://tpp.example.com/vedsdk/"
                                << "vcert-sdk"
                                << "EXAMPLE\\alice"
                                << "venafi|https://tpp.example.com/vedsdk|vcert-sdk|EXAMPLE\\alice";
        QTest::newRow("salesforce email")
                << Dialect::Salesforce << "https://login.salesforce.com"
                << "3MVG9.abc"
                << "alice@example.com"
                << "salesforce|https://login.salesforce.com|3MVG9.abc|alice@example.com";
        QTest::newRow("no user") << Dialect::Generic << "http://127.0.0.1:8080/a/b"
                                 << "pub" << QString() << "generic|http://127.0.0.1:8080/a/b|pub|";
        QTest::newRow("unicode user") << Dialect::Generic << "https://as.example"
                                      << "c" << QStringLiteral("j\u00fcrgen")
                                      << QStringLiteral("generic|https://as.example|c|j\u00fcrgen");
    }
    void storageKeyOfPlainValuesIsUnchanged()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, server);
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(QString, key);
        AccountConfig c;
        c.dialect = dialect;
        c.serverUrl = QUrl(server);
        c.clientId = client;
        c.username = user;
        QCOMPARE(c.storageKey(), key);
    }

    // An account without a user name (browser, device) carries a tag in its key: two of them
    // with one client at one server keep two keychain items. Untagged keys stay as they were.
    void keyTagSeparatesAccountsWithoutAUserName()
    {
        AccountConfig a;
        a.dialect = Dialect::Salesforce;
        a.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
        a.clientId = QStringLiteral("3MVG9.abc");
        AccountConfig b = a;
        QCOMPARE(a.storageKey(), b.storageKey());
        a.keyTag = QStringLiteral("id-1");
        b.keyTag = QStringLiteral("id-2");
        QCOMPARE(a.storageKey(),
                 QStringLiteral("salesforce|https://login.salesforce.com|3MVG9.abc||#id-1"));
        QVERIFY(a.storageKey() != b.storageKey());
        QVERIFY(!a.sameIdentity(b));
        b.keyTag = QStringLiteral("a|b"); // escaped like every field
        QCOMPARE(b.storageKey(),
                 QStringLiteral("salesforce|https://login.salesforce.com|3MVG9.abc||#a%7Cb"));
    }

    void sharesSignInWith_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("shares");
        // against venafi, https://tpp.example.com, client "c", user "alice"
        QTest::newRow("the same") << "https://tpp.example.com"
                                  << "c"
                                  << "alice" << true;
        QTest::newRow("trailing slash") << "https://tpp.example.com/"
                                        << "c"
                                        << "alice" << true;
        QTest::newRow("default port") << "https://tpp.example.com:443"
                                      << "c"
                                      << "alice" << true;
        QTest::newRow("host in capitals") << "https://TPP.example.com"
                                          << "c"
                                          << "alice" << true;
        QTest::newRow("another port") << "https://tpp.example.com:8443"
                                      << "c"
                                      << "alice" << false;
        QTest::newRow("another path") << "https://tpp.example.com/tpp"
                                      << "c"
                                      << "alice" << false;
        QTest::newRow("plain http") << "http://tpp.example.com"
                                    << "c"
                                    << "alice" << false;
        QTest::newRow("another client") << "https://tpp.example.com"
                                        << "d"
                                        << "alice" << false;
        QTest::newRow("another user") << "https://tpp.example.com"
                                      << "c"
                                      << "bob" << false;
    }
    void sharesSignInWith()
    {
        QFETCH(QString, server);
        QFETCH(QString, client);
        QFETCH(QString, user);
        QFETCH(bool, shares);
        AccountConfig a;
        a.dialect = Dialect::Venafi;
        a.serverUrl = QUrl(QStringLiteral("https://tpp.example.com"));
        a.clientId = QStringLiteral("c");
        a.username = QStringLiteral("alice");
        AccountConfig b = a;
        b.serverUrl = QUrl(server);
        b.clientId = client;
        b.username = user;
        b.displayName = QStringLiteral("another name");
        b.scope = QStringLiteral("another:scope");
        QCOMPARE(a.sharesSignInWith(b), shares);
        QCOMPARE(b.sharesSignInWith(a), shares);
        b.dialect = Dialect::Generic;
        QVERIFY(!a.sharesSignInWith(b));
    }

    void hostLabel_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("label");
        QTest::newRow("host") << "https://venafi.example.com/vedsdk"
                              << "venafi.example.com";
        QTest::newRow("host and port") << "https://127.0.0.1:8443/x"
                                       << "127.0.0.1";
        QTest::newRow("no host") << "relative/path"
                                 << "relative/path";
        QTest::newRow("empty") << QString() << QString();
    }
    void hostLabel()
    {
        QFETCH(QString, url);
        QFETCH(QString, label);
        AccountConfig c;
        c.serverUrl = QUrl(url);
        QCOMPARE(c.hostLabel(), label);
    }

    void credentialsWipe()
    {
        Credentials c;
        QVERIFY(c.isEmpty());
        c.password = "hunter2";
        QVERIFY(!c.isEmpty());
        c.password.clear();
        c.clientSecret = "s3cret";
        QVERIFY(!c.isEmpty());
        c.password = "hunter2";
        c.wipe();
        QVERIFY(c.isEmpty());
        QVERIFY(c.password.isEmpty());
        QVERIFY(c.clientSecret.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AccountConfig)
#include "tst_accountconfig.moc"
