#include "AccountListModel.h"
#include "ErrorText.h"

#include "AccountSession.h"
#include "AccountText.h"
#include "Clock.h"
#include "TimeFormat.h"
#include "TrayIconFactory.h"

AccountListModel::AccountListModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{ }

void AccountListModel::read(Row &row) const
{
    const qint64 now = m_clock->wallMs();
    const AccountSnapshot previous = row.snapshot;
    row.snapshot = row.session->snapshot();
    if (row.stateSinceMs == 0 || previous.state != row.snapshot.state)
        row.stateSinceMs = now;
    if (row.untilSeenAtMs == 0 || previous.refreshUntilMs != row.snapshot.refreshUntilMs)
        row.untilSeenAtMs = now;
}

void AccountListModel::addSession(AccountSession *session)
{
    if (!session || rowOf(session->id()) >= 0)
        return;
    Row row;
    row.session = session;
    row.id = session->id();
    read(row);
    int at = int(m_rows.size());
    if (row.id == m_replacedId && m_replacedRow >= 0)
        at = qMin(m_replacedRow, at);
    m_replacedId.clear();
    beginInsertRows(QModelIndex(), at, at);
    m_rows.insert(at, row);
    if (at == m_rows.size() - 1 && !m_indexDirty)
        m_index.insert(row.id, at); // appending keeps every other row where it was
    else
        m_indexDirty = true;
    endInsertRows();
    connect(session, &AccountSession::changed, this,
            [this, session] { onSessionChanged(session); });
    connect(session, &QObject::destroyed, this, [this] {
        // The engine deleted it without telling us (shutdown): drop the row it leaves empty.
        for (int r = 0; r < m_rows.size(); ++r) {
            if (!m_rows.at(r).session) {
                beginRemoveRows(QModelIndex(), r, r);
                m_rows.removeAt(r);
                m_indexDirty = true;
                endRemoveRows();
                return;
            }
        }
    });
    Q_EMIT sessionAdded(session);
}

void AccountListModel::removeSession(const QString &accountId)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    if (AccountSession *s = m_rows.at(row).session)
        disconnect(s, nullptr, this, nullptr);
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    m_indexDirty = true;
    endRemoveRows();
    m_replacedId = accountId;
    m_replacedRow = row;
    Q_EMIT sessionRemoved(accountId);
}

QList<AccountSession *> AccountListModel::sessions() const
{
    QList<AccountSession *> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        if (r.session)
            out.append(r.session);
    return out;
}

AccountSession *AccountListModel::sessionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).session.data() : nullptr;
}

AccountSession *AccountListModel::session(const QString &accountId) const
{
    return sessionAt(rowOf(accountId));
}

int AccountListModel::rowOf(const QString &accountId) const
{
    if (m_indexDirty) {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).id, i);
        m_indexDirty = false;
    }
    const int row = m_index.value(accountId, -1);
    return row >= 0 && m_rows.at(row).session ? row : -1;
}

const AccountSnapshot &AccountListModel::snapshotAt(int row) const
{
    static const AccountSnapshot none;
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).snapshot : none;
}

TrayStatus AccountListModel::statusAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return TrayStatus::SignedOut;
    const Row &r = m_rows.at(row);
    const qint64 observed =
            r.snapshot.refreshUntilMs > 0 ? r.snapshot.refreshUntilMs - r.untilSeenAtMs : 0;
    return TrayStatusRules::forAccount(r.snapshot, m_clock->wallMs(), qMax<qint64>(observed, 1));
}

qint64 AccountListModel::stateSinceMs(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).stateSinceMs : 0;
}

bool AccountListModel::notAnswering(int row) const
{
    const AccountSnapshot &s = snapshotAt(row);
    const bool inFlight = (s.state == SessionState::Refreshing || s.state == SessionState::SigningIn
                           || s.state == SessionState::Revoking)
            && !AccountText::waitsOnPerson(s);
    return inFlight && m_clock->wallMs() - stateSinceMs(row) >= kNotAnsweringMs;
}

QString AccountListModel::statusLine(int row) const
{
    return AccountText::statusLine(snapshotAt(row), m_clock->wallMs(), notAnswering(row));
}

void AccountListModel::onSessionChanged(AccountSession *session)
{
    const int row = rowOf(session->id());
    if (row < 0)
        return;
    read(m_rows[row]);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT sessionChanged(session);
}

void AccountListModel::refreshTimes()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(
            index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
            {Qt::DisplayRole, Qt::ToolTipRole, Qt::DecorationRole, StatusLineRole, TrayStatusRole});
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::displayText(const Row &row, int column) const
{
    const AccountSnapshot &s = row.snapshot;
    const qint64 now = m_clock->wallMs();
    switch (column) {
    case NameColumn:
        return AccountText::name(s.config);
    case DialectColumn:
        return dialectDisplayName(s.config.dialect);
    case StateColumn:
        return AccountText::state(s);
    case AccessExpiryColumn:
        return s.hasAccessToken ? AccountText::accessExpiry(s, now) : tr("no token");
    case RefreshExpiryColumn:
        return s.state == SessionState::SignedOut ? QString()
                                                  : TimeFormat::countdown(s.refreshUntilMs, now);
    case LastRefreshColumn:
        return s.lastRefreshMs > 0 ? TimeFormat::relative(s.lastRefreshMs, now) : tr("never");
    case NextRefreshColumn:
        return s.nextRefreshMs > 0 ? TimeFormat::relative(s.nextRefreshMs, now) : tr("none");
    case StorageColumn:
        return AccountText::storageShort(s.storage);
    case ErrorColumn:
        return AccountText::lastError(s);
    }
    return {};
}

QVariant AccountListModel::toolTip(const Row &row, int column) const
{
    const AccountSnapshot &s = row.snapshot;
    switch (column) {
    case NameColumn:
    case StateColumn:
        return AccountText::summaryLine(s, m_clock->wallMs());
    case StorageColumn:
        return ErrorText::storage(s.storage);
    case AccessExpiryColumn:
        return s.accessExpiresAtMs > 0
                ? TimeFormat::absolute(s.accessExpiresAtMs, m_clock->wallMs())
                : QVariant();
    case RefreshExpiryColumn:
        return s.refreshUntilMs > 0 ? TimeFormat::absolute(s.refreshUntilMs, m_clock->wallMs())
                                    : QVariant();
    default:
        return displayText(row, column);
    }
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || !m_rows.at(index.row()).session)
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::AccessibleTextRole:
        if (index.column() == NameColumn)
            return QString(AccountText::name(row.snapshot.config) + QStringLiteral(", ")
                           + statusLine(index.row()));
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn || index.column() == StateColumn)
            return TrayIconFactory::icon(statusAt(index.row()));
        return {};
    case AccountIdRole:
        return row.id;
    case TrayStatusRole:
        return int(statusAt(index.row()));
    case HostRole:
        return row.snapshot.config.hostLabel();
    case StatusLineRole:
        return statusLine(index.row());
    case SearchTextRole:
        return QString(AccountText::name(row.snapshot.config) + QLatin1Char(' ')
                       + row.snapshot.config.hostLabel() + QLatin1Char(' ')
                       + row.snapshot.config.username + QLatin1Char(' ')
                       + dialectDisplayName(row.snapshot.config.dialect));
    }
    return {};
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Account");
    case DialectColumn:
        return tr("Type");
    case StateColumn:
        return tr("State");
    case AccessExpiryColumn:
        return tr("Access token");
    case RefreshExpiryColumn:
        return tr("Sign-in ends");
    case LastRefreshColumn:
        return tr("Last refresh");
    case NextRefreshColumn:
        return tr("Next refresh");
    case StorageColumn:
        return tr("Storage");
    case ErrorColumn:
        return tr("Last problem");
    }
    return {};
}
