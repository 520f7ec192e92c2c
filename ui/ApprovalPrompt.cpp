#include "ApprovalPrompt.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ApprovalPrompt::ApprovalPrompt(const ApprovalBroker::Prompt &prompt, QWidget *parent)
    : QDialog(parent), m_prompt(prompt)
{
    setWindowTitle(tr("Allow access to %1?").arg(prompt.accountName));
    setAttribute(Qt::WA_DeleteOnClose);
    const QString program = QFileInfo(prompt.program).fileName();
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setText(tr("%1 asks for an access token for %2.\n\nProgram: %3\nStarted as: %4\n"
                     "Scopes: %5\n\nAllow it only if you started it.")
                          .arg(program, prompt.accountName, prompt.program, prompt.description,
                               prompt.scope.isEmpty() ? tr("(default)") : prompt.scope));
    text->setObjectName(QStringLiteral("approvalText"));
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *once = buttons->addButton(tr("Allow &once"), QDialogButtonBox::AcceptRole);
    QPushButton *always =
            buttons->addButton(tr("&Always allow this program"), QDialogButtonBox::AcceptRole);
    QPushButton *deny = buttons->addButton(tr("&Deny"), QDialogButtonBox::RejectRole);
    once->setObjectName(QStringLiteral("allowOnce"));
    always->setObjectName(QStringLiteral("alwaysAllow"));
    deny->setObjectName(QStringLiteral("deny"));
    deny->setDefault(true); // Enter never grants access by accident
    const auto answer = [this](ApprovalBroker::Answer a) {
        Q_EMIT answered(a);
        close();
    };
    connect(once, &QPushButton::clicked, this,
            [answer] { answer(ApprovalBroker::Answer::AllowOnce); });
    connect(always, &QPushButton::clicked, this,
            [answer] { answer(ApprovalBroker::Answer::AlwaysAllow); });
    connect(deny, &QPushButton::clicked, this, [answer] { answer(ApprovalBroker::Answer::Deny); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

ApprovalPrompt *ApprovalPrompt::showFor(ApprovalBroker *broker,
                                        const ApprovalBroker::Prompt &prompt)
{
    auto *dialog = new ApprovalPrompt(prompt);
    const quint64 id = prompt.id;
    connect(dialog, &ApprovalPrompt::answered, broker,
            [broker, id](ApprovalBroker::Answer a) { broker->answer(id, a); });
    connect(broker, &ApprovalBroker::promptWithdrawn, dialog, [dialog, id](quint64 withdrawn) {
        if (withdrawn == id)
            dialog->close();
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}
