#include "FakeAuthServer.h"

#include "FakeHttpResponse.h"
#include "FakeServerState.h"
#include "GenericEndpoints.h"
#include "HttpConnection.h"
#include "InteractiveFlows.h"
#include "SalesforceEndpoints.h"
#include "VenafiEndpoints.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
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
    const int colon = endpoint.indexOf(QLatin1Char(':'));
    FakeFault f = fault;
    if (colon >= 0)
        f.operation = endpoint.mid(colon + 1);
    m_state->faults[endpoint.left(colon).toLower()].append(f);
}

void FakeAuthServer::bareStatus(const QString &endpoint, int status, FakeFault::BodyKind bodyKind,
                                int count)
{
    FakeFault f;
    f.kind = FakeFault::Kind::Respond;
    f.status = status;
    f.bodyKind = bodyKind;
    f.times = count;
    injectFault(endpoint, f);
}

void FakeAuthServer::retryAfterInPast(const QString &endpoint, int status, qint64 secondsAgo,
                                      int count)
{
    FakeFault f;
    f.kind = FakeFault::Kind::Respond;
    f.status = status;
    f.headers = {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
    f.body = R"({"error":"temporarily_unavailable","error_description":"try again later"})";
    f.retryAfterDate = true;
    f.retryAfterOffsetSecs = -secondsAgo;
    f.times = count;
    injectFault(endpoint, f);
}

void FakeAuthServer::slowBody(const QString &endpoint, int byteIntervalMs, int count)
{
    FakeFault f;
    f.kind = FakeFault::Kind::SlowBody;
    f.delayMs = byteIntervalMs;
    f.times = count;
    injectFault(endpoint, f);
}

void FakeAuthServer::clearFaults()
{
    m_state->faults.clear();
}

int FakeAuthServer::requestCount(const QString &endpoint) const
{
    return int(requests(endpoint).size());
}

int FakeAuthServer::clientAuthFailures(const QString &endpoint) const
{
    const QList<FakeRequest> list = requests(endpoint);
    return int(std::count_if(list.cbegin(), list.cend(),
                             [](const FakeRequest &r) { return r.clientAuthRejected; }));
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

QByteArray FakeAuthServer::currentAccessToken(Dialect dialect, const QString &username) const
{
    const QList<FakeGrant *> live = m_state->grants.liveGrants(dialect, m_state->nowMs(), username);
    return live.isEmpty() ? QByteArray() : live.last()->accessToken;
}

int FakeAuthServer::liveGrantCount(Dialect dialect) const
{
    return int(m_state->grants.liveGrants(dialect, m_state->nowMs()).size());
}

bool FakeAuthServer::isTokenActive(const QByteArray &token) const
{
    return m_state->grants.isTokenActive(token, m_state->nowMs());
}

bool FakeAuthServer::isGrantLive(const QByteArray &token) const
{
    return m_state->grants.isGrantLive(token, m_state->nowMs());
}

void FakeAuthServer::endSession(const QByteArray &accessToken)
{
    m_state->grants.killAccess(accessToken);
}

void FakeAuthServer::endAllSessions(Dialect dialect)
{
    m_state->grants.killAllAccess(dialect);
}

void FakeAuthServer::setTokenPrefix(const QByteArray &prefix)
{
    m_state->grants.setTokenPrefix(prefix);
}

QByteArray FakeAuthServer::lastAuthorizationCode() const
{
    return m_state->flows.lastCode();
}

QString FakeAuthServer::lastUserCode(Dialect dialect) const
{
    const QList<FakeDeviceCode *> all = m_state->flows.devices();
    QString out;
    int newest = -1;
    for (const FakeDeviceCode *d : all) {
        if (d->dialect == dialect && d->serial > newest) {
            newest = d->serial;
            out = d->userCode;
        }
    }
    return out;
}

bool FakeAuthServer::approveDeviceCode(Dialect dialect, const QString &userCode,
                                       const QString &username)
{
    return InteractiveFlows(*m_state, dialect).setDeviceDecision(userCode, username, true);
}

bool FakeAuthServer::denyDeviceCode(Dialect dialect, const QString &userCode)
{
    return InteractiveFlows(*m_state, dialect).setDeviceDecision(userCode, QString(), false);
}

QByteArray FakeAuthServer::authorizePath(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Generic:
        return "/generic/authorize";
    case Dialect::Salesforce:
        return "/services/oauth2/authorize";
    case Dialect::Venafi:
        break;
    }
    return {};
}

QByteArray FakeAuthServer::deviceStartPath(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Generic:
        return "/generic/device_authorization";
    case Dialect::Salesforce:
        return "/services/oauth2/token";
    case Dialect::Venafi:
        return "/vedauth/authorize/device";
    }
    return {};
}

QByteArray FakeAuthServer::grantsJson() const
{
    return m_state->grants.toJson();
}

bool FakeAuthServer::restoreGrants(const QByteArray &json)
{
    return m_state->grants.fromJson(json);
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

void FakeAuthServer::onRequest(HttpConnection *connection, FakeRequest request)
{
    request.endpoint = route(request.path);
    request.operation = operationOf(request);
    FakeFault fault;
    const bool faulted = takeFault(request, &fault);
    m_state->authRejected = false;
    dispatch(connection, faulted ? &fault : nullptr, request);
    request.clientAuthRejected = m_state->authRejected;
    m_state->records.append(request);
    if (m_state->logRequests) { // never the query or body: they may carry secrets
        std::fprintf(stdout, "%s %s -> %s\n", request.method.constData(), request.path.constData(),
                     request.status ? QByteArray::number(request.status).constData()
                                    : "(no reply)");
        std::fflush(stdout);
    }
    Q_EMIT requestReceived(request.endpoint);
}
