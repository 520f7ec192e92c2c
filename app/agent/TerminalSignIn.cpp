#include "TerminalSignIn.h"

#include "AccountSession.h"
#include "AgentReplies.h"
#include "Clock.h"
#include "ErrorCodes.h"
#include "LoopbackListener.h"
#include "TokenHandout.h"

using tkwire::WireMessage;
namespace R = AgentReplies;

TerminalSignIn::TerminalSignIn(AccountSession *session, const Clock *clock,
                               const Credentials &credentials, Reply progress, Reply reply,
                               QObject *client, int startTimeoutMs, QObject *parent)
    : QObject(parent),
      m_session(session),
      m_clock(clock),
      m_credentials(credentials),
      m_progress(std::move(progress)),
      m_reply(std::move(reply)),
      m_client(client),
      m_hadClient(client != nullptr)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(startTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, &TerminalSignIn::onTimeout);
    connect(session, &AccountSession::changed, this, &TerminalSignIn::onChanged);
    connect(session, &AccountSession::browserSignInRequested, this, &TerminalSignIn::onBrowser);
    connect(session, &AccountSession::deviceCodeReady, this, &TerminalSignIn::onDeviceCode);
    connect(session, &AccountSession::signInFinished, this, &TerminalSignIn::onFinished);
    connect(session, &QObject::destroyed, this,
            [this] { finish(R::error(tkwire::code::kNotFound, tr("the account was removed"))); });
    if (client)
        connect(client, &QObject::destroyed, this, &TerminalSignIn::onClientGone);
}

TerminalSignIn::~TerminalSignIn()
{
    m_credentials.wipe();
}

void TerminalSignIn::start()
{
    m_timeout.start();
    tryStart();
}

void TerminalSignIn::tryStart()
{
    if (m_started || m_done || !m_session)
        return;
    // As for a token: a session still reading its store, or finishing a refresh, is waited for
    // (the sign-in then knows whether the keychain works; the machine takes no sign-in while
    // it refreshes).
    if (!TokenHandout::isLoaded(m_session) || m_session->state() == SessionState::Refreshing)
        return;
    const AccountSnapshot s = m_session->snapshot();
    if (s.state == SessionState::SigningIn) {
        finish(R::error(tkwire::code::kInProgress,
                        tr("a sign-in to %1 is already under way (in the Tokenkeeper window or "
                           "another tokenctl); finish or cancel it there first")
                                .arg(s.config.displayName)));
        return;
    }
    if (s.state == SessionState::Revoking) {
        finish(R::error(
                tkwire::code::kSignInRequired,
                tr("%1 is being signed out; try again in a moment").arg(s.config.displayName)));
        return;
    }
    m_started = true;
    Q_EMIT logEvent(m_session,
                    tr("%1 sign-in requested by tokenctl from a terminal")
                            .arg(signInMethodId(s.config.signInMethod)));
    m_session->signIn(m_credentials);
    m_credentials.wipe();
    if (!m_done && m_session && m_session->state() != SessionState::SigningIn)
        finish(R::error(tkwire::code::kInternal, tr("the sign-in did not start")));
}

void TerminalSignIn::onChanged()
{
    if (!m_started) {
        tryStart();
        return;
    }
    // Ended without a sign-in result (signed out meanwhile): nothing more will come.
    if (!m_done && m_session && m_session->state() != SessionState::SigningIn)
        finish(R::error(tkwire::code::kSignInRequired,
                        tr("the sign-in to %1 ended before it finished")
                                .arg(m_session->config().displayName)));
}

void TerminalSignIn::sendProgress(const WireMessage &frame, qint64 waitMs)
{
    m_timeout.start(int(qBound<qint64>(1000, waitMs + kMarginMs, qint64(2) * 3600 * 1000)));
    WireMessage m = frame;
    m.set("status", "progress");
    m.set("wait_s", std::to_string((waitMs + kMarginMs) / 1000));
    R::set(&m, "account", m_session ? m_session->config().displayName : QString());
    if (m_progress)
        m_progress(m);
}

void TerminalSignIn::onBrowser(const QUrl &url)
{
    if (!m_started || m_done)
        return;
    WireMessage m;
    m.set("stage", "browser");
    m.set("url", url.toString(QUrl::FullyEncoded).toStdString());
    m.set("expires_in", std::to_string(LoopbackListener::kDefaultTimeoutMs / 1000));
    sendProgress(m, LoopbackListener::kDefaultTimeoutMs);
}

void TerminalSignIn::onDeviceCode(const QString &userCode, const QUrl &verificationUri,
                                  const QUrl &verificationUriComplete, qint64 expiresAtMs)
{
    if (!m_started || m_done)
        return;
    const qint64 left = qMax<qint64>(0, expiresAtMs - m_clock->wallMs());
    WireMessage m;
    m.set("stage", "device");
    R::set(&m, "user_code", userCode);
    m.set("verification_uri", verificationUri.toString(QUrl::FullyEncoded).toStdString());
    if (verificationUriComplete.isValid())
        m.set("verification_uri_complete",
              verificationUriComplete.toString(QUrl::FullyEncoded).toStdString());
    R::set(&m, "host", verificationUri.host());
    m.set("expires_in", std::to_string((left + 999) / 1000));
    sendProgress(m, left);
}

void TerminalSignIn::onFinished(const AuthError &error)
{
    if (!m_started || m_done)
        return;
    if (!m_session) {
        finish(R::error(tkwire::code::kNotFound, tr("the account was removed")));
        return;
    }
    const AccountSnapshot s = m_session->snapshot();
    if (error.isError()) {
        Q_EMIT logEvent(m_session, tr("sign-in from a terminal failed: %1").arg(error.code));
        finish(R::fromSignInError(error, s));
        return;
    }
    Q_EMIT logEvent(m_session, tr("signed in from a terminal"));
    WireMessage m = R::ok();
    m.set("signed_in", "1");
    R::set(&m, "account", s.config.displayName);
    R::set(&m, "method", signInMethodId(s.config.signInMethod));
    if (s.accessExpiresAtMs > 0)
        m.set("expires_at", std::to_string(s.accessExpiresAtMs / 1000));
    finish(m);
}

void TerminalSignIn::onClientGone()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_started && m_session && m_session->state() == SessionState::SigningIn) {
        // The flow belongs to the terminal that asked: nobody is left to finish it there.
        Q_EMIT logEvent(m_session, tr("sign-in cancelled: tokenctl went away (Ctrl-C)"));
        m_session->cancelSignIn();
    }
    m_reply = nullptr;
    m_progress = nullptr;
    deleteLater();
}

void TerminalSignIn::onTimeout()
{
    if (m_done)
        return;
    if (!m_started) {
        if (!m_session || TokenHandout::isLoaded(m_session))
            finish(R::error(tkwire::code::kOffline,
                            tr("a refresh under way did not finish; try again later")));
        else
            finish(R::error(tkwire::code::kKeychainLocked,
                            tr("the keychain did not answer; unlock it, then try again")));
        return;
    }
    const AuthError timeout(AuthError::Kind::Cancelled, QStringLiteral("sign_in_timeout"));
    const WireMessage m = m_session ? R::fromSignInError(timeout, m_session->snapshot())
                                    : R::error(tkwire::code::kNotFound, QString());
    AccountSession *session = m_session;
    finish(m); // before the cancel: its signInFinished must not answer a second time
    if (session && session->state() == SessionState::SigningIn)
        session->cancelSignIn();
}

void TerminalSignIn::finish(const WireMessage &reply)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_credentials.wipe();
    const Reply answer = std::move(m_reply);
    m_reply = nullptr;
    m_progress = nullptr;
    if (answer && (!m_hadClient || m_client))
        answer(reply);
    deleteLater();
}
