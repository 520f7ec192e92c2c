#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>

// One challenge of a WWW-Authenticate header (RFC 7235 §4.1): a scheme plus either a token68
// or auth-params. Parameter names are lower-cased (they are case-insensitive); values are
// unquoted. Used to read RFC 6750 §3 `error="invalid_token"` / `insufficient_scope`.
struct AuthChallenge
{
    QByteArray scheme; // as sent; compare case-insensitively
    QByteArray token68;
    QMap<QByteArray, QByteArray> params; // first occurrence wins when a name repeats

    bool isValid() const { return !scheme.isEmpty(); }
    bool isScheme(const QByteArray &name) const
    {
        return scheme.compare(name, Qt::CaseInsensitive) == 0;
    }
    QByteArray param(const QByteArray &name) const { return params.value(name.toLower()); }
};

namespace WwwAuthenticate {
// Every challenge in the header value, in order; garbage is skipped, never crashes.
QList<AuthChallenge> parseAll(const QByteArray &value);
// The Bearer challenge when there is one, else the first challenge (invalid when none).
AuthChallenge parse(const QByteArray &value);
} // namespace WwwAuthenticate

inline AuthChallenge parseWwwAuthenticate(const QByteArray &value)
{
    return WwwAuthenticate::parse(value);
}
