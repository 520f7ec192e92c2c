#include "RefreshPolicy.h"
#include "SessionMachine.h"

#include <QRandomGenerator>
#include <QTest>

// Issue 9: thousands of seeded random event sequences through the pure machine, with a model of
// the outside world (the server answers, the keychain answers, the clock moves, the person
// acts), checking invariants after every step. A failure prints the seed and the last events,
// so it can be replayed with TK_MACHINE_SEED=<seed>.
using namespace SessionMachine;
using ET = Event::Type;
using FX = Effect::Type;
using S = SessionState;

namespace {

constexpr qint64 kStart = 1767225600000LL;

struct World
{
    QRandomGenerator rng;
    qint64 now = kStart;
    State s;
    bool remember = false;
    qint64 lifetimeMs = 60000;
    // What the shell would have outstanding.
    bool loginInFlight = false;
    bool refreshInFlight = false;
    bool revokeInFlight = false;
    bool rereadInFlight = false;
    bool probeInFlight = false;
    bool estimated = false; // tokens without a server expiry (Salesforce): probed
    quint64 requestGeneration = 0;
    QList<quint64> writes; // generations whose keychain write is pending
    bool storeHasRefreshToken = false;
    QByteArray storedRefreshToken;
    int tokenCounter = 0;
    QList<qint64> tokenRequests; // times of token-endpoint requests (login + refresh)
    QStringList trace;

    explicit World(quint32 seed) : rng(seed) { }

    TokenSet freshTokens()
    {
        TokenSet t;
        ++tokenCounter;
        t.accessToken = "AT" + QByteArray::number(tokenCounter);
        t.refreshToken = "RT" + QByteArray::number(tokenCounter);
        t.issuedAtMs = now;
        t.accessExpiresAtMs = now + lifetimeMs;
        t.expiryEstimated = estimated;
        return t;
    }

    Context ctx()
    {
        Context c;
        c.nowMs = now;
        c.jitter = rng.generateDouble();
        c.rememberCredentials = remember;
        return c;
    }
};

} // namespace

class tst_MachineProperties : public QObject
{
    Q_OBJECT

    // Applies one event and runs the effects against the model world.
    static QString apply(World &w, const Event &e)
    {
        const State before = w.s;
        const Transition t = step(w.s, e, w.ctx());
        w.trace.append(eventName(e.type) + QLatin1Char('@')
                       + QString::number((w.now - kStart) / 1000.0, 'f', 1));
        if (w.trace.size() > 25)
            w.trace.removeFirst();
        for (const Effect &fx : t.effects) {
            switch (fx.type) {
            case FX::SendLogin:
                w.loginInFlight = true;
                w.requestGeneration = t.state.generation;
                w.tokenRequests.append(w.now);
                break;
            case FX::SendRefresh:
                w.refreshInFlight = true;
                w.requestGeneration = fx.generation;
                w.tokenRequests.append(w.now);
                break;
            case FX::SendRevoke:
                w.revokeInFlight = true;
                break;
            case FX::CancelRequests:
                w.loginInFlight = w.refreshInFlight = false;
                break;
            case FX::Persist:
                w.writes.append(fx.generation);
                break;
            case FX::Reread:
                w.rereadInFlight = true;
                break;
            case FX::Probe:
                if (w.probeInFlight)
                    return QStringLiteral("a second probe while one is in flight");
                w.probeInFlight = true;
                break;
            case FX::DropTokens:
            case FX::EraseAll:
                // Invariant: a refresh token is dropped only on a dead grant or a sign-out.
                if (fx.type == FX::DropTokens && before.tokens.hasRefreshToken()) {
                    const bool dead =
                            t.state.state == S::ReauthRequired || t.state.state == S::SigningIn;
                    if (!dead)
                        return QStringLiteral("refresh token dropped without a dead grant");
                }
                w.storeHasRefreshToken = false;
                w.writes.clear();
                break;
            default:
                break;
            }
        }
        w.s = t.state;
        return QString();
    }

    static QString checkInvariants(const World &w)
    {
        const State &s = w.s;
        // A waiter is held only while something will answer it: a flight, a pending write,
        // or a refresh the ceiling postponed for a few seconds.
        if (s.waiters > 0) {
            const bool flight = s.flight.op != Op::None;
            const bool write = s.persist.pending && !w.writes.isEmpty();
            const bool ceiling = s.schedule.throttled && s.schedule.deadlineMs > 0
                    && s.schedule.deadlineMs - w.now <= RefreshPolicy::kMaxCeilingWaitMs;
            if (!flight && !write && !ceiling)
                return QStringLiteral("%1 waiter(s) held with nothing in progress (state %2)")
                        .arg(s.waiters)
                        .arg(sessionStateId(s.state));
        }
        if (s.waiters < 0)
            return QStringLiteral("negative waiter count");
        // I-5: the ceiling, over any window of a minute (interactive sign-ins included).
        int inWindow = 0;
        for (qint64 t : w.tokenRequests)
            if (t > w.now - RefreshPolicy::kCeilingWindowMs)
                ++inWindow;
        if (inWindow > RefreshPolicy::kCeilingRequests + 1) // + the person's own sign-in
            return QStringLiteral("%1 token requests in a minute").arg(inWindow);
        // the journal is closed once the keychain holds the pair and nothing is in flight.
        if (s.persist.journalOpen && s.flight.op == Op::None && !s.persist.pending
            && w.writes.isEmpty() && s.state == S::Active && !s.schedule.fastRetry
            && s.persist.storage == StorageStatus::Ok)
            return QStringLiteral("journal left open with the pair stored");
        // A state that serves tokens never has a persist flag without a matching generation.
        if (s.persist.pending && s.persist.generation == 0)
            return QStringLiteral("persistPending without a generation");
        return QString();
    }

    // One random event that the world could produce now.
    static bool randomEvent(World &w, Event *out)
    {
        Event e;
        const int pick = int(w.rng.bounded(100));
        if (!w.s.loaded) {
            e = Event::of(ET::Loaded);
            e.found = w.rng.bounded(2) == 0;
            if (e.found)
                e.tokens = w.freshTokens();
            e.storage = w.rng.bounded(8) == 0 ? StorageStatus::Locked : StorageStatus::Ok;
            *out = e;
            return true;
        }
        if (pick < 12 && (w.refreshInFlight || w.loginInFlight)) {
            // The server answers the request in flight.
            const bool refresh = w.refreshInFlight;
            e = Event::of(refresh ? ET::RefreshReply : ET::SignInReply);
            e.generation = w.requestGeneration;
            const int outcome = int(w.rng.bounded(10));
            if (outcome < 6) {
                e.tokens = w.freshTokens();
            } else if (outcome == 6) {
                e.error = AuthError(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"));
                if (!refresh)
                    e.error.kind = AuthError::Kind::BadCredentials;
            } else if (outcome == 7) {
                e.error = AuthError(AuthError::Kind::Ambiguous, QStringLiteral("timeout"));
            } else if (outcome == 8) {
                e.error = AuthError(AuthError::Kind::Transient, QStringLiteral("http_503"));
                if (w.rng.bounded(2))
                    e.error.retryAfterMs = qint64(w.rng.bounded(5)) * 1000; // incl. 0 (past)
            } else {
                e.error = AuthError(AuthError::Kind::Config, QStringLiteral("invalid_client"));
            }
            w.refreshInFlight = w.loginInFlight = false;
            *out = e;
            return true;
        }
        if (pick < 20 && !w.writes.isEmpty()) {
            e = Event::of(ET::PersistDone);
            e.generation = w.writes.takeFirst();
            e.storage = w.rng.bounded(6) == 0 ? StorageStatus::Locked : StorageStatus::Ok;
            *out = e;
            return true;
        }
        if (pick < 24 && w.rereadInFlight) {
            w.rereadInFlight = false;
            e = Event::of(ET::Reread);
            e.found = w.rng.bounded(3) == 0;
            if (e.found)
                e.tokens = w.freshTokens();
            *out = e;
            return true;
        }
        if (pick < 26 && w.probeInFlight) {
            w.probeInFlight = false;
            e = Event::of(ET::ProbeReply);
            e.token = w.s.tokens.accessToken;
            e.found = w.rng.bounded(3) != 0;
            if (w.rng.bounded(5) == 0)
                e.error = AuthError(AuthError::Kind::Transient, QStringLiteral("http_503"));
            *out = e;
            return true;
        }
        if (pick < 28 && w.revokeInFlight) {
            w.revokeInFlight = false;
            e = Event::of(ET::RevokeDone);
            e.confirmed = w.rng.bounded(2) == 0;
            *out = e;
            return true;
        }
        if (pick < 50) {
            w.now += qint64(w.rng.bounded(20000)); // time passes
            *out = Event::of(ET::Deadline);
            return true;
        }
        if (pick < 70) {
            *out = Event::of(ET::TokenNeeded);
            return true;
        }
        if (pick < 74) {
            e = Event::of(ET::Rejected);
            e.token = w.s.tokens.accessToken;
            *out = e;
            return true;
        }
        if (pick < 78) {
            e = Event::of(ET::Network);
            e.online = w.rng.bounded(3) != 0;
            *out = e;
            return true;
        }
        if (pick < 81) {
            *out = Event::of(ET::RefreshRequested);
            return true;
        }
        if (pick < 85) {
            e = Event::of(ET::SignInRequested);
            e.hasPassword = true;
            *out = e;
            return true;
        }
        if (pick < 87) {
            *out = Event::of(ET::CancelSignIn);
            return true;
        }
        if (pick < 89) {
            *out = Event::of(ET::RevokeRequested);
            return true;
        }
        if (pick < 92) {
            *out = Event::of(ET::RetryStorage);
            return true;
        }
        w.now += qint64(w.rng.bounded(3 * 3600)) * 1000; // a suspend or a clock jump
        *out = Event::of(ET::Deadline);
        return true;
    }

private Q_SLOTS:
    void randomSequencesKeepTheInvariants()
    {
        const QByteArray fixed = qgetenv("TK_MACHINE_SEED");
        const int sequences = fixed.isEmpty() ? 3000 : 1;
        int steps = 0;
        for (int i = 0; i < sequences; ++i) {
            const quint32 seed =
                    fixed.isEmpty() ? quint32(0x5eed0000u + quint32(i)) : quint32(fixed.toULong());
            World w(seed);
            w.remember = (seed % 3) == 0;
            w.s.persist.passwordStored = w.remember;
            static const qint64 lifetimes[] = {5000, 10000, 60000, 61000, 3600000};
            w.lifetimeMs = lifetimes[seed % 5];
            w.estimated = (seed % 4) == 1;
            for (int n = 0; n < 200; ++n) {
                Event e;
                if (!randomEvent(w, &e))
                    continue;
                QString problem = apply(w, e);
                if (!fixed.isEmpty() && qEnvironmentVariableIsSet("TK_MACHINE_TRACE"))
                    qInfo("%s -> %s waiters=%d inFlight=%d pending=%d gen=%llu pgen=%llu "
                          "throttled=%d deadline=%.1f usable=%d err=%s",
                          qPrintable(eventName(e.type)), qPrintable(sessionStateId(w.s.state)),
                          w.s.waiters, int(w.s.flight.op), int(w.s.persist.pending),
                          qulonglong(w.s.generation), qulonglong(w.s.persist.generation),
                          int(w.s.schedule.throttled), (w.s.schedule.deadlineMs - kStart) / 1000.0,
                          int(RefreshPolicy::isUsable(w.s.tokens, w.now)),
                          qPrintable(w.s.lastError.toLogString()));
                if (problem.isEmpty())
                    problem = checkInvariants(w);
                ++steps;
                if (!problem.isEmpty())
                    QFAIL(qPrintable(QStringLiteral("seed %1 (TK_MACHINE_SEED=%1), step %2: %3\n"
                                                    "last events: %4")
                                             .arg(seed)
                                             .arg(n)
                                             .arg(problem, w.trace.join(QStringLiteral(" ")))));
            }
        }
        qInfo("%d sequences, %d steps, all invariants held", sequences, steps);
    }
};

QTEST_GUILESS_MAIN(tst_MachineProperties)
#include "tst_machineproperties.moc"
