#include "AuthorizationCodeFlow.h"

#include "Clock.h"
#include "FormEncoding.h"
#include "HttpClient.h"
#include "Logging.h"
#include "LoopbackListener.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUrlQuery>

namespace {

using K = AuthError::Kind;

bool hasScopeToken(const QString &scope, const char *token)
{
    return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String(token));
}

void wipe(QByteArray *secret)
{
    secret->fill('\0');
    secret->clear();
}

} // namespace

AuthorizationCodeFlow::AuthorizationCodeFlow(HttpClient *http, const Clock *clock, QObject *parent)
    : QObject(parent), m_http(http), m_clock(clock)
{ }

AuthorizationCodeFlow::~AuthorizationCodeFlow()
{
    if (m_requestId)
        m_http->cancel(m_requestId); // its callback finds the QPointer null
    m_credentials.wipe();
    wipe(&m_attempt.verifier);
}

void AuthorizationCodeFlow::setAccount(const AccountConfig &config, const FlowEndpoints &endpoints)
{
    m_config = config;
    m_endpoints = endpoints;
    m_ports = FlowEndpoints::defaultRedirectPorts(config.dialect);
}

QString AuthorizationCodeFlow::effectiveScope(const AccountConfig &config)
{
    const QString scope = config.scope.simplified();
    if (config.dialect == Dialect::Salesforce && !scope.isEmpty()
        && !hasScopeToken(scope, "refresh_token") && !hasScopeToken(scope, "offline_access"))
        return scope + QStringLiteral(" refresh_token");
    return scope;
}

QString AuthorizationCodeFlow::scopeAdvice(const AccountConfig &config)
{
    if (config.dialect == Dialect::Salesforce && config.scope.simplified().isEmpty())
        return QCoreApplication::translate(
                "AuthorizationCodeFlow",
                "Without a scope Salesforce grants the connected app's selected scopes: include "
                "\"Perform requests at any time (refresh_token, offline_access)\" there, or "
                "Tokenkeeper cannot renew the sign-in.");
    return QString();
}

QUrl AuthorizationCodeFlow::buildAuthorizationUrl(const AccountConfig &config,
                                                  const FlowEndpoints &endpoints,
                                                  const QUrl &redirectUri,
                                                  const Pkce::Attempt &attempt)
{
    QUrl url = endpoints.authorizationEndpoint;
    // Keep parameters the endpoint already carries (some servers need a tenant or policy),
    // except those this request sets (they must not repeat: RFC 6749 §3.1).
    QUrlQuery query(url);
    const QString scope = effectiveScope(config);
    const QList<QPair<QString, QString>> ours = {
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), config.clientId},
            {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("state"), QString::fromLatin1(attempt.state)},
            {QStringLiteral("code_challenge"), QString::fromLatin1(attempt.challenge)},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
            {QStringLiteral("nonce"), QString::fromLatin1(attempt.nonce)},
    };
    for (const auto &item : ours)
        query.removeAllQueryItems(item.first);
    // QUrlQuery leaves '+' and some delimiters alone; encode each value ourselves so that a
    // '+' in a client id arrives as '+', not as a space.
    QByteArray encoded = query.query(QUrl::FullyEncoded).toUtf8();
    for (const auto &item : ours) {
        if (item.first == QLatin1String("scope") && item.second.isEmpty())
            continue;
        if (item.first == QLatin1String("nonce") && !hasScopeToken(scope, "openid"))
            continue;
        if (!encoded.isEmpty())
            encoded += '&';
        // %20, not '+', for spaces: every server decodes it the same way.
        encoded += FormEncoding::encodeComponent(item.first.toUtf8()) + '='
                + FormEncoding::encodeComponent(item.second.toUtf8()).replace('+', "%20");
    }
    url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    return url;
}

HttpRequest AuthorizationCodeFlow::exchangeRequest(const AccountConfig &config,
                                                   const FlowEndpoints &endpoints,
                                                   const QByteArray &code, const QUrl &redirectUri,
                                                   const QByteArray &verifier,
                                                   const Credentials &credentials)
{
    HttpRequest r;
    r.url = endpoints.tokenEndpoint;
    r.headers = {{QByteArrayLiteral("Content-Type"),
                  QByteArrayLiteral("application/x-www-form-urlencoded")},
                 {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    r.purpose = QStringLiteral("login");
    FormEncoding::Fields fields{
            {QByteArrayLiteral("grant_type"), QByteArrayLiteral("authorization_code")},
            {QByteArrayLiteral("code"), code},
            {QByteArrayLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded).toUtf8()},
            {QByteArrayLiteral("code_verifier"), verifier}};
    const QByteArray clientId = config.clientId.toUtf8();
    if (config.dialect == Dialect::Salesforce) {
        fields.append({QByteArrayLiteral("client_id"), clientId});
        if (!credentials.clientSecret.isEmpty())
            fields.append({QByteArrayLiteral("client_secret"), credentials.clientSecret});
    } else if (credentials.clientSecret.isEmpty()) {
        fields.append({QByteArrayLiteral("client_id"), clientId}); // public client (§4.1.3)
    } else {
        r.headers.append({QByteArrayLiteral("Authorization"),
                          FormEncoding::basicAuthorization(clientId, credentials.clientSecret)});
    }
    r.body = FormEncoding::encode(fields);
    return r;
}

TokenResult AuthorizationCodeFlow::parseExchangeReply(const AccountConfig &config,
                                                      const HttpReply &reply, qint64 nowMs)
{
    // The dialect reads a code-exchange reply exactly like a password-grant reply (a fresh
    // grant: nothing to keep from before); only invalid_grant means something else here.
    const std::unique_ptr<OAuthDialect> dialect = OAuthDialect::create(config.dialect);
    TokenResult result = dialect->parseTokenReply(OAuthDialect::Grant::Password, reply, config,
                                                  TokenSet(), nowMs);
    if (result.error.code == QLatin1String("invalid_grant")) {
        result.error.kind = K::BadCredentials;
        result.error.code = QStringLiteral("authorization_code_rejected");
    }
    if (result.ok() && !result.tokens.hasAccessToken())
        result.error = AuthError(K::Ambiguous, QStringLiteral("missing_access_token"));
    return result;
}

void AuthorizationCodeFlow::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &AuthorizationCodeFlow::run, Qt::QueuedConnection);
}

void AuthorizationCodeFlow::run()
{
    if (m_stage == Stage::Done)
        return; // cancelled before the queued start ran
    if (m_config.dialect == Dialect::Venafi) {
        finish(AuthError(K::Config, QStringLiteral("browser_sign_in_unsupported")));
        return;
    }
    const QString problem = m_endpoints.check(FlowEndpoints::Flow::Browser);
    if (!problem.isEmpty()) {
        finish(AuthError(K::Config, QStringLiteral("bad_authorization_endpoint"), problem));
        return;
    }
    m_attempt = Pkce::newAttempt(); // fresh per attempt, bound to it (S-10)

    m_listener = std::make_unique<LoopbackListener>();
    LoopbackListener::Expectation expect;
    expect.state = m_attempt.state;
    expect.issuer = m_endpoints.issuer;
    expect.issuerRequired = m_endpoints.issuerRequired;
    m_listener->setExpectation(expect);
    m_listener->setPorts(m_ports);
    if (m_listenerTimeoutMs >= 0)
        m_listener->setTimeoutMs(m_listenerTimeoutMs);
    if (m_timer)
        m_listener->setTimer(m_timer);
    connect(m_listener.get(), &LoopbackListener::finished, this,
            &AuthorizationCodeFlow::onRedirect);
    if (!m_listener->listen())
        return; // finished() follows with listener_unavailable

    m_redirectUri = m_listener->redirectUri();
    m_authorizationUrl = buildAuthorizationUrl(m_config, m_endpoints, m_redirectUri, m_attempt);
    setStage(Stage::WaitingForBrowser);
    qCInfo(lcOAuth) << "browser sign-in: waiting for the redirect on port" << m_redirectUri.port();
    Q_EMIT openBrowserRequested(m_authorizationUrl);
}

void AuthorizationCodeFlow::onRedirect(const LoopbackResult &result)
{
    if (m_stage == Stage::Done)
        return;
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener.release()->deleteLater(); // we are inside its signal
    }
    if (!result.ok()) {
        finish(result.error);
        return;
    }
    setStage(Stage::Exchanging);
    const HttpRequest request = exchangeRequest(m_config, m_endpoints, result.code, m_redirectUri,
                                                m_attempt.verifier, m_credentials);
    wipe(&m_attempt.verifier); // one exchange per attempt: nothing left to reuse
    // HttpClient still calls back after cancel(): the guard covers our destruction meanwhile.
    m_requestId = m_http->send(
            request, [self = QPointer<AuthorizationCodeFlow>(this)](const HttpReply &reply) {
                if (!self || self->m_stage == Stage::Done)
                    return;
                self->m_requestId = 0;
                const TokenResult r =
                        parseExchangeReply(self->m_config, reply, self->m_clock->wallMs());
                self->finish(r.error, r.tokens);
            });
}

void AuthorizationCodeFlow::cancel()
{
    if (m_stage == Stage::Done)
        return;
    if (m_requestId) {
        const quint64 id = m_requestId;
        m_requestId = 0;
        m_http->cancel(id); // its callback then sees Done and our error stays "cancelled"
    }
    finish(AuthError(K::Cancelled, QStringLiteral("cancelled")));
}

void AuthorizationCodeFlow::finish(const AuthError &error, const TokenSet &tokens)
{
    if (m_stage == Stage::Done)
        return;
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener->cancel(); // closes the port now
        m_listener.release()->deleteLater();
    }
    m_error = error;
    m_tokens = tokens;
    m_credentials.wipe();
    wipe(&m_attempt.verifier);
    setStage(Stage::Done);
    qCInfo(lcOAuth) << "browser sign-in finished:"
                    << (error.isError() ? error.toLogString() : QStringLiteral("ok"));
    QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}

void AuthorizationCodeFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}
