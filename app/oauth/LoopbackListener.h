#pragma once

#include "AuthError.h"

#include <memory>
#include <QAbstractSocket>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

class FlowTimer;
class QTcpServer;
class QTcpSocket;

// What the redirect delivered: the authorization code, or why there is none. `code` is a
// secret (never log it).
struct LoopbackResult
{
    QByteArray code;
    AuthError error;
    bool ok() const { return !error.isError() && !code.isEmpty(); }
};
Q_DECLARE_METATYPE(LoopbackResult)

// The RFC 8252 §7.3 loopback redirect receiver of one browser sign-in attempt
// (reliability.md S-11, S-12, M-62, M-64). It binds 127.0.0.1 (falling back to [::1] only when
// IPv4 loopback cannot be bound), never all interfaces, on an ephemeral port or the first free
// port of a short list (each bound once, kept: no probe-then-rebind). It answers every request
// with a fixed page that reflects nothing, ignores garbage, other paths and a missing or wrong
// `state`, and finishes on the first response carrying the exact `state`, then closes the port:
//
//   listen() -> [request] -> bad/other path/wrong state: 400/404, keep waiting
//                         -> state ok: iss checked -> error=... / code -> close port, finished
//            -> [timeout] -> finished(sign_in_timeout)      cancel() -> finished(cancelled)
class LoopbackListener : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultTimeoutMs = 10 * 60 * 1000; // RFC 6749 §4.1.2 code lifetime
    static constexpr int kDefaultReadTimeoutMs = 10 * 1000;
    static constexpr int kDefaultMaxRequestBytes = 8 * 1024;
    static constexpr int kMaxConnections = 16;

    // What a valid redirect must look like.
    struct Expectation
    {
        QByteArray path = QByteArrayLiteral("/callback");
        QByteArray state; // compared exactly, in constant time
        QString issuer; // RFC 9207: compared whenever `iss` is present
        bool issuerRequired = false; // the server announced iss: absence is an error too
    };

    // How one request is answered (pure; see judge()).
    struct Verdict
    {
        int status = 400; // 200 for a finishing request, even when it carries an error
        bool finishes = false;
        LoopbackResult result; // when finishes
        QByteArray reason; // for the log: "bad_request", "wrong_path", "state_mismatch", ...
    };

    enum class BindStep { NextAddress, NextPort };

    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    void setExpectation(const Expectation &expectation) { m_expect = expectation; }
    Expectation expectation() const { return m_expect; }
    // Empty (the default): an ephemeral port. Otherwise tried in order, each once.
    void setPorts(const QList<quint16> &ports) { m_ports = ports; }
    // The addresses tried for each port, in order; only 127.0.0.1 and ::1 are accepted (any
    // other entry is dropped). Default {127.0.0.1, ::1}.
    void setAddresses(const QList<QHostAddress> &addresses);
    QList<QHostAddress> addresses() const { return m_addresses; }
    void setTimeoutMs(qint64 ms) { m_timeoutMs = ms; }
    // Not owned; must outlive the listener. Default: an internal QtFlowTimer.
    void setTimer(FlowTimer *timer);
    void setReadTimeoutMs(int ms) { m_readTimeoutMs = ms; }
    void setMaxRequestBytes(int bytes) { m_maxRequestBytes = bytes; }

    // Binds now. On false the listener is finished with a Config "listener_unavailable" error
    // (finished() is still emitted, queued) and result() says so.
    bool listen();
    bool isListening() const;
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    // http://127.0.0.1:<port>/callback (or http://[::1]:<port>/callback); empty before listen().
    QUrl redirectUri() const;
    static QUrl redirectUriFor(const QHostAddress &address, quint16 port, const QByteArray &path);
    // Finishes with Cancelled unless already finished. Closes the port at once.
    void cancel();
    bool isFinished() const { return m_finished; }
    int connectionCount() const { return int(m_connections.size()); } // open, not yet closed
    LoopbackResult result() const { return m_result; }

    // Pure: the answer to one request head ("GET /callback?... HTTP/1.1\r\n...").
    static Verdict judge(const QByteArray &requestHead, const Expectation &expectation);
    // Pure: what to do after a bind error. Address in use -> the next port; IPv4 loopback not
    // available (or any other error) -> the next address for the same port.
    static BindStep afterBindError(QAbstractSocket::SocketError error);
    // The fixed page for a status (never reflects anything from the request).
    static QByteArray responseFor(const Verdict &verdict);

Q_SIGNALS:
    // Exactly once per listen(), queued (deleting the listener from a slot is safe).
    void finished(const LoopbackResult &result);
    // A request was answered without finishing (garbage, wrong path or state). Diagnostics.
    void requestRejected(int status, const QByteArray &reason);

private:
    struct Connection
    {
        QByteArray buffer;
        bool answered = false;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Verdict &verdict);
    void finish(LoopbackResult result);
    void closeServer();

    Expectation m_expect;
    QList<quint16> m_ports;
    QList<QHostAddress> m_addresses;
    qint64 m_timeoutMs = kDefaultTimeoutMs;
    int m_readTimeoutMs = kDefaultReadTimeoutMs;
    int m_maxRequestBytes = kDefaultMaxRequestBytes;
    std::unique_ptr<FlowTimer> m_ownTimer;
    FlowTimer *m_timer = nullptr;
    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, Connection> m_connections;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_finished = false;
    LoopbackResult m_result;
};
