#include "TokenBlob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

// S-17 / M-50: the keychain blob round-trips exactly, and every damaged or foreign form decodes
// to a distinct error, never to a half-filled token set.
class tst_TokenBlob : public QObject
{
    Q_OBJECT

    static TokenSet sample()
    {
        TokenSet t;
        t.accessToken = QByteArrayLiteral("AT-eyJhbGciOiJSUzI1NiJ9.payload.sig");
        t.refreshToken = QByteArrayLiteral("RT-0123456789abcdef");
        t.tokenType = QStringLiteral("Bearer");
        t.issuedAtMs = 1767225600000LL;
        t.accessExpiresAtMs = 1767229200000LL;
        t.expiryEstimated = false;
        t.refreshUntilMs = 1769817600000LL;
        t.scope = QStringLiteral("certificate:manage,revoke");
        t.instanceUrl = QUrl(QStringLiteral("https://eu1.my.salesforce.com"));
        t.identity = QStringLiteral("https://login.salesforce.com/id/00D/005");
        return t;
    }
    static QJsonObject sampleObject()
    {
        return QJsonDocument::fromJson(TokenBlob::encode(sample(), 7, QStringLiteral("key")))
                .object();
    }
    static QByteArray with(const QString &field, const QJsonValue &value)
    {
        QJsonObject o = sampleObject();
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<TokenSet>("tokens");
        QTest::addColumn<quint64>("generation");
        QTest::addColumn<QString>("key");

        QTest::newRow("full") << sample() << quint64(7) << QStringLiteral("venafi|https://x|c|u");
        TokenSet onlyRt;
        onlyRt.refreshToken = QByteArrayLiteral("rt");
        QTest::newRow("only refresh token") << onlyRt << quint64(0) << QString();
        TokenSet onlyAt = sample();
        onlyAt.refreshToken.clear();
        onlyAt.expiryEstimated = true;
        onlyAt.instanceUrl = QUrl();
        QTest::newRow("only access token, estimated")
                << onlyAt << quint64(1) << QStringLiteral("k");
        TokenSet binary = sample();
        binary.accessToken = QByteArray("\x00\xff\r\n\"\\ ", 7);
        binary.scope = QStringLiteral("ü \"quoted\" \\ scope");
        binary.tokenType = QStringLiteral("DPoP");
        QTest::newRow("binary and unicode")
                << binary << quint64(9007199254740991ULL) << QStringLiteral("ключ|\"|");
        TokenSet big = sample();
        big.accessToken = QByteArray(20 * 1024, 'j');
        QTest::newRow("20 KB JWT") << big << quint64(42) << QStringLiteral("k");
    }
    void roundTrip()
    {
        QFETCH(TokenSet, tokens);
        QFETCH(quint64, generation);
        QFETCH(QString, key);
        const QByteArray bytes = TokenBlob::encode(tokens, generation, key);
        TokenBlob blob;
        QString detail;
        QCOMPARE(TokenBlob::decode(bytes, &blob, &detail), TokenBlob::Error::None);
        QCOMPARE(blob.tokens, tokens);
        QCOMPARE(blob.tokens.tokenType, tokens.tokenType);
        QCOMPARE(blob.generation, generation);
        QCOMPARE(blob.storageKey, key);
        // Re-encoding what was decoded gives the same bytes (a stable format).
        QCOMPARE(TokenBlob::encode(blob.tokens, blob.generation, blob.storageKey), bytes);
    }

    void secretsAreNotPlainInTheBlob()
    {
        // Base64 keeps arbitrary bytes exact; the fields are still named as the schema says.
        const QJsonObject o = sampleObject();
        QCOMPARE(o.value(QLatin1String("v")).toInt(), 1);
        QCOMPARE(QByteArray::fromBase64(o.value(QLatin1String("rt")).toString().toLatin1()),
                 sample().refreshToken);
        QCOMPARE(o.value(QLatin1String("gen")).toInt(), 7);
    }

    void corrupt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<TokenBlob::Error>("expected");
        QTest::addColumn<QString>("field");
        using E = TokenBlob::Error;
        const QByteArray good = TokenBlob::encode(sample(), 7, QStringLiteral("key"));

        QTest::newRow("0 bytes") << QByteArray() << E::Empty << QString();
        QTest::newRow("truncated half") << good.left(good.size() / 2) << E::NotJson << QString();
        QTest::newRow("truncated last byte") << good.chopped(1) << E::NotJson << QString();
        QTest::newRow("garbage") << QByteArray("\x01\x02garbage") << E::NotJson << QString();
        QTest::newRow("nul bytes") << QByteArray(64, '\0') << E::NotJson << QString();
        QTest::newRow("html") << QByteArray("<html>keyring</html>") << E::NotJson << QString();
        QTest::newRow("array") << QByteArray("[1,2,3]") << E::NotObject << QString();
        QTest::newRow("version 2")
                << with(QStringLiteral("v"), 2) << E::UnknownVersion << QStringLiteral("v");
        QTest::newRow("version 0")
                << with(QStringLiteral("v"), 0) << E::UnknownVersion << QStringLiteral("v");
        QTest::newRow("version string") << with(QStringLiteral("v"), QStringLiteral("1"))
                                        << E::UnknownVersion << QStringLiteral("v");
        QTest::newRow("version 1.5")
                << with(QStringLiteral("v"), 1.5) << E::UnknownVersion << QStringLiteral("v");
        QTest::newRow("no version") << with(QStringLiteral("v"), QJsonValue::Undefined)
                                    << E::UnknownVersion << QStringLiteral("v");
        QTest::newRow("empty object")
                << QByteArray("{}") << E::UnknownVersion << QStringLiteral("v");
        const char *fields[] = {"at",    "rt",   "exp", "est", "ru", "iss_at",
                                "scope", "inst", "id",  "gen", "key"};
        for (const char *f : fields) {
            QTest::addRow("missing %s", f) << with(QLatin1String(f), QJsonValue::Undefined)
                                           << E::MissingField << QString::fromLatin1(f);
        }
        QTest::newRow("at number")
                << with(QStringLiteral("at"), 123) << E::WrongType << QStringLiteral("at");
        QTest::newRow("at null") << with(QStringLiteral("at"), QJsonValue::Null) << E::WrongType
                                 << QStringLiteral("at");
        QTest::newRow("rt not base64") << with(QStringLiteral("rt"), QStringLiteral("@@@!"))
                                       << E::WrongType << QStringLiteral("rt");
        QTest::newRow("exp string") << with(QStringLiteral("exp"), QStringLiteral("3600"))
                                    << E::WrongType << QStringLiteral("exp");
        QTest::newRow("exp negative")
                << with(QStringLiteral("exp"), -5) << E::WrongType << QStringLiteral("exp");
        QTest::newRow("exp fraction")
                << with(QStringLiteral("exp"), 3599.5) << E::WrongType << QStringLiteral("exp");
        QTest::newRow("exp 1e300")
                << with(QStringLiteral("exp"), 1e300) << E::WrongType << QStringLiteral("exp");
        QTest::newRow("est number")
                << with(QStringLiteral("est"), 1) << E::WrongType << QStringLiteral("est");
        QTest::newRow("ru bool") << with(QStringLiteral("ru"), true) << E::WrongType
                                 << QStringLiteral("ru");
        QTest::newRow("iss_at object") << with(QStringLiteral("iss_at"), QJsonObject())
                                       << E::WrongType << QStringLiteral("iss_at");
        QTest::newRow("scope array") << with(QStringLiteral("scope"), QJsonArray()) << E::WrongType
                                     << QStringLiteral("scope");
        QTest::newRow("inst invalid url")
                << with(QStringLiteral("inst"), QStringLiteral("http://exa mple.com/%zz"))
                << E::WrongType << QStringLiteral("inst");
        QTest::newRow("id null") << with(QStringLiteral("id"), QJsonValue::Null) << E::WrongType
                                 << QStringLiteral("id");
        QTest::newRow("gen negative")
                << with(QStringLiteral("gen"), -1) << E::WrongType << QStringLiteral("gen");
        QTest::newRow("gen string") << with(QStringLiteral("gen"), QStringLiteral("7"))
                                    << E::WrongType << QStringLiteral("gen");
        QTest::newRow("key number")
                << with(QStringLiteral("key"), 1) << E::WrongType << QStringLiteral("key");
        QTest::newRow("tt empty") << with(QStringLiteral("tt"), QString()) << E::WrongType
                                  << QStringLiteral("tt");
        QJsonObject noTokens = sampleObject();
        noTokens.insert(QStringLiteral("at"), QString());
        noTokens.insert(QStringLiteral("rt"), QString());
        QTest::newRow("no tokens") << QJsonDocument(noTokens).toJson() << E::NoTokens << QString();
        QTest::newRow("deep nesting")
                << QByteArray(5000, '[') + QByteArray(5000, ']') << E::NotJson << QString();
    }
    void corrupt()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(TokenBlob::Error, expected);
        QFETCH(QString, field);
        TokenBlob blob;
        blob.generation = 99; // untouched on failure
        QString detail;
        const TokenBlob::Error error = TokenBlob::decode(bytes, &blob, &detail);
        QCOMPARE(TokenBlob::errorName(error), TokenBlob::errorName(expected));
        QCOMPARE(detail, field);
        QCOMPARE(blob.generation, quint64(99));
        QVERIFY(blob.tokens.accessToken.isEmpty());
    }

    void unknownExtraFieldsAreIgnored()
    {
        const QByteArray bytes = with(QStringLiteral("future"), QStringLiteral("x"));
        TokenBlob blob;
        QCOMPARE(TokenBlob::decode(bytes, &blob), TokenBlob::Error::None);
        QCOMPARE(blob.tokens, sample());
    }

    void missingTokenTypeMeansBearer()
    {
        TokenBlob blob;
        QCOMPARE(TokenBlob::decode(with(QStringLiteral("tt"), QJsonValue::Undefined), &blob),
                 TokenBlob::Error::None);
        QCOMPARE(blob.tokens.tokenType, QStringLiteral("Bearer"));
    }

    void errorNamesAreDistinct()
    {
        using E = TokenBlob::Error;
        QSet<QString> names;
        for (E e : {E::None, E::Empty, E::NotJson, E::NotObject, E::UnknownVersion, E::MissingField,
                    E::WrongType, E::NoTokens})
            names.insert(TokenBlob::errorName(e));
        QCOMPARE(names.size(), 8);
    }
};

QTEST_GUILESS_MAIN(tst_TokenBlob)
#include "tst_tokenblob.moc"
