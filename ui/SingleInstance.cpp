#include "SingleInstance.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

static const QByteArray kRaise = QByteArrayLiteral("raise\n");

SingleInstance::SingleInstance(const QString &socketDir, const QString &name, QObject *parent)
    : QObject(parent), m_dir(socketDir), m_name(name)
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketDir()
{
    QString base = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (base.isEmpty())
        base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return base + QStringLiteral("/tokenkeeper");
}

QString SingleInstance::socketPath() const
{
    return m_dir + QLatin1Char('/') + m_name + QStringLiteral(".sock");
}

bool SingleInstance::prepareDirectory()
{
    const QFileDevice::Permissions ownerOnly =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QFileInfo info(m_dir);
    if (!info.exists() && !info.isSymLink()) {
        if (!QDir().mkpath(m_dir) || !QFile::setPermissions(m_dir, ownerOnly)) {
            m_error = tr("Cannot create the private directory %1.").arg(m_dir);
            return false;
        }
        info.refresh();
    }
    // Another user (or a loose umask) must not be able to reach or replace our socket.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
    if (info.isSymLink() || !info.isDir()) {
        m_error =
                tr("%1 is not a directory (it must be a private directory, mode 0700).").arg(m_dir);
        return false;
    }
#ifdef Q_OS_UNIX
    if (info.ownerId() != uint(geteuid())) {
        m_error = tr("The directory %1 belongs to another user (it must be yours, mode 0700).")
                          .arg(m_dir);
        return false;
    }
#endif
    if ((info.permissions() & others) || !info.isWritable()) {
        m_error = tr("The directory %1 is not private (it must be mode 0700).").arg(m_dir);
        return false;
    }
    return true;
}

// Blocking with a short timeout is fine here: it runs once at startup, before the event loop.
bool SingleInstance::notifyRunning()
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(500))
        return false;
    socket.write(kRaise);
    socket.waitForBytesWritten(500);
    socket.disconnectFromServer();
    return true;
}

SingleInstance::Role SingleInstance::start()
{
    if (!prepareDirectory())
        return Role::Failed;
    if (notifyRunning())
        return Role::Secondary;
    QLocalServer::removeServer(socketPath()); // a stale socket from a crashed instance
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socketPath())) {
        m_error = m_server->errorString();
        return Role::Failed;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return Role::Primary;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= kMaxConnections) { // a flood of peers cannot pile up sockets
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        // Counted down exactly once, however the socket ends (peer, timeout, abort).
        connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        connect(idle, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        idle->start(m_idleTimeoutMs);
        auto handle = [this, socket] {
            // Bounded: a peer cannot make us buffer more than a line.
            if (socket->bytesAvailable() > 64) {
                socket->abort();
                socket->deleteLater();
                return;
            }
            if (!socket->canReadLine())
                return;
            if (socket->readLine(64) == kRaise)
                Q_EMIT raiseRequested();
            socket->disconnectFromServer();
        };
        connect(socket, &QLocalSocket::readyRead, this, handle);
        handle(); // the line may have arrived before we connected
    }
}
