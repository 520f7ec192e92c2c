#include "TokenSet.h"

#include <QCryptographicHash>

QString TokenSet::fingerprint(const QByteArray &secret)
{
    if (secret.isEmpty())
        return QStringLiteral("-");
    const QByteArray digest = QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.left(6).toHex());
}

bool operator==(const TokenSet &a, const TokenSet &b)
{
    return a.accessToken == b.accessToken && a.refreshToken == b.refreshToken
            && a.tokenType == b.tokenType && a.issuedAtMs == b.issuedAtMs
            && a.accessExpiresAtMs == b.accessExpiresAtMs && a.expiryEstimated == b.expiryEstimated
            && a.refreshUntilMs == b.refreshUntilMs && a.scope == b.scope
            && a.instanceUrl == b.instanceUrl && a.identity == b.identity;
}
