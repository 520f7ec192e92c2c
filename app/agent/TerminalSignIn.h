#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "WireMessage.h"

#include <functional>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class AccountSession;
class Clock;

// `tokenctl login ACCOUNT` from a terminal (`mode=here`): the account's browser or device-code
// sign-in, run by the session's own machine exactly as the dialog runs it (loopback listener on
// 127.0.0.1, PKCE, state and iss checks, device polling), with what the person must do sent to
// the client instead of the dialog:
//
//   wait until the session has loaded (and a refresh under way has landed)
//     ─► session->signIn() ─► browserSignInRequested / deviceCodeReady ─► progress frame
//     ─► signInFinished ─► final reply          client gone ─► cancelSignIn() ─► (no reply)
//
// The wait is bounded: by the start timeout until the progress frame, then by the flow's own
// lifetime (10 min for the loopback, expires_in for the device code) plus a margin; past it the
// sign-in is cancelled. A sign-in already under way (the dialog, another tokenctl) is never
// joined or replaced: the request is refused with "in_progress". The job deletes itself.
class TerminalSignIn : public QObject
{
    Q_OBJECT
public:
    using Reply = std::function<void(const tkwire::WireMessage &reply)>;

    TerminalSignIn(AccountSession *session, const Clock *clock, const Credentials &credentials,
                   Reply progress, Reply reply, QObject *client, int startTimeoutMs,
                   QObject *parent = nullptr);
    ~TerminalSignIn() override;

    void start();

    static constexpr qint64 kMarginMs = 30 * 1000; // beyond the flow's own timeout

Q_SIGNALS:
    void logEvent(AccountSession *session, const QString &line);

private:
    void tryStart();
    void onChanged();
    void onBrowser(const QUrl &url);
    void onDeviceCode(const QString &userCode, const QUrl &verificationUri,
                      const QUrl &verificationUriComplete, qint64 expiresAtMs);
    void onFinished(const AuthError &error);
    void onClientGone();
    void onTimeout();
    void sendProgress(const tkwire::WireMessage &frame, qint64 waitMs);
    void finish(const tkwire::WireMessage &reply);

    QPointer<AccountSession> m_session;
    const Clock *m_clock;
    Credentials m_credentials;
    Reply m_progress;
    Reply m_reply;
    QPointer<QObject> m_client;
    bool m_hadClient = false;
    QTimer m_timeout;
    bool m_started = false;
    bool m_done = false;
};
