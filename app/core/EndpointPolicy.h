#pragma once

#include <QString>
#include <QUrl>

// S-01: token, revocation, introspection and discovery endpoints are https only; plain http is
// allowed only to the literal loopback addresses 127.0.0.1 and [::1] (tests, the demo server).
// Hostnames such as "localhost." or "127.0.0.1.evil.example" and encodings such as
// "0x7f.1" or "[::ffff:127.0.0.1]" are not loopback literals and are refused (M-08).
namespace EndpointPolicy {
enum class Refusal { None, Empty, Invalid, NoHost, UserInfo, Fragment, PlainHttp, Scheme };
// Why a URL may not carry secrets, or None. Use the text overload for what a person typed:
// QUrl normalises hosts such as "0x7f.1" to "127.0.0.1".
Refusal refusal(const QString &typedUrl);
Refusal refusal(const QUrl &url);
// The same verdict as one English sentence for the log and an error's evidence (empty when the
// URL is fine); the person reads ui/ErrorText's wording of the Refusal.
QString check(const QString &typedUrl);
QString check(const QUrl &url);
bool isLiteralLoopback(const QUrl &url);
} // namespace EndpointPolicy
