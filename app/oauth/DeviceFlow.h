#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "FlowEndpoints.h"
#include "HttpExchange.h"
#include "OAuthDialect.h"
#include "TokenSet.h"

#include <memory>
#include <QObject>

class Clock;
class FlowTimer;
class HttpClient;

// What the device authorization request returned (RFC 8628 §3.2), times made absolute.
struct DeviceAuthorization
{
    QByteArray deviceCode; // a secret: never log it
    QString userCode; // what the person types at verificationUri
    QUrl verificationUri;
    QUrl verificationUriComplete; // optional: the link / QR code with the code filled in
    int intervalSeconds = 5;
    qint64 expiresAtMs = 0; // local wall time
    bool isValid() const { return !deviceCode.isEmpty() && !userCode.isEmpty(); }
};

// One device-code sign-in (RFC 8628) as a job: start() (queued), the user code becomes
// available (authorizationReady), polls run at `interval`, exactly one finished(), then
// tokens() or error(). Generic servers use device_authorization_endpoint; Salesforce starts
// at its token endpoint with response_type=device_code and polls grant_type=device; Venafi
// starts at /vedauth/authorize/device and polls /vedauth/authorize/token (RFC 8628 names).
//
//   start() -> POST start -> authorizationReady -> [interval] -> POST poll
//        authorization_pending -> wait interval; slow_down -> interval += 5 s, wait
//        network / 5xx / 429 -> wait interval * 2^n (<= 60 s, >= Retry-After)
//        tokens -> finished;  access_denied / expired_token / other errors -> finished
//        the next wait would pass expires_in -> finished(expired_token) at expiry, no poll
class DeviceFlow : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalSeconds = 5; // RFC 8628 §3.2
    static constexpr int kSlowDownSeconds = 5; // §3.5
    static constexpr int kMaxIntervalSeconds = 300;
    static constexpr qint64 kDefaultExpiresSeconds = 600; // when the server names none
    static constexpr qint64 kMaxExpiresSeconds = 3600;
    static constexpr qint64 kMaxBackoffMs = 60 * 1000;

    enum class Stage { Idle, Starting, WaitingForUser, Done };
    Q_ENUM(Stage)
    enum class PollOutcome { Tokens, Pending, SlowDown, Denied, Expired, Backoff, Failed };
    Q_ENUM(PollOutcome)
    struct PollResult
    {
        PollOutcome outcome = PollOutcome::Failed;
        TokenResult result; // tokens for Tokens, else the error (also for Backoff)
    };

    DeviceFlow(HttpClient *http, const Clock *clock, QObject *parent = nullptr);
    ~DeviceFlow() override;

    void setAccount(const AccountConfig &config, const FlowEndpoints &endpoints);
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    void setTimer(FlowTimer *timer); // not owned; default an internal QtFlowTimer

    void start(); // queued
    void cancel(); // finished() with Cancelled "cancelled" unless already done
    // Asks the UI to open verification_uri_complete (or verification_uri) in the browser.
    void requestBrowser();
    Stage stage() const { return m_stage; }
    DeviceAuthorization authorization() const { return m_auth; }
    qint64 intervalMs() const { return m_intervalMs; } // grows with slow_down
    int pollCount() const { return m_polls; }
    qint64 remainingMs() const; // until the device code expires (0 when not waiting)
    TokenSet tokens() const { return m_tokens; }
    AuthError error() const { return m_error; }

    // Pure parts (table-tested).
    static HttpRequest startRequest(const AccountConfig &config, const FlowEndpoints &endpoints,
                                    const Credentials &credentials);
    // None and *out filled, or why the start failed (the RFC 6749 §5.2 classes; a reply
    // without device_code / user_code / a usable verification_uri is Ambiguous or Config).
    static AuthError parseStartReply(const HttpReply &reply, qint64 nowMs,
                                     DeviceAuthorization *out);
    static HttpRequest pollRequest(const AccountConfig &config, const FlowEndpoints &endpoints,
                                   const QByteArray &deviceCode, const Credentials &credentials);
    static PollResult classifyPoll(const AccountConfig &config, const HttpReply &reply,
                                   qint64 nowMs);

Q_SIGNALS:
    void authorizationReady(); // authorization() holds the user code and URIs
    void openBrowserRequested(const QUrl &url);
    void stageChanged(DeviceFlow::Stage stage);
    void polled(DeviceFlow::PollOutcome outcome); // diagnostics and the "time left" display
    void finished();

private:
    void run();
    void onStartReply(const HttpReply &reply);
    void schedule(qint64 delayMs);
    void poll();
    void onPollReply(const HttpReply &reply);
    void finish(const AuthError &error, const TokenSet &tokens = TokenSet());
    void setStage(Stage stage);
    quint64 send(const HttpRequest &request, void (DeviceFlow::*handler)(const HttpReply &));

    HttpClient *m_http;
    const Clock *m_clock;
    AccountConfig m_config;
    FlowEndpoints m_endpoints;
    Credentials m_credentials;
    std::unique_ptr<FlowTimer> m_ownTimer;
    FlowTimer *m_timer = nullptr;
    DeviceAuthorization m_auth;
    qint64 m_intervalMs = kDefaultIntervalSeconds * 1000;
    int m_failures = 0; // consecutive transport / 5xx / 429 failures (backoff exponent)
    int m_polls = 0;
    quint64 m_requestId = 0;
    Stage m_stage = Stage::Idle;
    bool m_started = false;
    TokenSet m_tokens;
    AuthError m_error;
};
