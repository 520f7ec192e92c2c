#include "DeviceFlow.h"

#include "AuthorizationCodeFlow.h"
#include "Clock.h"
#include "EndpointPolicy.h"
#include "FlowTimer.h"
#include "FormEncoding.h"
#include "HttpClient.h"
#include "Lifetime.h"
#include "Logging.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"

#include <QJsonObject>
#include <QPointer>

namespace {

using K = AuthError::Kind;
using ReplyClassifier::withEvidence;

const QByteArray kDeviceGrant = QByteArrayLiteral("urn:ietf:params:oauth:grant-type:device_code");

HttpRequest formPost(const QUrl &url, FormEncoding::Fields fields, const AccountConfig &config,
                     const Credentials &credentials, const QString &purpose)
{
    HttpRequest r;
    r.url = url;
    r.purpose = purpose;
    r.headers = {{QByteArrayLiteral("Content-Type"),
                  QByteArrayLiteral("application/x-www-form-urlencoded")},
                 {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    const QByteArray clientId = config.clientId.toUtf8();
    if (config.dialect == Dialect::Generic && !credentials.clientSecret.isEmpty()) {
        r.headers.append({QByteArrayLiteral("Authorization"),
                          FormEncoding::basicAuthorization(clientId, credentials.clientSecret)});
    } else {
        fields.append({QByteArrayLiteral("client_id"), clientId});
        if (config.dialect == Dialect::Salesforce && !credentials.clientSecret.isEmpty())
            fields.append({QByteArrayLiteral("client_secret"), credentials.clientSecret});
    }
    r.body = FormEncoding::encode(fields);
    return r;
}

QUrl webUrl(const QJsonObject &obj, const char *name)
{
    const QJsonValue v = obj.value(QLatin1String(name));
    if (!v.isString())
        return QUrl();
    const QUrl url(v.toString().trimmed(), QUrl::StrictMode);
    // Shown to the person and opened in the browser: https only (or a loopback test server).
    if (!url.isValid() || url.isRelative() || !EndpointPolicy::check(url).isEmpty())
        return QUrl();
    return url;
}

bool isPrintableCode(const QString &code)
{
    if (code.isEmpty() || code.size() > 64)
        return false;
    for (const QChar c : code)
        if (!c.isPrint())
            return false;
    return true;
}

} // namespace

DeviceFlow::DeviceFlow(HttpClient *http, const Clock *clock, QObject *parent)
    : QObject(parent), m_http(http), m_clock(clock)
{ }

DeviceFlow::~DeviceFlow()
{
    if (m_timer)
        m_timer->stop();
    if (m_requestId)
        m_http->cancel(m_requestId); // the callback finds the QPointer null
    m_credentials.wipe();
    m_auth.deviceCode.fill('\0');
}

void DeviceFlow::setAccount(const AccountConfig &config, const FlowEndpoints &endpoints)
{
    m_config = config;
    m_endpoints = endpoints;
}

void DeviceFlow::setTimer(FlowTimer *timer)
{
    m_timer = timer;
}

HttpRequest DeviceFlow::startRequest(const AccountConfig &config, const FlowEndpoints &endpoints,
                                     const Credentials &credentials)
{
    FormEncoding::Fields fields;
    if (config.dialect == Dialect::Salesforce)
        fields.append({QByteArrayLiteral("response_type"), QByteArrayLiteral("device_code")});
    const QString scope = AuthorizationCodeFlow::effectiveScope(config);
    if (!scope.isEmpty())
        fields.append({QByteArrayLiteral("scope"), scope.toUtf8()});
    return formPost(endpoints.deviceAuthorizationEndpoint, fields, config, credentials,
                    QStringLiteral("device"));
}

HttpRequest DeviceFlow::pollRequest(const AccountConfig &config, const FlowEndpoints &endpoints,
                                    const QByteArray &deviceCode, const Credentials &credentials)
{
    FormEncoding::Fields fields;
    if (config.dialect == Dialect::Salesforce)
        fields = {{QByteArrayLiteral("grant_type"), QByteArrayLiteral("device")},
                  {QByteArrayLiteral("code"), deviceCode}};
    else
        fields = {{QByteArrayLiteral("grant_type"), kDeviceGrant},
                  {QByteArrayLiteral("device_code"), deviceCode}};
    return formPost(endpoints.tokenEndpoint, fields, config, credentials, QStringLiteral("login"));
}

AuthError DeviceFlow::parseStartReply(const HttpReply &reply, qint64 nowMs,
                                      DeviceAuthorization *out)
{
    if (!reply.isSuccess())
        return ReplyClassifier::tokenEndpointError(reply, OAuthDialect::Grant::Password);
    QJsonObject obj;
    if (!TokenReply::parseJsonObject(reply.body, &obj))
        return withEvidence(AuthError(K::Ambiguous, QStringLiteral("unparseable_device_response")),
                            reply);
    QString code, description;
    if (TokenReply::readOAuthError(reply, &code, &description))
        return withEvidence(
                ReplyClassifier::oauthError(code, description, OAuthDialect::Grant::Password),
                reply);

    DeviceAuthorization a;
    a.deviceCode = obj.value(QLatin1String("device_code")).toString().toUtf8();
    a.userCode = obj.value(QLatin1String("user_code")).toString().trimmed();
    if (!TokenReply::isWellFormedToken(a.deviceCode) || !isPrintableCode(a.userCode))
        return withEvidence(AuthError(K::Ambiguous, QStringLiteral("bad_device_response")), reply);
    a.verificationUri = webUrl(obj, "verification_uri");
    if (a.verificationUri.isEmpty())
        a.verificationUri = webUrl(obj, "verification_url"); // Google's pre-RFC name
    if (a.verificationUri.isEmpty())
        return withEvidence(AuthError(K::Config, QStringLiteral("bad_verification_uri")), reply);
    a.verificationUriComplete = webUrl(obj, "verification_uri_complete"); // optional: dropped
    const qint64 interval =
            Lifetime::parseSeconds(obj.value(QLatin1String("interval")), kMaxIntervalSeconds);
    a.intervalSeconds = interval == Lifetime::kUnknown ? kDefaultIntervalSeconds : int(interval);
    qint64 expires =
            Lifetime::parseSeconds(obj.value(QLatin1String("expires_in")), kMaxExpiresSeconds);
    if (expires == Lifetime::kUnknown)
        expires = kDefaultExpiresSeconds;
    a.expiresAtMs = TokenReply::sendTime(reply, nowMs) + expires * 1000; // conservative anchor
    *out = a;
    return AuthError();
}

DeviceFlow::PollResult DeviceFlow::classifyPoll(const AccountConfig &config, const HttpReply &reply,
                                                qint64 nowMs)
{
    PollResult p;
    if (!reply.isHttp()) {
        p.result.error = ReplyClassifier::transportError(reply);
        p.outcome = p.result.error.isRetryable() ? PollOutcome::Backoff : PollOutcome::Failed;
        return p;
    }
    // RFC 8628 §3.5 codes first (any status, as some servers send them with 200): the
    // dialects would read them as password-grant failures.
    QString code, description;
    if (reply.status < 500 && TokenReply::readOAuthError(reply, &code, &description)) {
        if (code == QLatin1String("authorization_pending")) {
            p.outcome = PollOutcome::Pending;
            return p;
        }
        if (code == QLatin1String("slow_down")) {
            p.outcome = PollOutcome::SlowDown;
            return p;
        }
        if (code == QLatin1String("access_denied")) {
            p.outcome = PollOutcome::Denied;
            p.result.error = withEvidence(
                    AuthError(K::BadCredentials, code, ReplyClassifier::cleanText(description)),
                    reply);
            return p;
        }
        if (code == QLatin1String("expired_token")) {
            p.outcome = PollOutcome::Expired;
            p.result.error = withEvidence(
                    AuthError(K::Cancelled, code, ReplyClassifier::cleanText(description)), reply);
            return p;
        }
    }
    const AuthError common = ReplyClassifier::commonHttpError(reply);
    if (common.isError()) {
        p.result.error = common;
        p.outcome = common.isRetryable() ? PollOutcome::Backoff : PollOutcome::Failed;
        return p;
    }
    const std::unique_ptr<OAuthDialect> dialect = OAuthDialect::create(config.dialect);
    p.result = dialect->parseTokenReply(OAuthDialect::Grant::Password, reply, config, TokenSet(),
                                        nowMs);
    if (p.result.ok() && p.result.tokens.hasAccessToken()) {
        p.outcome = PollOutcome::Tokens;
        return p;
    }
    if (p.result.ok())
        p.result.error = AuthError(K::Ambiguous, QStringLiteral("missing_access_token"));
    if (p.result.error.code == QLatin1String("invalid_grant")) {
        // The device code is unknown, used or revoked: only a new start helps.
        p.result.error.kind = K::BadCredentials;
        p.result.error.code = QStringLiteral("device_code_rejected");
    }
    // An unreadable 2xx may be a proxy: poll again later rather than give up.
    p.outcome = p.result.error.kind == K::Ambiguous ? PollOutcome::Backoff : PollOutcome::Failed;
    return p;
}

void DeviceFlow::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &DeviceFlow::run, Qt::QueuedConnection);
}

quint64 DeviceFlow::send(const HttpRequest &request, void (DeviceFlow::*handler)(const HttpReply &))
{
    // HttpClient calls back even after cancel(): the guard covers our destruction meanwhile.
    return m_http->send(request,
                        [self = QPointer<DeviceFlow>(this), handler](const HttpReply &reply) {
                            if (!self || self->m_stage == Stage::Done)
                                return;
                            self->m_requestId = 0;
                            (self.data()->*handler)(reply);
                        });
}

void DeviceFlow::run()
{
    if (m_stage == Stage::Done)
        return;
    const QString problem = m_endpoints.check(FlowEndpoints::Flow::Device);
    if (!problem.isEmpty()) {
        finish(AuthError(K::Config, QStringLiteral("bad_device_endpoint"), problem));
        return;
    }
    if (!m_timer) {
        m_ownTimer = std::make_unique<QtFlowTimer>();
        m_timer = m_ownTimer.get();
    }
    setStage(Stage::Starting);
    m_requestId =
            send(startRequest(m_config, m_endpoints, m_credentials), &DeviceFlow::onStartReply);
}

void DeviceFlow::onStartReply(const HttpReply &reply)
{
    DeviceAuthorization a;
    const AuthError error = parseStartReply(reply, m_clock->wallMs(), &a);
    if (error.isError()) {
        finish(error);
        return;
    }
    m_auth = a;
    m_intervalMs = qint64(a.intervalSeconds) * 1000;
    setStage(Stage::WaitingForUser);
    qCInfo(lcOAuth) << "device sign-in: waiting for the person; interval" << a.intervalSeconds
                    << "s, expires in" << (a.expiresAtMs - m_clock->wallMs()) / 1000 << "s";
    Q_EMIT authorizationReady();
    schedule(m_intervalMs);
}

void DeviceFlow::schedule(qint64 delayMs)
{
    const qint64 left = m_auth.expiresAtMs - m_clock->wallMs();
    if (delayMs >= left) {
        // The next poll would come too late: end when the code expires, without polling.
        m_timer->start(qMax<qint64>(0, left), [this] {
            finish(AuthError(K::Cancelled, QStringLiteral("expired_token")));
        });
        return;
    }
    m_timer->start(delayMs, [this] { poll(); });
}

void DeviceFlow::poll()
{
    if (m_stage != Stage::WaitingForUser)
        return;
    if (m_clock->wallMs() >= m_auth.expiresAtMs) { // e.g. the machine slept through it
        finish(AuthError(K::Cancelled, QStringLiteral("expired_token")));
        return;
    }
    ++m_polls;
    m_requestId = send(pollRequest(m_config, m_endpoints, m_auth.deviceCode, m_credentials),
                       &DeviceFlow::onPollReply);
}

void DeviceFlow::onPollReply(const HttpReply &reply)
{
    const PollResult p = classifyPoll(m_config, reply, m_clock->wallMs());
    Q_EMIT polled(p.outcome);
    if (m_stage == Stage::Done)
        return; // a slot connected to polled() cancelled us
    switch (p.outcome) {
    case PollOutcome::Tokens:
        finish(AuthError(), p.result.tokens);
        return;
    case PollOutcome::Pending:
        m_failures = 0;
        schedule(m_intervalMs);
        return;
    case PollOutcome::SlowDown:
        m_failures = 0;
        m_intervalMs = qMin<qint64>(m_intervalMs + kSlowDownSeconds * 1000,
                                    qint64(kMaxIntervalSeconds) * 1000);
        schedule(m_intervalMs);
        return;
    case PollOutcome::Backoff: {
        m_failures = qMin(m_failures + 1, 16);
        qint64 delay = qMin(m_intervalMs << m_failures, kMaxBackoffMs);
        delay = qMax(delay, m_intervalMs);
        if (p.result.error.retryAfterMs > delay)
            delay = p.result.error.retryAfterMs;
        qCInfo(lcOAuth) << "device sign-in: poll failed:" << p.result.error.toLogString()
                        << "- next in" << delay << "ms";
        schedule(delay);
        return;
    }
    case PollOutcome::Denied:
    case PollOutcome::Expired:
    case PollOutcome::Failed:
        finish(p.result.error);
        return;
    }
}

void DeviceFlow::requestBrowser()
{
    if (m_stage != Stage::WaitingForUser)
        return;
    Q_EMIT openBrowserRequested(m_auth.verificationUriComplete.isEmpty()
                                        ? m_auth.verificationUri
                                        : m_auth.verificationUriComplete);
}

qint64 DeviceFlow::remainingMs() const
{
    if (m_stage != Stage::WaitingForUser)
        return 0;
    return qMax<qint64>(0, m_auth.expiresAtMs - m_clock->wallMs());
}

void DeviceFlow::cancel()
{
    if (m_stage == Stage::Done)
        return;
    if (m_requestId) {
        const quint64 id = m_requestId;
        m_requestId = 0;
        m_http->cancel(id);
    }
    finish(AuthError(K::Cancelled, QStringLiteral("cancelled")));
}

void DeviceFlow::finish(const AuthError &error, const TokenSet &tokens)
{
    if (m_stage == Stage::Done)
        return;
    if (m_timer)
        m_timer->stop();
    m_error = error;
    m_tokens = tokens;
    m_credentials.wipe();
    m_auth.deviceCode.fill('\0');
    m_auth.deviceCode.clear();
    setStage(Stage::Done);
    qCInfo(lcOAuth) << "device sign-in finished after" << m_polls
                    << "polls:" << (error.isError() ? error.toLogString() : QStringLiteral("ok"));
    QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}

void DeviceFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}
