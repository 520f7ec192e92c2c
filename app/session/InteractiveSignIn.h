#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "DeviceFlow.h"
#include "TokenSet.h"

#include <QObject>
#include <QPointer>

class AuthorizationCodeFlow;
class Clock;
class HttpClient;

// The browser and device-code sign-ins of one account as one job, in the qtkeychain style
// (start() queued, one finished()): builds the flow for the account's method with the account's
// endpoints, relays what the person must see (the URL to open, the user code), and ends with
// tokens or an error for the session machine's SignInReply. Deleting it cancels the flow.
class InteractiveSignIn : public QObject
{
    Q_OBJECT
public:
    InteractiveSignIn(HttpClient *http, const Clock *clock, const AccountConfig &config,
                      const Credentials &credentials, QObject *parent = nullptr);
    ~InteractiveSignIn() override;

    void start();
    void cancel();
    TokenSet tokens() const { return m_tokens; }
    AuthError error() const { return m_error; }

Q_SIGNALS:
    void openBrowserRequested(const QUrl &url);
    void deviceCodeReady(const DeviceAuthorization &authorization); // deviceCode: never shown
    void finished(InteractiveSignIn *job);

private:
    void done(const TokenSet &tokens, const AuthError &error);

    HttpClient *m_http;
    const Clock *m_clock;
    AccountConfig m_config;
    Credentials m_credentials;
    QPointer<AuthorizationCodeFlow> m_browser;
    QPointer<DeviceFlow> m_device;
    TokenSet m_tokens;
    AuthError m_error;
    bool m_finished = false;
};
