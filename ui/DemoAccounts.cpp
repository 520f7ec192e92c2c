#include "DemoAccounts.h"

#include "AccountConfig.h"
#include "SessionManager.h"

void DemoAccounts::addTo(SessionManager *manager, const QUrl &server)
{
    const QString client = QStringLiteral("tokenkeeper-demo");
    AccountConfig venafi;
    venafi.displayName = QStringLiteral("Demo Venafi TPP");
    venafi.dialect = Dialect::Venafi;
    venafi.serverUrl = server;
    venafi.clientId = client;
    venafi.username = QStringLiteral("demo");
    venafi.scope = QStringLiteral("certificate:manage,revoke");
    manager->addAccount(venafi);

    AccountConfig salesforce;
    salesforce.displayName = QStringLiteral("Demo Salesforce");
    salesforce.dialect = Dialect::Salesforce;
    salesforce.serverUrl = server;
    salesforce.clientId = client; // consumer key; the secret ("demo-secret") is typed in the dialog
    salesforce.username = QStringLiteral("demo");
    salesforce.scope = QStringLiteral("api refresh_token");
    manager->addAccount(salesforce);

    AccountConfig generic;
    generic.displayName = QStringLiteral("Demo OAuth 2.0");
    generic.dialect = Dialect::Generic;
    generic.serverUrl =
            QUrl(server.toString(QUrl::StripTrailingSlash) + QStringLiteral("/generic"));
    generic.clientId = client;
    generic.username = QStringLiteral("demo");
    generic.scope = QStringLiteral("openid profile");
    manager->addAccount(generic);

    // The two other sign-in methods, on clients the demo server registers for them.
    AccountConfig browser = salesforce;
    browser.displayName = QStringLiteral("Demo browser sign-in");
    browser.clientId = QStringLiteral("tokenkeeper-demo-browser"); // public, PKCE
    browser.username.clear();
    browser.signInMethod = SignInMethod::Browser;
    manager->addAccount(browser);

    AccountConfig device = venafi;
    device.displayName = QStringLiteral("Demo device code");
    device.clientId = QStringLiteral("tokenkeeper-demo-device");
    device.username.clear();
    device.signInMethod = SignInMethod::Device;
    manager->addAccount(device);
}
