#include "ConfigProblem.h"

#include <QRegularExpression>
#include <QUrl>

AccountDraft AccountDraft::from(const AccountConfig &c)
{
    AccountDraft d;
    d.dialect = c.dialect;
    d.method = c.signInMethod;
    d.server = c.serverUrl.toString();
    d.manualEndpoints = c.dialect == Dialect::Generic && !c.tokenEndpoint.isEmpty();
    d.tokenEndpoint = c.tokenEndpoint.toString();
    d.revocationEndpoint = c.revocationEndpoint.toString();
    d.clientId = c.clientId;
    d.hasClientSecret = c.hasClientSecret;
    d.username = c.username;
    d.passwordExpected = false;
    d.scope = c.scope;
    return d;
}

namespace DraftCheck {

static ConfigProblem problem(ConfigProblem::Field field, ConfigProblem::Code code,
                             const QString &typed = QString())
{
    ConfigProblem p;
    p.field = field;
    p.code = code;
    p.typed = typed;
    return p;
}

// What is wrong with the shape of a typed URL, before QUrl's parser (whose text never reaches
// the person) gets it.
static ConfigProblem::Code shape(const QString &url)
{
    using C = ConfigProblem::Code;
    static const QRegularExpression space(QStringLiteral("\\s"));
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    static const QRegularExpression end(QStringLiteral("[/?#]"));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    if (url.contains(space))
        return C::UrlHasSpace;
    const QRegularExpressionMatch m = scheme.match(url);
    if (!m.hasMatch())
        return C::UrlNoScheme;
    QString authority = url.mid(m.capturedLength());
    authority = authority.left(authority.indexOf(end));
    const QString hostPort = authority.mid(authority.lastIndexOf(QLatin1Char(']')) + 1);
    const auto colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && !digits.match(hostPort.mid(colon + 1)).hasMatch())
        return C::UrlBadPort;
    if (!QUrl(url, QUrl::StrictMode).isValid())
        return C::UrlBadCharacters;
    return C::Missing; // "nothing wrong with the shape"
}

void url(QList<ConfigProblem> *out, ConfigProblem::Field field, const QString &typed, bool required)
{
    using C = ConfigProblem::Code;
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty()) {
        if (required)
            out->append(problem(field, C::Missing));
        return;
    }
    if (const C code = shape(trimmed); code != C::Missing) {
        out->append(problem(field, code, trimmed));
        return;
    }
    if (const auto why = EndpointPolicy::refusal(trimmed); why != EndpointPolicy::Refusal::None) {
        ConfigProblem p = problem(field, C::UrlRefused, trimmed);
        p.refusal = why;
        out->append(p);
    }
}

void common(QList<ConfigProblem> *out, const AccountDraft &draft)
{
    using F = ConfigProblem::Field;
    if (draft.clientId.trimmed().isEmpty())
        out->append(problem(F::ClientId, ConfigProblem::Code::Missing));
    if (draft.method != SignInMethod::Password)
        return; // browser and device: the person signs in on the server's own page
    if (draft.username.trimmed().isEmpty())
        out->append(problem(F::Username, ConfigProblem::Code::Missing));
    if (draft.passwordExpected && !draft.hasPassword)
        out->append(problem(F::Password, ConfigProblem::Code::Missing));
}

} // namespace DraftCheck
