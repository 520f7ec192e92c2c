#pragma once

#include <QString>

// Backstop against secrets in log lines (S-19): masks bearer credentials, token/password form
// fields and JSON members. Code must still never log secrets; this only catches mistakes.
namespace Redaction {
QString redact(const QString &text);
// Installs a qInstallMessageHandler that redacts every message before the previous handler
// (or Qt's default) sees it. Idempotent.
void installMessageHandler();
} // namespace Redaction
