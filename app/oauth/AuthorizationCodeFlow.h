#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "FlowEndpoints.h"
#include "HttpExchange.h"
#include "OAuthDialect.h"
#include "Pkce.h"
#include "TokenSet.h"

#include <memory>
#include <QObject>

class Clock;
class FlowTimer;
class HttpClient;
class LoopbackListener;
struct LoopbackResult;

// One browser sign-in (authorization code + PKCE S256, RFC 8252 loopback redirect) as a job in
// the qtkeychain style: configure, start() (queued), exactly one finished(), then tokens() or
// error(). It never opens a browser itself: it asks through openBrowserRequested() (app/ has
// no Gui). The code is exchanged once and never retried or reused (M-63).
//
//   start() -> new verifier/state/nonce -> listen on 127.0.0.1 -> openBrowserRequested(url)
//           -> redirect (LoopbackListener) -> POST token endpoint (code + verifier) -> finished
//   any step failing, cancel(), or the listener timing out -> finished with error()
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Idle, WaitingForBrowser, Exchanging, Done };
    Q_ENUM(Stage)

    AuthorizationCodeFlow(HttpClient *http, const Clock *clock, QObject *parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // `endpoints` as FlowEndpoints::forAccount() gives them. Redirect ports default to
    // FlowEndpoints::defaultRedirectPorts(config.dialect).
    void setAccount(const AccountConfig &config, const FlowEndpoints &endpoints);
    // The client secret of a confidential client (kept only until finished).
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    void setRedirectPorts(const QList<quint16> &ports) { m_ports = ports; }
    void setListenerTimeoutMs(qint64 ms) { m_listenerTimeoutMs = ms; }
    void setTimer(FlowTimer *timer) { m_timer = timer; } // not owned; for the listener timeout

    void start(); // queued: connecting after start() is fine
    void cancel(); // finished() with Kind::Cancelled "cancelled" unless already done
    Stage stage() const { return m_stage; }
    QUrl authorizationUrl() const { return m_authorizationUrl; } // valid once the browser is asked
    QUrl redirectUri() const { return m_redirectUri; }
    TokenSet tokens() const { return m_tokens; }
    AuthError error() const { return m_error; }

    // Pure parts (table-tested).
    // The scope to request: Salesforce gets `refresh_token` appended when a scope is set
    // without refresh_token / offline_access (else no refresh token is issued).
    static QString effectiveScope(const AccountConfig &config);
    // A hint for the account dialog when the scope will not yield a refresh token; empty if fine.
    static QString scopeAdvice(const AccountConfig &config);
    static QUrl buildAuthorizationUrl(const AccountConfig &config, const FlowEndpoints &endpoints,
                                      const QUrl &redirectUri, const Pkce::Attempt &attempt);
    // grant_type=authorization_code with code, redirect_uri, code_verifier and the client
    // authentication of the dialect (generic: Basic with a secret, else client_id in the body;
    // Salesforce: client_id and client_secret in the body).
    static HttpRequest exchangeRequest(const AccountConfig &config, const FlowEndpoints &endpoints,
                                       const QByteArray &code, const QUrl &redirectUri,
                                       const QByteArray &verifier, const Credentials &credentials);
    // Tokens as the dialect reads them (Salesforce instance_url checked and kept), or the
    // error; invalid_grant becomes BadCredentials "authorization_code_rejected" (expired,
    // replayed or PKCE mismatch: M-63).
    static TokenResult parseExchangeReply(const AccountConfig &config, const HttpReply &reply,
                                          qint64 nowMs);

Q_SIGNALS:
    void openBrowserRequested(const QUrl &url);
    void stageChanged(AuthorizationCodeFlow::Stage stage);
    void finished();

private:
    void run();
    void onRedirect(const LoopbackResult &result);
    void finish(const AuthError &error, const TokenSet &tokens = TokenSet());
    void setStage(Stage stage);

    HttpClient *m_http;
    const Clock *m_clock;
    AccountConfig m_config;
    FlowEndpoints m_endpoints;
    Credentials m_credentials;
    QList<quint16> m_ports;
    qint64 m_listenerTimeoutMs = -1; // -1: the listener's default (10 min)
    FlowTimer *m_timer = nullptr;
    std::unique_ptr<LoopbackListener> m_listener;
    Pkce::Attempt m_attempt;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    quint64 m_requestId = 0;
    Stage m_stage = Stage::Idle;
    bool m_started = false;
    TokenSet m_tokens;
    AuthError m_error;
};
