#include "InteractiveSignIn.h"

#include "AuthorizationCodeFlow.h"
#include "FlowEndpoints.h"

InteractiveSignIn::InteractiveSignIn(HttpClient *http, const Clock *clock,
                                     const AccountConfig &config, const Credentials &credentials,
                                     QObject *parent)
    : QObject(parent), m_http(http), m_clock(clock), m_config(config), m_credentials(credentials)
{ }

InteractiveSignIn::~InteractiveSignIn()
{
    m_credentials.wipe();
    delete m_browser;
    delete m_device;
}

void InteractiveSignIn::start()
{
    FlowEndpoints discovered;
    discovered.authorizationEndpoint = m_config.authorizationEndpoint;
    discovered.deviceAuthorizationEndpoint = m_config.deviceAuthorizationEndpoint;
    discovered.tokenEndpoint = m_config.tokenEndpoint;
    discovered.issuerRequired = m_config.issuerInRedirect;
    const FlowEndpoints endpoints = FlowEndpoints::forAccount(m_config, discovered);
    const bool browser = m_config.signInMethod == SignInMethod::Browser;
    const QString problem =
            endpoints.check(browser ? FlowEndpoints::Flow::Browser : FlowEndpoints::Flow::Device);
    if (!problem.isEmpty()) {
        AuthError e(AuthError::Kind::Config,
                    browser ? QStringLiteral("browser_sign_in_unsupported")
                            : QStringLiteral("device_sign_in_unsupported"),
                    problem);
        QMetaObject::invokeMethod(
                this, [this, e] { done(TokenSet(), e); }, Qt::QueuedConnection);
        return;
    }
    if (browser) {
        m_browser = new AuthorizationCodeFlow(m_http, m_clock, this);
        m_browser->setAccount(m_config, endpoints);
        m_browser->setCredentials(m_credentials);
        m_browser->setRedirectPorts(FlowEndpoints::defaultRedirectPorts(m_config.dialect));
        connect(m_browser, &AuthorizationCodeFlow::openBrowserRequested, this,
                &InteractiveSignIn::openBrowserRequested);
        connect(m_browser, &AuthorizationCodeFlow::finished, this,
                [this] { done(m_browser->tokens(), m_browser->error()); });
        m_browser->start();
    } else {
        m_device = new DeviceFlow(m_http, m_clock, this);
        m_device->setAccount(m_config, endpoints);
        m_device->setCredentials(m_credentials);
        connect(m_device, &DeviceFlow::openBrowserRequested, this,
                &InteractiveSignIn::openBrowserRequested);
        connect(m_device, &DeviceFlow::authorizationReady, this,
                [this] { Q_EMIT deviceCodeReady(m_device->authorization()); });
        connect(m_device, &DeviceFlow::finished, this,
                [this] { done(m_device->tokens(), m_device->error()); });
        m_device->start();
    }
    m_credentials.wipe();
}

void InteractiveSignIn::cancel()
{
    if (m_browser)
        m_browser->cancel();
    else if (m_device)
        m_device->cancel();
    else
        done(TokenSet(), AuthError(AuthError::Kind::Cancelled, QStringLiteral("cancelled")));
}

void InteractiveSignIn::done(const TokenSet &tokens, const AuthError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_tokens = tokens;
    m_error = error;
    Q_EMIT finished(this);
}
