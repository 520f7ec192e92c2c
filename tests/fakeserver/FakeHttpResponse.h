#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>

// One HTTP/1.1 response as the fake server writes it: any status, any reason phrase (Venafi puts
// error text there), raw headers and a body. serialize() fills in Date/Content-Length/Connection
// unless the caller set them itself (so a test can lie about Content-Length on purpose).
struct FakeHttpResponse
{
    int status = 200;
    QByteArray reason; // empty: the standard phrase for the status
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int sendDelayMs = 0; // the handler wants the reply sent this late (slow consent)

    static FakeHttpResponse json(int status, const QJsonDocument &doc,
                                 const QByteArray &reason = {});
    static FakeHttpResponse oauthError(int status, const QByteArray &error,
                                       const QString &description, const QByteArray &reason = {});
    static FakeHttpResponse text(int status, const QByteArray &body, const QByteArray &reason = {});
    static FakeHttpResponse empty(int status, const QByteArray &reason = {});
    static FakeHttpResponse html(int status, const QString &title, const QString &bodyHtml);

    bool hasHeader(const QByteArray &name) const;
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces
    QByteArray serialize(qint64 dateMs) const; // status line + headers + body
    QByteArray serializeHead(qint64 dateMs, qint64 contentLength) const; // no body; -1: chunked

    static QByteArray standardReason(int status);
    static QByteArray httpDate(qint64 ms); // IMF-fixdate, e.g. "Thu, 01 Jan 2026 00:00:00 GMT"
};
