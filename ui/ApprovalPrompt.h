#pragma once

#include "ApprovalBroker.h"

#include <QDialog>

class QLabel;

// "May this program have a token?": names the verified executable, where it was started from,
// the account and its scopes; Allow once / Always allow this program / Deny. Not modal, one per
// account at a time (the broker coalesces); closes itself when the broker's wait runs out.
// Closing it without an answer lets the wait run out (the caller is denied, nothing remembered).
class ApprovalPrompt : public QDialog
{
    Q_OBJECT
public:
    ApprovalPrompt(const ApprovalBroker::Prompt &prompt, QWidget *parent = nullptr);

    // Shows a prompt for `prompt`, answers `broker` with the person's choice, and closes when
    // the broker withdraws it. The dialog deletes itself when closed.
    static ApprovalPrompt *showFor(ApprovalBroker *broker, const ApprovalBroker::Prompt &prompt);

    quint64 promptId() const { return m_prompt.id; }

Q_SIGNALS:
    void answered(ApprovalBroker::Answer answer);

private:
    ApprovalBroker::Prompt m_prompt;
};
