#include "TimeFormat.h"

#include <QDateTime>
#include <QLocale>

QString TimeFormat::duration(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    const qint64 minutes = s / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days >= 2) {
        const qint64 h = hours % 24;
        return h ? tr("%1 d %2 h").arg(days).arg(h) : tr("%1 d").arg(days);
    }
    if (hours >= 1) {
        const qint64 m = minutes % 60;
        return m ? tr("%1 h %2 min").arg(hours).arg(m) : tr("%1 h").arg(hours);
    }
    if (minutes >= 1)
        return tr("%1 min").arg(minutes);
    return tr("%1 s").arg(s);
}

QString TimeFormat::relative(qint64 targetMs, qint64 nowMs)
{
    const qint64 delta = targetMs - nowMs;
    if (qAbs(delta) < 1000)
        return tr("now");
    if (delta > 0)
        return tr("in %1").arg(duration(delta));
    return tr("%1 ago").arg(duration(-delta));
}

QString TimeFormat::absolute(qint64 ms, qint64 nowMs, const QTimeZone &zone)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    const QString format = when.date().year() == now.date().year()
            ? QStringLiteral("d MMM HH:mm")
            : QStringLiteral("d MMM yyyy HH:mm");
    return QLocale().toString(when, format);
}

QString TimeFormat::countdown(qint64 targetMs, qint64 nowMs)
{
    if (targetMs <= 0)
        return tr("unknown");
    if (targetMs <= nowMs)
        return tr("expired");
    return relative(targetMs, nowMs);
}
