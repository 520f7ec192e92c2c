#include "TrayMenu.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "AccountText.h"
#include "TrayIconFactory.h"

#include <QMenu>

TrayMenu::TrayMenu(AccountListModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_menu(new QMenu)
{
    m_menu->setAccessibleName(tr("Tokenkeeper menu"));
    m_more = m_menu->addAction(QString(), this, &TrayMenu::openRequested);
    m_more->setVisible(false);
    m_accountsEnd = m_menu->addSeparator();
    m_accountsEnd->setVisible(false);
    m_signInNeeded = m_menu->addAction(QString(), this, [this] {
        if (!m_signInNeededId.isEmpty())
            Q_EMIT signInRequested(m_signInNeededId);
    });
    m_signInNeeded->setObjectName(QStringLiteral("signInNeeded"));
    m_signInNeeded->setVisible(false);
    m_menu->addAction(tr("&Open Tokenkeeper"), this, &TrayMenu::openRequested);
    m_menu->addAction(tr("&Quit"), this, &TrayMenu::quitRequested);
}

TrayMenu::~TrayMenu()
{
    delete m_menu; // a context menu has no parent widget; its submenus are its children
}

TrayMenu::Entry TrayMenu::makeEntry(const QString &id)
{
    Entry e;
    e.menu = new QMenu(m_menu);
    e.menu->setObjectName(QStringLiteral("account:") + id);
    e.refresh = e.menu->addAction(tr("&Refresh now"), this,
                                  [this, id] { Q_EMIT refreshRequested(id); });
    e.menu->addAction(tr("&Sign in…"), this, [this, id] { Q_EMIT signInRequested(id); });
    e.copy = e.menu->addAction(tr("&Copy access token"), this,
                               [this, id] { Q_EMIT copyRequested(id); });
    e.revoke = e.menu->addAction(tr("Re&voke…"), this, [this, id] { Q_EMIT revokeRequested(id); });
    return e;
}

void TrayMenu::syncAccounts()
{
    const QList<AccountSession *> sessions = m_model->sessions();
    QStringList wanted;
    for (AccountSession *s : sessions) {
        if (wanted.size() == kMaxAccounts)
            break;
        wanted.append(s->id());
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!wanted.contains(it.key())) {
            delete it->menu.data(); // also removes its action from m_menu
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    // Walk backwards so that each new submenu goes before the next one already placed.
    QAction *before = m_more;
    for (auto i = wanted.size() - 1; i >= 0; --i) {
        const QString &id = wanted.at(i);
        auto it = m_entries.find(id);
        if (it == m_entries.end()) {
            Entry e = makeEntry(id);
            m_menu->insertMenu(before, e.menu);
            it = m_entries.insert(id, e);
        }
        before = it->menu->menuAction();
    }
    const qsizetype hidden = sessions.size() - wanted.size();
    m_more->setVisible(hidden > 0);
    if (hidden > 0)
        m_more->setText(hidden == 1 ? tr("1 more account in the window…")
                                    : tr("%1 more accounts in the window…").arg(hidden));
    m_accountsEnd->setVisible(!sessions.isEmpty());
}

void TrayMenu::updateAccount(const AccountSnapshot &snap, TrayStatus status)
{
    auto it = m_entries.find(snap.config.id);
    if (it == m_entries.end())
        return;
    Entry &e = *it;
    const QString title = AccountText::name(snap.config) + QStringLiteral(" — ")
            + AccountText::stateName(snap.state);
    if (title != e.title) {
        e.title = title;
        e.menu->setTitle(title);
    }
    if (!e.hasStatus || status != e.status) {
        e.status = status;
        e.hasStatus = true;
        e.menu->setIcon(TrayIconFactory::icon(status));
    }
    e.refresh->setEnabled(refreshNowApplies(snap.state));
    e.copy->setEnabled(snap.hasAccessToken);
    e.revoke->setEnabled(revokeApplies(snap));
}

void TrayMenu::setSignInNeeded(int count, const QString &firstId)
{
    m_signInNeededId = firstId;
    m_signInNeeded->setVisible(count > 0);
    if (count > 0)
        m_signInNeeded->setText(count == 1 ? tr("1 account needs you to sign in…")
                                           : tr("%1 accounts need you to sign in…").arg(count));
}
