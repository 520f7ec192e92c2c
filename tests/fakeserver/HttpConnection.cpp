#include "HttpConnection.h"

#include "FakeHttpResponse.h"

#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr qint64 ChunkBytes = 64 * 1024;
constexpr qint64 MaxQueuedBytes = 4 * ChunkBytes;
} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const Clock *clock, QObject *parent)
    : QObject(parent), m_socket(socket), m_clock(clock)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // no Nagle: answers go out now
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    // A paced stream rather than a write on every bytesWritten: in-process the client shares
    // this thread's event loop, and an eager writer starves QNAM's queued readyRead delivery.
    m_pumpTimer = new QTimer(this);
    m_pumpTimer->setInterval(1);
    m_pumpTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pumpTimer, &QTimer::timeout, this, &HttpConnection::pump);
    // Data may have arrived before we connected.
    QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

void HttpConnection::onReadyRead()
{
    if (m_parser.state() != HttpRequestParser::State::NeedMore) {
        m_socket->readAll(); // one request per connection; ignore anything after it
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    switch (m_parser.feed(data)) {
    case HttpRequestParser::State::NeedMore:
        break;
    case HttpRequestParser::State::Done:
        Q_EMIT requestReady(m_parser.request());
        break;
    case HttpRequestParser::State::Error:
        send(FakeHttpResponse::text(m_parser.errorStatus(), "malformed request\n")
                     .serialize(m_clock->wallMs()));
        break;
    }
}

void HttpConnection::send(const QByteArray &raw)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(raw);
    m_socket->disconnectFromHost(); // flushes first
}

void HttpConnection::sendLater(const QByteArray &raw, int delayMs)
{
    QTimer::singleShot(delayMs, Qt::PreciseTimer, this, [this, raw] { send(raw); });
}

void HttpConnection::abortNow()
{
    m_socket->abort();
    deleteLater();
}

void HttpConnection::streamBody(const QByteArray &head, qint64 total)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_streaming = true;
    m_streamLeft = total;
    m_socket->write(head);
    m_pumpTimer->start();
}

void HttpConnection::pump()
{
    if (!m_streaming || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_pumpTimer->stop();
        return;
    }
    static const QByteArray prefix = "{\"access_token\":\"";
    if (m_socket->bytesToWrite() < MaxQueuedBytes) { // one chunk per tick
        const bool endless = m_streamLeft < 0;
        const qint64 n = endless ? ChunkBytes : qMin(ChunkBytes, m_streamLeft);
        if (n == 0) {
            m_streaming = false;
            m_pumpTimer->stop();
            m_socket->disconnectFromHost();
            return;
        }
        QByteArray chunk(n, 'A');
        for (qint64 i = m_streamOffset; i < qMin<qint64>(prefix.size(), m_streamOffset + n); ++i)
            chunk[i - m_streamOffset] = prefix.at(i);
        m_streamOffset += n;
        if (endless) {
            m_socket->write(QByteArray::number(n, 16) + "\r\n" + chunk + "\r\n");
        } else {
            m_streamLeft -= n;
            m_socket->write(chunk);
        }
    }
}

void HttpConnection::trickle(const QByteArray &head, const QByteArray &body, int intervalMs)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(head);
    m_socket->flush();
    m_trickleLeft = body;
    m_trickleTimer = new QTimer(this);
    m_trickleTimer->setInterval(qMax(1, intervalMs));
    connect(m_trickleTimer, &QTimer::timeout, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            m_trickleTimer->stop();
            return;
        }
        if (m_trickleLeft.isEmpty()) {
            m_trickleTimer->stop();
            m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(m_trickleLeft.left(1));
        m_socket->flush();
        m_trickleLeft.remove(0, 1);
    });
    m_trickleTimer->start();
}
