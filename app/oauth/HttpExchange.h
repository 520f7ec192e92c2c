#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One request a dialect wants sent. The body and some headers carry secrets: never log them.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QString purpose; // "login", "refresh", "revoke", "verify", "discovery", "resource" (for logs)
};

// What came back, already reduced to facts the dialects classify. No Qt Network types leak
// through so that the dialects stay pure and table-testable.
struct HttpReply
{
    enum class Transport {
        Ok, // an HTTP response arrived (any status)
        PolicyRefused, // EndpointPolicy refused the URL: nothing was sent
        Timeout, // transfer timeout: the request may have been processed
        ConnectionRefused, // nothing was processed
        HostNotFound,
        RemoteClosed, // connection closed/reset before a complete response (may be processed)
        Tls, // certificate or handshake failure: nothing was sent
        TooLarge, // body exceeded the cap; aborted
        Aborted, // cancelled by us
        NetworkDown,
        Other,
        ConnectTimeout, // the connection was never established: nothing was sent
        Proxy, // the proxy refused, was not found or failed: not processed by the server
        ProxyAuth, // the proxy wants credentials: a configuration problem
    };

    Transport transport = Transport::Ok;
    int status = 0;
    QByteArray reasonPhrase;
    HttpHeaders headers;
    QByteArray body; // capped by HttpClient
    QString errorString; // Qt's description of a transport failure (no secrets)
    QString tlsDetail; // "host=… issuer=… sha256=…" for Tls
    QUrl redirectTarget; // Location of a 3xx (never followed)
    qint64 sentAtMs = 0; // local wall time when the request was handed to the network
    qint64 receivedAtMs = 0;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return QByteArray();
    }
    bool isHttp() const { return transport == Transport::Ok; }
    bool isSuccess() const { return isHttp() && status >= 200 && status < 300; }
};
