#include "DiscoveryClient.h"

#include "Discovery.h"
#include "HttpClient.h"
#include "Logging.h"

#include <QPointer>

DiscoveryClient::DiscoveryClient(HttpClient *http, QObject *parent) : QObject(parent), m_http(http)
{ }

DiscoveryClient::~DiscoveryClient()
{
    if (m_requestId)
        m_http->cancel(m_requestId);
}

void DiscoveryClient::discover(const QUrl &issuer, Callback done)
{
    cancel();
    ++m_generation;
    m_issuer = issuer;
    m_done = std::move(done);
    attempt(Discovery::rfc8414Url(issuer), false);
}

void DiscoveryClient::cancel()
{
    if (m_requestId)
        m_http->cancel(m_requestId); // the callback arrives later with Transport::Aborted
}

void DiscoveryClient::attempt(const QUrl &documentUrl, bool last)
{
    QPointer<DiscoveryClient> self(this);
    const quint64 generation = m_generation;
    const QUrl issuer = m_issuer;
    const Callback done = m_done;
    m_requestId = m_http->send(Discovery::request(documentUrl), [=](const HttpReply &reply) {
        if (!self)
            return; // destroyed: its owner no longer wants the answer
        // A superseded discovery was cancelled: its own callback gets Kind::Cancelled.
        const bool current = self->m_generation == generation;
        DiscoveryResult result = Discovery::parseDocument(reply, issuer);
        result.documentUrl = documentUrl;
        if (current && !last && Discovery::shouldTryNext(result)) {
            qCDebug(lcOAuth) << "discovery: RFC 8414 document unusable, trying OIDC";
            self->attempt(Discovery::oidcUrl(issuer), true);
            return;
        }
        if (current)
            self->m_requestId = 0;
        done(result);
    });
}
