#pragma once

#include "AccountConfig.h"
#include "Clock.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
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
        HugeBody, // 200 with a body of hugeBytes bytes (streamed), JSON-ish garbage
        SlowBody // real handling; status line and headers at once, then the body one byte
                 // every delayMs (a slowloris server: only a total deadline ends it)
    };
    // Respond bodies: Scripted = `body` as given; the others replace body and Content-Type.
    enum class BodyKind {
        Scripted,
        Empty, // no body, no Content-Type
        Html, // a proxy's/gateway's HTML page (text/html)
        Text, // text/plain, e.g. "Bad Request"
        JsonWithoutError // application/json {"message":"..."} with no "error" member
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
    BodyKind bodyKind = BodyKind::Scripted;
    // Retry-After as an IMF-fixdate this many seconds from the server clock at reply time
    // (negative: a date in the past). Only when retryAfterDate is true.
    bool retryAfterDate = false;
    qint64 retryAfterOffsetSecs = 0;
    // Only requests with this operation match (empty: any): the form/JSON grant_type
    // ("password", "refresh_token", "authorization_code", ...), Venafi's oauth = "password" and
    // token without grant_type = "refresh_token", Salesforce's device start = "device_code".
    // injectFault("generic.token:refresh_token", f) sets it from the name.
    QString operation;
};

struct FakeRequest
{ // what a request carried (for assertions; tests may read secrets)
    QByteArray method, path; // path without query
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString endpoint; // endpoint name ("venafi.token", ...), empty for unknown paths
    QString operation; // see FakeFault::operation
    int status = 0; // status we answered (0 = none)
    bool clientAuthRejected = false; // answered invalid_client for the client authentication

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
    // How a client must authenticate at the token, revocation and introspection endpoints
    // (generic and Salesforce; Venafi clients never authenticate).
    enum class ClientAuth {
        Any, // lenient legacy: Basic or body secret; public clients send client_id only;
             // failures as before (generic 400/401, Salesforce token 400)
        SecretBasic, // only client_secret_basic; else 401 invalid_client + WWW-Authenticate: Basic
        SecretPost, // only client_id + client_secret in the body; else 401 invalid_client
        None // public: client_id only; any secret or Basic header -> 401 invalid_client
    };
    struct Client
    {
        QString clientId;
        QByteArray secret; // empty: public client
        QString allowedScope; // Venafi grammar or space-separated
        bool refreshEnabled = true;
        ClientAuth auth = ClientAuth::Any;
        // Authorization code: registered redirect URIs, matched exactly (scheme, host, port,
        // path, query). Empty: any http://127.0.0.1 or http://[::1] URI is accepted.
        QStringList redirectUris = {};
        bool anyLoopbackPort = false; // RFC 8252 §7.3: a registered loopback URI matches any port
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

        // Discovery (generic, Salesforce): *_auth_methods_supported. An empty token list omits
        // the member; empty revocation/introspection lists copy the token list.
        QStringList tokenAuthMethods{QStringLiteral("client_secret_basic"),
                                     QStringLiteral("client_secret_post"), QStringLiteral("none")};
        QStringList revocationAuthMethods;
        QStringList introspectionAuthMethods;
        // Revocation (generic, Salesforce; Venafi always revokes the whole grant).
        bool revokeRefreshCascades =
                true; // RT revoked -> the grant and its ATs die; false: RT only
        bool revokeAccessCascades = false; // AT revoked -> the whole grant dies too
        // Salesforce sessions (accessLifetime is the session timeout).
        bool slidingSession = true; // activity (after half the timeout) extends the session
        qint64 absoluteSessionLimit = 0; // s; the session ends this long after issue (0 = never)
        bool userinfoTouchesSession = false; // a userinfo/identity probe counts as activity

        // Authorization code + PKCE (generic, Salesforce).
        enum class Iss { Correct, Wrong, Absent };
        Iss authorizeIss = Iss::Correct; // RFC 9207 iss in the redirect
        bool advertiseIss = true; // authorization_response_iss_parameter_supported
        bool requirePkce = true; // no code_challenge -> error=invalid_request redirect
        bool denyConsent = false; // the consent form always ends in error=access_denied
        int consentDelayMs = 0; // slow consent: the 302 after the form POST comes this late
        bool autoApprove = false; // the page auto-submits as autoApproveUser (headless browsers)
        QString autoApproveUser; // must be a user; its password is filled in by the server
        qint64 codeLifetime = 60; // s, one-time authorization codes
        bool codeReplayRevokesGrant = true; // RFC 6749 §4.1.2: a reused code kills its grant

        // Device authorization grant (RFC 8628; Salesforce and Venafi dialects too).
        qint64 deviceCodeLifetime = 600; // s, expires_in; then expired_token
        int deviceInterval = 5; // s, interval; polls closer than it -> slow_down (+5 s)
        bool enforceDeviceInterval = true;
        int devicePendingPolls = -1; // -1: pending until approved (hook or page); N >= 0: the
                                     // code approves itself (as autoApproveUser) after N polls
        int deviceSlowDownPolls = 0; // the first N polls answer slow_down (each adds 5 s)
        bool deviceDeny = false; // the user denies: polls answer access_denied
        bool sendVerificationUriComplete = true;
    };
    Knobs &knobs(Dialect dialect);

    // Fault injection, per endpoint name (case-insensitive; "*" matches every request, "" the
    // unknown paths). Faults queue; each applies `times` times. HugeBody with hugeBytes < 0
    // streams an endless chunked body.
    void injectFault(const QString &endpoint, const FakeFault &fault);
    void clearFaults();
    // Shorthands. bareStatus: the next `count` matching requests (-1: all) get `status` with a
    // body that says nothing (issue 9). retryAfterInPast: `status` with an OAuth error body and
    // "Retry-After: <HTTP-date secondsAgo in the past>". slowBody: the real answer, one body
    // byte every byteIntervalMs. `endpoint` may carry an operation: "generic.token:password".
    void bareStatus(const QString &endpoint, int status, FakeFault::BodyKind bodyKind,
                    int count = 1);
    void retryAfterInPast(const QString &endpoint, int status, qint64 secondsAgo, int count = 1);
    void slowBody(const QString &endpoint, int byteIntervalMs, int count = 1);

    // Observation.
    int requestCount(const QString &endpoint) const;
    int clientAuthFailures(const QString &endpoint) const; // answered invalid_client (auth)
    QList<FakeRequest> requests(const QString &endpoint = QString()) const; // all if empty
    void resetRecords();

    // Direct grant manipulation for tests.
    void revokeAllGrants(); // every refresh token and access token dies
    void expireAllAccessTokens(); // access tokens die now, refresh tokens live
    QByteArray currentRefreshToken(Dialect dialect, const QString &username) const; // newest
    QByteArray currentAccessToken(Dialect dialect, const QString &username) const; // newest
    int liveGrantCount(Dialect dialect) const; // not revoked as a whole and not past their end
    // Would the server accept this token right now (an access token at a resource, a refresh
    // token at the token endpoint)? Any dialect.
    bool isTokenActive(const QByteArray &token) const;
    // Is the grant this token (access, or refresh of any generation) came from still usable:
    // not revoked, not past its end, and holding a usable refresh token or a valid access token?
    bool isGrantLive(const QByteArray &token) const;
    void endSession(const QByteArray &accessToken); // the server ends it (SF: session killed)
    void endAllSessions(Dialect dialect); // every access token of the dialect dies

    // Token values are "<prefix>-AT-<n>-<random>" / "<prefix>-RT-..." where the prefix defaults
    // to "tk" and can be set (canary tests use a unique marker).
    void setTokenPrefix(const QByteArray &prefix);

    // Interactive flows (issue 12). The newest authorization code issued (to replay it), the
    // newest device user code, and the user's decision on a device code (false: unknown,
    // expired or already decided).
    QByteArray lastAuthorizationCode() const;
    QString lastUserCode(Dialect dialect) const;
    bool approveDeviceCode(Dialect dialect, const QString &userCode, const QString &username);
    bool denyDeviceCode(Dialect dialect, const QString &userCode);
    // Paths of the interactive endpoints, for building URLs in tests.
    static QByteArray authorizePath(Dialect dialect); // generic, Salesforce; Venafi: empty
    static QByteArray deviceStartPath(Dialect dialect); // SF: the token endpoint

    // Every grant and token as JSON (the demo server's state file) and back; false on garbage.
    QByteArray grantsJson() const;
    bool restoreGrants(const QByteArray &json);

    // Log one line per request (method, path, status; never bodies or tokens) to stdout.
    void setLogRequests(bool on);

Q_SIGNALS:
    void requestReceived(const QString &endpoint);

private:
    void onNewConnection();
    void onRequest(HttpConnection *connection, FakeRequest request);
    QString route(const QByteArray &path) const;
    QString operationOf(const FakeRequest &request) const;
    bool takeFault(const FakeRequest &request, FakeFault *fault);
    void dispatch(HttpConnection *connection, const FakeFault *fault, FakeRequest &request);

    std::unique_ptr<FakeServerState> m_state;
    std::unique_ptr<VenafiEndpoints> m_venafi;
    std::unique_ptr<SalesforceEndpoints> m_salesforce;
    std::unique_ptr<GenericEndpoints> m_generic;
    QTcpServer *m_server = nullptr;
};
