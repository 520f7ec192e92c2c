#pragma once

#include "HttpExchange.h"

#include <functional>
#include <QHash>
#include <QObject>

class Clock;
class QNetworkAccessManager;
class QTimer;
class QNetworkReply;

// Sends HttpRequests with the safe defaults every token, revocation, discovery and verify
// request needs: EndpointPolicy (https, or http to a literal loopback address), no redirects
// followed (a 3xx comes back as a reply, S-07), a transfer timeout, a response size cap
// (M-11), TLS errors never ignored (S-02), and no secret in any log line.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpReply &)>;

    HttpClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent = nullptr);
    ~HttpClient() override;

    // Returns an id usable with cancel(). The callback always runs exactly once, from the event
    // loop (never synchronously inside send()).
    quint64 send(const HttpRequest &request, Callback callback);
    // The callback of a cancelled request receives Transport::Aborted (still from the event
    // loop). Unknown or finished ids are ignored. Destroying the client drops the callbacks of
    // requests still pending (their owner is going away).
    void cancel(quint64 id);
    void cancelAll();

    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The total deadline of one request, however slowly its bytes arrive; 0 (default):
    // twice the transfer timeout.
    void setRequestDeadlineMs(int ms) { m_deadlineMs = ms; }
    int transferTimeoutMs() const { return m_timeoutMs; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }
    qint64 maxBodyBytes() const { return m_maxBody; }
    int pendingCount() const { return int(m_pending.size()); }

    // The User-Agent sent with every request.
    static QByteArray userAgent();

private:
    void finish(quint64 id, QNetworkReply *reply);
    void checkSize(quint64 id, qint64 announcedOrReceived);
    void deliver(quint64 id, HttpReply reply);
    struct Pending
    {
        QNetworkReply *reply = nullptr;
        Callback callback;
        qint64 sentAtMs = 0;
        bool tooLarge = false;
        bool cancelled = false; // by cancel(): Aborted, not Timeout
        bool deadlineHit = false; // the total deadline aborted it: Timeout
        QTimer *deadline = nullptr; // owned; deleted when the request ends
        QString tlsDetail; // captured in sslErrors (the handshake fails afterwards)
        QString tlsErrors;
        QByteArray method; // for the log line only
        QString host;
        QString path; // never the query string
        QString purpose;
    };
    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
    int m_timeoutMs = 30000;
    int m_deadlineMs = 0;
    qint64 m_maxBody = 1024 * 1024;
};
