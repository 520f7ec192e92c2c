#pragma once

#include "AuthError.h"
#include "ConfigProblem.h"
#include "StorageStatus.h"

#include <QString>

// The one table that turns an engine error into a sentence for the person (translated). The
// engine (app/) only carries kinds and codes; every word the desktop shows about an error comes
// from here, or from SignInErrorText and AccountText, which phrase it for their place (the login
// form, the account's status) and fall back to describe(). Never raw server text beyond the
// server's own error_description, never a token (I-6).
namespace ErrorText {
QString describe(const AuthError &error);
// Whether an interactive sign-in that ended with `error` can simply be started again (a new
// code, a new browser round) rather than needing a change to the account.
bool canStartAgain(const AuthError &error);
// Why a revocation is not confirmed (RevokeDone's problem), or empty when it is.
QString revokeProblem(const AuthError &problem);
// What is wrong with a typed account field (the dialect's validate()), as the login dialog and
// `tokenctl add` say it.
QString configProblem(const ConfigProblem &problem, Dialect dialect);
// Where an account's secrets are, or why they are not saved.
QString storage(StorageStatus status);
} // namespace ErrorText
