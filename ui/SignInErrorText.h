#pragma once

#include "AccountConfig.h"
#include "AuthError.h"

#include <QCoreApplication>

// Turns a failed sign-in into what the person should do about it, told apart by cause: wrong
// username or password, server unreachable, certificate problem (host + fingerprint), client or
// configuration problem, scope not allowed. Never raw HTTP text, never a token (I-6).
class SignInErrorText
{
    Q_DECLARE_TR_FUNCTIONS(SignInErrorText)
public:
    enum class Category {
        None,
        Credentials,
        Unreachable,
        Certificate,
        Configuration,
        Scope,
        Other
    };

    static Category category(const AuthError &error);
    // `dialect` picks the words of the form: Salesforce says "consumer key/secret".
    static QString message(const AuthError &error, const QString &host, const QString &scope,
                           Dialect dialect = Dialect::Generic);
    // "host=a.example sha256=AB:CD..." -> value of `key` (empty if absent).
    static QString detailValue(const QString &detail, const QString &key);
};
