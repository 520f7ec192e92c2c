#include "EventLogView.h"

#include "EventLogModel.h"

#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>

EventLogView::EventLogView(QAbstractItemModel *log, QWidget *parent)
    : QTableView(parent), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(log);
    m_proxy->setFilterKeyColumn(EventLogModel::AccountColumn);
    setModel(m_proxy);
    setAccessibleName(tr("Event log"));
    verticalHeader()->hide();
    horizontalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(EventLogModel::TimeColumn,
                                             QHeaderView::ResizeToContents);
    setWordWrap(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionResizeMode(EventLogModel::AccountColumn,
                                             QHeaderView::ResizeToContents);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QScrollBar *bar = verticalScrollBar();
    // Following = the view was at the bottom before the new line came in.
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_following = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_following)
            bar->setValue(max);
    });
}

void EventLogView::setAccountFilter(const QString &account)
{
    // Exact match: "Prod" must not also show "Prod EU".
    m_proxy->setFilterRegularExpression(
            account.isEmpty()
                    ? QString()
                    : QLatin1Char('^') + QRegularExpression::escape(account) + QLatin1Char('$'));
    setColumnHidden(EventLogModel::AccountColumn, !account.isEmpty());
    scrollToBottom();
}
