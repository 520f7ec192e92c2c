#include "Pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QVector>

namespace Pkce {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QByteArray randomUrlSafe(int octets)
{
    octets = qMax(1, octets);
    QVector<quint32> words((octets + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray raw(reinterpret_cast<const char *>(words.constData()), octets);
    const QByteArray out = raw.toBase64(kBase64Url);
    raw.fill('\0');
    words.fill(0);
    return out;
}

QByteArray makeVerifier(int length)
{
    length = qBound(kMinVerifierLength, length, kMaxVerifierLength);
    // Each base64url character carries 6 uniformly random bits.
    return randomUrlSafe((length * 6 + 7) / 8).left(length);
}

bool isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < kMinVerifierLength || verifier.size() > kMaxVerifierLength)
        return false;
    for (const char c : verifier) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray challengeS256(const QByteArray &verifier)
{
    if (!isValidVerifier(verifier))
        return QByteArray();
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray makeState()
{
    return randomUrlSafe(kStateOctets);
}

QByteArray makeNonce()
{
    return randomUrlSafe(kStateOctets);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Lengths are not secret (both are fixed-size encodings); the contents are.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

Attempt newAttempt()
{
    Attempt a;
    a.verifier = makeVerifier();
    a.challenge = challengeS256(a.verifier);
    a.state = makeState();
    a.nonce = makeNonce();
    return a;
}

} // namespace Pkce
