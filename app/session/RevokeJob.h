#pragma once

#include "AuthError.h"
#include "HttpExchange.h"

#include <QList>
#include <QObject>

class HttpClient;
class OAuthDialect;

// Revokes a grant's tokens at the server (RFC 7009, the dialect's revoke endpoint), one request
// after the other in the dialect's order (refresh token first), in the qtkeychain style: set up,
// start() (queued, so connecting afterwards works), one finished() signal, then read the result.
// Confirmed only when the server confirmed every token. Deleting the job cancels its request.
//
//   start -> [send request i -> classify -> remember the first failure] x N -> finished
class RevokeJob : public QObject
{
    Q_OBJECT
public:
    RevokeJob(HttpClient *http, const OAuthDialect *dialect, QList<HttpRequest> requests,
              QObject *parent = nullptr);
    ~RevokeJob() override;

    void start();
    bool hasRequests() const { return !m_requests.isEmpty(); }
    bool confirmed() const { return m_done && !m_error && !m_requests.isEmpty(); }
    AuthError error() const { return m_error; } // the first failure; None when confirmed
Q_SIGNALS:
    void finished(RevokeJob *job);

private:
    void next();

    HttpClient *m_http;
    const OAuthDialect *m_dialect;
    QList<HttpRequest> m_requests;
    int m_index = 0;
    quint64 m_inFlight = 0;
    bool m_done = false;
    AuthError m_error;
};
