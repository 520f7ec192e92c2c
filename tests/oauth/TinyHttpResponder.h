#pragma once

#include <functional>
#include <memory>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

// A few dozen lines of HTTP/1.1 on 127.0.0.1 for the flow tests (the fake server's
// authorization and device endpoints are built elsewhere): records every request and answers
// each through a handler, or from a queue of canned responses. One request per connection.
class TinyHttpResponder
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path?query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray path() const
        {
            return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
        }
        QUrlQuery query() const
        {
            const qsizetype q = target.indexOf('?');
            return QUrlQuery(q < 0 ? QString() : QString::fromUtf8(target.mid(q + 1)));
        }
        // Form body field (application/x-www-form-urlencoded).
        QByteArray field(const char *name) const
        {
            for (const QByteArray &pair : body.split('&')) {
                const qsizetype eq = pair.indexOf('=');
                if (eq > 0 && pair.left(eq) == name) {
                    QByteArray v = pair.mid(eq + 1);
                    v.replace('+', ' ');
                    return QByteArray::fromPercentEncoding(v);
                }
            }
            return QByteArray();
        }
        bool hasField(const char *name) const
        {
            for (const QByteArray &pair : body.split('&'))
                if (pair == name || pair.startsWith(QByteArray(QByteArray(name) + '=')))
                    return true;
            return false;
        }
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &h : headers)
                if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                    return h.second;
            return QByteArray();
        }
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers = {{"Content-Type", "application/json"}};
        bool hangUp = false; // close the connection without answering
        bool truncate = false; // send the head and part of the body, then close
        bool silent = false; // read the request and never answer (the connection stays open)
    };
    using Handler = std::function<Response(const Request &)>;

    TinyHttpResponder()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] { accept(); });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void enqueue(Response r) { m_queue.append(std::move(r)); }
    void enqueue(int status, const QByteArray &json) { m_queue.append(Response{status, json}); }
    QList<Request> requests() const { return m_requests; }
    int count() const { return int(m_requests.size()); }
    Request last() const { return m_requests.isEmpty() ? Request() : m_requests.last(); }

private:
    void accept()
    {
        while (m_server.hasPendingConnections()) {
            QTcpSocket *s = m_server.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                *buffer += s->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request r;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                r.method = first.value(0);
                r.target = first.value(1);
                qsizetype length = 0;
                for (const QByteArray &line : lines.mid(1)) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon <= 0)
                        continue;
                    r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                    if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive)
                        == 0)
                        length = line.mid(colon + 1).trimmed().toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                r.body = buffer->mid(end + 4, length);
                buffer->clear();
                m_requests.append(r);
                Response out;
                if (!m_queue.isEmpty())
                    out = m_queue.takeFirst();
                else if (m_handler)
                    out = m_handler(r);
                else
                    out = Response{500, "{}"};
                if (out.hangUp) {
                    s->abort();
                    s->deleteLater();
                    return;
                }
                if (out.silent)
                    return;
                if (out.truncate) {
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             "Content-Length: 500\r\n\r\n{\"access_token\":");
                    s->disconnectFromHost();
                    return;
                }
                QByteArray wire = "HTTP/1.1 " + QByteArray::number(out.status) + " X\r\n";
                for (const auto &h : out.headers)
                    wire += h.first + ": " + h.second + "\r\n";
                wire += "Content-Length: " + QByteArray::number(out.body.size())
                        + "\r\nConnection: close\r\n\r\n" + out.body;
                s->write(wire);
                s->disconnectFromHost();
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    Handler m_handler;
    QList<Response> m_queue;
    QList<Request> m_requests;
};
