#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

// What one request through a real QNetworkAccessManager ended with (tests only).
struct HttpResult
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray reason; // QNetworkRequest::HttpReasonPhraseAttribute
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const; // empty unless the body is a JSON object
    QString str(const char *key) const { return json().value(QLatin1String(key)).toString(); }
    qint64 num(const char *key) const
    {
        return qint64(json().value(QLatin1String(key)).toDouble(-1));
    }
    bool has(const char *key) const { return json().contains(QLatin1String(key)); }
};

// Drives the fake server over loopback the way the product does: QNAM, no redirect following.
class TestHttpClient
{
public:
    using Fields = QList<QPair<QByteArray, QByteArray>>;

    explicit TestHttpClient(const QUrl &base) : m_base(base) { }

    HttpResult get(const QByteArray &pathAndQuery, const QByteArray &authorization = {});
    HttpResult postJson(const QByteArray &path, const QJsonObject &body);
    HttpResult postForm(const QByteArray &path, const Fields &fields,
                        const QByteArray &authorization = {});
    HttpResult send(const QByteArray &verb, const QByteArray &pathAndQuery, const QByteArray &body,
                    const Fields &headers, int transferTimeoutMs = 10000);
    QNetworkReply *start(const QByteArray &verb, const QByteArray &pathAndQuery,
                         const QByteArray &body, const Fields &headers, int transferTimeoutMs);

    static QByteArray formEncode(const Fields &fields);
    static QByteArray basic(const QByteArray &id, const QByteArray &secret); // RFC 6749 §2.3.1
    static QByteArray bearer(const QByteArray &token) { return "Bearer " + token; }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};
