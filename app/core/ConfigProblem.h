#pragma once

#include "AccountConfig.h"
#include "EndpointPolicy.h"

#include <QList>
#include <QString>

// What a person typed for an account, before it becomes an AccountConfig: the login dialog and
// `tokenctl add` both fill one and hand it to the dialect's validate(), so that the same rules
// (and, through ui/ErrorText, the same sentences) apply wherever an account is made. URLs stay
// text: QUrl would normalise "0x7f.1" to 127.0.0.1 and hide a space.
struct AccountDraft
{
    Dialect dialect = Dialect::Generic;
    SignInMethod method = SignInMethod::Password;
    QString server;
    bool manualEndpoints = false; // generic: endpoints by hand instead of discovery
    QString tokenEndpoint;
    QString revocationEndpoint;
    QString clientId;
    bool hasClientSecret = false;
    QString username;
    bool hasPassword = false;
    bool passwordExpected = true; // false for `tokenctl add`, which signs in later
    QString scope;

    // A stored account as if typed again (no password at hand): to re-check a configuration.
    static AccountDraft from(const AccountConfig &config);
};

// One thing wrong with a draft: which field and what, as codes. The sentence for the person is
// ui/ErrorText's configProblem(); the engine never words it.
struct ConfigProblem
{
    enum class Field {
        Server,
        TokenEndpoint,
        RevocationEndpoint,
        ClientId,
        ClientSecret,
        Username,
        Password,
        Scope,
        Method
    };
    enum class Code {
        Missing,
        UrlHasSpace,
        UrlNoScheme, // "auth.example.com" or "htps//…"
        UrlBadPort,
        UrlBadCharacters,
        UrlRefused, // EndpointPolicy says no; `refusal` says why
        ScopeGrammar,
        MethodUnsupported // e.g. Venafi TPP has no browser sign-in
    };
    Field field = Field::Server;
    Code code = Code::Missing;
    EndpointPolicy::Refusal refusal = EndpointPolicy::Refusal::None;
    QString typed; // the text the problem is about (a URL as typed), for the sentence

    bool operator==(const ConfigProblem &o) const
    {
        return field == o.field && code == o.code && refusal == o.refusal;
    }
};

namespace DraftCheck {
// The URL rules every dialect shares: words-free codes for spaces, a missing scheme, a bad port,
// characters a URL cannot hold, then EndpointPolicy (S-01). Appends nothing when the URL is fine
// or empty and not required.
void url(QList<ConfigProblem> *out, ConfigProblem::Field field, const QString &typed,
         bool required);
// client id, and the username and password when the method asks for them here.
void common(QList<ConfigProblem> *out, const AccountDraft &draft);
} // namespace DraftCheck
