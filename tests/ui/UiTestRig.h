#pragma once

#include "AccountListModel.h"
#include "ClipboardGuard.h"
#include "DesktopShell.h"
#include "EventLogModel.h"
#include "MainWindow.h"
#include "MemoryEngine.h"
#include "SignInController.h"

#include <memory>
#include <QApplication>
#include <QClipboard>

// The UI on the real engine: SessionManager with an in-memory keychain (or the one given: the
// real Secret Service in the end-to-end tests), the fake authorization
// server on 127.0.0.1 (all three dialects, user demo/demo, client tokenkeeper-demo) and a
// ManualClock shared by server and engine, so lifetimes pass without sleeping.
struct UiTestRig : MemoryEngine
{
    std::unique_ptr<CredentialStore> givenKeychainStore; // over the keychain given, if any
    std::unique_ptr<SessionManager> manager;
    std::unique_ptr<AccountListModel> model;
    std::unique_ptr<EventLogModel> log;
    std::unique_ptr<ClipboardGuard> clipboard;
    std::unique_ptr<SignInController> signIn;
    std::unique_ptr<MainWindow> window;

    explicit UiTestRig(SecretStore *keychain = nullptr)
    {
        server.listen();
        server.addUser(QStringLiteral("demo"), "demo");
        const QString client = QStringLiteral("tokenkeeper-demo");
        server.addClient(Dialect::Venafi,
                         {client, {}, QStringLiteral("certificate:manage,revoke"), true});
        server.addClient(Dialect::Salesforce,
                         {client, "demo-secret", QStringLiteral("api refresh_token"), true});
        server.addClient(Dialect::Generic, {client, {}, QStringLiteral("openid profile"), true});
        SessionManager::Deps deps = managerDeps();
        if (keychain) {
            givenKeychainStore = std::make_unique<CredentialStore>(keychain, &registry);
            deps.store = givenKeychainStore.get();
        }
        manager = std::make_unique<SessionManager>(deps);
        manager->start();
        model = std::make_unique<AccountListModel>(&clock);
        log = std::make_unique<EventLogModel>(&clock);
        clipboard = std::make_unique<ClipboardGuard>(QApplication::clipboard());
        signIn = std::make_unique<SignInController>(manager.get(), model.get(), nullptr);
        window = std::make_unique<MainWindow>(manager.get(), model.get(), log.get(), signIn.get());
        DesktopShell::connectModels(manager.get(), model.get(), log.get());
    }

    ~UiTestRig()
    {
        window.reset(); // views before models, models before the engine
        signIn.reset();
        model.reset();
        manager.reset();
    }

    AccountConfig config(Dialect d) const
    {
        AccountConfig c;
        c.dialect = d;
        c.username = QStringLiteral("demo");
        c.clientId = QStringLiteral("tokenkeeper-demo");
        switch (d) {
        case Dialect::Venafi:
            c.displayName = QStringLiteral("Venafi TPP (prod)");
            c.serverUrl = server.venafiUrl();
            c.scope = QStringLiteral("certificate:manage,revoke");
            break;
        case Dialect::Salesforce:
            c.displayName = QStringLiteral("Salesforce");
            c.serverUrl = server.salesforceUrl();
            c.scope = QStringLiteral("api refresh_token");
            c.hasClientSecret = true;
            break;
        case Dialect::Generic:
            c.displayName = QStringLiteral("Identity (OAuth 2.0)");
            c.serverUrl = server.issuer();
            c.scope = QStringLiteral("openid profile");
            break;
        }
        return c;
    }

    Credentials credentials(Dialect d) const
    {
        Credentials c;
        c.password = "demo";
        if (d == Dialect::Salesforce)
            c.clientSecret = "demo-secret";
        return c;
    }
};
