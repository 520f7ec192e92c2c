#include "DemoStateFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

bool DemoStateFile::load()
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = f.errorString();
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const int port = o.value(QLatin1String("port")).toInt();
    m_port = port > 0 && port <= 65535 ? quint16(port) : 0;
    const QJsonObject grants = o.value(QLatin1String("grants")).toObject();
    m_grants = grants.isEmpty() ? QByteArray() : QJsonDocument(grants).toJson();
    return true;
}

bool DemoStateFile::save(quint16 port, const QByteArray &grantsJson)
{
    QJsonObject o;
    o.insert(QStringLiteral("port"), int(port));
    o.insert(QStringLiteral("grants"), QJsonDocument::fromJson(grantsJson).object());
    o.insert(QStringLiteral("note"),
             QStringLiteral("tk-demo-server state: fake demo tokens, no real secrets"));
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    if (bytes == m_lastWritten)
        return true;
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly)
        || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || f.write(bytes) != bytes.size() || !f.commit()) {
        m_error = f.errorString();
        return false;
    }
    m_lastWritten = bytes;
    return true;
}
