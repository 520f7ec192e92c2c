#include "AccountDelegate.h"

#include "AccountListModel.h"

#include <QApplication>
#include <QPainter>

static constexpr int kMargin = 6;
static constexpr int kIcon = 22;

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return QSize(kIcon + 3 * kMargin + 24 * option.fontMetrics.averageCharWidth(),
                 2 * line + 3 * kMargin);
}

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
            option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor primary =
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = selected ? primary : option.palette.color(group, QPalette::PlaceholderText);
    const QRect r = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const QRect iconRect(r.left(), r.top() + (r.height() - kIcon) / 2, kIcon, kIcon);
    icon.paint(painter, iconRect);
    const QRect text = r.adjusted(kIcon + kMargin, 0, 0, 0);
    const int line = option.fontMetrics.height();
    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(primary);
    const QString host = index.data(AccountListModel::HostRole).toString();
    const QFontMetrics boldMetrics(bold);
    // Line 1: the name, then the host in the secondary colour; line 2: the status.
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, text.width());
    const int nameWidth = boldMetrics.horizontalAdvance(shownName);
    painter->drawText(QRect(text.left(), text.top(), text.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter, shownName);
    painter->setFont(option.font);
    painter->setPen(secondary);
    const int hostLeft = text.left() + nameWidth + option.fontMetrics.averageCharWidth() * 2;
    if (hostLeft < text.right())
        painter->drawText(
                QRect(hostLeft, text.top(), text.right() - hostLeft, line),
                Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(host, Qt::ElideRight, text.right() - hostLeft));
    painter->setPen(primary);
    const QString status = index.data(AccountListModel::StatusLineRole).toString();
    painter->drawText(QRect(text.left(), text.top() + line + kMargin / 2, text.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(status, Qt::ElideRight, text.width()));
    painter->restore();
}
