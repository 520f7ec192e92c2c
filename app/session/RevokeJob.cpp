#include "RevokeJob.h"

#include "HttpClient.h"
#include "OAuthDialect.h"

#include <QCoreApplication>
#include <QPointer>

RevokeJob::RevokeJob(HttpClient *http, const OAuthDialect *dialect, QList<HttpRequest> requests,
                     QObject *parent)
    : QObject(parent), m_http(http), m_dialect(dialect), m_requests(std::move(requests))
{ }

RevokeJob::~RevokeJob()
{
    if (m_inFlight != 0)
        m_http->cancel(m_inFlight);
}

void RevokeJob::start()
{
    QMetaObject::invokeMethod(this, &RevokeJob::next, Qt::QueuedConnection);
}

void RevokeJob::next()
{
    if (m_index >= m_requests.size()) {
        m_done = true;
        Q_EMIT finished(this);
        return;
    }
    const QPointer<RevokeJob> self(this);
    m_inFlight = m_http->send(m_requests.at(m_index++), [self](const HttpReply &reply) {
        if (!self)
            return;
        self->m_inFlight = 0;
        const AuthError error = self->m_dialect->classifyRevokeReply(reply);
        if (error && !self->m_error)
            self->m_error = error;
        self->next();
    });
}
