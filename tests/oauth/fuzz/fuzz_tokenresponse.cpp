// Fuzz target: token-endpoint replies through every dialect (reliability.md §7.1 item 1).
// Byte 0 picks dialect, grant and status; the rest is the body. Invariants abort on violation:
// a success has a header-safe access token, a header-safe or empty refresh token, and a
// lifetime that is unknown or within the dialect's clamp; nothing logged contains a token.
#include "OAuthDialect.h"
#include "TokenReply.h"

#include <cstdint>
#include <cstdlib>
#include <QByteArrayList>

namespace {
QByteArrayList *messages()
{
    static QByteArrayList list;
    return &list;
}
void record(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    messages()->append(msg.toUtf8());
}
void check(bool ok)
{
    if (!ok)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool installed = (qInstallMessageHandler(record), true);
    (void)installed;
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    const Dialect dialects[] = {Dialect::Venafi, Dialect::Salesforce, Dialect::Generic};
    const auto dialect = OAuthDialect::create(dialects[selector % 3]);
    const auto grant =
            (selector & 4) ? OAuthDialect::Grant::Refresh : OAuthDialect::Grant::Password;
    const int statuses[] = {200, 200, 400, 401};
    HttpReply reply;
    reply.status = statuses[(selector >> 3) % 4];
    reply.body = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), int(size - 1));
    reply.sentAtMs = 1767225600000LL;
    reply.receivedAtMs = reply.sentAtMs + 100;
    if (selector & 0x20)
        reply.headers.append(
                {QByteArrayLiteral("Date"), QByteArrayLiteral("Thu, 01 Jan 2026 01:00:00 GMT")});
    AccountConfig config;
    config.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    TokenSet previous;
    previous.refreshToken = "previous-RT";
    messages()->clear();
    const TokenResult r =
            dialect->parseTokenReply(grant, reply, config, previous, reply.receivedAtMs);
    if (r.ok()) {
        check(TokenReply::isWellFormedToken(r.tokens.accessToken));
        check(r.tokens.refreshToken.isEmpty()
              || TokenReply::isWellFormedToken(r.tokens.refreshToken));
        const qint64 life = r.tokens.lifetimeMs();
        check(life == 0 || (life >= 1000 && life <= 400LL * 24 * 3600 * 1000));
        if (dialect->kind() == Dialect::Generic)
            check(life <= 24LL * 3600 * 1000);
        for (const QByteArray &m : *messages())
            check(!m.contains(r.tokens.accessToken) && !m.contains(r.tokens.refreshToken));
    } else {
        check(r.tokens.accessToken.isEmpty());
    }
    bool active = false;
    dialect->classifyResourceReply(reply);
    dialect->classifyRevokeReply(reply);
    dialect->classifyVerifyReply(reply, &active);
    return 0;
}
