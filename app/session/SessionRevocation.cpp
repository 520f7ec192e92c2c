// Session's revocation: the RFC 7009 requests of a sign-out or removal (the machine's
// SendRevoke), and the best-effort revocation of a grant a new sign-in replaced.
#include "Session.h"

#include "AccountRegistry.h"
#include "RevokeJob.h"

using namespace SessionMachine;
using ET = Event::Type;

RevokeJob *Session::revokeJob(const TokenSet &tokens)
{
    Credentials creds;
    creds.clientSecret =
            m_keychain.clientSecret(); // RFC 7009 §2.1: the client authenticates here too
    auto *job = new RevokeJob(m_deps.http, m_dialect.get(),
                              m_dialect->revokeRequests(m_config, tokens, creds), this);
    creds.wipe();
    connect(job, &RevokeJob::finished, job, &QObject::deleteLater);
    return job;
}

void Session::sendRevoke(const TokenSet &tokens, const AuthError &outcomeUnknown)
{
    RevokeJob *job = revokeJob(tokens);
    if (!job->hasRequests()) {
        job->deleteLater();
        Event e = Event::of(ET::RevokeDone);
        e.confirmed = false;
        e.error = AuthError(AuthError::Kind::Config, QStringLiteral("no_revocation_endpoint"));
        dispatch(e);
        return;
    }
    connect(job, &RevokeJob::finished, this, [this, outcomeUnknown](RevokeJob *done) {
        Event e = Event::of(ET::RevokeDone);
        // Confirmed only when the server confirmed every token, and when no renewal with an
        // unknown outcome may have left a newer pair alive.
        e.confirmed = done->confirmed() && !outcomeUnknown;
        e.error = done->error() ? done->error()
                : outcomeUnknown
                ? AuthError(AuthError::Kind::Ambiguous, QStringLiteral("renewal_interrupted"))
                : AuthError();
        dispatch(e);
    });
    job->start();
}

void Session::revokeOrphan(const TokenSet &tokens)
{
    // Best effort, outside the machine: the replaced grant must not outlive the new one on the
    // server. The outcome is logged; nothing here changes the account's state.
    RevokeJob *job = revokeJob(tokens);
    connect(job, &RevokeJob::finished, this, [this](RevokeJob *done) {
        emitLog(done->confirmed() ? QStringLiteral("revoked the grant this sign-in replaced")
                                  : QStringLiteral("could not revoke the replaced grant: ")
                                + done->error().toLogString());
    });
    job->start();
}
