#pragma once

#include "AgentServer.h"
#include "AgentService.h"
#include "FrameCodec.h"
#include "SessionRig.h"

#include <memory>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>

// The agent on the real engine: a SessionRig (fake server, ManualClock, in-memory keychain),
// an AgentService and an AgentServer listening in a private runtime directory of its own.
struct AgentRig : SessionRig
{
    QTemporaryDir runtime;
    std::unique_ptr<AgentService> service;
    std::unique_ptr<AgentServer> agent;
    QStringList log; // every event-log line the agent produced

    // An account of dialect `d` named `name` (how tokenctl callers address it), signed in.
    Session *signedInAs(const QString &name, Dialect d = Dialect::Venafi)
    {
        AccountConfig c = config(d);
        c.displayName = name;
        return signedIn(d, c);
    }

    explicit AgentRig(AgentServer::Options options = AgentServer::Options())
    {
        manager->start();
        service = std::make_unique<AgentService>(manager.get(), &clock);
        QObject::connect(service.get(), &AgentService::logEvent,
                         [this](const QString &, const QString &line) { log << line; });
        if (options.socketPath.isEmpty())
            options.socketPath = socketDir() + QStringLiteral("/agent.sock");
        agent = std::make_unique<AgentServer>(service.get(), options);
        QObject::connect(agent.get(), &AgentServer::logEvent,
                         [this](const QString &, const QString &line) { log << line; });
    }
    ~AgentRig()
    {
        agent.reset();
        service.reset();
    }

    QString socketDir() const { return runtime.path() + QStringLiteral("/tokenkeeper"); }
    QString socketPath() const { return agent->socketPath(); }
    bool listen()
    {
        QString error;
        if (!agent->listen(&error)) {
            qWarning("agent listen failed: %s", qPrintable(error));
            return false;
        }
        return true;
    }
};

// A client on a real local socket, driven by the test's event loop (the agent runs in it too).
struct AgentTestClient
{
    QByteArray received; // declared before the socket: its destructor still signals
    bool closed = false;
    QLocalSocket socket;

    explicit AgentTestClient(const QString &path)
    {
        QObject::connect(&socket, &QLocalSocket::readyRead,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QLocalSocket::disconnected, [this] {
            if (socket.isOpen() && socket.bytesAvailable() > 0)
                received += socket.readAll();
            closed = true;
        });
        socket.connectToServer(path);
    }
    bool connected() { return socket.waitForConnected(2000); }
    void sendRaw(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    void send(const tkwire::WireMessage &m)
    {
        const std::string frame = tkwire::encodeFrame(m);
        sendRaw(QByteArray(frame.data(), int(frame.size())));
    }
    bool waitClosed(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, ms);
    }
    // The one reply frame (status empty when none could be decoded).
    tkwire::WireMessage reply() const
    {
        tkwire::FrameReader reader;
        reader.feed(received.constData(), std::size_t(received.size()));
        tkwire::WireMessage m;
        if (reader.next(&m) != tkwire::FrameReader::Status::Frame)
            return tkwire::WireMessage();
        return m;
    }
};

// Sends one request and waits for the reply.
inline tkwire::WireMessage agentCall(const QString &path, const tkwire::WireMessage &request,
                                     int ms = 5000)
{
    AgentTestClient c(path);
    if (!c.connected())
        return tkwire::WireMessage();
    c.send(request);
    c.waitClosed(ms);
    return c.reply();
}

inline tkwire::WireMessage tokenRequest(const QString &account, int minValid = -1,
                                        bool interactive = true)
{
    tkwire::WireMessage m("token");
    m.set("account", account.toStdString());
    if (minValid >= 0)
        m.set("min_valid", std::to_string(minValid));
    m.set("interactive", interactive ? "1" : "0");
    return m;
}

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
