#pragma once

#include "AccountConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>

// A grant: one successful sign-in of a user with a client. It owns one refresh token (rotated in
// place, with a generation counter so an older token can be told apart from an unknown one) and
// any number of access tokens.
struct FakeGrant
{
    int id = 0;
    Dialect dialect = Dialect::Generic;
    QString clientId;
    QString username; // empty for client_credentials
    QString scope;
    qint64 issuedMs = 0;
    qint64 expiresMs = 0; // end of the grant (Venafi refresh_until, RT lifetime); 0 = never
    bool revoked = false;
    bool refreshRevoked = false; // only the refresh token was revoked; access tokens live on
    QByteArray refreshToken; // current one; empty when the grant has none
    int generation = 0; // bumped by each rotation
    qint64 rotatedAtMs = 0;
    QByteArray accessToken; // newest access token (handed out again inside the grace window)
};

struct FakeAccessToken
{
    QByteArray value;
    int grantId = 0;
    qint64 issuedMs = 0;
    qint64 expiresMs = 0;
    qint64 lifetimeMs = 0;
    qint64 lastActivityMs = 0;
    qint64 hardEndMs = 0; // the session ends here whatever the activity (0 = no limit)
    bool sliding = false; // Salesforce: the session lives on while used (half-window update)
    bool killed = false; // revoked or expired by hand
};

// Every token the fake server has issued, for all dialects, and the rules that decide whether a
// presented token is still good. Knows nothing about HTTP.
class GrantBook
{
public:
    enum class RefreshCheck {
        Current, // the grant's current refresh token
        Previous, // the one rotated out last, still inside the grace window
        Stale, // a rotated-out token (replay); the grant itself is alive
        Dead // unknown, other dialect, grant revoked or expired
    };
    enum class AccessCheck { Valid, Expired, Revoked, Unknown };

    void setTokenPrefix(const QByteArray &prefix) { m_prefix = prefix; }

    FakeGrant &create(Dialect dialect, const QString &clientId, const QString &username,
                      const QString &scope, qint64 nowMs, qint64 expiresMs, bool withRefresh);
    QByteArray issueAccess(FakeGrant &grant, qint64 nowMs, qint64 expiresMs, bool sliding,
                           qint64 hardEndMs = 0);
    void rotateRefresh(FakeGrant &grant, qint64 nowMs);

    RefreshCheck checkRefresh(Dialect dialect, const QByteArray &token, qint64 nowMs,
                              qint64 graceMs, FakeGrant **grant);
    AccessCheck checkAccess(Dialect dialect, const QByteArray &token, qint64 nowMs,
                            FakeAccessToken **access = nullptr, FakeGrant **grant = nullptr);
    void touch(FakeAccessToken &access, qint64 nowMs); // sliding sessions

    void revokeGrant(FakeGrant &grant); // the refresh token and every access token die
    void revokeRefresh(FakeGrant &grant); // only the refresh token dies
    void killAccess(const QByteArray &token);
    void killAccessOfGrant(int grantId, const QByteArray &except = {});
    void revokeAll();
    void expireAllAccess(qint64 nowMs); // they read as expired (not revoked) from now on
    void killAllAccess(Dialect dialect);

    // Any dialect: an access token that is valid, or a refresh token that is current.
    bool isTokenActive(const QByteArray &token, qint64 nowMs) const;
    // The token's grant is live and still holds a usable refresh token or a valid access token.
    bool isGrantLive(const QByteArray &token, qint64 nowMs) const;

    bool isLive(const FakeGrant &grant, qint64 nowMs) const;
    // Live grants, oldest first; empty filters match everything.
    QList<FakeGrant *> liveGrants(Dialect dialect, qint64 nowMs, const QString &username = {},
                                  const QString &clientId = {});
    FakeGrant *grant(int id);
    FakeAccessToken *access(const QByteArray &token);
    const std::map<int, FakeGrant> &allGrants() const { return m_grants; }

    // The whole book as JSON (the demo server's state file) and back. Returns false on garbage.
    QByteArray toJson() const;
    bool fromJson(const QByteArray &json);

private:
    QByteArray newToken(const char *kind);
    const FakeGrant *grantOf(const QByteArray &token) const;
    bool accessValid(const FakeAccessToken &at, qint64 nowMs) const;

    struct RefreshEntry
    {
        int grantId = 0;
        int generation = 0;
    };
    std::map<int, FakeGrant> m_grants;
    std::map<QByteArray, FakeAccessToken> m_access;
    std::map<QByteArray, RefreshEntry> m_refresh;
    QByteArray m_prefix = "tk";
    int m_nextGrant = 1;
    int m_serial = 0;
};
