#include "Logging.h"

Q_LOGGING_CATEGORY(lcCore, "tokenkeeper.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOAuth, "tokenkeeper.oauth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "tokenkeeper.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "tokenkeeper.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "tokenkeeper.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "tokenkeeper.ui", QtInfoMsg)
