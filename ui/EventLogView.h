#pragma once

#include <QTableView>

class QSortFilterProxyModel;

// The event log's view: follows new lines while scrolled to the bottom (and stays put while the
// person reads further up), optionally shows one account only.
class EventLogView : public QTableView
{
    Q_OBJECT
public:
    explicit EventLogView(QAbstractItemModel *log, QWidget *parent = nullptr);

    void setAccountFilter(const QString &account); // empty: every account
    bool isFollowing() const { return m_following; }

private:
    QSortFilterProxyModel *m_proxy;
    bool m_following = true;
};
