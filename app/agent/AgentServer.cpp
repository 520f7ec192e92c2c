#include "AgentServer.h"

#include "AgentConnection.h"
#include "AgentLog.h"
#include "AgentReplies.h"
#include "AgentService.h"
#include "ErrorCodes.h"
#include "FrameCodec.h"
#include "RuntimeDirectory.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

#include <unistd.h>

AgentServer::AgentServer(AgentService *service, const Options &options, QObject *parent)
    : QObject(parent), m_service(service), m_options(options), m_server(new QLocalServer(this))
{
    if (m_options.socketPath.isEmpty())
        m_options.socketPath = RuntimeDirectory::defaultSocketPath();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setListenBacklogSize(m_options.listenBacklog);
    m_server->setMaxPendingConnections(m_options.listenBacklog);
    connect(m_server, &QLocalServer::newConnection, this, &AgentServer::onNewConnection);
    m_service->setSocketPath(m_options.socketPath);
}

AgentServer::~AgentServer()
{
    m_server->close();
    qDeleteAll(m_connections);
}

bool AgentServer::listen(QString *error)
{
    const QString dir = QFileInfo(m_options.socketPath).absolutePath();
    if (m_options.socketPath.isEmpty() || !RuntimeDirectory::ensure(dir, error)) {
        if (m_options.socketPath.isEmpty())
            RuntimeDirectory::ensure(QString(), error);
        qCWarning(lcAgent).noquote() << "agent socket refused:" << *error;
        return false;
    }
    // A socket file left by a crashed instance answers nobody; a live one means another agent.
    QLocalSocket probe;
    probe.connectToServer(m_options.socketPath);
    if (probe.waitForConnected(200)) {
        *error = QCoreApplication::translate("AgentServer", "another agent already listens on %1")
                         .arg(m_options.socketPath);
        return false;
    }
    QLocalServer::removeServer(m_options.socketPath);
    if (!m_server->listen(m_options.socketPath)) {
        *error = m_server->errorString();
        qCWarning(lcAgent).noquote() << "agent cannot listen:" << *error;
        return false;
    }
    qCInfo(lcAgent).noquote() << "agent listening on" << m_options.socketPath;
    return true;
}

void AgentServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        // Before any byte is read: who is it?
        PeerIdentity peer = PeerIdentity::fromSocket(int(socket->socketDescriptor()));
        if (!peer.credentialsKnown || peer.uid != qint64(::getuid())) {
            const QString line =
                    QStringLiteral("refused a connection from uid %1 (pid %2): not this user")
                            .arg(peer.uid)
                            .arg(peer.process.pid);
            qCWarning(lcAgent).noquote() << line;
            Q_EMIT logEvent(QString(), line);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (int(m_connections.size()) >= m_options.maxConnections) {
            const std::string frame = tkwire::encodeFrame(AgentReplies::error(
                    tkwire::code::kBusy,
                    QStringLiteral("too many connections at once; retry shortly")));
            socket->write(frame.data(), qint64(frame.size()));
            socket->disconnectFromServer();
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            if (socket->state() == QLocalSocket::UnconnectedState)
                socket->deleteLater();
            continue;
        }
        auto *connection = new AgentConnection(socket, std::move(peer), m_options.readTimeoutMs);
        m_connections.insert(connection);
        connect(connection, &AgentConnection::requestReceived, this, &AgentServer::onRequest);
        connect(connection, &AgentConnection::protocolError, this,
                [this](AgentConnection *c, const QString &reason) {
                    const QString line = QStringLiteral("closed a connection from %1: %2")
                                                 .arg(c->peer().describe(), reason);
                    qCInfo(lcAgent).noquote() << line;
                    Q_EMIT logEvent(QString(), line);
                });
        connect(connection, &AgentConnection::finished, this, [this](AgentConnection *c) {
            m_connections.remove(c);
            c->deleteLater();
        });
    }
}

void AgentServer::onRequest(AgentConnection *connection, const tkwire::WireMessage &request)
{
    const QPointer<AgentConnection> target(connection);
    AgentService::Reply progress;
    if (request.get("progress") == "1") // revision 2 (FrameCodec.h)
        progress = [target](const tkwire::WireMessage &frame) {
            if (target)
                target->progress(frame);
        };
    m_service->handle(
            request, connection->peer(),
            [target](const tkwire::WireMessage &reply) {
                if (target)
                    target->reply(reply);
            },
            progress, connection);
}
