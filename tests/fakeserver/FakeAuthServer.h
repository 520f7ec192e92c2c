#pragma once

#include "AccountConfig.h"
#include "Clock.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

class QTcpServer;
class HttpConnection;
class VenafiEndpoints;
class SalesforceEndpoints;
class GenericEndpoints;
struct FakeServerState;

// An in-process OAuth 2.0 authorization server for tests (and the demo): a real HTTP/1.1 server
// on 127.0.0.1 that speaks the Venafi, Salesforce and generic (RFC 6749) dialects from one port,
// keeps time with an injected Clock and can be told to misbehave per endpoint (FakeFault).

struct FakeFault
{ // what to do with the next matching request(s)
    enum class Kind {
        Respond, // reply with status/reason/headers/body instead of real handling
        RespondAfterProcessing, // run the real handler (e.g. rotate), then reply as Respond
        Delay, // real handling, reply delayed by delayMs (timer, not sleep)
        NeverAnswer, // keep the socket open, never reply (half-open server)
        CloseAfterProcessing, // run the real handler (rotation happens), then close, no reply
        CloseImmediately, // close without processing
        Redirect, // 3xx (status, default 307) with Location: redirectTo
        HugeBody // 200 with a body of hugeBytes bytes (streamed), JSON-ish garbage
    };
    Kind kind = Kind::Respond;
    int status = 500;
    QByteArray reason; // empty: standard phrase
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    QUrl redirectTo;
    qint64 hugeBytes = 0;
    int times = 1; // how many requests it applies to; -1 = until cleared
};

struct FakeRequest
{ // what a request carried (for assertions; tests may read secrets)
    QByteArray method, path; // path without query
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString endpoint; // endpoint name ("venafi.token", ...), empty for unknown paths
    int status = 0; // status we answered (0 = none)

    QByteArray header(const QByteArray &name) const; // first value, case-insensitive name
};

class FakeAuthServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeAuthServer(const Clock *clock = nullptr /* SystemClock */,
                            QObject *parent = nullptr);
    ~FakeAuthServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QUrl venafiUrl() const; // == baseUrl (paths /vedauth/..., /vedsdk/...)
    QUrl salesforceUrl() const; // == baseUrl (paths /services/...)
    QUrl issuer() const; // generic issuer: baseUrl + "/generic"

    // Identities and clients (all dialects share users).
    void addUser(const QString &username, const QByteArray &password);
    void setUserPassword(const QString &username, const QByteArray &password);
    struct Client
    {
        QString clientId;
        QByteArray secret; // empty: public client
        QString allowedScope; // Venafi grammar or space-separated
        bool refreshEnabled = true;
    };
    void addClient(Dialect dialect, const Client &client);

    // Knobs (per dialect). Lifetimes in seconds.
    struct Knobs
    {
        qint64 accessLifetime = 3600; // Venafi validity / generic expires_in / SF session timeout
        qint64 grantLifetime = 86400 * 365; // Venafi refresh_until; generic/SF RT life (0 = inf)
        bool rotate = true; // Venafi: always rotates (knob ignored); SF default false
        bool reuseDetection = false; // replaying a rotated-out RT kills the whole family
        qint64 reuseGraceSeconds = 0; // previous RT still accepted this long after rotation
                                      // (returns the same new pair)
        bool sendExpiresIn = true; // generic: send expires_in; Venafi: also expires_in (newer TPP)
        bool legacyVenafi401 = false; // resource says expired_token (pre-20.4), not invalid_token
        int maxGrantsPerUser = 0; // SF: 5 -> oldest grant revoked (0 = unlimited)
        QUrl instanceUrl; // SF instance_url to return (default: baseUrl)
        bool requireResourceScope = false; // resource answers 403 insufficient scope
        QString issuerOverride; // generic: discovery doc claims this issuer (mismatch test)
        bool trailingSlashTolerant = false; // Venafi: "/vedauth/authorize/oauth/" also matches
    };
    Knobs &knobs(Dialect dialect);

    // Fault injection, per endpoint name (case-insensitive; "*" matches every request, "" the
    // unknown paths). Faults queue; each applies `times` times. HugeBody with hugeBytes < 0
    // streams an endless chunked body.
    void injectFault(const QString &endpoint, const FakeFault &fault);
    void clearFaults();

    // Observation.
    int requestCount(const QString &endpoint) const;
    QList<FakeRequest> requests(const QString &endpoint = QString()) const; // all if empty
    void resetRecords();

    // Direct grant manipulation for tests.
    void revokeAllGrants(); // every refresh token and access token dies
    void expireAllAccessTokens(); // access tokens die now, refresh tokens live
    QByteArray currentRefreshToken(Dialect dialect, const QString &username) const; // newest
    int liveGrantCount(Dialect dialect) const;

    // Token values are "<prefix>-AT-<n>-<random>" / "<prefix>-RT-..." where the prefix defaults
    // to "tk" and can be set (canary tests use a unique marker).
    void setTokenPrefix(const QByteArray &prefix);

    // Log one line per request (method, path, status; never bodies or tokens) to stdout.
    void setLogRequests(bool on);

Q_SIGNALS:
    void requestReceived(const QString &endpoint);

private:
    void onNewConnection();
    void onRequest(HttpConnection *connection, FakeRequest request);
    QString route(const QByteArray &path) const;
    bool takeFault(const QString &endpoint, FakeFault *fault);
    void dispatch(HttpConnection *connection, const FakeFault *fault, FakeRequest &request);

    std::unique_ptr<FakeServerState> m_state;
    std::unique_ptr<VenafiEndpoints> m_venafi;
    std::unique_ptr<SalesforceEndpoints> m_salesforce;
    std::unique_ptr<GenericEndpoints> m_generic;
    QTcpServer *m_server = nullptr;
};
