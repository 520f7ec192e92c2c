#pragma once

#include "FrameCodec.h"
#include "PeerIdentity.h"

#include <QObject>
#include <QTimer>

class QLocalSocket;

// One accepted client of the agent socket: reads exactly one request frame within the read
// timeout (a silent or slow connection is closed), answers it with one frame and closes.
// A request that asked for them (revision 2, FrameCodec.h) may get progress frames before that
// one reply; the read timeout only covers the request, never the wait for the answer.
// A malformed, oversized or wrong-version frame gets an error frame, never a token.
class AgentConnection : public QObject
{
    Q_OBJECT
public:
    AgentConnection(QLocalSocket *socket, PeerIdentity peer, int readTimeoutMs,
                    QObject *parent = nullptr);
    ~AgentConnection() override;

    const PeerIdentity &peer() const { return m_peer; }
    // Sends the reply and closes the connection once it is written.
    void reply(const tkwire::WireMessage &message);
    // Sends a `status=progress` frame and keeps the connection open for the reply.
    void progress(const tkwire::WireMessage &message);
    bool answered() const { return m_answered; }

Q_SIGNALS:
    void requestReceived(AgentConnection *connection, const tkwire::WireMessage &request);
    void protocolError(AgentConnection *connection, const QString &reason);
    // The connection ended (answered, or the client went away; the server then deletes it, so
    // a request still waiting sees its `client` object destroyed: AgentService::handle).
    void finished(AgentConnection *connection);

private:
    void onReadyRead();
    void onDisconnected();
    void fail(const char *code, const QString &reason);

    QLocalSocket *m_socket;
    PeerIdentity m_peer;
    tkwire::FrameReader m_reader;
    QTimer m_readTimeout;
    bool m_gotRequest = false;
    bool m_answered = false;
    bool m_finished = false;
};
