#pragma once

#include <functional>
#include <QTimer>
#include <QtGlobal>

// The one-shot wait of an interactive sign-in (the loopback listener's overall timeout, the
// device flow's next poll). An interface so that tests move a ManualClock and fire it by hand
// instead of sleeping; QtFlowTimer is the real one.
class FlowTimer
{
public:
    virtual ~FlowTimer();
    // Arms the timer, replacing any earlier arming: `fire` runs once after `delayMs` (clamped
    // to 0..24 days), never synchronously inside start().
    virtual void start(qint64 delayMs, std::function<void()> fire) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

class QtFlowTimer final : public FlowTimer
{
public:
    QtFlowTimer();
    ~QtFlowTimer() override;
    void start(qint64 delayMs, std::function<void()> fire) override;
    void stop() override;
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
    std::function<void()> m_fire;
};
