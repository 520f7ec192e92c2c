#include "ProblemLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

ProblemLabel::ProblemLabel(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAccessibleName(accessibleName);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_label, 1);
    clearProblem();
}

void ProblemLabel::setProblem(const QString &text, const QVariant &category)
{
    m_label->setText(text);
    m_label->setProperty("category", category);
    m_label->setVisible(!text.isEmpty());
    setVisible(!text.isEmpty());
}

void ProblemLabel::clearProblem()
{
    m_label->clear();
    m_label->hide();
    hide();
}

QString ProblemLabel::text() const
{
    return m_label->isHidden() ? QString() : m_label->text();
}
