#pragma once

#include "FakeAuthServer.h"
#include "HttpRequestParser.h"

#include <QObject>

class QTcpSocket;
class QTimer;

// One accepted socket: parses one request, then does whatever the server decides, including the
// misbehaviours real servers and proxies show (late answer, no answer, reset, endless body).
// Deletes itself when the socket is gone.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const Clock *clock, QObject *parent = nullptr);

    void send(const QByteArray &raw); // write, then close once flushed
    void sendLater(const QByteArray &raw, int delayMs);
    void abortNow(); // close without a reply
    void hang() { } // keep the socket open and never answer (half-open server)
    // Status line and headers, then `total` bytes of JSON-ish filler written as the socket
    // drains; total < 0 streams an endless chunked body.
    void streamBody(const QByteArray &head, qint64 total);
    // Slowloris: `head` at once, then `body` one byte every intervalMs, then close.
    void trickle(const QByteArray &head, const QByteArray &body, int intervalMs);

Q_SIGNALS:
    void requestReady(const FakeRequest &request);

private:
    void onReadyRead();
    void pump();

    QTcpSocket *m_socket;
    const Clock *m_clock;
    HttpRequestParser m_parser;
    QTimer *m_pumpTimer = nullptr;
    bool m_streaming = false;
    qint64 m_streamLeft = 0; // -1: endless
    qint64 m_streamOffset = 0;
    QTimer *m_trickleTimer = nullptr;
    QByteArray m_trickleLeft;
};
