#pragma once

#include "DiscoveryResult.h"

#include <functional>
#include <QObject>

class HttpClient;

// Finds a generic server's endpoints from its issuer: the RFC 8414 document first, then the
// OIDC one, through HttpClient (so no redirects, https only, capped, timed out).
//   discover(issuer) -> GET 8414 url -> usable? done : (missing/unusable? GET OIDC url -> done)
class DiscoveryClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const DiscoveryResult &)>;
    explicit DiscoveryClient(HttpClient *http, QObject *parent = nullptr);
    ~DiscoveryClient() override;

    // `done` runs exactly once, from the event loop (unless this object is destroyed first).
    // A second discover() cancels the first (its callback gets Kind::Cancelled).
    void discover(const QUrl &issuer, Callback done);
    void cancel();
    bool isRunning() const { return m_requestId != 0; }

private:
    void attempt(const QUrl &documentUrl, bool last);

    HttpClient *m_http;
    QUrl m_issuer;
    Callback m_done;
    quint64 m_requestId = 0;
    quint64 m_generation = 0;
};
