#include "SingleInstance.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

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
    if (!info.exists()) {
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
    if (!info.isDir() || (info.permissions() & others) || !info.isWritable()) {
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
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto handle = [this, socket] {
            // Bounded: a peer cannot make us buffer more than a line.
            if (socket->bytesAvailable() > 64) {
                socket->abort();
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
