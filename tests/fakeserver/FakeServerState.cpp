#include "FakeServerState.h"

FakeServerState::FakeServerState(const Clock *c) : clock(c ? c : SystemClock::instance())
{
    // Salesforce rotates refresh tokens only when an admin opts in (protocols.md §2.9).
    knobs(Dialect::Salesforce).rotate = false;
}

const FakeAuthServer::Client *FakeServerState::client(Dialect d, const QString &clientId) const
{
    const auto &clients = clientsByDialect[size_t(d)];
    const auto it = clients.constFind(clientId); // case-sensitive, as on every real server
    return it == clients.constEnd() ? nullptr : &it.value();
}

bool FakeServerState::checkPassword(const QString &username, const QString &password) const
{
    const auto it = users.constFind(username);
    return it != users.constEnd() && !username.isEmpty() && it.value() == password.toUtf8();
}
