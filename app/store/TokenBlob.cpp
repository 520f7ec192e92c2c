#include "TokenBlob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace {
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53: JSON numbers are doubles

bool toInteger(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d < 0 || d > kMaxExactInteger || std::floor(d) != d)
        return false;
    *out = qint64(d);
    return true;
}

bool toBytes(const QJsonValue &v, QByteArray *out)
{
    if (!v.isString())
        return false;
    const QByteArray ascii = v.toString().toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = decoded.decoded;
    return true;
}
} // namespace

QByteArray TokenBlob::encode(const TokenSet &t, quint64 generation, const QString &storageKey)
{
    QJsonObject o;
    o.insert(QLatin1String("v"), kVersion);
    o.insert(QLatin1String("at"), QString::fromLatin1(t.accessToken.toBase64()));
    o.insert(QLatin1String("rt"), QString::fromLatin1(t.refreshToken.toBase64()));
    o.insert(QLatin1String("tt"), t.tokenType);
    o.insert(QLatin1String("exp"), double(t.accessExpiresAtMs));
    o.insert(QLatin1String("est"), t.expiryEstimated);
    o.insert(QLatin1String("ru"), double(t.refreshUntilMs));
    o.insert(QLatin1String("iss_at"), double(t.issuedAtMs));
    o.insert(QLatin1String("scope"), t.scope);
    o.insert(QLatin1String("inst"), t.instanceUrl.toString(QUrl::FullyEncoded));
    o.insert(QLatin1String("id"), t.identity);
    o.insert(QLatin1String("gen"), double(generation));
    o.insert(QLatin1String("key"), storageKey);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

TokenBlob::Error TokenBlob::decode(const QByteArray &bytes, TokenBlob *out, QString *detail)
{
    auto fail = [detail](Error e, const char *field = nullptr) {
        if (detail)
            *detail = field ? QLatin1String(field) : QString();
        return e;
    };
    if (bytes.isEmpty())
        return fail(Error::Empty);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.isNull())
        return fail(Error::NotJson);
    if (!doc.isObject())
        return fail(Error::NotObject);
    const QJsonObject o = doc.object();

    qint64 version = 0;
    if (!toInteger(o.value(QLatin1String("v")), &version) || version != kVersion)
        return fail(Error::UnknownVersion, "v");

    static const char *const required[] = {"at",    "rt",   "exp", "est", "ru", "iss_at",
                                           "scope", "inst", "id",  "gen", "key"};
    for (const char *field : required) {
        if (!o.contains(QLatin1String(field)))
            return fail(Error::MissingField, field);
    }

    TokenBlob blob;
    TokenSet &t = blob.tokens;
    if (!toBytes(o.value(QLatin1String("at")), &t.accessToken))
        return fail(Error::WrongType, "at");
    if (!toBytes(o.value(QLatin1String("rt")), &t.refreshToken))
        return fail(Error::WrongType, "rt");
    const QJsonValue tt = o.value(QLatin1String("tt"));
    if (!tt.isUndefined()) { // optional: blobs without it are Bearer
        if (!tt.isString() || tt.toString().isEmpty())
            return fail(Error::WrongType, "tt");
        t.tokenType = tt.toString();
    }
    if (!toInteger(o.value(QLatin1String("exp")), &t.accessExpiresAtMs))
        return fail(Error::WrongType, "exp");
    const QJsonValue est = o.value(QLatin1String("est"));
    if (!est.isBool())
        return fail(Error::WrongType, "est");
    t.expiryEstimated = est.toBool();
    if (!toInteger(o.value(QLatin1String("ru")), &t.refreshUntilMs))
        return fail(Error::WrongType, "ru");
    if (!toInteger(o.value(QLatin1String("iss_at")), &t.issuedAtMs))
        return fail(Error::WrongType, "iss_at");
    const QJsonValue scope = o.value(QLatin1String("scope"));
    const QJsonValue inst = o.value(QLatin1String("inst"));
    const QJsonValue id = o.value(QLatin1String("id"));
    const QJsonValue key = o.value(QLatin1String("key"));
    if (!scope.isString())
        return fail(Error::WrongType, "scope");
    if (!inst.isString())
        return fail(Error::WrongType, "inst");
    if (!id.isString())
        return fail(Error::WrongType, "id");
    if (!key.isString())
        return fail(Error::WrongType, "key");
    t.scope = scope.toString();
    if (!inst.toString().isEmpty()) {
        t.instanceUrl = QUrl(inst.toString(), QUrl::StrictMode);
        if (!t.instanceUrl.isValid())
            return fail(Error::WrongType, "inst");
    }
    t.identity = id.toString();
    qint64 generation = 0;
    if (!toInteger(o.value(QLatin1String("gen")), &generation))
        return fail(Error::WrongType, "gen");
    blob.generation = quint64(generation);
    blob.storageKey = key.toString();
    if (t.accessToken.isEmpty() && t.refreshToken.isEmpty())
        return fail(Error::NoTokens);
    *out = blob;
    return fail(Error::None);
}

QString TokenBlob::errorName(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("none");
    case Error::Empty:
        return QStringLiteral("empty");
    case Error::NotJson:
        return QStringLiteral("not_json");
    case Error::NotObject:
        return QStringLiteral("not_object");
    case Error::UnknownVersion:
        return QStringLiteral("unknown_version");
    case Error::MissingField:
        return QStringLiteral("missing_field");
    case Error::WrongType:
        return QStringLiteral("wrong_type");
    case Error::NoTokens:
        return QStringLiteral("no_tokens");
    }
    return QStringLiteral("unknown");
}
