#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QProgressBar>
#include <QStringList>
#include <QWidget>

// Walks every visible control under `root` and lists those without an accessible name.
inline QStringList controlsWithoutAccessibleName(QWidget *root)
{
    QStringList missing;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
                || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
                || qobject_cast<QProgressBar *>(w);
        if (!control || !w->isVisibleTo(root) || w->parentWidget()->inherits("QAbstractScrollArea")
            || qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            missing << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(':')
                            + w->objectName();
    }
    return missing;
}
