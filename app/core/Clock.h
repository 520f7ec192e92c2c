#pragma once

#include <QtGlobal>

// Time sources for everything that reasons about expiry. Wall time is an absolute UTC instant
// (milliseconds since the epoch) and may jump (NTP, manual change, suspend); monotonic time never
// jumps but stops during suspend on Linux. Injected everywhere so tests run in simulated time.
class Clock
{
public:
    virtual ~Clock();
    virtual qint64 wallMs() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 wallMs() const override;
    qint64 monotonicMs() const override;
    static SystemClock *instance();
};

// A clock the test moves by hand. advance() moves both clocks; jumpWall() moves only wall time
// (an NTP step or a suspend seen from the monotonic clock's point of view).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 wallMs = 1767225600000LL /* 2026-01-01T00:00:00Z */);
    qint64 wallMs() const override { return m_wall; }
    qint64 monotonicMs() const override { return m_mono; }
    void advance(qint64 ms)
    {
        m_wall += ms;
        m_mono += ms;
    }
    void jumpWall(qint64 ms) { m_wall += ms; }
    void setWallMs(qint64 ms) { m_wall = ms; }

private:
    qint64 m_wall;
    qint64 m_mono = 1'000'000;
};
