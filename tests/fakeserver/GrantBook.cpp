#include "GrantBook.h"

#include "FakeHttp.h"

FakeGrant &GrantBook::create(Dialect dialect, const QString &clientId, const QString &username,
                             const QString &scope, qint64 nowMs, qint64 expiresMs, bool withRefresh)
{
    FakeGrant g;
    g.id = m_nextGrant++;
    g.dialect = dialect;
    g.clientId = clientId;
    g.username = username;
    g.scope = scope;
    g.issuedMs = nowMs;
    g.expiresMs = expiresMs;
    g.rotatedAtMs = nowMs;
    if (withRefresh) {
        g.refreshToken = newToken("RT");
        m_refresh[g.refreshToken] = {g.id, 0};
    }
    return m_grants[g.id] = g;
}

QByteArray GrantBook::issueAccess(FakeGrant &grant, qint64 nowMs, qint64 expiresMs, bool sliding,
                                  qint64 hardEndMs)
{
    FakeAccessToken at;
    at.value = newToken("AT");
    at.grantId = grant.id;
    at.issuedMs = nowMs;
    at.expiresMs = expiresMs;
    at.lifetimeMs = expiresMs - nowMs;
    at.lastActivityMs = nowMs;
    at.sliding = sliding;
    at.hardEndMs = hardEndMs;
    if (hardEndMs > 0)
        at.expiresMs = qMin(at.expiresMs, hardEndMs);
    m_access[at.value] = at;
    grant.accessToken = at.value;
    return at.value;
}

void GrantBook::rotateRefresh(FakeGrant &grant, qint64 nowMs)
{
    grant.refreshToken = newToken("RT");
    ++grant.generation;
    grant.rotatedAtMs = nowMs;
    m_refresh[grant.refreshToken] = {grant.id, grant.generation};
}

GrantBook::RefreshCheck GrantBook::checkRefresh(Dialect dialect, const QByteArray &token,
                                                qint64 nowMs, qint64 graceMs, FakeGrant **grant)
{
    *grant = nullptr;
    const auto it = m_refresh.find(token);
    if (token.isEmpty() || it == m_refresh.end())
        return RefreshCheck::Dead;
    FakeGrant *g = this->grant(it->second.grantId);
    if (!g || g->dialect != dialect || !isLive(*g, nowMs) || g->refreshRevoked)
        return RefreshCheck::Dead;
    *grant = g;
    const int age = g->generation - it->second.generation;
    if (age == 0)
        return RefreshCheck::Current;
    if (age == 1 && graceMs > 0 && nowMs < g->rotatedAtMs + graceMs)
        return RefreshCheck::Previous;
    return RefreshCheck::Stale;
}

GrantBook::AccessCheck GrantBook::checkAccess(Dialect dialect, const QByteArray &token,
                                              qint64 nowMs, FakeAccessToken **access,
                                              FakeGrant **grant)
{
    const auto it = m_access.find(token);
    if (token.isEmpty() || it == m_access.end())
        return AccessCheck::Unknown;
    FakeGrant *g = this->grant(it->second.grantId);
    if (!g || g->dialect != dialect)
        return AccessCheck::Unknown;
    if (access)
        *access = &it->second;
    if (grant)
        *grant = g;
    if (g->revoked || it->second.killed)
        return AccessCheck::Revoked;
    if (nowMs >= it->second.expiresMs)
        return AccessCheck::Expired;
    return AccessCheck::Valid;
}

void GrantBook::touch(FakeAccessToken &access, qint64 nowMs)
{
    // Salesforce only records activity once half the timeout has passed.
    if (access.sliding && nowMs - access.lastActivityMs >= access.lifetimeMs / 2) {
        access.lastActivityMs = nowMs;
        access.expiresMs = nowMs + access.lifetimeMs;
        if (access.hardEndMs > 0)
            access.expiresMs = qMin(access.expiresMs, access.hardEndMs);
    }
}

void GrantBook::revokeGrant(FakeGrant &grant)
{
    grant.revoked = true;
    killAccessOfGrant(grant.id);
}

void GrantBook::revokeRefresh(FakeGrant &grant)
{
    grant.refreshRevoked = true;
}

void GrantBook::killAllAccess(Dialect dialect)
{
    for (auto &entry : m_access) {
        const FakeGrant *g = grant(entry.second.grantId);
        if (g && g->dialect == dialect)
            entry.second.killed = true;
    }
}

const FakeGrant *GrantBook::grantOf(const QByteArray &token) const
{
    int id = 0;
    if (const auto a = m_access.find(token); a != m_access.end())
        id = a->second.grantId;
    else if (const auto r = m_refresh.find(token); r != m_refresh.end())
        id = r->second.grantId;
    const auto it = m_grants.find(id);
    return it == m_grants.end() ? nullptr : &it->second;
}

bool GrantBook::accessValid(const FakeAccessToken &at, qint64 nowMs) const
{
    const auto g = m_grants.find(at.grantId);
    return g != m_grants.end() && !g->second.revoked && !at.killed && nowMs < at.expiresMs;
}

bool GrantBook::isTokenActive(const QByteArray &token, qint64 nowMs) const
{
    if (token.isEmpty())
        return false;
    if (const auto a = m_access.find(token); a != m_access.end())
        return accessValid(a->second, nowMs);
    const auto r = m_refresh.find(token);
    const FakeGrant *g = grantOf(token);
    return r != m_refresh.end() && g && isLive(*g, nowMs) && !g->refreshRevoked
            && r->second.generation == g->generation;
}

bool GrantBook::isGrantLive(const QByteArray &token, qint64 nowMs) const
{
    const FakeGrant *g = token.isEmpty() ? nullptr : grantOf(token);
    if (!g || !isLive(*g, nowMs))
        return false;
    if (!g->refreshToken.isEmpty() && !g->refreshRevoked)
        return true;
    for (const auto &entry : m_access) {
        if (entry.second.grantId == g->id && accessValid(entry.second, nowMs))
            return true;
    }
    return false;
}

void GrantBook::killAccess(const QByteArray &token)
{
    const auto it = m_access.find(token);
    if (it != m_access.end())
        it->second.killed = true;
}

void GrantBook::killAccessOfGrant(int grantId, const QByteArray &except)
{
    for (auto &entry : m_access) {
        if (entry.second.grantId == grantId && entry.first != except)
            entry.second.killed = true;
    }
}

void GrantBook::revokeAll()
{
    for (auto &entry : m_grants)
        entry.second.revoked = true;
    for (auto &entry : m_access)
        entry.second.killed = true;
}

void GrantBook::expireAllAccess(qint64 nowMs)
{
    for (auto &entry : m_access) {
        entry.second.expiresMs = qMin(entry.second.expiresMs, nowMs);
        entry.second.sliding = false;
    }
}

bool GrantBook::isLive(const FakeGrant &grant, qint64 nowMs) const
{
    return !grant.revoked && (grant.expiresMs == 0 || nowMs < grant.expiresMs);
}

QList<FakeGrant *> GrantBook::liveGrants(Dialect dialect, qint64 nowMs, const QString &username,
                                         const QString &clientId)
{
    QList<FakeGrant *> out;
    for (auto &entry : m_grants) {
        FakeGrant &g = entry.second;
        if (g.dialect == dialect && isLive(g, nowMs)
            && (username.isEmpty() || g.username == username)
            && (clientId.isEmpty() || g.clientId == clientId))
            out.append(&g);
    }
    return out;
}

FakeGrant *GrantBook::grant(int id)
{
    const auto it = m_grants.find(id);
    return it == m_grants.end() ? nullptr : &it->second;
}

FakeAccessToken *GrantBook::access(const QByteArray &token)
{
    const auto it = m_access.find(token);
    return it == m_access.end() ? nullptr : &it->second;
}

QByteArray GrantBook::newToken(const char *kind)
{
    return m_prefix + '-' + kind + '-' + QByteArray::number(++m_serial) + '-'
            + FakeHttp::randomHex(12);
}
