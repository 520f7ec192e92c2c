#include "Redaction.h"

#include <QRegularExpression>

namespace Redaction {

namespace {

struct Patterns
{
    QRegularExpression list[4];
};

// Built once and never destroyed: the message handler stays installed until the process ends
// and may run after static destructors (Qt logs during its own teardown). A function-local
// static array would be destroyed first and the backstop would pass messages unredacted, or
// hang (security audit L10).
const Patterns &patterns()
{
    static const Patterns *p = new Patterns{{
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
            // bare tokens echoed in free text: a JWT (three base64url parts, the first a JSON
            // header) or a Salesforce session id (org id, "!", the session part)
            QRegularExpression(QStringLiteral(
                    R"re(()(?:\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{16,}))re")),
    }};
    return *p;
}

} // namespace

QString redact(const QString &text)
{
    QString out = text;
    for (const QRegularExpression &re : patterns().list)
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
    patterns(); // built now, while nothing else is logging
    s_previous = qInstallMessageHandler(handler);
}

} // namespace Redaction
