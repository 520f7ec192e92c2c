#pragma once

#include "TrayStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class AccountListModel;
class AccountSession;
class ClipboardGuard;
class QMenu;
class QSystemTrayIcon;

// The tray: one icon for the worst condition across accounts, a tooltip with each account's
// time left, a menu with per-account actions, and notifications (a sign-in is needed; a known
// sign-in end is near) whose click opens the right dialog. Without a tray host the app works
// window-only and this retries every 30 s. Never shows a token (S-24).
class TrayController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetryTrayMs = 30000;

    TrayController(AccountListModel *model, ClipboardGuard *clipboard, QObject *parent = nullptr);
    ~TrayController() override;

    bool isAvailable() const; // the icon is shown in a tray host
    TrayStatus status() const { return m_status; }
    QString toolTipText() const;
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QString lastNotification() const { return m_lastTitle + QLatin1Char('\n') + m_lastMessage; }

    void update(); // recomputes icon, tooltip and menu (also on the tick)
    void showMessage(const QString &title, const QString &message, const QString &accountId);
    void activateLastMessage(); // what a click on the last notification does

Q_SIGNALS:
    void availabilityChanged(bool available);
    void openRequested();
    void signInRequested(const QString &accountId);
    void revokeRequested(const QString &accountId);
    void quitRequested();

private:
    void tryShow();
    void rebuildMenu();
    void watch(AccountSession *session);
    void onReauthRequired(AccountSession *session, const QString &reason);
    void onExpiringSoon(AccountSession *session, qint64 refreshUntilMs);

    AccountListModel *m_model;
    ClipboardGuard *m_clipboard;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QTimer m_retry;
    QTimer m_tick;
    TrayStatus m_status = TrayStatus::SignedOut;
    bool m_available = false;
    QString m_lastTitle;
    QString m_lastMessage;
    QString m_lastAccountId;
    QHash<QString, qint64> m_warnedUntil; // account -> refresh_until already announced
};
