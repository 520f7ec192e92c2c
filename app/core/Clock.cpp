#include "Clock.h"

#include <QDateTime>
#include <QElapsedTimer>

Clock::~Clock() = default;

qint64 SystemClock::wallMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SystemClock::monotonicMs() const
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

ManualClock::ManualClock(qint64 wallMs) : m_wall(wallMs) { }
