#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// The tokens of one grant, with every time normalised to an absolute local wall-clock instant
// at arrival (reliability.md R-01). Secrets are QByteArray so they never pass through a
// QString that might be formatted into a message by accident.
struct TokenSet
{
    QByteArray accessToken;
    QByteArray refreshToken;
    QString tokenType = QStringLiteral("Bearer");
    qint64 issuedAtMs = 0; // local wall time the request was sent (conservative anchor)
    qint64 accessExpiresAtMs = 0; // 0: unknown lifetime
    bool expiryEstimated = false; // true when the lifetime is a dialect default, not a server fact
    qint64 refreshUntilMs = 0; // end of the grant (Venafi refresh_until); 0: unknown
    QString scope; // granted scope as the server reported it (dialect syntax)
    QUrl instanceUrl; // Salesforce: where API calls go
    QString identity;
    bool clockSkewSuspected = false;
    qint64 clockSkewMs = 0; // server Date minus local time, when known

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }
    qint64 lifetimeMs() const
    {
        return accessExpiresAtMs > 0 && issuedAtMs > 0 ? accessExpiresAtMs - issuedAtMs : 0;
    }
    // A short, non-reversible tag for logs and the refresh journal (never the token itself).
    static QString fingerprint(const QByteArray &secret);
    friend bool operator==(const TokenSet &a, const TokenSet &b);
    friend bool operator!=(const TokenSet &a, const TokenSet &b) { return !(a == b); }
};
