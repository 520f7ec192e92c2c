#pragma once

#include "AuthCodeDriver.h"

#include <QObject>
#include <QTest>
#include <QUrlQuery>

// What the authorization-code contract tests share: the fixture, the driver, its steps as short
// calls, the two dialects with a browser flow, and the two registered test clients ("exact":
// one redirect URI; "any-port": RFC 8252 §7.3 any loopback port).
class AuthCodeTest : public QObject
{
protected:
    static constexpr const char *Verifier = AuthCodeDriver::Verifier;
    static constexpr const char *Challenge = AuthCodeDriver::Challenge;
    static constexpr const char *Redirect = AuthCodeDriver::Redirect;
    using Pending = AuthCodeDriver::Pending;
    static QUrlQuery locationQuery(const HttpResult &r) { return AuthCodeDriver::locationQuery(r); }
    Pending authorize(Dialect d, const AuthCodeDriver::Fields &o = {},
                      const QByteArray &redirect = Redirect, const QByteArray &client = {})
    {
        return drive.authorize(d, o, redirect, client);
    }
    HttpResult consent(Dialect d, const QByteArray &id, const QByteArray &decision = "approve",
                       const QByteArray &password = FakeServerFixture::Password)
    {
        return drive.consent(d, id, decision, password);
    }
    QByteArray codeFor(Dialect d) { return drive.codeFor(d); }
    HttpResult exchange(Dialect d, const QByteArray &code, const AuthCodeDriver::Fields &o = {})
    {
        return drive.exchange(d, code, o);
    }
    QString issuerOf(Dialect d) const { return drive.issuerOf(d); }
    static void bothDialects()
    {
        QTest::addColumn<int>("dialect");
        QTest::newRow("generic") << int(Dialect::Generic);
        QTest::newRow("salesforce") << int(Dialect::Salesforce);
    }
    bool setUpServer()
    {
        if (!f.setUp())
            return false;
        FakeAuthServer::Client exact{QStringLiteral("exact"), {}, QStringLiteral("read")};
        exact.redirectUris = {QString::fromLatin1(Redirect)};
        f.server->addClient(Dialect::Generic, exact);
        exact.clientId = QStringLiteral("any-port");
        exact.anyLoopbackPort = true;
        f.server->addClient(Dialect::Generic, exact);
        return true;
    }

    FakeServerFixture f;
    AuthCodeDriver drive{f};
};
