#include "Pkce.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

// PKCE S256 against RFC 7636 Appendix B, the verifier grammar (§4.1), and the CSPRNG-drawn
// verifier, state and nonce (reliability.md S-10, S-11).
class tst_Pkce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc7636AppendixB();
    void verifierLength_data();
    void verifierLength();
    void isValidVerifier_data();
    void isValidVerifier();
    void invalidVerifierHasNoChallenge();
    void freshValuesDiffer();
    void everyAlphabetCharacterAppears();
    void stateAndNonceSize();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void attemptIsConsistent();
};

namespace {
const unsigned char kAppendixBOctets[32] = {116, 24,  223, 180, 151, 153, 224, 37,  79,  250, 96,
                                            125, 216, 173, 187, 186, 22,  212, 37,  77,  105, 214,
                                            191, 240, 91,  88,  5,   88,  83,  132, 141, 121};
} // namespace

void tst_Pkce::rfc7636AppendixB()
{
    const QByteArray verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    QVERIFY(Pkce::isValidVerifier(verifier));
    QCOMPARE(Pkce::challengeS256(verifier),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    // Appendix B's 32 octets encode to that verifier.
    const QByteArray octets(reinterpret_cast<const char *>(kAppendixBOctets), 32);
    QCOMPARE(octets.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
             verifier);
}

void tst_Pkce::verifierLength_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << Pkce::kDefaultVerifierLength << 43;
    QTest::newRow("minimum") << 43 << 43;
    QTest::newRow("64") << 64 << 64;
    QTest::newRow("odd 101") << 101 << 101;
    QTest::newRow("maximum") << 128 << 128;
    QTest::newRow("too short clamps up") << 10 << 43;
    QTest::newRow("zero clamps up") << 0 << 43;
    QTest::newRow("too long clamps down") << 500 << 128;
}

void tst_Pkce::verifierLength()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    const QByteArray v = Pkce::makeVerifier(requested);
    QCOMPARE(v.size(), expected);
    QVERIFY2(Pkce::isValidVerifier(v), v.constData());
    const QByteArray challenge = Pkce::challengeS256(v);
    QCOMPARE(challenge.size(), 43); // 32 octets of SHA-256, no padding
    QVERIFY(!challenge.contains('='));
    QCOMPARE(challenge,
             QCryptographicHash::hash(v, QCryptographicHash::Sha256)
                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void tst_Pkce::isValidVerifier_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<bool>("valid");
    const QByteArray a43(43, 'a');
    QTest::newRow("43 letters") << a43 << true;
    QTest::newRow("42 letters") << QByteArray(42, 'a') << false;
    QTest::newRow("128 letters") << QByteArray(128, 'Z') << true;
    QTest::newRow("129 letters") << QByteArray(129, 'Z') << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("unreserved marks") << QByteArray("-._~") + QByteArray(39, '0') << true;
    QTest::newRow("plus") << QByteArray("+") + QByteArray(42, 'a') << false;
    QTest::newRow("slash") << QByteArray(42, 'a') + '/' << false;
    QTest::newRow("equals padding") << QByteArray(42, 'a') + '=' << false;
    QTest::newRow("space") << QByteArray(21, 'a') + ' ' + QByteArray(21, 'a') << false;
    QTest::newRow("non-ascii") << QByteArray(42, 'a') + "\xc3\xa9" << false;
    QTest::newRow("nul") << QByteArray(42, 'a') + QByteArray(1, '\0') << false;
}

void tst_Pkce::isValidVerifier()
{
    QFETCH(QByteArray, verifier);
    QFETCH(bool, valid);
    QCOMPARE(Pkce::isValidVerifier(verifier), valid);
}

void tst_Pkce::invalidVerifierHasNoChallenge()
{
    QVERIFY(Pkce::challengeS256(QByteArray(42, 'a')).isEmpty());
    QVERIFY(Pkce::challengeS256("plain+text/that=is-not-a-verifier-at-all-really").isEmpty());
}

void tst_Pkce::freshValuesDiffer()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 2000; ++i) {
        seen.insert(Pkce::makeVerifier());
        seen.insert(Pkce::makeState());
        seen.insert(Pkce::makeNonce());
    }
    QCOMPARE(seen.size(), 6000);
}

void tst_Pkce::everyAlphabetCharacterAppears()
{
    // 2000 x 43 characters from a uniform 64-letter alphabet: every letter appears with
    // overwhelming probability (a constant, clock-seeded or truncated source would not).
    QSet<char> letters;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray v = Pkce::makeVerifier();
        for (const char c : v)
            letters.insert(c);
    }
    QCOMPARE(letters.size(), 64);
    QVERIFY(!letters.contains('.'));
    QVERIFY(!letters.contains('~'));
}

void tst_Pkce::stateAndNonceSize()
{
    const QByteArray state = Pkce::makeState();
    QCOMPARE(state.size(), 43); // 256 bits, base64url without padding
    QVERIFY(Pkce::isValidVerifier(state)); // same URL-safe alphabet
    QCOMPARE(Pkce::makeNonce().size(), 43);
    QCOMPARE(Pkce::randomUrlSafe(16).size(), 22);
    QCOMPARE(Pkce::randomUrlSafe(0).size(), 2); // at least one octet
}

void tst_Pkce::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first differs") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("last differs") << QByteArray("abcdex") << QByteArray("abcdef") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("empty vs value") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("case") << QByteArray("ABC") << QByteArray("abc") << false;
    QTest::newRow("embedded nul") << QByteArray("ab\0c", 4) << QByteArray("ab\0d", 4) << false;
}

void tst_Pkce::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Pkce::constantTimeEquals(a, b), equal);
    QCOMPARE(Pkce::constantTimeEquals(b, a), equal);
}

void tst_Pkce::attemptIsConsistent()
{
    const Pkce::Attempt a = Pkce::newAttempt();
    const Pkce::Attempt b = Pkce::newAttempt();
    QCOMPARE(a.challenge, Pkce::challengeS256(a.verifier));
    QVERIFY(a.verifier != b.verifier);
    QVERIFY(a.state != b.state);
    QVERIFY(a.state != a.nonce);
    QVERIFY(a.challenge != a.verifier);
}

QTEST_GUILESS_MAIN(tst_Pkce)
#include "tst_pkce.moc"
