#include "AgentConnection.h"

#include "AgentReplies.h"
#include "ErrorCodes.h"

#include <QCoreApplication>
#include <QLocalSocket>

AgentConnection::AgentConnection(QLocalSocket *socket, PeerIdentity peer, int readTimeoutMs,
                                 QObject *parent)
    : QObject(parent), m_socket(socket), m_peer(std::move(peer))
{
    m_socket->setParent(this);
    m_readTimeout.setSingleShot(true);
    m_readTimeout.setInterval(readTimeoutMs);
    connect(&m_readTimeout, &QTimer::timeout, this, [this] {
        fail(tkwire::code::kTimeout,
             QStringLiteral("no complete request within %1 ms").arg(m_readTimeout.interval()));
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &AgentConnection::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &AgentConnection::onDisconnected);
    m_readTimeout.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &AgentConnection::onReadyRead, Qt::QueuedConnection);
}

AgentConnection::~AgentConnection()
{
    m_reader.wipe();
}

void AgentConnection::onReadyRead()
{
    if (!m_socket->isOpen())
        return;
    if (m_gotRequest) {
        m_socket->readAll(); // one request per connection; anything after it is ignored
        return;
    }
    char buffer[8192];
    while (m_socket->bytesAvailable() > 0) {
        const qint64 n = m_socket->read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        m_reader.feed(buffer, std::size_t(n));
        tkwire::WireMessage request;
        const auto status = m_reader.next(&request);
        using S = tkwire::FrameReader::Status;
        if (status == S::NeedMore)
            continue;
        if (status == S::Frame) {
            m_gotRequest = true;
            m_readTimeout.stop();
            m_reader.wipe();
            Q_EMIT requestReceived(this, request);
            request.wipe();
            return;
        }
        if (status == S::UnsupportedVersion) {
            fail(tkwire::code::kUnsupportedVersion,
                 QCoreApplication::translate("AgentConnection",
                                             "protocol version %1 is not supported; this "
                                             "Tokenkeeper speaks version %2 (update tokenctl)")
                         .arg(m_reader.version())
                         .arg(tkwire::kProtocolVersion));
        } else if (status == S::TooLarge) {
            fail(tkwire::code::kFrameTooLarge,
                 QStringLiteral("a frame may carry at most %1 bytes").arg(tkwire::kMaxPayload));
        } else {
            fail(tkwire::code::kBadRequest,
                 QStringLiteral("malformed frame (%1)")
                         .arg(QLatin1String(tkwire::frameStatusName(status))));
        }
        return;
    }
}

void AgentConnection::fail(const char *code, const QString &reason)
{
    if (m_answered || m_finished)
        return;
    m_readTimeout.stop();
    Q_EMIT protocolError(this, QStringLiteral("%1: %2").arg(QLatin1String(code), reason));
    reply(AgentReplies::error(code, reason));
}

void AgentConnection::reply(const tkwire::WireMessage &message)
{
    if (m_answered || m_finished)
        return;
    m_answered = true;
    m_readTimeout.stop();
    const std::string frame = tkwire::encodeFrame(message);
    m_socket->write(frame.data(), qint64(frame.size()));
    m_socket->disconnectFromServer(); // after the bytes are written
    if (m_socket->state() == QLocalSocket::UnconnectedState)
        onDisconnected();
}

void AgentConnection::progress(const tkwire::WireMessage &message)
{
    if (m_answered || m_finished || m_socket->state() != QLocalSocket::ConnectedState)
        return;
    const std::string frame = tkwire::encodeFrame(message);
    m_socket->write(frame.data(), qint64(frame.size()));
    m_socket->flush();
}

void AgentConnection::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_readTimeout.stop();
    if (!m_gotRequest && !m_answered && m_reader.pending() > 0)
        Q_EMIT protocolError(this,
                             QStringLiteral("truncated frame: connection closed after %1 bytes")
                                     .arg(m_reader.pending()));
    Q_EMIT finished(this);
}
