#pragma once

#include <QVariant>
#include <QWidget>

class QLabel;

// The sign-in dialog's problem line: the style's warning icon and bold, selectable text in the
// palette's own colours (a fixed red would vanish on a dark background). Hidden when empty; the
// text label carries the problem's category as the "category" property for tests.
class ProblemLabel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemLabel(const QString &accessibleName, QWidget *parent = nullptr);

    void setProblem(const QString &text, const QVariant &category);
    void clearProblem();
    QString text() const; // empty while hidden
    QLabel *label() const { return m_label; }

private:
    QLabel *m_label;
};
