#pragma once

#include "FakeAuthServer.h"
#include "FlowBook.h"
#include "GrantBook.h"

#include <QHash>
#include <QList>

#include <array>

// Everything the fake server knows, shared by the connection handling in FakeAuthServer and the
// three dialects' endpoint classes: clock, users, clients, knobs, grants, faults and records.
struct FakeServerState
{
    explicit FakeServerState(const Clock *c);

    qint64 nowMs() const { return clock->wallMs(); }
    FakeAuthServer::Knobs &knobs(Dialect d) { return knobsByDialect[size_t(d)]; }
    const FakeAuthServer::Client *client(Dialect d, const QString &clientId) const;
    bool checkPassword(const QString &username, const QString &password) const;

    // A new grant with the dialect's lifetimes and its first access token (Venafi: whole
    // seconds, capped at the grant's end; Salesforce: a sliding session, the 5-grant limit).
    FakeGrant &startGrant(Dialect d, const QString &clientId, const QString &username,
                          const QString &scope, bool withRefresh);
    void issueAccessToken(FakeGrant &grant); // a new access token by the dialect's rules

    const Clock *clock;
    QUrl baseUrl;
    QHash<QString, QByteArray> users;
    std::array<QHash<QString, FakeAuthServer::Client>, 3> clientsByDialect;
    std::array<FakeAuthServer::Knobs, 3> knobsByDialect;
    GrantBook grants;
    FlowBook flows;
    QHash<QString, QList<FakeFault>> faults; // endpoint name (lower case) -> queue
    QList<FakeRequest> records;
    bool logRequests = false;
    bool authRejected = false; // set by a handler that answered invalid_client (per request)
};
