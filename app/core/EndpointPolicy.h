#pragma once

#include <QString>
#include <QUrl>

// S-01: token, revocation, introspection and discovery endpoints are https only; plain http is
// allowed only to the literal loopback addresses 127.0.0.1 and [::1] (tests, the demo server).
// Hostnames such as "localhost." or "127.0.0.1.evil.example" and encodings such as
// "0x7f.1" or "[::ffff:127.0.0.1]" are not loopback literals and are refused (M-08).
namespace EndpointPolicy {
// Empty when the URL may carry secrets; otherwise one sentence saying why not. Use the text
// overload for what a person typed: QUrl normalises hosts such as "0x7f.1" to "127.0.0.1".
QString check(const QString &typedUrl);
QString check(const QUrl &url);
bool isLiteralLoopback(const QUrl &url);
} // namespace EndpointPolicy
