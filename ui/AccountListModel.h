#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

class AccountSession;
class Clock;

// The account list of the main window (and the tray's source of accounts): one row per session,
// the columns the person needs to judge its health. Shows snapshots only; never a token.
class AccountListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DialectColumn,
        StateColumn,
        AccessExpiryColumn,
        RefreshExpiryColumn,
        LastRefreshColumn,
        NextRefreshColumn,
        StorageColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { AccountIdRole = Qt::UserRole + 1, TrayStatusRole };

    explicit AccountListModel(const Clock *clock, QObject *parent = nullptr);

    void addSession(AccountSession *session);
    void removeSession(const QString &accountId);
    QList<AccountSession *> sessions() const;
    AccountSession *sessionAt(int row) const;
    AccountSession *session(const QString &accountId) const;
    int rowOf(const QString &accountId) const;
    const Clock *clock() const { return m_clock; }

    // Countdowns move with time: the view's ticker calls this every few seconds.
    void refreshTimes();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void sessionAdded(AccountSession *session);
    void sessionRemoved(const QString &accountId);
    void sessionChanged(AccountSession *session);

private:
    QVariant displayText(const AccountSession *session, int column) const;
    QVariant toolTip(const AccountSession *session, int column) const;
    void onSessionChanged(AccountSession *session);

    const Clock *m_clock;
    QList<QPointer<AccountSession>> m_sessions;
};
