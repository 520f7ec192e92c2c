#pragma once

#include <QByteArray>

// RFC 7636 PKCE (S256 only) and the other per-attempt secrets of an interactive sign-in: the
// `state` (CSRF, RFC 6749 §10.12) and the OIDC `nonce`. Everything comes from
// QRandomGenerator::system() (the OS CSPRNG), never from global() (reliability.md S-10, S-11).
namespace Pkce {
constexpr int kMinVerifierLength = 43; // RFC 7636 §4.1
constexpr int kMaxVerifierLength = 128;
constexpr int kDefaultVerifierLength = 43; // 32 random octets, base64url (S-10)
constexpr int kStateOctets = 32; // 256 bits (S-11 asks for at least 128)

// `octets` bytes from the system CSPRNG, base64url without padding.
QByteArray randomUrlSafe(int octets);
// A fresh code verifier of `length` characters (clamped to 43..128) from [A-Za-z0-9-_].
QByteArray makeVerifier(int length = kDefaultVerifierLength);
// RFC 7636 §4.1 grammar: 43..128 characters of ALPHA / DIGIT / "-" / "." / "_" / "~".
bool isValidVerifier(const QByteArray &verifier);
// BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 §4.2). Empty for an invalid
// verifier, so that a bad one can never be sent.
QByteArray challengeS256(const QByteArray &verifier);
QByteArray makeState();
QByteArray makeNonce();
// Compares in time that depends only on the lengths, not on where the first difference is.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// One attempt's secrets, generated together.
struct Attempt
{
    QByteArray verifier;
    QByteArray challenge;
    QByteArray state;
    QByteArray nonce;
};
Attempt newAttempt();
} // namespace Pkce
