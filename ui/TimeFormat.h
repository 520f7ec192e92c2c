#pragma once

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

// Short, translated time texts for the window, tray and dialogs: "in 1 h 59 min",
// "3 min ago", "23 Nov 14:02". Pure functions of their arguments so they are tested exactly.
class TimeFormat
{
    Q_DECLARE_TR_FUNCTIONS(TimeFormat)
public:
    // "45 s", "12 min", "1 h 59 min", "3 d 4 h" (rounded down: never promises more time).
    static QString duration(qint64 ms);
    // "in 1 h 59 min", "3 min ago", "now" (within a second).
    static QString relative(qint64 targetMs, qint64 nowMs);
    // "23 Nov 14:02"; the year is added when it differs from now's.
    static QString absolute(qint64 ms, qint64 nowMs,
                            const QTimeZone &zone = QTimeZone::systemTimeZone());
    // For expiry columns: "unknown" (0), "expired", or "in 1 h 59 min".
    static QString countdown(qint64 targetMs, qint64 nowMs);
};
