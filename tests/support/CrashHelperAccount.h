#pragma once

#include "AccountConfig.h"

// The account tk-store-crash-helper writes and reads for `id`. The helper process and the tests
// that look at what it stored (tst_crashsafety, tst_keychainsecretstore) build it here, so the
// keychain keys they compute always agree.
namespace TestSupport {
inline AccountConfig crashHelperAccount(const QString &id)
{
    AccountConfig c;
    c.id = id;
    c.displayName = QStringLiteral("crash test");
    c.dialect = Dialect::Generic;
    c.serverUrl = QUrl(QStringLiteral("https://as.example.com"));
    c.clientId = QStringLiteral("tokenkeeper-tests");
    c.username = QStringLiteral("user-") + id;
    return c;
}
} // namespace TestSupport
