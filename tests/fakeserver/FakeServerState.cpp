#include "FakeServerState.h"

#include "FakeHttp.h"

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

FakeGrant &FakeServerState::startGrant(Dialect d, const QString &clientId, const QString &username,
                                       const QString &scope, bool withRefresh)
{
    const FakeAuthServer::Knobs &k = knobs(d);
    qint64 now = nowMs();
    if (d == Dialect::Venafi) // epoch seconds on the wire: the grant ends on a whole second
        now = FakeHttp::secs(now) * 1000;
    if (d == Dialect::Salesforce && k.maxGrantsPerUser > 0) { // the oldest grant is revoked
        QList<FakeGrant *> live = grants.liveGrants(d, nowMs(), username, clientId);
        while (live.size() >= k.maxGrantsPerUser)
            grants.revokeGrant(*live.takeFirst());
    }
    FakeGrant &grant =
            grants.create(d, clientId, username, scope, nowMs(),
                          k.grantLifetime > 0 ? now + k.grantLifetime * 1000 : 0, withRefresh);
    issueAccessToken(grant);
    return grant;
}

void FakeServerState::issueAccessToken(FakeGrant &grant)
{
    const FakeAuthServer::Knobs &k = knobs(grant.dialect);
    const qint64 now = nowMs();
    switch (grant.dialect) {
    case Dialect::Venafi: { // `expires` is exact: the token dies on that whole second
        const qint64 end = (FakeHttp::secs(now) + k.accessLifetime) * 1000;
        grants.issueAccess(grant, now, grant.expiresMs ? qMin(end, grant.expiresMs) : end, false);
        return;
    }
    case Dialect::Salesforce:
        grants.issueAccess(grant, now, now + k.accessLifetime * 1000, k.slidingSession,
                           k.absoluteSessionLimit > 0 ? now + k.absoluteSessionLimit * 1000 : 0);
        return;
    case Dialect::Generic:
        grants.issueAccess(grant, now, now + k.accessLifetime * 1000, false);
        return;
    }
}
