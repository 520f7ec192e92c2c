#pragma once

#include "AccountRegistry.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "FakeAuthServer.h"
#include "MemorySecretStore.h"
#include "SessionManager.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

class SystemEvents;

// What every test of the real engine builds first (SessionRig, UiTestRig): one ManualClock
// shared by the fake authorization server and the engine, the server on 127.0.0.1 (not yet
// listening, no users or clients: each rig adds its own), an in-memory keychain for saved and
// for session-only secrets, and the account registry in a temporary folder. The consumer links
// tk_session, tk_store and tk_fakeserver.
struct MemoryEngine
{
    ManualClock clock;
    FakeAuthServer server{&clock};
    QNetworkAccessManager nam;
    MemorySecretStore secrets;
    MemorySecretStore sessionOnlySecrets;
    QTemporaryDir dir;
    AccountRegistry registry{dir.filePath(QStringLiteral("tokenkeeper.conf"))};
    CredentialStore store{&secrets, &registry};
    CredentialStore sessionOnlyStore{&sessionOnlySecrets, &registry};

    // The SessionManager's dependencies on these parts.
    SessionManager::Deps managerDeps(SystemEvents *events = nullptr)
    {
        SessionManager::Deps deps;
        deps.nam = &nam;
        deps.clock = &clock;
        deps.store = &store;
        deps.sessionOnlyStore = &sessionOnlyStore;
        deps.registry = &registry;
        deps.events = events;
        return deps;
    }
};
