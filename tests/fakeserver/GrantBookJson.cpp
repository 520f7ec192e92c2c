// GrantBook's JSON form: the demo server's state file (fake demo tokens only).
#include "GrantBook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString str(const QByteArray &b)
{
    return QString::fromLatin1(b);
}

QByteArray bytes(const QJsonValue &v)
{
    return v.toString().toLatin1();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

} // namespace

QByteArray GrantBook::toJson() const
{
    QJsonArray grants;
    for (const auto &entry : m_grants) {
        const FakeGrant &g = entry.second;
        QJsonObject o;
        o.insert(QStringLiteral("id"), g.id);
        o.insert(QStringLiteral("dialect"), dialectId(g.dialect));
        o.insert(QStringLiteral("clientId"), g.clientId);
        o.insert(QStringLiteral("username"), g.username);
        o.insert(QStringLiteral("scope"), g.scope);
        o.insert(QStringLiteral("issuedMs"), double(g.issuedMs));
        o.insert(QStringLiteral("expiresMs"), double(g.expiresMs));
        o.insert(QStringLiteral("revoked"), g.revoked);
        o.insert(QStringLiteral("refreshRevoked"), g.refreshRevoked);
        o.insert(QStringLiteral("refreshToken"), str(g.refreshToken));
        o.insert(QStringLiteral("generation"), g.generation);
        o.insert(QStringLiteral("rotatedAtMs"), double(g.rotatedAtMs));
        o.insert(QStringLiteral("accessToken"), str(g.accessToken));
        grants.append(o);
    }
    QJsonArray access;
    for (const auto &entry : m_access) {
        const FakeAccessToken &a = entry.second;
        QJsonObject o;
        o.insert(QStringLiteral("value"), str(a.value));
        o.insert(QStringLiteral("grantId"), a.grantId);
        o.insert(QStringLiteral("issuedMs"), double(a.issuedMs));
        o.insert(QStringLiteral("expiresMs"), double(a.expiresMs));
        o.insert(QStringLiteral("lifetimeMs"), double(a.lifetimeMs));
        o.insert(QStringLiteral("lastActivityMs"), double(a.lastActivityMs));
        o.insert(QStringLiteral("hardEndMs"), double(a.hardEndMs));
        o.insert(QStringLiteral("sliding"), a.sliding);
        o.insert(QStringLiteral("killed"), a.killed);
        access.append(o);
    }
    QJsonArray refresh;
    for (const auto &entry : m_refresh) {
        QJsonObject o;
        o.insert(QStringLiteral("value"), str(entry.first));
        o.insert(QStringLiteral("grantId"), entry.second.grantId);
        o.insert(QStringLiteral("generation"), entry.second.generation);
        refresh.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("grants"), grants);
    root.insert(QStringLiteral("access"), access);
    root.insert(QStringLiteral("refresh"), refresh);
    root.insert(QStringLiteral("nextGrant"), m_nextGrant);
    root.insert(QStringLiteral("serial"), m_serial);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool GrantBook::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject root = doc.object();
    std::map<int, FakeGrant> grants;
    const QJsonArray grantArray = root.value(QLatin1String("grants")).toArray();
    for (const QJsonValue &v : grantArray) {
        const QJsonObject o = v.toObject();
        FakeGrant g;
        g.id = o.value(QLatin1String("id")).toInt();
        if (g.id <= 0 || !dialectFromId(o.value(QLatin1String("dialect")).toString(), &g.dialect))
            return false;
        g.clientId = o.value(QLatin1String("clientId")).toString();
        g.username = o.value(QLatin1String("username")).toString();
        g.scope = o.value(QLatin1String("scope")).toString();
        g.issuedMs = num(o, "issuedMs");
        g.expiresMs = num(o, "expiresMs");
        g.revoked = o.value(QLatin1String("revoked")).toBool();
        g.refreshRevoked = o.value(QLatin1String("refreshRevoked")).toBool();
        g.refreshToken = bytes(o.value(QLatin1String("refreshToken")));
        g.generation = o.value(QLatin1String("generation")).toInt();
        g.rotatedAtMs = num(o, "rotatedAtMs");
        g.accessToken = bytes(o.value(QLatin1String("accessToken")));
        grants[g.id] = g;
    }
    std::map<QByteArray, FakeAccessToken> access;
    const QJsonArray accessArray = root.value(QLatin1String("access")).toArray();
    for (const QJsonValue &v : accessArray) {
        const QJsonObject o = v.toObject();
        FakeAccessToken a;
        a.value = bytes(o.value(QLatin1String("value")));
        a.grantId = o.value(QLatin1String("grantId")).toInt();
        a.issuedMs = num(o, "issuedMs");
        a.expiresMs = num(o, "expiresMs");
        a.lifetimeMs = num(o, "lifetimeMs");
        a.lastActivityMs = num(o, "lastActivityMs");
        a.hardEndMs = num(o, "hardEndMs");
        a.sliding = o.value(QLatin1String("sliding")).toBool();
        a.killed = o.value(QLatin1String("killed")).toBool();
        if (a.value.isEmpty() || !grants.count(a.grantId))
            return false;
        access[a.value] = a;
    }
    std::map<QByteArray, RefreshEntry> refresh;
    const QJsonArray refreshArray = root.value(QLatin1String("refresh")).toArray();
    for (const QJsonValue &v : refreshArray) {
        const QJsonObject o = v.toObject();
        const QByteArray value = bytes(o.value(QLatin1String("value")));
        const RefreshEntry e{o.value(QLatin1String("grantId")).toInt(),
                             o.value(QLatin1String("generation")).toInt()};
        if (value.isEmpty() || !grants.count(e.grantId))
            return false;
        refresh[value] = e;
    }
    m_grants = std::move(grants);
    m_access = std::move(access);
    m_refresh = std::move(refresh);
    m_nextGrant = qMax(1, root.value(QLatin1String("nextGrant")).toInt(1));
    m_serial = root.value(QLatin1String("serial")).toInt();
    for (const auto &entry : m_grants)
        m_nextGrant = qMax(m_nextGrant, entry.first + 1);
    return true;
}
