#include "HttpClient.h"

#include "Clock.h"
#include "EndpointPolicy.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

namespace {

HttpReply::Transport transportFor(QNetworkReply::NetworkError error)
{
    using T = HttpReply::Transport;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return T::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return T::HostNotFound;
    case QNetworkReply::RemoteHostClosedError:
        return T::RemoteClosed;
    case QNetworkReply::TimeoutError: // connect timeout from the socket layer: nothing sent
        return T::ConnectTimeout;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return T::ProxyAuth;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownProxyError:
        return T::Proxy;
    case QNetworkReply::SslHandshakeFailedError:
        return T::Tls;
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return T::NetworkDown;
    default:
        return T::Other;
    }
}

// Network-layer (1..99) and proxy (101..199) errors mean no complete HTTP answer, even when a
// status line already arrived (a reset mid-body). Every other error code with a status is an
// HTTP answer: Qt maps 400 to ProtocolInvalidOperationError, 401 to AuthenticationRequired...
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int e = int(error);
    return e >= 1 && e <= 199;
}

QString describeCertificate(const QString &host, const QSslCertificate &leaf)
{
    const QString issuer = leaf.isNull() ? QStringLiteral("?") : leaf.issuerDisplayName();
    const QString fingerprint = leaf.isNull()
            ? QStringLiteral("?")
            : QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    return QStringLiteral("host=") + host + QStringLiteral(" issuer=") + issuer
            + QStringLiteral(" sha256=") + fingerprint;
}

} // namespace

HttpClient::HttpClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent), m_nam(nam), m_clock(clock)
{ }

HttpClient::~HttpClient()
{
    const auto pending = m_pending;
    m_pending.clear();
    for (const Pending &p : pending) {
        delete p.deadline;
        if (p.reply) {
            p.reply->disconnect(this);
            p.reply->abort();
            p.reply->deleteLater();
        }
    }
}

QByteArray HttpClient::userAgent()
{
    return QByteArrayLiteral("Tokenkeeper/" TOKENKEEPER_VERSION);
}

quint64 HttpClient::send(const HttpRequest &request, Callback callback)
{
    const quint64 id = m_nextId++;
    Pending p;
    p.callback = std::move(callback);
    p.sentAtMs = m_clock->wallMs();
    p.method = request.method;
    p.host = request.url.host();
    p.path = request.url.path();
    p.purpose = request.purpose;

    const QString refusal = EndpointPolicy::check(request.url);
    if (!refusal.isEmpty()) {
        // M-08 / M-58d: nothing leaves the process. Still answered from the event loop.
        m_pending.insert(id, p);
        HttpReply reply;
        reply.transport = HttpReply::Transport::PolicyRefused;
        reply.errorString = refusal;
        reply.sentAtMs = p.sentAtMs;
        QMetaObject::invokeMethod(
                this, [this, id, reply]() { deliver(id, reply); }, Qt::QueuedConnection);
        return id;
    }

    QNetworkRequest req(request.url);
    // S-07: a 3xx comes back to us as a reply; Qt 6.4 would otherwise re-send body + headers.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // No ambient cookies in or out: token endpoints must not depend on a browser-like jar.
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setTransferTimeout(m_timeoutMs);
    req.setRawHeader("User-Agent", userAgent());
    for (const auto &h : request.headers)
        req.setRawHeader(h.first, h.second);

    QNetworkReply *reply = nullptr;
    if (request.method == "GET")
        reply = m_nam->get(req);
    else if (request.method == "POST")
        reply = m_nam->post(req, request.body);
    else
        reply = m_nam->sendCustomRequest(req, request.method, request.body);
    p.reply = reply;
    // a total deadline per request. Qt's transfer timeout restarts with every byte, so a
    // server trickling its body a byte a second would hold a refresh (and its callers) forever.
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, id]() {
        auto it = m_pending.find(id);
        if (it == m_pending.end() || !it->reply)
            return;
        it->deadlineHit = true;
        it->reply->abort(); // finished -> finish() reports Timeout
    });
    deadline->start(m_deadlineMs > 0 ? m_deadlineMs : 2 * m_timeoutMs);
    p.deadline = deadline;
    m_pending.insert(id, p);
    qCDebug(lcHttp).noquote() << "send" << p.method << p.host + p.path
                              << QStringLiteral("purpose=") + p.purpose;

    connect(reply, &QNetworkReply::finished, this, [this, id, reply]() { finish(id, reply); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id, reply]() {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            checkSize(id, length.toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, id](qint64 received, qint64 total) { checkSize(id, qMax(received, total)); });
    connect(reply, &QNetworkReply::readyRead, this,
            [this, id, reply]() { checkSize(id, reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, id, reply](const QList<QSslError> &errors) {
                // Never ignoreSslErrors() (S-02): only remember what to tell the person.
                auto it = m_pending.find(id);
                if (it == m_pending.end())
                    return;
                QSslCertificate leaf;
                QStringList texts;
                for (const QSslError &e : errors) {
                    if (leaf.isNull() && !e.certificate().isNull())
                        leaf = e.certificate();
                    texts << e.errorString();
                }
                if (leaf.isNull())
                    leaf = reply->sslConfiguration().peerCertificate();
                it->tlsDetail = describeCertificate(reply->url().host(), leaf);
                it->tlsErrors = texts.join(QStringLiteral("; "));
            });
    return id;
}

void HttpClient::checkSize(quint64 id, qint64 bytes)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->reply || it->tooLarge || bytes <= m_maxBody)
        return;
    it->tooLarge = true;
    it->reply->abort(); // emits finished (synchronously); finish() reports TooLarge
}

void HttpClient::cancel(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (!it->reply) {
        HttpReply reply;
        reply.transport = HttpReply::Transport::Aborted;
        reply.sentAtMs = it->sentAtMs;
        deliver(id, reply);
        return;
    }
    it->cancelled = true;
    QNetworkReply *reply = it->reply;
    reply->abort();
    if (m_pending.contains(id)) // finished was not emitted (already finished internally)
        finish(id, reply);
}

void HttpClient::cancelAll()
{
    const QList<quint64> ids = m_pending.keys();
    for (quint64 id : ids)
        cancel(id);
}

void HttpClient::finish(quint64 id, QNetworkReply *reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || it->reply != reply)
        return;
    const Pending p = *it;
    reply->disconnect(this);
    reply->deleteLater();
    delete p.deadline;

    HttpReply out;
    out.sentAtMs = p.sentAtMs;
    out.receivedAtMs = m_clock->wallMs();
    const QNetworkReply::NetworkError error = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

    if (p.tooLarge) {
        out.transport = HttpReply::Transport::TooLarge;
        out.errorString =
                QStringLiteral("The response exceeded %1 bytes and was discarded.").arg(m_maxBody);
    } else if (error == QNetworkReply::OperationCanceledError) {
        // Qt reports its transfer timeout as a cancel; only our own cancel() sets the flag.
        out.transport = p.cancelled ? HttpReply::Transport::Aborted : HttpReply::Transport::Timeout;
        out.errorString = p.cancelled ? QStringLiteral("Cancelled.")
                : p.deadlineHit
                ? QStringLiteral("No complete answer within %1 ms (request deadline).")
                          .arg(m_deadlineMs > 0 ? m_deadlineMs : 2 * m_timeoutMs)
                : QStringLiteral("No data for %1 ms (transfer timeout).").arg(m_timeoutMs);
    } else if (p.cancelled) {
        out.transport = HttpReply::Transport::Aborted;
    } else if (!status.isValid() || isTransportError(error)) {
        out.transport =
                error == QNetworkReply::NoError ? HttpReply::Transport::Other : transportFor(error);
        if (!p.tlsDetail.isEmpty() && out.transport == HttpReply::Transport::Other)
            out.transport = HttpReply::Transport::Tls;
        out.errorString = reply->errorString();
        if (out.transport == HttpReply::Transport::Tls) {
            out.tlsDetail = p.tlsDetail.isEmpty()
                    ? describeCertificate(reply->url().host(), QSslCertificate())
                    : p.tlsDetail;
            if (!p.tlsErrors.isEmpty())
                out.errorString = p.tlsErrors;
        }
    } else {
        out.transport = HttpReply::Transport::Ok;
        out.status = status.toInt();
        out.reasonPhrase =
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &h : pairs)
            out.headers.append(h);
        out.body = reply->readAll();
        if (out.body.size() > m_maxBody) { // the progress signals are only a fast path
            const qint64 receivedAt = out.receivedAtMs;
            out = HttpReply();
            out.transport = HttpReply::Transport::TooLarge;
            out.sentAtMs = p.sentAtMs;
            out.receivedAtMs = receivedAt;
        } else if (out.status >= 300 && out.status < 400) {
            QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            if (!target.isValid() || target.isEmpty())
                target = QUrl::fromEncoded(out.header("Location"));
            out.redirectTarget = reply->url().resolved(target);
        }
    }

    // One line per request: method, host, path, purpose, status, duration. Never the query
    // string, headers or bodies (S-19).
    qCInfo(lcHttp).noquote().nospace()
            << p.method << ' ' << p.host << p.path << " purpose=" << p.purpose
            << " status=" << out.status << " transport=" << int(out.transport)
            << " ms=" << (out.receivedAtMs - out.sentAtMs);
    deliver(id, out);
}

void HttpClient::deliver(quint64 id, HttpReply reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Callback callback = std::move(it->callback);
    m_pending.erase(it);
    // Always through the event loop: callers may be inside send() or cancel() right now.
    QMetaObject::invokeMethod(
            this, [callback = std::move(callback), reply]() { callback(reply); },
            Qt::QueuedConnection);
}
