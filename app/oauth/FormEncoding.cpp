#include "FormEncoding.h"

namespace FormEncoding {

QByteArray encodeComponent(const QByteArray &raw)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(raw.size() * 3);
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*'
            || c == '-' || c == '.' || c == '_') {
            out += char(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

QByteArray encode(const Fields &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        if (!out.isEmpty())
            out += '&';
        out += encodeComponent(field.first) + '=' + encodeComponent(field.second);
    }
    return out;
}

QByteArray basicAuthorization(const QByteArray &clientId, const QByteArray &secret)
{
    const QByteArray pair = encodeComponent(clientId) + ':' + encodeComponent(secret);
    return QByteArrayLiteral("Basic ") + pair.toBase64();
}

} // namespace FormEncoding
