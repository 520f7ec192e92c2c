#pragma once

#include "TrayStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class AccountListModel;
class AccountSession;
class ClipboardGuard;
class QMenu;
class QSystemTrayIcon;
class TrayMenu;

// The tray: one icon for the worst condition across accounts, a tooltip with the accounts' time
// left, a menu with per-account actions (TrayMenu), and notifications (a sign-in is needed; a
// known sign-in end is near; a token was copied) whose click opens the right dialog. Changes are
// coalesced into one update per event-loop pass and only changed accounts are re-read. Without a
// tray host the app works window-only and this retries every 30 s. Never shows a token (S-24).
class TrayController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetryTrayMs = 30000;
    static constexpr int kTooltipAccounts = 10; // more would make a tooltip no one can read
    enum class Notice { Information, Warning };

    TrayController(AccountListModel *model, ClipboardGuard *clipboard, QObject *parent = nullptr);
    ~TrayController() override;

    bool isAvailable() const; // the icon is shown in a tray host
    TrayStatus status() const { return m_status; }
    QString toolTipText() const;
    QMenu *menu() const;
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QString lastNotification() const { return m_lastTitle + QLatin1Char('\n') + m_lastMessage; }
    int signInNeededCount() const { return int(m_needSignIn.size()); }

    void update(); // schedules a full update (icon, tooltip, every account); also the tick
    void flush(); // runs a scheduled update now
    void showMessage(const QString &title, const QString &message, const QString &accountId,
                     Notice kind = Notice::Warning);
    void activateLastMessage(); // what a click on the last notification does
    // Informational notifications (a copy, the hint about the tray) can be switched off;
    // warnings (a sign-in is needed, a sign-in ends soon) always show.
    void setInformationMuted(bool muted) { m_informationMuted = muted; }
    bool isInformationMuted() const { return m_informationMuted; }
    int shownNotifications() const { return m_shown; }
    void copyToken(const QString &accountId); // a fresh token to the clipboard, with feedback

Q_SIGNALS:
    void availabilityChanged(bool available);
    void openRequested();
    void toggleRequested(); // left click on the icon
    void signInRequested(const QString &accountId);
    void revokeRequested(const QString &accountId);
    void quitRequested();
    void tokenCopied(const QString &accountId);

private:
    void tryShow();
    void watch(AccountSession *session);
    void schedule();
    void onReauthRequired(AccountSession *session);
    void onExpiringSoon(AccountSession *session, qint64 refreshUntilMs);

    AccountListModel *m_model;
    ClipboardGuard *m_clipboard;
    QSystemTrayIcon *m_tray;
    TrayMenu *m_menu;
    QTimer m_retry;
    QTimer m_tick;
    QTimer m_coalesce;
    QSet<QString> m_dirty; // accounts changed since the last update
    bool m_allDirty = true;
    bool m_accountsDirty = true; // accounts added or removed
    QHash<QString, TrayStatus> m_statuses; // per account, as of the last update
    QSet<QString> m_needSignIn;
    TrayStatus m_status = TrayStatus::SignedOut;
    bool m_hasIcon = false;
    bool m_available = false;
    bool m_informationMuted = false;
    int m_shown = 0;
    QString m_toolTip;
    QString m_lastTitle;
    QString m_lastMessage;
    QString m_lastAccountId;
    QHash<QString, qint64> m_warnedUntil; // account -> refresh_until already announced
};
