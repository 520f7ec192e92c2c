#include "ResourceNames.h"

QString ResourceNames::appIcon()
{
    return QStringLiteral(":/icons/tokenkeeper.svg");
}

QStringList ResourceNames::trayStates()
{
    return {QStringLiteral("ok"),       QStringLiteral("refreshing"), QStringLiteral("expiring"),
            QStringLiteral("offline"),  QStringLiteral("reauth"),     QStringLiteral("storage"),
            QStringLiteral("signedout")};
}

QString ResourceNames::trayIcon(const QString &state)
{
    return QStringLiteral(":/icons/tray-") + state + QStringLiteral(".svg");
}

QString ResourceNames::translationsDir()
{
    return QStringLiteral(":/i18n");
}

QString ResourceNames::translationBaseName()
{
    return QStringLiteral("tokenkeeper");
}
