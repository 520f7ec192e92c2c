#pragma once

#include "EventText.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

class AccountSession;
class Clock;

// What happened to each account, newest last, in sentences ("Renewed the access token ×12"),
// with the engine's line as the code in the tooltip and in the copied text. Lines come redacted
// from the engine and pass through the redactor again here (S-19). Identical lines in a row
// collapse into one with a count. Bounded: an overflow drops routine renewals before sign-ins,
// failures and revocations. With a storage file it is kept across restarts in a user-only (0600)
// file holding only these redacted sentences and codes.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AccountColumn, EventColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, CountRole, CodeRole };
    static constexpr int kMaxRows = 2000;

    explicit EventLogModel(const Clock *clock, QObject *parent = nullptr);
    ~EventLogModel() override; // writes a pending save

    // Follows `session`'s logEvent() and its "sign-in ends soon" until it is destroyed.
    void watch(AccountSession *session);
    void append(qint64 timeMs, const QString &account, const QString &line);
    void appendEvent(qint64 timeMs, const QString &account, const EventText::Event &event,
                     const QString &code);
    void clear();

    // Loads `path` (if present) and saves there from now on. Default: the app data folder.
    void setStorageFile(const QString &path);
    static QString defaultStorageFile();
    bool save(); // now (normally debounced after changes)

    // One line per event with its time, account, sentence and code, for the clipboard.
    QString toPlainText() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        qint64 timeMs = 0;
        qint64 firstMs = 0; // of a collapsed run
        QString account;
        EventText::Kind kind = EventText::Kind::Routine;
        QString sentence;
        QString code;
        int count = 1;
    };
    QString timeText(qint64 ms) const;
    void dropOne();
    void load();
    void scheduleSave();

    const Clock *m_clock;
    QList<Entry> m_entries;
    QString m_path;
    QTimer m_saveTimer;
};
