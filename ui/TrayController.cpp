#include "TrayController.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "ClipboardGuard.h"
#include "Clock.h"
#include "TimeFormat.h"
#include "TrayIconFactory.h"
#include "TrayMenu.h"

#include <QMenu>
#include <QPointer>
#include <QSystemTrayIcon>

TrayController::TrayController(AccountListModel *model, ClipboardGuard *clipboard, QObject *parent)
    : QObject(parent),
      m_model(model),
      m_clipboard(clipboard),
      m_tray(new QSystemTrayIcon(this)),
      m_menu(new TrayMenu(model, this))
{
    m_tray->setContextMenu(m_menu->menu());
    connect(m_menu->menu(), &QMenu::aboutToShow, this, &TrayController::flush);
    connect(m_menu, &TrayMenu::refreshRequested, this, [this](const QString &id) {
        if (AccountSession *s = m_model->session(id))
            s->refreshNow();
    });
    connect(m_menu, &TrayMenu::signInRequested, this, &TrayController::signInRequested);
    connect(m_menu, &TrayMenu::copyRequested, this, &TrayController::copyToken);
    connect(m_menu, &TrayMenu::revokeRequested, this, &TrayController::revokeRequested);
    connect(m_menu, &TrayMenu::openRequested, this, &TrayController::openRequested);
    connect(m_menu, &TrayMenu::quitRequested, this, &TrayController::quitRequested);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayController::activateLastMessage);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger)
            Q_EMIT toggleRequested();
    });
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(0); // every change of one event-loop pass in one update
    connect(&m_coalesce, &QTimer::timeout, this, &TrayController::flush);
    for (AccountSession *s : model->sessions())
        watch(s);
    connect(model, &AccountListModel::sessionAdded, this, &TrayController::watch);
    connect(model, &AccountListModel::sessionRemoved, this, [this](const QString &id) {
        m_warnedUntil.remove(id);
        m_statuses.remove(id);
        m_needSignIn.remove(id);
        m_dirty.remove(id);
        m_accountsDirty = true;
        schedule();
    });
    connect(model, &AccountListModel::sessionChanged, this, [this](AccountSession *s) {
        m_dirty.insert(s->id());
        schedule();
    });
    m_tick.setInterval(30000); // countdowns in the tooltip, "ends soon" by time
    connect(&m_tick, &QTimer::timeout, this, &TrayController::update);
    m_tick.start();
    m_retry.setInterval(kRetryTrayMs);
    connect(&m_retry, &QTimer::timeout, this, &TrayController::tryShow);
    flush();
    tryShow();
}

TrayController::~TrayController()
{
    m_tray->hide();
}

QMenu *TrayController::menu() const
{
    return m_menu->menu();
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
            [this, session] { onReauthRequired(session); });
    connect(session, &AccountSession::refreshTokenExpiringSoon, this,
            [this, session](qint64 until) { onExpiringSoon(session, until); });
    m_dirty.insert(session->id());
    m_accountsDirty = true;
    schedule();
}

void TrayController::schedule()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void TrayController::update()
{
    m_allDirty = true;
    schedule();
}

QString TrayController::toolTipText() const
{
    return m_toolTip;
}

void TrayController::flush()
{
    m_coalesce.stop();
    const qint64 now = m_model->clock()->wallMs();
    if (m_accountsDirty)
        m_menu->syncAccounts();
    const int rows = m_model->rowCount();
    QString lines;
    QString firstNeedingSignIn;
    for (int row = 0; row < rows; ++row) {
        const AccountSnapshot &snap = m_model->snapshotAt(row);
        const QString &id = snap.config.id;
        if (row < kTooltipAccounts)
            lines += QLatin1Char('\n') + AccountText::summaryLine(snap, now);
        if (!m_allDirty && !m_dirty.contains(id))
            continue;
        const TrayStatus st = m_model->statusAt(row);
        m_statuses.insert(id, st);
        if (snap.state == SessionState::ReauthRequired)
            m_needSignIn.insert(id);
        else
            m_needSignIn.remove(id);
        if (m_menu->shows(id))
            m_menu->updateAccount(snap, st);
    }
    TrayStatus worst = TrayStatus::SignedOut;
    for (TrayStatus st : std::as_const(m_statuses))
        worst = qMax(worst, st);
    for (int row = 0; row < rows && !m_needSignIn.isEmpty(); ++row)
        if (m_needSignIn.contains(m_model->snapshotAt(row).config.id)) {
            firstNeedingSignIn = m_model->snapshotAt(row).config.id;
            break;
        }
    m_menu->setSignInNeeded(int(m_needSignIn.size()), firstNeedingSignIn);
    m_dirty.clear();
    m_allDirty = false;
    m_accountsDirty = false;

    if (worst != m_status || !m_hasIcon) {
        m_tray->setIcon(TrayIconFactory::icon(worst));
        m_hasIcon = true;
    }
    m_status = worst;
    QString tip = QStringLiteral("Tokenkeeper — ") + TrayStatusRules::text(m_status);
    if (rows == 0)
        tip += QLatin1Char('\n') + tr("No accounts yet");
    tip += lines;
    if (rows > kTooltipAccounts)
        tip += QLatin1Char('\n') + tr("…and %1 more accounts").arg(rows - kTooltipAccounts);
    if (tip != m_toolTip) {
        m_toolTip = tip;
        m_tray->setToolTip(tip);
    }
}

void TrayController::copyToken(const QString &accountId)
{
    QPointer<AccountSession> session = m_model->session(accountId);
    if (!session)
        return;
    const QString name = AccountText::name(session->config());
    // A fresh token: in its last minute the cached one is refused, so wait for the renewal.
    session->withFreshToken([this, name, accountId](const QByteArray &token, const AuthError &e) {
        if (e.isError() || token.isEmpty()) {
            showMessage(tr("Nothing copied: %1").arg(name),
                        tr("No valid access token is available right now."), accountId);
            return;
        }
        m_clipboard->copySecret(token);
        showMessage(tr("Copied: %1").arg(name),
                    tr("The access token is on the clipboard. It clears in %1 s.")
                            .arg(m_clipboard->clearAfterMs() / 1000),
                    QString(), Notice::Information);
        Q_EMIT tokenCopied(accountId);
    });
}

void TrayController::showMessage(const QString &title, const QString &message,
                                 const QString &accountId, Notice kind)
{
    m_lastTitle = title;
    m_lastMessage = message;
    m_lastAccountId = accountId;
    if (kind == Notice::Information && m_informationMuted)
        return;
    ++m_shown;
    if (m_available)
        m_tray->showMessage(title, message,
                            kind == Notice::Information ? QSystemTrayIcon::Information
                                                        : QSystemTrayIcon::Warning,
                            kind == Notice::Information ? 5000 : 15000);
}

void TrayController::activateLastMessage()
{
    if (m_lastAccountId.isEmpty())
        Q_EMIT openRequested();
    else
        Q_EMIT signInRequested(m_lastAccountId);
}

void TrayController::onReauthRequired(AccountSession *session)
{
    // The engine says this once per failure, not per waiting caller (M-27, M-33). The snapshot
    // carries the reason code; the words come from AccountText.
    const AccountSnapshot snap = session->snapshot();
    m_dirty.insert(session->id());
    flush();
    if (m_needSignIn.size() > 1) { // one notification for all, not one per account
        showMessage(tr("%1 accounts need you to sign in").arg(m_needSignIn.size()),
                    tr("Click to sign in."), session->id());
        return;
    }
    showMessage(tr("Sign-in needed: %1").arg(AccountText::name(snap.config)),
                AccountText::reauthReason(snap) + QLatin1Char('\n') + tr("Click to sign in."),
                session->id());
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
