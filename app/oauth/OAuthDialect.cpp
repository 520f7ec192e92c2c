#include "OAuthDialect.h"

#include "ReplyClassifier.h"

#include "GenericDialect.h"
#include "SalesforceDialect.h"
#include "VenafiDialect.h"

OAuthDialect::~OAuthDialect() = default;

std::unique_ptr<OAuthDialect> OAuthDialect::create(Dialect kind)
{
    switch (kind) {
    case Dialect::Venafi:
        return std::make_unique<VenafiDialect>();
    case Dialect::Salesforce:
        return std::make_unique<SalesforceDialect>();
    case Dialect::Generic:
        return std::make_unique<GenericDialect>();
    }
    return std::make_unique<GenericDialect>();
}

AuthError OAuthDialect::classifySessionProbe(const HttpReply &reply, bool *active) const
{
    *active = false;
    const AuthError verdict = classifyResourceReply(reply);
    if (verdict.kind == AuthError::Kind::AccessTokenRejected)
        return AuthError();
    if (reply.isSuccess()) {
        *active = true;
        return AuthError();
    }
    return verdict ? verdict
                   : ReplyClassifier::withEvidence(
                           AuthError(AuthError::Kind::Ambiguous,
                                     QStringLiteral("http_") + QString::number(reply.status)),
                           reply);
}
