#include "FakeHttpResponse.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

FakeHttpResponse FakeHttpResponse::json(int status, const QJsonDocument &doc,
                                        const QByteArray &reason)
{
    FakeHttpResponse r;
    r.status = status;
    r.reason = reason;
    r.body = doc.toJson(QJsonDocument::Compact);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

FakeHttpResponse FakeHttpResponse::oauthError(int status, const QByteArray &error,
                                              const QString &description, const QByteArray &reason)
{
    QJsonObject o;
    o.insert(QStringLiteral("error"), QString::fromLatin1(error));
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return json(status, QJsonDocument(o), reason);
}

FakeHttpResponse FakeHttpResponse::text(int status, const QByteArray &body,
                                        const QByteArray &reason)
{
    FakeHttpResponse r;
    r.status = status;
    r.reason = reason;
    r.body = body;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    return r;
}

FakeHttpResponse FakeHttpResponse::empty(int status, const QByteArray &reason)
{
    FakeHttpResponse r;
    r.status = status;
    r.reason = reason;
    return r;
}

FakeHttpResponse FakeHttpResponse::html(int status, const QString &title, const QString &bodyHtml)
{
    FakeHttpResponse r;
    r.status = status;
    r.body = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                            "</head>\n<body>\n%2\n</body></html>\n")
                     .arg(title.toHtmlEscaped(), bodyHtml)
                     .toUtf8();
    r.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return r;
}

bool FakeHttpResponse::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void FakeHttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray> &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    headers.append({name, value});
}

QByteArray FakeHttpResponse::serializeHead(qint64 dateMs, qint64 contentLength) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' '
            + (reason.isEmpty() ? standardReason(status) : reason) + "\r\n";
    if (!hasHeader("Date"))
        out += "Date: " + httpDate(dateMs) + "\r\n";
    if (!hasHeader("Server"))
        out += "Server: tokenkeeper-fake\r\n";
    if (contentLength < 0) {
        if (!hasHeader("Transfer-Encoding"))
            out += "Transfer-Encoding: chunked\r\n";
    } else if (!hasHeader("Content-Length")) {
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    }
    // One request per connection keeps the fault semantics simple (a closed socket never hides
    // a second, pipelined request).
    if (!hasHeader("Connection"))
        out += "Connection: close\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    return out;
}

QByteArray FakeHttpResponse::serialize(qint64 dateMs) const
{
    return serializeHead(dateMs, body.size()) + body;
}

QByteArray FakeHttpResponse::standardReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray FakeHttpResponse::httpDate(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return QLocale::c().toString(t, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}
