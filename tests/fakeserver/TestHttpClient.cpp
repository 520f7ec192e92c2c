#include "TestHttpClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpResult TestHttpClient::get(const QByteArray &pathAndQuery, const QByteArray &authorization)
{
    Fields headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return send("GET", pathAndQuery, {}, headers);
}

HttpResult TestHttpClient::postJson(const QByteArray &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}});
}

HttpResult TestHttpClient::postForm(const QByteArray &path, const Fields &fields,
                                    const QByteArray &authorization)
{
    Fields headers{{"Content-Type", "application/x-www-form-urlencoded"}};
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    return send("POST", path, formEncode(fields), headers);
}

QNetworkReply *TestHttpClient::start(const QByteArray &verb, const QByteArray &pathAndQuery,
                                     const QByteArray &body, const Fields &headers,
                                     int transferTimeoutMs)
{
    QNetworkRequest request(QUrl::fromEncoded(m_base.toEncoded() + pathAndQuery));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(transferTimeoutMs);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    return m_nam.sendCustomRequest(request, verb, body);
}

HttpResult TestHttpClient::send(const QByteArray &verb, const QByteArray &pathAndQuery,
                                const QByteArray &body, const Fields &headers,
                                int transferTimeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = start(verb, pathAndQuery, body, headers, transferTimeoutMs);
    HttpResult r;
    QSignalSpy done(reply, &QNetworkReply::finished); // wakes as soon as it finishes
    r.finished = reply->isFinished() || done.wait(transferTimeoutMs + 5000);
    r.elapsedMs = timer.elapsed();
    r.error = reply->error();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    r.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

QByteArray TestHttpClient::formEncode(const Fields &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(QString::fromUtf8(f.first)) + '='
                + QUrl::toPercentEncoding(QString::fromUtf8(f.second));
    }
    return out;
}

QByteArray TestHttpClient::basic(const QByteArray &id, const QByteArray &secret)
{
    const QByteArray pair = QUrl::toPercentEncoding(QString::fromUtf8(id)) + ':'
            + QUrl::toPercentEncoding(QString::fromUtf8(secret));
    return "Basic " + pair.toBase64();
}
