#pragma once

#include <QAbstractTableModel>
#include <QList>

class AccountSession;
class Clock;

// What happened to each account (sign-in, refresh, retry, errors, revoke), newest last, for the
// main window and for a support request. Lines come redacted from the engine and pass through
// the redactor again here as a backstop (S-19); the log is bounded.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AccountColumn, EventColumn, ColumnCount };
    static constexpr int kMaxRows = 2000;

    explicit EventLogModel(const Clock *clock, QObject *parent = nullptr);

    // Follows `session`'s logEvent() until it is destroyed.
    void watch(AccountSession *session);
    void append(qint64 timeMs, const QString &account, const QString &line);
    void clear();

    // One line per event (each carries its time and account), for the clipboard.
    QString toPlainText() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        qint64 timeMs;
        QString account;
        QString line;
    };
    QString timeText(qint64 ms) const;
    const Clock *m_clock;
    QList<Entry> m_entries;
};
