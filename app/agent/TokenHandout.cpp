#include "TokenHandout.h"

#include "AccountSession.h"
#include "Clock.h"
#include "Session.h"

TokenHandout::TokenHandout(AccountSession *session, const Clock *clock, qint64 minValidMs,
                           int timeoutMs, Done done, QObject *parent)
    : QObject(parent),
      m_session(session),
      m_clock(clock),
      m_minValidMs(minValidMs),
      m_done(std::move(done))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(QByteArray(), AuthError(AuthError::Kind::Transient, QStringLiteral("timeout")));
    });
    connect(session, &AccountSession::changed, this, &TokenHandout::onChanged);
    connect(session, &QObject::destroyed, this, [this] {
        finish(QByteArray(), AuthError(AuthError::Kind::Cancelled, QStringLiteral("removed")));
    });
}

TokenHandout::~TokenHandout() = default;

qint64 TokenHandout::effectiveMinValidMs(qint64 minValidMs, qint64 lifetimeMs)
{
    if (lifetimeMs <= 0)
        return minValidMs;
    return qMin(minValidMs, lifetimeMs / 2);
}

bool TokenHandout::isLoaded(const AccountSession *session)
{
    // The one engine internal used here: before its store has answered, a session reads as
    // "signed out", which would send a caller of a just-started app to the sign-in, and a
    // sign-in then would not know whether the keychain works.
    if (const auto *s = qobject_cast<const Session *>(session))
        return s->machineState().loaded;
    return true;
}

bool TokenHandout::loaded() const
{
    return isLoaded(m_session.data());
}

void TokenHandout::start()
{
    m_timeout.start();
    if (loaded())
        ask();
}

void TokenHandout::onChanged()
{
    if (!m_session)
        return;
    if (m_phase == Phase::Loading && loaded()) {
        ask();
    } else if (m_phase == Phase::WaitFlight && m_session->state() != SessionState::Refreshing) {
        m_phase = Phase::Second;
        const QPointer<TokenHandout> self(this);
        m_session->withFreshToken([self](const QByteArray &token, const AuthError &error) {
            if (self)
                self->onToken(token, error);
        });
    }
}

void TokenHandout::ask()
{
    if (m_precheck && !m_precheck()) {
        m_phase = Phase::Done;
        m_timeout.stop();
        m_done = nullptr;
        deleteLater();
        return;
    }
    m_phase = Phase::First;
    const QPointer<TokenHandout> self(this);
    // The callback may run before withFreshToken returns (a cache hit) or much later.
    m_session->withFreshToken([self](const QByteArray &token, const AuthError &error) {
        if (self)
            self->onToken(token, error);
    });
}

void TokenHandout::onToken(const QByteArray &token, const AuthError &error)
{
    if (m_phase == Phase::Done)
        return;
    if (error || !m_session || m_phase == Phase::Second) {
        finish(token, error);
        return;
    }
    const AccountSnapshot s = m_session->snapshot();
    const qint64 now = m_clock->wallMs();
    const qint64 lifetime = s.lastRefreshMs > 0 && s.accessExpiresAtMs > s.lastRefreshMs
            ? s.accessExpiresAtMs - s.lastRefreshMs
            : 0;
    if (s.accessExpiresAtMs <= 0
        || s.accessExpiresAtMs - now >= effectiveMinValidMs(m_minValidMs, lifetime)) {
        finish(token, error);
        return;
    }
    // Too short for this caller: one refresh (ignored by the engine if one is in flight).
    m_phase = Phase::WaitFlight;
    m_session->refreshNow();
    if (m_phase == Phase::WaitFlight && m_session && m_session->state() != SessionState::Refreshing)
        onChanged(); // no flight started (offline, backoff): take what the engine serves
}

void TokenHandout::finish(const QByteArray &token, const AuthError &error)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_timeout.stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(token, error);
    deleteLater();
}
