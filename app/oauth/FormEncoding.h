#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// application/x-www-form-urlencoded exactly as the WHATWG URL standard serialises it (space as
// '+', everything but ALPHA / DIGIT / "*-._" percent-encoded), and RFC 6749 §2.3.1 HTTP Basic
// client authentication, where id and secret are form-encoded *before* base64 (a classic bug).
namespace FormEncoding {
using Fields = QList<QPair<QByteArray, QByteArray>>;
QByteArray encodeComponent(const QByteArray &raw);
QByteArray encode(const Fields &fields); // "a=1&b=2", in the given order
QByteArray basicAuthorization(const QByteArray &clientId, const QByteArray &secret);
} // namespace FormEncoding
