#pragma once

#include "WireMessage.h"

#include <functional>
#include <QList>
#include <QString>
#include <QUrl>

class AccountSession;

// Resolves what a caller names as ACCOUNT: an account id, a display name, or a URL (the
// account whose server or token endpoint host matches; the longest matching path prefix wins).
// Ambiguity is an error that lists the candidates, never a guess.
class AccountMatcher
{
public:
    struct Result
    {
        AccountSession *session = nullptr;
        QString code; // tkwire error code when session is null ("not_found", "ambiguous")
        QString message;
    };

    static Result byName(const QList<AccountSession *> &sessions, const QString &nameOrId);
    static Result byUrl(const QList<AccountSession *> &sessions, const QUrl &url);

    // The account a request names ("account" or "url"); null after replying with the error.
    static AccountSession *resolve(const QList<AccountSession *> &sessions,
                                   const tkwire::WireMessage &request,
                                   const std::function<void(const tkwire::WireMessage &)> &reply);

    // -1: no match; otherwise higher is more specific.
    static int urlScore(const QUrl &account, const QUrl &wanted);
};
