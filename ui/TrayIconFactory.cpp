#include "TrayIconFactory.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPixmap>

static QString resourcePath(const QString &name)
{
    return QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
}

bool TrayIconFactory::hasThemedIcon(TrayStatus status)
{
    return QFile::exists(resourcePath(TrayStatusRules::iconName(status)));
}

QIcon TrayIconFactory::icon(TrayStatus status)
{
    // One shared icon per status: the list and the tray ask for them on every paint and update,
    // and each new QIcon would parse and cache its own copy of the SVG.
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(status));
    if (it == cache.end()) {
        const QIcon icon = hasThemedIcon(status)
                ? QIcon(resourcePath(TrayStatusRules::iconName(status)))
                : circle(fallbackColor(status));
        it = cache.insert(int(status), icon);
    }
    return *it;
}

QIcon TrayIconFactory::appIcon()
{
    const QString path = resourcePath(QStringLiteral("tokenkeeper"));
    return QFile::exists(path) ? QIcon(path) : circle(fallbackColor(TrayStatus::Ok));
}

QColor TrayIconFactory::fallbackColor(TrayStatus status)
{
    switch (status) {
    case TrayStatus::SignedOut:
        return QColor(0x80, 0x80, 0x80);
    case TrayStatus::Ok:
        return QColor(0x2e, 0x9e, 0x44);
    case TrayStatus::Refreshing:
        return QColor(0x2a, 0x7a, 0xd5);
    case TrayStatus::ExpiringSoon:
        return QColor(0xe0, 0xa0, 0x00);
    case TrayStatus::Offline:
        return QColor(0x9a, 0x6a, 0x3a);
    case TrayStatus::SignInNeeded:
        return QColor(0xd0, 0x30, 0x30);
    case TrayStatus::StorageProblem:
        return QColor(0x8e, 0x3a, 0xb0);
    }
    return QColor(Qt::gray);
}

QIcon TrayIconFactory::circle(const QColor &color)
{
    QIcon result;
    for (int size : {16, 22, 32, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(color.darker(140), qMax(1, size / 16)));
        p.setBrush(color);
        const int m = qMax(1, size / 8);
        p.drawEllipse(m, m, size - 2 * m, size - 2 * m);
        p.end();
        result.addPixmap(pm);
    }
    return result;
}
