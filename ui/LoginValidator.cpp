#include "LoginValidator.h"

#include "EndpointPolicy.h"

#include <QRegularExpression>

bool LoginValidator::venafiScopeIsValid(const QString &scope)
{
    // protocols.md §1.5: item *( ";" item ); item = name [ ":" restriction *( "," restriction ) ]
    static const QRegularExpression re(QStringLiteral(
            "^[A-Za-z]+(:[A-Za-z]+(,[A-Za-z]+)*)?(;[A-Za-z]+(:[A-Za-z]+(,[A-Za-z]+)*)?)*$"));
    return re.match(scope).hasMatch();
}

static void checkUrl(QList<LoginValidator::Problem> *out, LoginValidator::Field field,
                     const QString &typed, bool required, const QString &missing)
{
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty()) {
        if (required)
            out->append({field, missing});
        return;
    }
    const QString why = EndpointPolicy::check(trimmed);
    if (!why.isEmpty())
        out->append({field, why});
}

QList<LoginValidator::Problem> LoginValidator::validate(const Input &in)
{
    QList<Problem> out;
    checkUrl(&out, Field::Server, in.server,
             !(in.dialect == Dialect::Generic && in.manualEndpoints),
             in.dialect == Dialect::Generic ? tr("Enter the issuer URL of the server.")
                                            : tr("Enter the server URL."));
    if (in.dialect == Dialect::Generic && in.manualEndpoints) {
        checkUrl(&out, Field::TokenEndpoint, in.tokenEndpoint, true,
                 tr("Enter the token endpoint URL."));
        checkUrl(&out, Field::RevocationEndpoint, in.revocationEndpoint, false, QString());
    }
    if (in.clientId.trimmed().isEmpty())
        out.append({Field::ClientId,
                    in.dialect == Dialect::Salesforce ? tr("Enter the consumer key.")
                                                      : tr("Enter the client ID.")});
    if (needsClientSecret(in.dialect) && !in.hasClientSecret)
        out.append({Field::ClientSecret, tr("Enter the consumer secret.")});
    if (in.username.trimmed().isEmpty())
        out.append({Field::Username, tr("Enter your username.")});
    if (!in.hasPassword)
        out.append({Field::Password, tr("Enter your password.")});
    const QString scope = in.scope.trimmed();
    if (in.dialect == Dialect::Venafi) {
        if (scope.isEmpty())
            out.append(
                    {Field::Scope, tr("Enter the scope, for example certificate:manage,revoke.")});
        else if (!venafiScopeIsValid(scope))
            out.append(
                    {Field::Scope,
                     tr("The scope must look like certificate:manage,revoke;configuration:manage "
                        "(no spaces).")});
    }
    return out;
}
