#include "LoopbackListener.h"

#include "FlowTimer.h"
#include "Logging.h"
#include "Pkce.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {

using K = AuthError::Kind;

LoopbackListener::Verdict reject(int status, const char *reason)
{
    LoopbackListener::Verdict v;
    v.status = status;
    v.reason = reason;
    return v;
}

LoopbackListener::Verdict finishWith(AuthError error, const char *reason)
{
    LoopbackListener::Verdict v;
    v.status = 200;
    v.finishes = true;
    v.result.error = std::move(error);
    v.reason = reason;
    return v;
}

// application/x-www-form-urlencoded query (RFC 6749 §4.1.2 uses it for the redirect).
QByteArray decodeComponent(QByteArray raw)
{
    raw.replace('+', ' ');
    return QByteArray::fromPercentEncoding(raw);
}

qsizetype headEnd(const QByteArray &buffer)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf < 0)
        return lf;
    return lf < 0 ? crlf : qMin(crlf, lf);
}

QByteArray html(const QString &title, const QString &text)
{
    return QByteArrayLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
            + title.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</title></head>\n<body><h1>")
            + title.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</h1>\n<p>")
            + text.toHtmlEscaped().toUtf8() + QByteArrayLiteral("</p></body></html>\n");
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Bad Request");
    }
}

} // namespace

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent),
      m_addresses{QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}
{ }

LoopbackListener::~LoopbackListener()
{
    if (m_timer)
        m_timer->stop();
    closeServer();
}

void LoopbackListener::setAddresses(const QList<QHostAddress> &addresses)
{
    m_addresses.clear();
    for (const QHostAddress &a : addresses) {
        if (a == QHostAddress(QHostAddress::LocalHost)
            || a == QHostAddress(QHostAddress::LocalHostIPv6))
            m_addresses.append(a);
        else
            qCWarning(lcOAuth) << "loopback: refusing to listen on a non-loopback address";
    }
}

void LoopbackListener::setTimer(FlowTimer *timer)
{
    m_timer = timer;
}

LoopbackListener::BindStep LoopbackListener::afterBindError(QAbstractSocket::SocketError error)
{
    // 127.0.0.1:<port> taken means that port is taken for this attempt: binding [::1] on it
    // would hand the browser a different redirect URI than the one the port was chosen for.
    return error == QAbstractSocket::AddressInUseError ? BindStep::NextPort : BindStep::NextAddress;
}

bool LoopbackListener::listen()
{
    if (m_server || m_finished)
        return isListening();
    const QList<quint16> ports = m_ports.isEmpty() ? QList<quint16>{0} : m_ports;
    for (const quint16 port : ports) {
        for (const QHostAddress &address : std::as_const(m_addresses)) {
            auto server = std::make_unique<QTcpServer>();
            server->setMaxPendingConnections(kMaxConnections);
            if (server->listen(address, port)) {
                m_server = std::move(server);
                m_address = address;
                m_port = m_server->serverPort();
                break;
            }
            const QAbstractSocket::SocketError error = server->serverError();
            qCInfo(lcOAuth) << "loopback: cannot bind" << address.toString() << port << error;
            if (afterBindError(error) == BindStep::NextPort)
                break;
        }
        if (m_server)
            break;
    }
    if (!m_server) {
        QStringList tried;
        for (const quint16 p : ports)
            tried << QString::number(p);
        AuthError e(K::Config, QStringLiteral("listener_unavailable"));
        e.detail = QStringLiteral("ports ") + tried.join(QLatin1Char(','));
        finish({QByteArray(), e});
        return false;
    }
    connect(m_server.get(), &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
    if (!m_timer) {
        m_ownTimer = std::make_unique<QtFlowTimer>();
        m_timer = m_ownTimer.get();
    }
    m_timer->start(m_timeoutMs, [this] {
        finish({QByteArray(), AuthError(K::Cancelled, QStringLiteral("sign_in_timeout"))});
    });
    qCInfo(lcOAuth) << "loopback: listening on" << m_address.toString() << m_port;
    return true;
}

bool LoopbackListener::isListening() const
{
    return m_server && m_server->isListening();
}

QUrl LoopbackListener::redirectUriFor(const QHostAddress &address, quint16 port,
                                      const QByteArray &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString()); // QUrl adds the brackets for IPv6
    url.setPort(port);
    url.setPath(QString::fromLatin1(path));
    return url;
}

QUrl LoopbackListener::redirectUri() const
{
    if (m_port == 0)
        return QUrl();
    return redirectUriFor(m_address, m_port, m_expect.path);
}

void LoopbackListener::cancel()
{
    finish({QByteArray(), AuthError(K::Cancelled, QStringLiteral("cancelled"))});
}

void LoopbackListener::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (m_finished || m_connections.size() >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        // Slowloris: a connection that does not complete its request in time is dropped.
        QTimer::singleShot(m_readTimeoutMs, socket,
                           [self = QPointer<LoopbackListener>(this), socket] {
                               if (self && self->m_connections.contains(socket)
                                   && !self->m_connections.value(socket).answered) {
                                   self->m_connections.remove(socket);
                                   socket->abort();
                                   socket->deleteLater();
                               }
                           });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QByteArray data = socket->readAll();
    if (it->answered)
        return; // one request per connection; the rest is drained and ignored
    it->buffer += data;
    const qsizetype end = headEnd(it->buffer);
    if (end < 0) {
        if (it->buffer.size() > m_maxRequestBytes)
            answer(socket, reject(431, "too_large"));
        return;
    }
    if (end > m_maxRequestBytes) {
        answer(socket, reject(431, "too_large"));
        return;
    }
    answer(socket, judge(it->buffer.left(end), m_expect));
}

void LoopbackListener::answer(QTcpSocket *socket, const Verdict &verdict)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered)
        return;
    it->answered = true;
    it->buffer.fill('\0'); // the request line carried the code
    it->buffer.clear();
    socket->write(responseFor(verdict));
    socket->flush();
    if (!verdict.finishes) {
        qCInfo(lcOAuth) << "loopback: rejected a request:" << verdict.status << verdict.reason;
        socket->disconnectFromHost();
        Q_EMIT requestRejected(verdict.status, verdict.reason);
        return;
    }
    // The answering socket outlives the listener until its page is delivered (the owner may
    // delete the listener as soon as finished() arrives).
    m_connections.remove(socket);
    disconnect(socket, nullptr, this, nullptr);
    socket->setParent(nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_readTimeoutMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
    qCInfo(lcOAuth) << "loopback: redirect received:" << verdict.reason;
    finish(verdict.result);
}

void LoopbackListener::finish(LoopbackResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    closeServer();
    m_result = std::move(result);
    QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(m_result); }, Qt::QueuedConnection);
}

void LoopbackListener::closeServer()
{
    // Sockets first: they are the server's children, and one of them may be the sender of the
    // signal being handled right now (so deleteLater, never delete).
    const auto sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *s : sockets) {
        disconnect(s, nullptr, this, nullptr);
        s->setParent(nullptr);
        s->abort();
        s->deleteLater();
    }
    if (m_server) {
        m_server->close();
        m_server.reset();
    }
}

LoopbackListener::Verdict LoopbackListener::judge(const QByteArray &requestHead,
                                                  const Expectation &expectation)
{
    qsizetype lineEnd = requestHead.indexOf('\n');
    if (lineEnd < 0)
        lineEnd = requestHead.size();
    QByteArray line = requestHead.left(lineEnd);
    if (line.endsWith('\r'))
        line.chop(1);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || !parts.at(1).startsWith('/'))
        return reject(400, "bad_request");
    if (parts.at(0) != "GET")
        return reject(405, "method");
    const QByteArray &target = parts.at(1);
    if (target.contains('#'))
        return reject(400, "bad_request");
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    if (path != expectation.path)
        return reject(404, "wrong_path");

    QHash<QByteArray, QByteArray> params;
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : decodeComponent(pair.mid(eq + 1));
        if (params.contains(key))
            return reject(400, "duplicate_parameter"); // RFC 6749 §3.1
        params.insert(key, value);
    }

    if (!params.contains("state"))
        return reject(400, "missing_state");
    if (expectation.state.isEmpty()
        || !Pkce::constantTimeEquals(params.value("state"), expectation.state))
        return reject(400, "state_mismatch");

    // RFC 9207 §2.4: checked for error responses too.
    if (params.contains("iss")) {
        if (!expectation.issuer.isEmpty()
            && QString::fromUtf8(params.value("iss")) != expectation.issuer)
            return finishWith(AuthError(K::Config, QStringLiteral("iss_mismatch")), "iss_mismatch");
    } else if (expectation.issuerRequired) {
        return finishWith(AuthError(K::Config, QStringLiteral("iss_missing")), "iss_missing");
    }

    if (params.contains("error")) {
        const QString code = QString::fromUtf8(params.value("error"));
        const QString description = QString::fromUtf8(params.value("error_description"));
        // access_denied -> BadCredentials (the person or a policy said no), invalid_scope ->
        // Scope, server_error / temporarily_unavailable -> Transient, the rest -> Config.
        return finishWith(
                ReplyClassifier::oauthError(code.isEmpty() ? QStringLiteral("error") : code,
                                            description, OAuthDialect::Grant::Password),
                "error");
    }
    const QByteArray code = params.value("code");
    if (code.isEmpty())
        return finishWith(AuthError(K::Config, QStringLiteral("missing_code")), "missing_code");
    if (code.size() > 4096 || !TokenReply::isWellFormedToken(code))
        return finishWith(AuthError(K::Config, QStringLiteral("malformed_code")), "malformed_code");
    Verdict v;
    v.status = 200;
    v.finishes = true;
    v.result.code = code;
    v.reason = "code";
    return v;
}

QByteArray LoopbackListener::responseFor(const Verdict &verdict)
{
    QByteArray body;
    if (verdict.finishes && verdict.result.ok())
        body = html(tr("Signed in"),
                    tr("Tokenkeeper received the sign-in. You can close this tab."));
    else if (verdict.finishes)
        body = html(tr("Sign-in not completed"),
                    tr("Tokenkeeper shows what went wrong. You can close this tab."));
    else if (verdict.status == 404)
        body = html(tr("Not found"), tr("There is nothing here. You can close this tab."));
    else
        body = html(tr("Not accepted"),
                    tr("This is not a valid sign-in response for the current attempt. "
                       "You can close this tab."));
    const int status = verdict.finishes ? 200 : verdict.status;
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status)
            + QByteArrayLiteral("\r\nContent-Type: text/html; charset=utf-8"
                                "\r\nContent-Length: ")
            + QByteArray::number(body.size())
            + QByteArrayLiteral("\r\nCache-Control: no-store"
                                "\r\nPragma: no-cache"
                                "\r\nContent-Security-Policy: default-src 'none'"
                                "\r\nX-Content-Type-Options: nosniff"
                                "\r\nReferrer-Policy: no-referrer"
                                "\r\nX-Frame-Options: DENY"
                                "\r\nConnection: close\r\n\r\n")
            + body;
}
