#include "AgentLog.h"

Q_LOGGING_CATEGORY(lcAgent, "tokenkeeper.agent", QtInfoMsg)
