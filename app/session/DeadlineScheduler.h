#pragma once

#include <functional>
#include <QHash>
#include <QObject>
#include <QTimer>

class Clock;

// One scheduler for every account's deadlines (not one timer per account). Deadlines are absolute
// wall-clock instants; the single QTimer is re-armed at most `tickMs` (default 60 s, never more
// than an hour) ahead, so suspend, NTP steps and 90-day lifetimes can never strand a deadline
// (reliability.md R-08, M-53, M-56, M-57). Each tick also compares wall and monotonic time to
// detect clock jumps and resume from suspend.
class DeadlineScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxIntervalMs = 3600 * 1000;
    static constexpr qint64 kJumpThresholdMs = 5000;

    explicit DeadlineScheduler(const Clock *clock, QObject *parent = nullptr);

    // Replaces any deadline of `owner`. `atMs` 0 cancels.
    void schedule(const void *owner, qint64 atMs, std::function<void()> callback);
    void cancel(const void *owner);
    // Runs every due callback now and re-arms the timer (resume, clock jump, tests).
    void reevaluate();

    qint64 nextDeadlineMs() const; // 0 when nothing is scheduled
    int armedIntervalMs() const { return m_timer.isActive() ? m_timer.interval() : -1; }
    int count() const { return int(m_entries.size()); }
    void setTickMs(int ms) { m_tickMs = qBound(1, ms, kMaxIntervalMs); }
    // Compares wall and monotonic time with the last check (each tick does this); emits
    // clockJumped when they drifted apart by more than kJumpThresholdMs.
    void checkClock();

Q_SIGNALS:
    void clockJumped(qint64 deltaMs); // wall time moved relative to monotonic time

private:
    void arm();
    struct Entry
    {
        qint64 atMs = 0;
        std::function<void()> callback;
        quint64 serial = 0;
    };
    const Clock *m_clock;
    QHash<const void *, Entry> m_entries;
    QTimer m_timer;
    int m_tickMs = 60 * 1000;
    qint64 m_offsetMs; // wall - monotonic at the last check
    quint64 m_serial = 0;
    bool m_running = false;
};
