#include "ResourceCall.h"

#include "HttpClient.h"
#include "OAuthDialect.h"

#include <memory>
#include <QPointer>

namespace ResourceCall {
namespace {

using Callback = std::shared_ptr<AccountSession::ResourceCallback>;

AuthError sessionClosed()
{
    return AuthError(AuthError::Kind::Cancelled, QStringLiteral("session_closed"));
}

void send(const QPointer<AccountSession> &session, HttpClient *http, const OAuthDialect *dialect,
          const HttpRequest &request, const QByteArray &token, bool retried,
          const Callback &callback)
{
    HttpRequest authorized = request;
    authorized.purpose = QStringLiteral("resource");
    authorized.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token});
    http->send(authorized, [=](const HttpReply &reply) {
        if (!session) {
            (*callback)(reply, sessionClosed());
            return;
        }
        const AuthError verdict = dialect->classifyResourceReply(reply);
        if (verdict.kind != AuthError::Kind::AccessTokenRejected || retried) {
            (*callback)(reply, verdict);
            return;
        }
        // M-34: one refresh (only if this token is still the current one), one retry.
        session->reportRejected(token);
        session->withFreshToken([=](const QByteArray &fresh, const AuthError &error) {
            if (error || !session) {
                (*callback)(reply, error ? error : sessionClosed());
                return;
            }
            send(session, http, dialect, request, fresh, true, callback);
        });
    });
}

} // namespace

void start(AccountSession *session, HttpClient *http, const OAuthDialect *dialect,
           const HttpRequest &request, AccountSession::ResourceCallback callback)
{
    const QPointer<AccountSession> guard(session);
    auto cb = std::make_shared<AccountSession::ResourceCallback>(std::move(callback));
    session->withFreshToken([=](const QByteArray &token, const AuthError &error) {
        if (error || !guard) {
            (*cb)(HttpReply(), error ? error : sessionClosed());
            return;
        }
        send(guard, http, dialect, request, token, false, cb);
    });
}

} // namespace ResourceCall
