#include "FakeAuthServer.h"

#include "FakeHttpResponse.h"
#include "FakeServerState.h"
#include "GenericEndpoints.h"
#include "HttpConnection.h"
#include "SalesforceEndpoints.h"
#include "VenafiEndpoints.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>

QByteArray FakeRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

FakeAuthServer::FakeAuthServer(const Clock *clock, QObject *parent)
    : QObject(parent),
      m_state(std::make_unique<FakeServerState>(clock)),
      m_venafi(std::make_unique<VenafiEndpoints>(*m_state)),
      m_salesforce(std::make_unique<SalesforceEndpoints>(*m_state)),
      m_generic(std::make_unique<GenericEndpoints>(*m_state)),
      m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeAuthServer::onNewConnection);
}

FakeAuthServer::~FakeAuthServer()
{
    // Connections are children and would otherwise outlive m_state (QObject deletes children
    // after the members are gone); a pending Delay must never fire into a dead server.
    m_server->close();
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool FakeAuthServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return false;
    m_state->baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort()));
    return true;
}

quint16 FakeAuthServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeAuthServer::baseUrl() const
{
    return m_state->baseUrl;
}

QUrl FakeAuthServer::venafiUrl() const
{
    return baseUrl();
}

QUrl FakeAuthServer::salesforceUrl() const
{
    return baseUrl();
}

QUrl FakeAuthServer::issuer() const
{
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/generic"));
    return url;
}

void FakeAuthServer::addUser(const QString &username, const QByteArray &password)
{
    m_state->users.insert(username, password);
}

void FakeAuthServer::setUserPassword(const QString &username, const QByteArray &password)
{
    m_state->users.insert(username, password);
}

void FakeAuthServer::addClient(Dialect dialect, const Client &client)
{
    m_state->clientsByDialect[size_t(dialect)].insert(client.clientId, client);
}

FakeAuthServer::Knobs &FakeAuthServer::knobs(Dialect dialect)
{
    return m_state->knobs(dialect);
}

void FakeAuthServer::injectFault(const QString &endpoint, const FakeFault &fault)
{
    m_state->faults[endpoint.toLower()].append(fault);
}

void FakeAuthServer::clearFaults()
{
    m_state->faults.clear();
}

int FakeAuthServer::requestCount(const QString &endpoint) const
{
    return int(requests(endpoint).size());
}

QList<FakeRequest> FakeAuthServer::requests(const QString &endpoint) const
{
    if (endpoint.isEmpty())
        return m_state->records;
    QList<FakeRequest> out;
    for (const FakeRequest &r : std::as_const(m_state->records)) {
        if (r.endpoint.compare(endpoint, Qt::CaseInsensitive) == 0)
            out.append(r);
    }
    return out;
}

void FakeAuthServer::resetRecords()
{
    m_state->records.clear();
}

void FakeAuthServer::revokeAllGrants()
{
    m_state->grants.revokeAll();
}

void FakeAuthServer::expireAllAccessTokens()
{
    m_state->grants.expireAllAccess(m_state->nowMs());
}

QByteArray FakeAuthServer::currentRefreshToken(Dialect dialect, const QString &username) const
{
    const QList<FakeGrant *> live = m_state->grants.liveGrants(dialect, m_state->nowMs(), username);
    for (auto it = live.crbegin(); it != live.crend(); ++it) {
        if (!(*it)->refreshToken.isEmpty())
            return (*it)->refreshToken;
    }
    return {};
}

int FakeAuthServer::liveGrantCount(Dialect dialect) const
{
    return int(m_state->grants.liveGrants(dialect, m_state->nowMs()).size());
}

void FakeAuthServer::setTokenPrefix(const QByteArray &prefix)
{
    m_state->grants.setTokenPrefix(prefix);
}

void FakeAuthServer::setLogRequests(bool on)
{
    m_state->logRequests = on;
}

void FakeAuthServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_state->clock, this);
        connect(connection, &HttpConnection::requestReady, this,
                [this, connection](const FakeRequest &r) { onRequest(connection, r); });
    }
}

QString FakeAuthServer::route(const QByteArray &path) const
{
    QString name = m_venafi->route(path);
    if (name.isEmpty())
        name = m_salesforce->route(path);
    if (name.isEmpty())
        name = m_generic->route(path);
    return name;
}

bool FakeAuthServer::takeFault(const QString &endpoint, FakeFault *fault)
{
    for (const QString &key : {endpoint.toLower(), QStringLiteral("*")}) {
        auto it = m_state->faults.find(key);
        while (it != m_state->faults.end() && !it->isEmpty()) {
            FakeFault &front = it->first();
            if (front.times == 0) {
                it->removeFirst();
                continue;
            }
            *fault = front;
            if (front.times > 0 && --front.times == 0)
                it->removeFirst();
            return true;
        }
    }
    return false;
}

void FakeAuthServer::onRequest(HttpConnection *connection, FakeRequest request)
{
    request.endpoint = route(request.path);
    FakeFault fault;
    const bool faulted = takeFault(request.endpoint, &fault);
    dispatch(connection, faulted ? &fault : nullptr, request);
    m_state->records.append(request);
    if (m_state->logRequests) { // never the query or body: they may carry secrets
        std::fprintf(stdout, "%s %s -> %s\n", request.method.constData(), request.path.constData(),
                     request.status ? QByteArray::number(request.status).constData()
                                    : "(no reply)");
        std::fflush(stdout);
    }
    Q_EMIT requestReceived(request.endpoint);
}

void FakeAuthServer::dispatch(HttpConnection *connection, const FakeFault *fault,
                              FakeRequest &request)
{
    using Kind = FakeFault::Kind;
    const qint64 now = m_state->nowMs();
    auto realResponse = [&] {
        if (request.endpoint.startsWith(QLatin1String("venafi.")))
            return m_venafi->handle(request.endpoint, request);
        if (request.endpoint.startsWith(QLatin1String("sf.")))
            return m_salesforce->handle(request.endpoint, request);
        if (request.endpoint.startsWith(QLatin1String("generic.")))
            return m_generic->handle(request.endpoint, request);
        return FakeHttpResponse::text(404, "not found\n");
    };
    auto scripted = [&] {
        FakeHttpResponse r;
        r.status = fault->status;
        r.reason = fault->reason;
        r.headers = fault->headers;
        r.body = fault->body;
        return r;
    };

    if (!fault) {
        const FakeHttpResponse r = realResponse();
        request.status = r.status;
        connection->send(r.serialize(now));
        return;
    }
    switch (fault->kind) {
    case Kind::Respond:
    case Kind::RespondAfterProcessing: {
        if (fault->kind == Kind::RespondAfterProcessing)
            realResponse();
        const FakeHttpResponse r = scripted();
        request.status = r.status;
        connection->send(r.serialize(now));
        return;
    }
    case Kind::Delay: {
        const FakeHttpResponse r = realResponse();
        request.status = r.status;
        connection->sendLater(r.serialize(now), fault->delayMs);
        return;
    }
    case Kind::NeverAnswer:
        connection->hang();
        return;
    case Kind::CloseAfterProcessing:
        realResponse();
        connection->abortNow();
        return;
    case Kind::CloseImmediately:
        connection->abortNow();
        return;
    case Kind::Redirect: {
        FakeHttpResponse r = scripted();
        r.status = fault->status >= 300 && fault->status < 400 ? fault->status : 307;
        r.setHeader("Location", fault->redirectTo.toEncoded());
        request.status = r.status;
        connection->send(r.serialize(now));
        return;
    }
    case Kind::HugeBody: {
        FakeHttpResponse r = scripted();
        r.status = 200;
        if (!r.hasHeader("Content-Type"))
            r.setHeader("Content-Type", "application/json");
        request.status = r.status;
        connection->streamBody(r.serializeHead(now, fault->hugeBytes < 0 ? -1 : fault->hugeBytes),
                               fault->hugeBytes);
        return;
    }
    }
}
