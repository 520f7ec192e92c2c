#pragma once

#include <QByteArray>
#include <QString>

// tk-demo-server's state file: the last port and every grant (fake demo tokens only), so that a
// restarted demo server keeps its port and the app's signed-in demo accounts stay signed in.
// Written atomically, readable by the owner only.
class DemoStateFile
{
public:
    explicit DemoStateFile(const QString &path) : m_path(path) { }

    bool load(); // false when missing or unreadable (then port() == 0, grants() empty)
    bool save(quint16 port, const QByteArray &grantsJson); // skips the write when unchanged
    quint16 port() const { return m_port; }
    QByteArray grants() const { return m_grants; }
    QString errorString() const { return m_error; }

private:
    QString m_path;
    quint16 m_port = 0;
    QByteArray m_grants;
    QByteArray m_lastWritten;
    QString m_error;
};
