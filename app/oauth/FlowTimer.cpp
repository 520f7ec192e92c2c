#include "FlowTimer.h"

FlowTimer::~FlowTimer() = default;

QtFlowTimer::QtFlowTimer()
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        // Moved out first: the callback may re-arm this timer.
        auto fire = std::move(m_fire);
        m_fire = nullptr;
        if (fire)
            fire();
    });
}

QtFlowTimer::~QtFlowTimer() = default;

void QtFlowTimer::start(qint64 delayMs, std::function<void()> fire)
{
    constexpr qint64 kMaxMs = 24LL * 24 * 3600 * 1000; // below QTimer's int limit
    m_fire = std::move(fire);
    m_timer.start(int(qBound<qint64>(0, delayMs, kMaxMs)));
}

void QtFlowTimer::stop()
{
    m_timer.stop();
    m_fire = nullptr;
}
