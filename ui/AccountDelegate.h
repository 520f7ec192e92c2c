#pragma once

#include <QStyledItemDelegate>

// Paints one account in the main window's list: the state icon, the name, and below it the host
// and the one-line status in the palette's secondary colour (no hard-coded colours).
class AccountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
