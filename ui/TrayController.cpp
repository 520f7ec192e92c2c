#include "TrayController.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "TimeFormat.h"
#include "TrayIconFactory.h"

#include <QMenu>
#include <QSystemTrayIcon>

TrayController::TrayController(AccountListModel *model, ClipboardGuard *clipboard, QObject *parent)
    : QObject(parent),
      m_model(model),
      m_clipboard(clipboard),
      m_tray(new QSystemTrayIcon(this)),
      m_menu(new QMenu)
{
    m_menu->setAccessibleName(tr("Tokenkeeper menu"));
    m_tray->setContextMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::rebuildMenu);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::activateLastMessage);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
    for (AccountSession *s : model->sessions())
        watch(s);
    connect(model, &AccountListModel::sessionAdded, this, &TrayController::watch);
    connect(model, &AccountListModel::sessionRemoved, this, [this](const QString &id) {
        m_warnedUntil.remove(id);
        update();
    });
    connect(model, &AccountListModel::sessionChanged, this, &TrayController::update);
    m_tick.setInterval(30000); // countdowns in the tooltip
    connect(&m_tick, &QTimer::timeout, this, &TrayController::update);
    m_tick.start();
    m_retry.setInterval(kRetryTrayMs);
    connect(&m_retry, &QTimer::timeout, this, &TrayController::tryShow);
    update();
    tryShow();
}

TrayController::~TrayController()
{
    m_tray->hide();
    delete m_menu;
}

bool TrayController::isAvailable() const
{
    return m_available;
}

void TrayController::tryShow()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    if (available) {
        m_tray->show();
        m_retry.stop();
    } else {
        // The panel may start after us (login) or restart: keep trying, window-only meanwhile.
        m_retry.start();
    }
    if (available != m_available) {
        m_available = available;
        Q_EMIT availabilityChanged(available);
    }
}

void TrayController::watch(AccountSession *session)
{
    connect(session, &AccountSession::reauthRequired, this,
            [this, session](const QString &reason) { onReauthRequired(session, reason); });
    connect(session, &AccountSession::refreshTokenExpiringSoon, this,
            [this, session](qint64 until) { onExpiringSoon(session, until); });
    update();
}

QString TrayController::toolTipText() const
{
    const qint64 now = m_model->clock()->wallMs();
    QString text = QStringLiteral("Tokenkeeper — ") + TrayStatusRules::text(m_status);
    const QList<AccountSession *> sessions = m_model->sessions();
    if (sessions.isEmpty())
        text += QLatin1Char('\n') + tr("No accounts yet");
    for (AccountSession *s : sessions)
        text += QLatin1Char('\n') + AccountText::summaryLine(s->snapshot(), now);
    return text;
}

void TrayController::update()
{
    QList<AccountSnapshot> snapshots;
    for (AccountSession *s : m_model->sessions())
        snapshots.append(s->snapshot());
    const TrayStatus status = TrayStatusRules::worst(snapshots, m_model->clock()->wallMs());
    if (status != m_status || m_tray->icon().isNull())
        m_tray->setIcon(TrayIconFactory::icon(status));
    m_status = status;
    m_tray->setToolTip(toolTipText());
    if (!m_menu->isVisible()) // an open menu is rebuilt on its next aboutToShow
        rebuildMenu();
}

void TrayController::rebuildMenu()
{
    m_menu->clear();
    for (AccountSession *s : m_model->sessions()) {
        const AccountSnapshot snap = s->snapshot();
        const QString id = s->id();
        QMenu *sub = m_menu->addMenu(TrayIconFactory::icon(TrayStatusRules::forAccount(
                                             snap, m_model->clock()->wallMs())),
                                     AccountText::name(snap.config) + QStringLiteral(" — ")
                                             + AccountText::stateName(snap.state));
        sub->setObjectName(QStringLiteral("account:") + id);
        QPointer<AccountSession> guard(s);
        QAction *refresh = sub->addAction(tr("Refresh now"), this, [guard] {
            if (guard)
                guard->refreshNow();
        });
        refresh->setEnabled(snap.state != SessionState::SignedOut);
        sub->addAction(tr("Sign in…"), this, [this, id] { Q_EMIT signInRequested(id); });
        QAction *copy = sub->addAction(tr("Copy access token"), this, [this, guard] {
            if (guard)
                m_clipboard->copySecret(guard->currentAccessToken());
        });
        copy->setEnabled(snap.hasAccessToken);
        copy->setToolTip(tr("Cleared from the clipboard after 30 seconds"));
        QAction *revoke =
                sub->addAction(tr("Revoke…"), this, [this, id] { Q_EMIT revokeRequested(id); });
        revoke->setEnabled(snap.state != SessionState::SignedOut);
    }
    if (!m_menu->isEmpty())
        m_menu->addSeparator();
    m_menu->addAction(tr("Open Tokenkeeper"), this, &TrayController::openRequested);
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
}

void TrayController::showMessage(const QString &title, const QString &message,
                                 const QString &accountId)
{
    m_lastTitle = title;
    m_lastMessage = message;
    m_lastAccountId = accountId;
    if (m_available)
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 15000);
}

void TrayController::activateLastMessage()
{
    if (m_lastAccountId.isEmpty())
        Q_EMIT openRequested();
    else
        Q_EMIT signInRequested(m_lastAccountId);
}

void TrayController::onReauthRequired(AccountSession *session, const QString &reason)
{
    // The engine says this once per failure, not per waiting caller (M-27, M-33).
    AccountSnapshot snap = session->snapshot();
    if (snap.reauthReason.isEmpty())
        snap.reauthReason = reason;
    showMessage(tr("Sign-in needed: %1").arg(AccountText::name(snap.config)),
                AccountText::reauthReason(snap) + QLatin1Char('\n') + tr("Click to sign in."),
                session->id());
    update();
}

void TrayController::onExpiringSoon(AccountSession *session, qint64 refreshUntilMs)
{
    if (m_warnedUntil.value(session->id()) == refreshUntilMs)
        return;
    m_warnedUntil.insert(session->id(), refreshUntilMs);
    const AccountConfig config = session->config();
    const qint64 now = m_model->clock()->wallMs();
    showMessage(tr("Sign-in ends soon: %1").arg(AccountText::name(config)),
                tr("Your sign-in to %1 ends %2 (%3). Click to sign in again now and avoid an "
                   "interruption.")
                        .arg(config.hostLabel(), TimeFormat::relative(refreshUntilMs, now),
                             TimeFormat::absolute(refreshUntilMs, now)),
                session->id());
    update();
}
