#pragma once

#include <QString>
#include <QStringList>

// Where tk_resources puts things: resource paths of the icons and of the translation catalogue,
// so the UI does not spell ":/icons/..." by hand and a typo cannot silently show no icon.
class ResourceNames
{
public:
    static QString appIcon(); // ":/icons/tokenkeeper.svg"
    // The tray states that have an icon: ok, refreshing, expiring, offline, reauth, storage,
    // signedout.
    static QStringList trayStates();
    static QString trayIcon(const QString &state); // ":/icons/tray-<state>.svg"
    static QString translationsDir(); // ":/i18n"
    static QString translationBaseName(); // "tokenkeeper" -> tokenkeeper_de.qm
};
