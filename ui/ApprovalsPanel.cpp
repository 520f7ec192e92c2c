#include "ApprovalsPanel.h"

#include "ApprovalBroker.h"
#include "TimeFormat.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;
}

ApprovalsPanel::ApprovalsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Programs</b> (tokenctl, git, kubectl and your scripts)"), this);
    layout->addWidget(title);
    auto *policyRow = new QHBoxLayout;
    auto *policyLabel = new QLabel(tr("Hand the token &to:"), this);
    m_policy = new QComboBox(this);
    m_policy->addItem(tr("Programs I allow when they first ask"), int(ApprovalPolicy::Policy::Ask));
    m_policy->addItem(tr("Any program of mine, without asking"),
                      int(ApprovalPolicy::Policy::Allow));
    m_policy->addItem(tr("No program"), int(ApprovalPolicy::Policy::Deny));
    m_policy->setAccessibleName(tr("Which programs get the token"));
    policyLabel->setBuddy(m_policy);
    policyRow->addWidget(policyLabel);
    policyRow->addWidget(m_policy, 1);
    layout->addLayout(policyRow);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);

    m_programs = new QTreeWidget(this);
    m_programs->setColumnCount(3);
    m_programs->setHeaderLabels({tr("Program"), tr("Decision"), tr("Decided")});
    m_programs->setRootIsDecorated(false);
    m_programs->setAllColumnsShowFocus(true);
    m_programs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_programs->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_programs->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_programs->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_programs->header()->setStretchLastSection(false);
    m_programs->setAccessibleName(tr("Remembered programs"));
    layout->addWidget(m_programs);
    m_none = new QLabel(tr("No program's answer is remembered for this account."), this);
    m_none->setWordWrap(true);
    m_none->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_none);
    auto *buttons = new QHBoxLayout;
    m_forget = new QPushButton(tr("For&get the answer"), this);
    m_forget->setToolTip(tr("The program is asked about again the next time it wants the token."));
    m_forget->setEnabled(false);
    buttons->addWidget(m_forget);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_policy, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_broker || m_accountId.isEmpty() || index < 0)
            return;
        m_broker->setPolicy(m_accountId,
                            static_cast<ApprovalPolicy::Policy>(m_policy->itemData(index).toInt()));
    });
    connect(m_programs, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_forget->setEnabled(!m_programs->selectedItems().isEmpty()); });
    connect(m_forget, &QPushButton::clicked, this, &ApprovalsPanel::forgetSelected);
    setVisible(false); // until there is a broker
}

void ApprovalsPanel::setBroker(ApprovalBroker *broker)
{
    m_broker = broker;
    setVisible(broker != nullptr);
    if (broker) {
        connect(broker, &ApprovalBroker::decisionsChanged, this, [this](const QString &id) {
            if (id == m_accountId)
                reload();
        });
    }
    reload();
}

void ApprovalsPanel::setAccount(const QString &accountId, qint64 nowMs)
{
    m_nowMs = nowMs;
    if (accountId == m_accountId)
        return; // the pane refreshes on every tick: keep the selection
    m_accountId = accountId;
    reload();
}

void ApprovalsPanel::reload()
{
    QString selectedKey;
    if (const auto items = m_programs->selectedItems(); !items.isEmpty())
        selectedKey = items.first()->data(0, kKeyRole).toString();
    m_programs->clear();
    if (!m_broker || m_accountId.isEmpty())
        return;
    const ApprovalPolicy::Policy policy = m_broker->policy()->policy(m_accountId);
    {
        const QSignalBlocker block(m_policy);
        m_policy->setCurrentIndex(m_policy->findData(int(policy)));
    }
    switch (policy) {
    case ApprovalPolicy::Policy::Ask:
        m_hint->setText(tr("A program asks once; Tokenkeeper names it and where it was started "
                           "from. The answers below apply to that exact file: a replaced or "
                           "rebuilt program asks again."));
        break;
    case ApprovalPolicy::Policy::Allow:
        m_hint->setText(tr("Every program running as you gets the token without a question. "
                           "Each hand-out is still written to the event log."));
        break;
    case ApprovalPolicy::Policy::Deny:
        m_hint->setText(tr("No program gets the token; only you can copy it from this window."));
        break;
    }
    const QList<ApprovalPolicy::Entry> entries = m_broker->policy()->entries(m_accountId);
    for (const ApprovalPolicy::Entry &e : entries) {
        auto *item = new QTreeWidgetItem(m_programs);
        const QString name = QFileInfo(e.executable).fileName();
        item->setText(0, name.isEmpty() ? e.executable : name);
        item->setToolTip(0, e.executable);
        item->setText(1, e.allowed ? tr("always allowed") : tr("denied"));
        item->setText(2,
                      e.decidedAtMs > 0 ? TimeFormat::absolute(e.decidedAtMs, m_nowMs) : QString());
        item->setData(0, kKeyRole, e.key);
        if (e.key == selectedKey)
            item->setSelected(true);
    }
    m_programs->sortItems(0, Qt::AscendingOrder);
    // As tall as its rows (up to six, then it scrolls): no empty box under three programs.
    if (!entries.isEmpty()) {
        const int rows = qMin(int(entries.size()), 6);
        const int rowHeight = qMax(m_programs->sizeHintForRow(0), fontMetrics().height());
        m_programs->setFixedHeight(m_programs->header()->sizeHint().height() + rows * rowHeight
                                   + 2 * m_programs->frameWidth() + 2);
    }
    m_programs->setVisible(!entries.isEmpty());
    m_none->setVisible(entries.isEmpty());
    m_forget->setVisible(!entries.isEmpty());
    m_forget->setEnabled(!m_programs->selectedItems().isEmpty());
}

void ApprovalsPanel::forgetSelected()
{
    const auto items = m_programs->selectedItems();
    if (!m_broker || items.isEmpty())
        return;
    m_broker->forget(m_accountId, items.first()->data(0, kKeyRole).toString());
}

QString ApprovalsPanel::text() const
{
    QStringList lines{m_policy->currentText(), m_hint->text()};
    for (int i = 0; i < m_programs->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_programs->topLevelItem(i);
        lines << item->toolTip(0) + QStringLiteral(": ") + item->text(1);
    }
    if (m_none->isVisibleTo(this))
        lines << m_none->text();
    return lines.join(QLatin1Char('\n'));
}
