#pragma once

#include "TrayStatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

class AccountSession;
class Clock;

// The account list of the main window (and the tray's source of accounts): one row per session.
// Column 0 with its roles feeds the list (name, host, state icon, one status line); the other
// columns stay for copying and accessibility. Each row caches its session's snapshot, re-read
// only when the session says it changed, plus what the UI observed over time (when the current
// grant end was first seen, since when the state holds). Never holds or shows a token.
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
    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        TrayStatusRole,
        HostRole, // "venafi.example.com"
        StatusLineRole, // "Signed in · access token expires in 59 min"
        SearchTextRole, // what the filter box matches: name, host, user, type
    };
    // A request in flight longer than this reads "The server is not answering".
    static constexpr qint64 kNotAnsweringMs = 10000;

    explicit AccountListModel(const Clock *clock, QObject *parent = nullptr);

    void addSession(AccountSession *session);
    void removeSession(const QString &accountId);
    QList<AccountSession *> sessions() const;
    AccountSession *sessionAt(int row) const;
    AccountSession *session(const QString &accountId) const;
    int rowOf(const QString &accountId) const;
    const Clock *clock() const { return m_clock; }

    // The cached snapshot (as of the session's last "changed"); an empty one for a bad row.
    const AccountSnapshot &snapshotAt(int row) const;
    // The tray status, with "ends soon" judged against the grant's observed length.
    TrayStatus statusAt(int row) const;
    qint64 stateSinceMs(int row) const; // when the row's current state was first seen
    bool notAnswering(int row) const; // a request has been in flight for kNotAnsweringMs
    QString statusLine(int row) const;

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
    struct Row
    {
        QPointer<AccountSession> session;
        QString id;
        AccountSnapshot snapshot;
        qint64 untilSeenAtMs = 0; // when snapshot.refreshUntilMs was first seen
        qint64 stateSinceMs = 0;
    };
    QVariant displayText(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    void onSessionChanged(AccountSession *session);
    void read(Row &row) const;

    const Clock *m_clock;
    QList<Row> m_rows;
    mutable QHash<QString, int> m_index; // id -> row, rebuilt lazily after inserts and removals
    mutable bool m_indexDirty = false;
    // An edit that changes the identity replaces the session under the same id: it comes back
    // where it was instead of at the bottom.
    QString m_replacedId;
    int m_replacedRow = -1;
};
