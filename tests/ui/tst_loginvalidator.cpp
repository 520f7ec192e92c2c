#include "LoginValidator.h"

#include <QTest>

using Field = LoginValidator::Field;
Q_DECLARE_METATYPE(Dialect)
Q_DECLARE_METATYPE(LoginValidator::Field)

static LoginValidator::Input valid(Dialect d)
{
    LoginValidator::Input in;
    in.dialect = d;
    in.server = QStringLiteral("https://tpp.example.com");
    in.clientId = QStringLiteral("tokenkeeper");
    in.hasClientSecret = d == Dialect::Salesforce;
    in.username = QStringLiteral("alice");
    in.hasPassword = true;
    in.scope = d == Dialect::Venafi ? QStringLiteral("certificate:manage,revoke") : QString();
    return in;
}

class tst_LoginValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validInputPasses_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("venafi") << Dialect::Venafi;
        QTest::newRow("salesforce") << Dialect::Salesforce;
        QTest::newRow("generic") << Dialect::Generic;
    }
    void validInputPasses()
    {
        QFETCH(Dialect, dialect);
        QVERIFY(LoginValidator::validate(valid(dialect)).isEmpty());
    }

    void problems_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<QString>("change"); // which field to break
        QTest::addColumn<QString>("value");
        QTest::addColumn<Field>("field");
        const auto v = Dialect::Venafi, s = Dialect::Salesforce, g = Dialect::Generic;
        QTest::newRow("server empty") << v << "server"
                                      << "" << Field::Server;
        QTest::newRow("http remote") << v << "server"
                                     << "http://tpp.example.com" << Field::Server;
        QTest::newRow("http fake loopback host")
                << g << "server"
                << "http://127.0.0.1.evil.example" << Field::Server;
        QTest::newRow("localhost. refused") << g << "server"
                                            << "http://localhost./" << Field::Server;
        QTest::newRow("client id empty") << s << "clientId"
                                         << " " << Field::ClientId;
        QTest::newRow("sf secret missing") << s << "secret"
                                           << "" << Field::ClientSecret;
        QTest::newRow("username empty") << g << "username"
                                        << "" << Field::Username;
        QTest::newRow("password empty") << v << "password"
                                        << "" << Field::Password;
        QTest::newRow("venafi scope empty") << v << "scope"
                                            << "" << Field::Scope;
        QTest::newRow("venafi scope spaces") << v << "scope"
                                             << "certificate:manage revoke" << Field::Scope;
        QTest::newRow("venafi scope trailing ;") << v << "scope"
                                                 << "certificate:manage;" << Field::Scope;
        QTest::newRow("manual token endpoint empty") << g << "manualToken"
                                                     << "" << Field::TokenEndpoint;
        QTest::newRow("manual token endpoint http")
                << g << "manualToken"
                << "http://a.example/token" << Field::TokenEndpoint;
        QTest::newRow("generic scope double space") << g << "scope"
                                                    << "openid  profile" << Field::Scope;
        QTest::newRow("generic scope quote") << g << "scope"
                                             << "re\"ad" << Field::Scope;
        QTest::newRow("venafi scope digits and underscore ok, letters first")
                << v << "scope"
                << "1certificate" << Field::Scope;
        QTest::newRow("revocation http") << g << "revocation"
                                         << "http://a.example/revoke" << Field::RevocationEndpoint;
    }
    void problems()
    {
        QFETCH(Dialect, dialect);
        QFETCH(QString, change);
        QFETCH(QString, value);
        QFETCH(Field, field);
        LoginValidator::Input in = valid(dialect);
        if (change == QLatin1String("server"))
            in.server = value;
        else if (change == QLatin1String("clientId"))
            in.clientId = value;
        else if (change == QLatin1String("secret"))
            in.hasClientSecret = false;
        else if (change == QLatin1String("username"))
            in.username = value;
        else if (change == QLatin1String("password"))
            in.hasPassword = false;
        else if (change == QLatin1String("scope"))
            in.scope = value;
        else if (change == QLatin1String("manualToken")) {
            in.manualEndpoints = true;
            in.tokenEndpoint = value;
        } else if (change == QLatin1String("revocation")) {
            in.manualEndpoints = true;
            in.tokenEndpoint = QStringLiteral("https://a.example/token");
            in.revocationEndpoint = value;
        }
        const auto problems = LoginValidator::validate(in);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, field);
        QVERIFY(!problems.first().message.isEmpty());
    }

    // Review (23): "The URL is not valid: Invalid path (character ' ' not permitted); source
    // was ..." reached the person. Every malformed URL is explained in words.
    void malformedUrlsInWords_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("says");
        QTest::newRow("review garbage") << "ht!tp:/ /garbage url"
                                        << "contains a space";
        QTest::newRow("no scheme") << "auth.example.com"
                                   << "must start with https://";
        QTest::newRow("bad scheme chars") << "ht!tp://auth.example.com"
                                          << "must start with https://";
        QTest::newRow("no host") << "https:///realm"
                                 << "no host name";
        QTest::newRow("bad characters") << "https://auth.exa<mple.com/"
                                        << "not allowed";
        QTest::newRow("port not a number") << "https://auth.example.com:abc/"
                                           << "port";
    }
    void malformedUrlsInWords()
    {
        QFETCH(QString, url);
        QFETCH(QString, says);
        LoginValidator::Input in = valid(Dialect::Generic);
        in.server = url;
        const auto problems = LoginValidator::validate(in);
        QCOMPARE(problems.size(), 1);
        const QString message = problems.first().message;
        QVERIFY2(message.contains(says), qPrintable(message));
        for (const char *raw : {"source was", "Invalid", "not permitted", "path ="})
            QVERIFY2(!message.contains(QLatin1String(raw)), qPrintable(message));
    }

    void loopbackHttpAllowed_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("::1") << QStringLiteral("http://[::1]:8080/generic");
    }
    void loopbackHttpAllowed()
    {
        QFETCH(QString, url);
        LoginValidator::Input in = valid(Dialect::Generic);
        in.server = url;
        QVERIFY(LoginValidator::validate(in).isEmpty());
    }

    void genericManualEndpointsNeedNoIssuer()
    {
        LoginValidator::Input in = valid(Dialect::Generic);
        in.server.clear();
        in.manualEndpoints = true;
        in.tokenEndpoint = QStringLiteral("https://a.example/token");
        QVERIFY(LoginValidator::validate(in).isEmpty());
    }

    // One grammar for Venafi scopes (the dialog's letters-only rule and the dialect's
    // identifier rule disagreed; the dialect's, from protocols.md §1.5, is the one).
    void venafiScopeGrammarIsTheDialects_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<bool>("valid");
        QTest::newRow("restrictions") << "certificate:manage,revoke" << true;
        QTest::newRow("several") << "certificate:manage;configuration:manage;statistics" << true;
        QTest::newRow("underscore") << "code_sign:manage" << true;
        QTest::newRow("digit inside") << "ssh2:manage" << true;
        QTest::newRow("space") << "certificate: manage" << false;
        QTest::newRow("empty restriction") << "certificate:" << false;
    }
    void venafiScopeGrammarIsTheDialects()
    {
        QFETCH(QString, scope);
        QFETCH(bool, valid);
        LoginValidator::Input in = ::valid(Dialect::Venafi);
        in.scope = scope;
        QCOMPARE(LoginValidator::validate(in).isEmpty(), valid);
    }

    // Browser and device sign-ins ask for no username or password here (the server's page
    // does); Venafi TPP has no browser sign-in at all.
    void methodDecidesWhatIsAsked()
    {
        LoginValidator::Input in = valid(Dialect::Generic);
        in.username.clear();
        in.hasPassword = false;
        in.method = SignInMethod::Browser;
        QVERIFY(LoginValidator::validate(in).isEmpty());
        in.method = SignInMethod::Device;
        QVERIFY(LoginValidator::validate(in).isEmpty());
        in.method = SignInMethod::Password;
        QCOMPARE(LoginValidator::validate(in).size(), 2);

        LoginValidator::Input venafi = valid(Dialect::Venafi);
        venafi.method = SignInMethod::Browser;
        const auto problems = LoginValidator::validate(venafi);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, Field::Method);
        QVERIFY2(problems.first().message.contains(QLatin1String("Device code")),
                 qPrintable(problems.first().message));
    }

    void problemsKeepFormOrder()
    {
        LoginValidator::Input in;
        in.dialect = Dialect::Venafi;
        const auto problems = LoginValidator::validate(in);
        QCOMPARE(problems.size(), 5);
        QCOMPARE(problems.at(0).field, Field::Server);
        QCOMPARE(problems.at(4).field, Field::Scope);
    }
};

QTEST_GUILESS_MAIN(tst_LoginValidator)
#include "tst_loginvalidator.moc"
