#pragma once

#include "TrayStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class AccountListModel;
class QAction;
class QMenu;

// The tray's context menu, kept in place: one submenu per account (the first kMaxAccounts, then
// "More accounts…"), one "N accounts need you to sign in" entry, Open and Quit. Updates change
// titles, icons and enabled states only; a submenu lives exactly as long as its account is shown,
// so weeks of ticks and changes leave the object count where it started.
class TrayMenu : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAccounts = 15;

    explicit TrayMenu(AccountListModel *model, QObject *parent = nullptr);
    ~TrayMenu() override;

    QMenu *menu() const { return m_menu; }
    // Adds and removes submenus so that they match the model's first kMaxAccounts accounts.
    void syncAccounts();
    bool shows(const QString &accountId) const { return m_entries.contains(accountId); }
    // Updates one submenu's title, icon and actions from the account's snapshot.
    void updateAccount(const AccountSnapshot &snapshot, TrayStatus status);
    // count > 0 shows "N accounts need you to sign in"; a click asks for `firstId`'s sign-in.
    void setSignInNeeded(int count, const QString &firstId);

Q_SIGNALS:
    void refreshRequested(const QString &accountId);
    void signInRequested(const QString &accountId);
    void copyRequested(const QString &accountId);
    void revokeRequested(const QString &accountId);
    void openRequested();
    void quitRequested();

private:
    struct Entry
    {
        QPointer<QMenu> menu;
        QAction *refresh = nullptr;
        QAction *copy = nullptr;
        QAction *revoke = nullptr;
        QString title;
        TrayStatus status = TrayStatus::Ok;
        bool hasStatus = false;
    };
    Entry makeEntry(const QString &accountId);

    AccountListModel *m_model;
    QMenu *m_menu;
    QAction *m_accountsEnd; // separator after the account block; submenus go before it
    QAction *m_more;
    QAction *m_signInNeeded;
    QString m_signInNeededId;
    QHash<QString, Entry> m_entries;
};
