#include "EventLogModel.h"

#include "AccountSession.h"
#include "Clock.h"
#include "Redaction.h"

#include <QDateTime>
#include <QPointer>

EventLogModel::EventLogModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{ }

void EventLogModel::watch(AccountSession *session)
{
    QPointer<AccountSession> guard(session);
    connect(session, &AccountSession::logEvent, this, [this, guard](const QString &line) {
        if (guard)
            append(m_clock->wallMs(), guard->config().displayName, line);
    });
}

void EventLogModel::append(qint64 timeMs, const QString &account, const QString &line)
{
    if (m_entries.size() >= kMaxRows) {
        beginRemoveRows(QModelIndex(), 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append({timeMs, account, Redaction::redact(line)});
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString EventLogModel::timeText(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString EventLogModel::toPlainText() const
{
    QString out;
    for (const Entry &e : m_entries)
        out += e.line + QLatin1Char('\n');
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
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (index.column()) {
    case TimeColumn:
        return timeText(e.timeMs);
    case AccountColumn:
        return e.account;
    case EventColumn:
        return e.line;
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
