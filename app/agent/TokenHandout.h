#pragma once

#include "AuthError.h"

#include <functional>
#include <QByteArray>
#include <QPointer>
#include <QTimer>

class AccountSession;
class Clock;

// One caller's request for a token with a minimum validity. Flow:
//   wait until the session has loaded its store ─► withFreshToken ─► enough validity? ─► done
//                                     short: refreshNow() (joins the flight if one is under way)
//                                     ─► wait for the flight to land ─► withFreshToken ─► done
// The refresh is the session's one flight, shared with every other caller in every process.
// The minimum validity is capped to half the token's lifetime, so a 2-minute token is not
// refreshed on every call. The whole request is bounded by a timeout.
class TokenHandout : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QByteArray &token, const AuthError &error)>;

    TokenHandout(AccountSession *session, const Clock *clock, qint64 minValidMs, int timeoutMs,
                 Done done, QObject *parent = nullptr);
    ~TokenHandout() override;
    // Runs once the session has loaded, before asking it; false: it answered the caller
    // itself and the handout ends without calling `done`.
    void setPrecheck(std::function<bool()> precheck) { m_precheck = std::move(precheck); }
    void start();

    // Whether the session has read its store (false right after start or after it was added).
    static bool isLoaded(const AccountSession *session);
    // The minimum validity actually required of a token with this lifetime.
    static qint64 effectiveMinValidMs(qint64 minValidMs, qint64 lifetimeMs);

private:
    void onChanged();
    void ask();
    void onToken(const QByteArray &token, const AuthError &error);
    void finish(const QByteArray &token, const AuthError &error);
    bool loaded() const;

    QPointer<AccountSession> m_session;
    const Clock *m_clock;
    qint64 m_minValidMs;
    Done m_done;
    std::function<bool()> m_precheck;
    QTimer m_timeout;
    enum class Phase { Loading, First, WaitFlight, Second, Done } m_phase = Phase::Loading;
};
