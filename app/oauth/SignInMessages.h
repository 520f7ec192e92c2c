#pragma once

#include "AuthError.h"

#include <QString>

// One plain sentence for the errors the browser and device sign-ins add (the codes are set
// by LoopbackListener, AuthorizationCodeFlow and DeviceFlow); any other error falls back to
// AuthError::userMessage(). Until AuthError learns these codes, the dialogs call this.
namespace SignInMessages {
QString text(const AuthError &error);
// Whether "Start again" (a new attempt) is the way forward rather than changing settings.
bool canStartAgain(const AuthError &error);
} // namespace SignInMessages
