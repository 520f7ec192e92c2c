#include "DeadlineScheduler.h"

#include "Clock.h"

#include <algorithm>
#include <QList>

DeadlineScheduler::DeadlineScheduler(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_offsetMs(clock->wallMs() - clock->monotonicMs())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        checkClock();
        reevaluate();
    });
}

void DeadlineScheduler::schedule(const void *owner, qint64 atMs, std::function<void()> callback)
{
    if (atMs <= 0) {
        cancel(owner);
        return;
    }
    m_entries.insert(owner, Entry{atMs, std::move(callback), ++m_serial});
    if (!m_running)
        arm();
}

void DeadlineScheduler::cancel(const void *owner)
{
    m_entries.remove(owner);
    if (!m_running)
        arm();
}

qint64 DeadlineScheduler::nextDeadlineMs() const
{
    qint64 next = 0;
    for (const Entry &e : m_entries)
        if (next == 0 || e.atMs < next)
            next = e.atMs;
    return next;
}

void DeadlineScheduler::reevaluate()
{
    if (m_running)
        return;
    m_running = true;
    // Callbacks may schedule again (even for themselves): collect first, then run each entry that
    // is still the same one when its turn comes.
    const qint64 now = m_clock->wallMs();
    QList<QPair<const void *, quint64>> due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->atMs <= now)
            due.append({it.key(), it->serial});
    std::sort(due.begin(), due.end(), [this](const auto &a, const auto &b) {
        return m_entries.value(a.first).atMs < m_entries.value(b.first).atMs;
    });
    for (const auto &[owner, serial] : due) {
        auto it = m_entries.find(owner);
        if (it == m_entries.end() || it->serial != serial)
            continue;
        std::function<void()> callback = std::move(it->callback);
        m_entries.erase(it);
        callback();
    }
    m_running = false;
    arm();
}

void DeadlineScheduler::arm()
{
    const qint64 next = nextDeadlineMs();
    if (next == 0) {
        m_timer.stop();
        return;
    }
    const qint64 delta = next - m_clock->wallMs();
    m_timer.start(int(std::clamp<qint64>(delta, 0, std::min(m_tickMs, kMaxIntervalMs))));
}

void DeadlineScheduler::checkClock()
{
    const qint64 offset = m_clock->wallMs() - m_clock->monotonicMs();
    const qint64 delta = offset - m_offsetMs;
    m_offsetMs = offset;
    if (delta > kJumpThresholdMs || delta < -kJumpThresholdMs)
        Q_EMIT clockJumped(delta);
}
