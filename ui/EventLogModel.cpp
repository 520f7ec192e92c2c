#include "EventLogModel.h"

#include "AccountSession.h"
#include "Clock.h"
#include "Redaction.h"
#include "TimeFormat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

EventLogModel::EventLogModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(2000);
    connect(&m_saveTimer, &QTimer::timeout, this, &EventLogModel::save);
}

EventLogModel::~EventLogModel()
{
    if (m_saveTimer.isActive())
        save();
}

void EventLogModel::watch(AccountSession *session)
{
    QPointer<AccountSession> guard(session);
    connect(session, &AccountSession::logEvent, this, [this, guard](const QString &line) {
        if (guard)
            append(m_clock->wallMs(), guard->config().displayName, line);
    });
    connect(session, &AccountSession::refreshTokenExpiringSoon, this,
            [this, guard](qint64 untilMs) {
                if (!guard)
                    return;
                const qint64 now = m_clock->wallMs();
                EventText::Event e;
                e.kind = EventText::Kind::SignIn;
                e.sentence = tr("The sign-in ends %1 (%2); sign in again before then")
                                     .arg(TimeFormat::relative(untilMs, now),
                                          TimeFormat::absolute(untilMs, now));
                appendEvent(now, guard->config().displayName, e,
                            QStringLiteral("refresh_until ") + QString::number(untilMs));
            });
}

void EventLogModel::append(qint64 timeMs, const QString &account, const QString &line)
{
    const QString code = EventText::stripPrefix(Redaction::redact(line), account);
    appendEvent(timeMs, account, EventText::describe(code), code);
}

void EventLogModel::appendEvent(qint64 timeMs, const QString &account,
                                const EventText::Event &event, const QString &code)
{
    if (!m_entries.isEmpty()) {
        Entry &last = m_entries.last();
        // Identical, or differing only in numbers ("retrying in 7 s" / "in 14 s"): one line.
        static const QRegularExpression digits(QStringLiteral("\\d+"));
        if (last.account == account
            && (last.sentence == event.sentence
                || QString(last.sentence).replace(digits, QStringLiteral("#"))
                        == QString(event.sentence).replace(digits, QStringLiteral("#")))) {
            last.sentence = Redaction::redact(event.sentence); // the newest numbers
            ++last.count; // "Renewed the access token ×12"
            last.timeMs = timeMs;
            last.code = code;
            const QModelIndex row = index(int(m_entries.size()) - 1, 0);
            Q_EMIT dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
            scheduleSave();
            return;
        }
    }
    if (m_entries.size() >= kMaxRows)
        dropOne();
    Entry e;
    e.timeMs = e.firstMs = timeMs;
    e.account = account;
    e.kind = event.kind;
    e.sentence = Redaction::redact(event.sentence);
    e.code = code;
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(e);
    endInsertRows();
    scheduleSave();
}

void EventLogModel::dropOne()
{
    // The oldest routine line goes first: sign-ins, failures and revocations are the history a
    // person (or a support request) needs, a storm of renewals is not.
    int victim = 0;
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).kind == EventText::Kind::Routine) {
            victim = i;
            break;
        }
    beginRemoveRows(QModelIndex(), victim, victim);
    m_entries.removeAt(victim);
    endRemoveRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    scheduleSave();
}

QString EventLogModel::defaultStorageFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/events.jsonl");
}

void EventLogModel::setStorageFile(const QString &path)
{
    m_path = path;
    load();
}

void EventLogModel::scheduleSave()
{
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

void EventLogModel::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QList<Entry> loaded;
    while (!file.atEnd() && loaded.size() < kMaxRows) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine(4096)).object();
        if (o.isEmpty())
            continue;
        Entry e;
        e.timeMs = qint64(o.value(QLatin1String("t")).toDouble());
        e.firstMs = qint64(o.value(QLatin1String("f")).toDouble(double(e.timeMs)));
        e.account = o.value(QLatin1String("a")).toString();
        e.kind = EventText::Kind(qBound(0, o.value(QLatin1String("k")).toInt(), 3));
        e.sentence = Redaction::redact(o.value(QLatin1String("s")).toString());
        e.code = Redaction::redact(o.value(QLatin1String("c")).toString());
        // Said again in today's language where the code is one of ours (the file may have been
        // written by an English session and read by a German one); other lines as written.
        if (const EventText::Event fresh = EventText::describe(e.code); fresh.known)
            e.sentence = Redaction::redact(fresh.sentence);
        e.count = qMax(1, o.value(QLatin1String("n")).toInt(1));
        loaded.append(e);
    }
    beginResetModel();
    m_entries = loaded + m_entries;
    while (m_entries.size() > kMaxRows)
        m_entries.removeFirst();
    endResetModel();
}

bool EventLogModel::save()
{
    m_saveTimer.stop();
    if (m_path.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // the temp file
    for (const Entry &e : std::as_const(m_entries)) {
        QJsonObject o{
                {QLatin1String("t"), double(e.timeMs)}, {QLatin1String("f"), double(e.firstMs)},
                {QLatin1String("a"), e.account},        {QLatin1String("k"), int(e.kind)},
                {QLatin1String("s"), e.sentence},       {QLatin1String("c"), e.code},
                {QLatin1String("n"), e.count}};
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    }
    return file.commit()
            && QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString EventLogModel::timeText(qint64 ms) const
{
    // Local and readable: "14:02:05" today, "23 Nov 14:02:05" before.
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock->wallMs());
    const QLocale locale;
    if (when.date() == now.date())
        return locale.toString(when.time(), QStringLiteral("HH:mm:ss"));
    return locale.toString(when,
                           when.date().year() == now.date().year()
                                   ? QStringLiteral("d MMM HH:mm:ss")
                                   : QStringLiteral("d MMM yyyy HH:mm:ss"));
}

QString EventLogModel::toPlainText() const
{
    QString out;
    for (const Entry &e : m_entries) {
        out += QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODate) + QLatin1Char(' ')
                + e.account + QStringLiteral(": ") + e.sentence;
        if (e.count > 1)
            out += QStringLiteral(" ×") + QString::number(e.count);
        out += QStringLiteral(" [") + e.code + QStringLiteral("]\n");
    }
    return out;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(e.timeMs);
        case AccountColumn:
            return e.account;
        case EventColumn:
            return e.count > 1 ? e.sentence + QStringLiteral(" ×") + QString::number(e.count)
                               : e.sentence;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODate)
                + QStringLiteral(" — ") + e.account + QStringLiteral("\n") + e.code;
        if (e.count > 1)
            tip += QLatin1Char('\n')
                    + tr("%1 times since %2")
                              .arg(e.count)
                              .arg(QDateTime::fromMSecsSinceEpoch(e.firstMs).toString(Qt::ISODate));
        return tip;
    }
    case KindRole:
        return int(e.kind);
    case CountRole:
        return e.count;
    case CodeRole:
        return e.code;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AccountColumn:
        return tr("Account");
    case EventColumn:
        return tr("Event");
    }
    return {};
}
