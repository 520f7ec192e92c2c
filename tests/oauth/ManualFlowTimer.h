#pragma once

#include "Clock.h"
#include "FlowTimer.h"

// A FlowTimer for tests: start() only records the due time on a ManualClock; advance() moves
// the clock and fires the timer when its time has come. No real waiting anywhere.
class ManualFlowTimer final : public FlowTimer
{
public:
    explicit ManualFlowTimer(ManualClock *clock) : m_clock(clock) { }
    void start(qint64 delayMs, std::function<void()> fire) override
    {
        m_delays.append(delayMs);
        m_dueMs = m_clock->monotonicMs() + qMax<qint64>(0, delayMs);
        m_fire = std::move(fire);
    }
    void stop() override { m_fire = nullptr; }
    bool isActive() const override { return bool(m_fire); }

    qint64 lastDelayMs() const { return m_delays.isEmpty() ? -1 : m_delays.last(); }
    QList<qint64> delays() const { return m_delays; }
    qint64 remainingMs() const { return isActive() ? m_dueMs - m_clock->monotonicMs() : -1; }

    // Moves the clock by `ms`; fires when due. Returns whether it fired.
    bool advance(qint64 ms)
    {
        m_clock->advance(ms);
        if (!m_fire || m_clock->monotonicMs() < m_dueMs)
            return false;
        auto fire = std::move(m_fire);
        m_fire = nullptr;
        fire();
        return true;
    }
    // Moves the clock exactly to the due time and fires.
    bool fireNow() { return isActive() && advance(qMax<qint64>(0, remainingMs())); }

private:
    ManualClock *m_clock;
    std::function<void()> m_fire;
    qint64 m_dueMs = 0;
    QList<qint64> m_delays;
};
