#pragma once

#include "WireMessage.h"

#include <QObject>
#include <QSet>
#include <QString>

class AgentConnection;
class AgentService;
class QLocalServer;

// The agent socket: $XDG_RUNTIME_DIR/tokenkeeper/agent.sock in a 0700 directory, user-only.
// On every accept, before a byte is read: the peer's uid from SO_PEERCRED (another uid is
// refused and logged), the caller's identity from /proc, and a cap on concurrent connections
// ("busy" beyond it). Requests go to the AgentService; answers go back on the same connection.
class AgentServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString socketPath; // empty: RuntimeDirectory::defaultSocketPath()
        int maxConnections = 256;
        int readTimeoutMs = 3000; // a connection must send its request within this
        int listenBacklog = 512;
    };

    AgentServer(AgentService *service, const Options &options, QObject *parent = nullptr);
    ~AgentServer() override;

    // Checks/creates the directory, replaces a stale socket, listens. False with a reason.
    bool listen(QString *error);
    QString socketPath() const { return m_options.socketPath; }
    int connectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    // For the event log: refused peers, protocol errors (account is empty for those).
    void logEvent(const QString &account, const QString &line);

private:
    void onNewConnection();
    void onRequest(AgentConnection *connection, const tkwire::WireMessage &request);

    AgentService *m_service;
    Options m_options;
    QLocalServer *m_server;
    QSet<AgentConnection *> m_connections;
};
