#include "Redaction.h"

#include <QRegularExpression>

namespace Redaction {

QString redact(const QString &text)
{
    static const QRegularExpression patterns[] = {
            // Authorization: Bearer xyz / Basic xyz / OAuth xyz
            QRegularExpression(
                    QStringLiteral(R"re((\b(?:Bearer|Basic|OAuth)\s+)[A-Za-z0-9\-._~+/!]{8,}=*)re"),
                    QRegularExpression::CaseInsensitiveOption),
            // form fields and query parameters
            QRegularExpression(
                    QStringLiteral(
                            R"re((\b(?:access_token|refresh_token|id_token|password|client_secret|code|code_verifier|token|device_code)=)[^&\s"]+)re"),
                    QRegularExpression::CaseInsensitiveOption),
            // JSON members
            QRegularExpression(
                    QStringLiteral(
                            R"re(("(?:access_token|refresh_token|id_token|password|client_secret|code_verifier|token)"\s*:\s*")(?:[^"\\]|\\.)*)re"),
                    QRegularExpression::CaseInsensitiveOption),
    };
    QString out = text;
    for (const QRegularExpression &re : patterns)
        out.replace(re, QStringLiteral("\\1***"));
    return out;
}

static QtMessageHandler s_previous = nullptr;

static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = redact(message);
    if (s_previous)
        s_previous(type, context, clean);
}

void installMessageHandler()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    s_previous = qInstallMessageHandler(handler);
}

} // namespace Redaction
