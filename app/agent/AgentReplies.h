#pragma once

#include "ConfigProblem.h"
#include "WireMessage.h"

#include <QString>

#include <functional>

struct AuthError;
struct AccountSnapshot;

// Building agent replies, and the one mapping from the engine's errors and states to the wire
// error codes (and thereby to tokenctl's exit codes). Messages tell the person what to do and
// never carry token material.
namespace AgentReplies {

tkwire::WireMessage ok();
tkwire::WireMessage error(const char *code, const QString &message);
tkwire::WireMessage error(const QString &code, const QString &message);

// The code and message for a failed token request.
tkwire::WireMessage fromAuthError(const AuthError &error, const AccountSnapshot &snapshot);
// The code and message for a failed browser or device sign-in run for `tokenctl login`: the
// person or a policy saying no at the server (access_denied) is "denied" (exit 6, with
// `denied_by=server`); an expired code, a browser that never came back and a cancel are
// "signin_required" (3); the rest as for a token.
tkwire::WireMessage fromSignInError(const AuthError &error, const AccountSnapshot &snapshot);
// A reply without asking the engine when the account's state already decides (signed out,
// re-sign-in needed, keychain locked, configuration error); an empty message (no "op") otherwise.
tkwire::WireMessage fromState(const AccountSnapshot &snapshot);

void set(tkwire::WireMessage *m, const char *key, const QString &value);

// The sentence for an engine error in a reply. The words live in the desktop's one table
// (ui/ErrorText), installed by the composition root; without it (tests of the agent alone) the
// error's log form is used.
using Describer = std::function<QString(const AuthError &)>;
void setDescriber(Describer describer);
QString describe(const AuthError &error);
// The same for what is wrong with `tokenctl add`'s input (the desktop installs
// ErrorText::configProblem, the dialog's own sentences); without one, the codes are named.
using ProblemDescriber = std::function<QString(const ConfigProblem &, Dialect)>;
void setProblemDescriber(ProblemDescriber describer);
QString describe(const ConfigProblem &problem, Dialect dialect);
// Why a sign-in is needed, in words (the desktop installs AccountText's); without one, the code.
using ReauthDescriber = std::function<QString(const AccountSnapshot &)>;
void setReauthDescriber(ReauthDescriber describer);

} // namespace AgentReplies
