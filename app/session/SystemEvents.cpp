#include "SystemEvents.h"

#include "Logging.h"

#include <QDBusConnection>
#include <QNetworkInformation>

SystemEvents::SystemEvents(QObject *parent) : QObject(parent) { }

void SystemEvents::connectToSystem()
{
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected()) {
        const bool ok = system.connect(
                QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"),
                this, SLOT(onPrepareForSleep(bool)));
        qCInfo(lcSession) << "logind sleep notifications:" << (ok ? "connected" : "unavailable");
    }
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QNetworkInformation *info = QNetworkInformation::instance();
        auto apply = [this](QNetworkInformation::Reachability r) {
            // Unknown means "cannot tell": never treat it as offline.
            notifyOnline(r != QNetworkInformation::Reachability::Disconnected);
        };
        connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
        apply(info->reachability());
    }
}

void SystemEvents::notifyOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged(online);
}

void SystemEvents::onPrepareForSleep(bool sleeping)
{
    if (sleeping)
        Q_EMIT aboutToSleep();
    else
        Q_EMIT resumed();
}
