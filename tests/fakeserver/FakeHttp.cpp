#include "FakeHttp.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

namespace FakeHttp {

static QByteArray mediaType(const FakeRequest &request)
{
    QByteArray type = request.header("Content-Type");
    const int semi = type.indexOf(';');
    if (semi >= 0)
        type.truncate(semi);
    return type.trimmed().toLower();
}

bool isForm(const FakeRequest &request)
{
    return mediaType(request) == "application/x-www-form-urlencoded";
}

bool isJson(const FakeRequest &request)
{
    return mediaType(request) == "application/json";
}

static QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

QHash<QString, QString> parseForm(const QByteArray &encoded)
{
    QHash<QString, QString> out;
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        const QString name = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1));
        if (!out.contains(name))
            out.insert(name, value);
    }
    return out;
}

bool parseJsonObject(const QByteArray &body, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

QByteArray bearerToken(const FakeRequest &request, bool acceptOAuthScheme)
{
    const QByteArray value = request.header("Authorization").trimmed();
    const int space = value.indexOf(' ');
    if (space <= 0)
        return {};
    const QByteArray scheme = value.left(space).toLower();
    if (scheme == "bearer" || (acceptOAuthScheme && scheme == "oauth"))
        return value.mid(space + 1).trimmed();
    return {};
}

bool basicCredentials(const FakeRequest &request, QString *id, QString *secret, bool *malformed)
{
    *malformed = false;
    const QByteArray value = request.header("Authorization").trimmed();
    if (!value.toLower().startsWith("basic "))
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(value.mid(6).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const int colon = decoded.decoded.indexOf(':');
    if (!decoded || colon < 0) {
        *malformed = true;
        return true;
    }
    *id = decodeComponent(decoded.decoded.left(colon));
    *secret = decodeComponent(decoded.decoded.mid(colon + 1));
    return true;
}

ClientCredentials clientCredentials(const FakeRequest &request, const QHash<QString, QString> &form)
{
    ClientCredentials c;
    c.viaBasic = basicCredentials(request, &c.id, &c.secret, &c.malformed);
    if (c.viaBasic) {
        c.twoMethods = form.contains(QStringLiteral("client_secret"));
        return c;
    }
    c.id = form.value(QStringLiteral("client_id"));
    c.secret = form.value(QStringLiteral("client_secret"));
    return c;
}

bool spaceScopeAllowed(const QString &requested, const QString &allowed)
{
    if (allowed.trimmed().isEmpty())
        return true;
    const QStringList have = allowed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList want = requested.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &s : want) {
        if (!have.contains(s))
            return false;
    }
    return true;
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

qint64 secs(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace FakeHttp
