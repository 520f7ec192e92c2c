#pragma once

#include "FakeAuthServer.h"
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

    const Clock *clock;
    QUrl baseUrl;
    QHash<QString, QByteArray> users;
    std::array<QHash<QString, FakeAuthServer::Client>, 3> clientsByDialect;
    std::array<FakeAuthServer::Knobs, 3> knobsByDialect;
    GrantBook grants;
    QHash<QString, QList<FakeFault>> faults; // endpoint name (lower case) -> queue
    QList<FakeRequest> records;
    bool logRequests = false;
};
