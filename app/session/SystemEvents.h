#pragma once

#include <QObject>

// Power and network events that make the engine re-evaluate its deadlines: resume from
// suspend (logind PrepareForSleep(false) on Linux), clock jumps (from DeadlineScheduler) and
// reachability (QNetworkInformation). Tests drive the notify*() methods directly.
class SystemEvents : public QObject
{
    Q_OBJECT
public:
    explicit SystemEvents(QObject *parent = nullptr);
    // Connects to logind on the system bus and loads QNetworkInformation where available.
    void connectToSystem();
    bool isOnline() const { return m_online; }

    void notifyResumed() { Q_EMIT resumed(); }
    void notifyAboutToSleep() { Q_EMIT aboutToSleep(); }
    void notifyOnline(bool online);

Q_SIGNALS:
    void aboutToSleep();
    void resumed();
    void onlineChanged(bool online);

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);

private:
    bool m_online = true;
};
