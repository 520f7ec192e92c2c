#pragma once

#include "TokenSet.h"

#include <QByteArray>
#include <QString>

// The one keychain item per account (S-17): a versioned JSON object holding the whole token set,
// its generation and the storage key it was written for, so access and refresh token can never
// be torn apart. Decoding is strict: anything but a well-formed v1 blob is an error value
// (M-50: Unreadable), never a crash and never a half-filled TokenSet.
//   {"v":1,"at":b64,"rt":b64,"tt":"Bearer","exp":ms,"est":bool,"ru":ms,"iss_at":ms,
//    "scope":"..","inst":"..","id":"..","gen":n,"key":".."}
class TokenBlob
{
public:
    static constexpr int kVersion = 1;

    enum class Error {
        None,
        Empty, // 0 bytes
        NotJson, // truncated or not JSON at all
        NotObject, // JSON, but not an object
        UnknownVersion, // "v" missing, not an integer, or not 1
        MissingField,
        WrongType, // a field has the wrong JSON type or an invalid value
        NoTokens, // neither an access nor a refresh token
    };

    TokenSet tokens;
    quint64 generation = 0;
    QString storageKey;

    static QByteArray encode(const TokenSet &tokens, quint64 generation, const QString &storageKey);
    // On failure returns the error, leaves `out` untouched and, if given, names the field.
    static Error decode(const QByteArray &bytes, TokenBlob *out, QString *detail = nullptr);
    static QString errorName(Error error); // "empty", "not_json", ... (no secret material)
};
