#include "LoginValidator.h"

#include "EndpointPolicy.h"

#include <QRegularExpression>
#include <QUrl>

bool LoginValidator::venafiScopeIsValid(const QString &scope)
{
    // protocols.md §1.5: item *( ";" item ); item = name [ ":" restriction *( "," restriction ) ]
    static const QRegularExpression re(QStringLiteral(
            "^[A-Za-z]+(:[A-Za-z]+(,[A-Za-z]+)*)?(;[A-Za-z]+(:[A-Za-z]+(,[A-Za-z]+)*)?)*$"));
    return re.match(scope).hasMatch();
}

// What is wrong with a typed URL, in words (QUrl's parser text never reaches the person).
static QString urlProblem(const QString &url)
{
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    if (url.contains(QRegularExpression(QStringLiteral("\\s"))))
        return LoginValidator::tr("The URL contains a space. A URL has none, for example "
                                  "https://auth.example.com/realm.");
    const QRegularExpressionMatch m = scheme.match(url);
    if (!m.hasMatch()) {
        if (url.contains(QLatin1String("://")) || url.contains(QLatin1Char(':')))
            return LoginValidator::tr("The URL must start with https:// followed by the server "
                                      "name, for example https://auth.example.com.");
        return LoginValidator::tr("The URL must start with https://, for example "
                                  "https://%1.")
                .arg(url);
    }
    QString authority = url.mid(m.capturedLength());
    authority = authority.left(authority.indexOf(QRegularExpression(QStringLiteral("[/?#]"))));
    const QString hostPort = authority.mid(authority.lastIndexOf(QLatin1Char(']')) + 1);
    const auto colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0
        && !QRegularExpression(QStringLiteral("^[0-9]{1,5}$"))
                    .match(hostPort.mid(colon + 1))
                    .hasMatch())
        return LoginValidator::tr("The port after the server name must be a number, for example "
                                  "https://auth.example.com:8443.");
    if (!QUrl(url, QUrl::StrictMode).isValid())
        return LoginValidator::tr("The URL contains characters that are not allowed in a URL. "
                                  "Check it for typos; it should look like "
                                  "https://auth.example.com/realm.");
    return QString();
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
    QString why = urlProblem(trimmed);
    if (why.isEmpty())
        why = EndpointPolicy::check(trimmed);
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
    if (in.needsPassword && in.username.trimmed().isEmpty())
        out.append({Field::Username, tr("Enter your username.")});
    if (in.needsPassword && !in.hasPassword)
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
