#pragma once

#include "RefreshPolicy.h"
#include "SessionMachine.h"

#include <QTest>

// Fixtures for tests of the pure machine: a fixed "now", token sets, contexts, states per
// SessionState, and effect lookups. Shared by tst_sessionmachine and tst_machinefixes.
using namespace SessionMachine;
using ET = Event::Type;
using FX = Effect::Type;
using S = SessionState;

namespace MachineFixtures {

constexpr qint64 kNow = 1767225600000LL;

inline TokenSet tokens(qint64 issued, qint64 lifetimeMs, const char *at = "AT1",
                       const char *rt = "RT1")
{
    TokenSet t;
    t.accessToken = at;
    t.refreshToken = rt;
    t.issuedAtMs = issued;
    t.accessExpiresAtMs = issued + lifetimeMs;
    return t;
}

inline Context ctx(qint64 now = kNow)
{
    Context c;
    c.nowMs = now;
    c.jitter = 1.0;
    return c;
}

inline bool has(const Transition &t, FX type)
{
    for (const Effect &e : t.effects)
        if (e.type == type)
            return true;
    return false;
}

inline const Effect *find(const Transition &t, FX type)
{
    for (const Effect &e : t.effects)
        if (e.type == type)
            return &e;
    return nullptr;
}

inline State activeState(qint64 lifetimeMs = 3600 * 1000)
{
    State s;
    s.loaded = true;
    s.state = S::Active;
    s.tokens = tokens(kNow, lifetimeMs);
    s.generation = 1;
    return s;
}

inline State inState(S st)
{
    State s = activeState();
    s.state = st;
    switch (st) {
    case S::SignedOut:
        s.tokens = TokenSet();
        break;
    case S::ReauthRequired:
        s.tokens = TokenSet();
        break;
    case S::SigningIn:
        s.flight.op = Op::Login;
        break;
    case S::Refreshing:
        s.flight.op = Op::Refresh;
        s.flight.sentRefreshToken = s.tokens.refreshToken;
        break;
    case S::Revoking:
        s.flight.op = Op::Revoke;
        break;
    case S::Backoff:
    case S::Offline:
        s.schedule.retryOp = Op::Refresh;
        s.schedule.deadlineMs = kNow + 10000;
        break;
    default:
        break;
    }
    return s;
}

inline Event sampleEvent(ET type, const State &s)
{
    Event e = Event::of(type);
    e.generation = s.generation;
    e.tokens = tokens(kNow, 3600 * 1000, "AT2", "RT2");
    e.found = true;
    e.token = s.tokens.accessToken;
    e.online = !s.online;
    return e;
}

} // namespace MachineFixtures

using namespace MachineFixtures;
