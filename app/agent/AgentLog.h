#pragma once

#include <QLoggingCategory>

// The agent's logging category ("tokenkeeper.agent"). Never a token, password or request body.
Q_DECLARE_LOGGING_CATEGORY(lcAgent)
