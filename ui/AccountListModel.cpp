#include "AccountListModel.h"

#include "AccountSession.h"
#include "AccountText.h"
#include "Clock.h"
#include "TimeFormat.h"
#include "TrayIconFactory.h"

AccountListModel::AccountListModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock)
{ }

void AccountListModel::addSession(AccountSession *session)
{
    if (!session || rowOf(session->id()) >= 0)
        return;
    const int row = int(m_sessions.size());
    beginInsertRows(QModelIndex(), row, row);
    m_sessions.append(session);
    endInsertRows();
    connect(session, &AccountSession::changed, this,
            [this, session] { onSessionChanged(session); });
    connect(session, &QObject::destroyed, this, [this] {
        // The engine deleted it without telling us (shutdown): drop the row it leaves empty.
        const int r = int(m_sessions.indexOf(QPointer<AccountSession>()));
        if (r >= 0) {
            beginRemoveRows(QModelIndex(), r, r);
            m_sessions.removeAt(r);
            endRemoveRows();
        }
    });
    Q_EMIT sessionAdded(session);
}

void AccountListModel::removeSession(const QString &accountId)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    AccountSession *s = m_sessions.at(row);
    if (s)
        disconnect(s, nullptr, this, nullptr);
    beginRemoveRows(QModelIndex(), row, row);
    m_sessions.removeAt(row);
    endRemoveRows();
    Q_EMIT sessionRemoved(accountId);
}

QList<AccountSession *> AccountListModel::sessions() const
{
    QList<AccountSession *> out;
    for (const auto &s : m_sessions)
        if (s)
            out.append(s);
    return out;
}

AccountSession *AccountListModel::sessionAt(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row).data() : nullptr;
}

AccountSession *AccountListModel::session(const QString &accountId) const
{
    return sessionAt(rowOf(accountId));
}

int AccountListModel::rowOf(const QString &accountId) const
{
    for (int i = 0; i < m_sessions.size(); ++i)
        if (m_sessions.at(i) && m_sessions.at(i)->id() == accountId)
            return i;
    return -1;
}

void AccountListModel::onSessionChanged(AccountSession *session)
{
    const int row = int(m_sessions.indexOf(session));
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT sessionChanged(session);
}

void AccountListModel::refreshTimes()
{
    if (m_sessions.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, AccessExpiryColumn),
                       index(int(m_sessions.size()) - 1, NextRefreshColumn));
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int AccountListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::displayText(const AccountSession *session, int column) const
{
    const AccountSnapshot s = session->snapshot();
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

QVariant AccountListModel::toolTip(const AccountSession *session, int column) const
{
    const AccountSnapshot s = session->snapshot();
    switch (column) {
    case StateColumn:
        return AccountText::summaryLine(s, m_clock->wallMs());
    case StorageColumn:
        return storageStatusText(s.storage);
    case AccessExpiryColumn:
        return s.accessExpiresAtMs > 0
                ? TimeFormat::absolute(s.accessExpiresAtMs, m_clock->wallMs())
                : QVariant();
    case RefreshExpiryColumn:
        return s.refreshUntilMs > 0 ? TimeFormat::absolute(s.refreshUntilMs, m_clock->wallMs())
                                    : QVariant();
    default:
        return displayText(session, column);
    }
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    const AccountSession *session = index.isValid() ? sessionAt(index.row()) : nullptr;
    if (!session)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(session, index.column());
    case Qt::ToolTipRole:
        return toolTip(session, index.column());
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return TrayIconFactory::icon(
                    TrayStatusRules::forAccount(session->snapshot(), m_clock->wallMs()));
        return {};
    case AccountIdRole:
        return session->id();
    case TrayStatusRole:
        return int(TrayStatusRules::forAccount(session->snapshot(), m_clock->wallMs()));
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
