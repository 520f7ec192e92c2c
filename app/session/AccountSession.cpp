#include "AccountSession.h"

AccountSession::~AccountSession() = default;
