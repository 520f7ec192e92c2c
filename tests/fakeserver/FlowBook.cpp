#include "FlowBook.h"

#include "FakeHttp.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

FakeAuthRequest &FlowBook::addRequest(FakeAuthRequest request)
{
    request.id = FakeHttp::randomHex(16);
    return m_requests[request.id] = request;
}

FakeAuthRequest *FlowBook::request(const QByteArray &id)
{
    const auto it = m_requests.find(id);
    return it == m_requests.end() ? nullptr : &it->second;
}

void FlowBook::dropRequest(const QByteArray &id)
{
    m_requests.erase(id);
}

FakeAuthCode &FlowBook::issueCode(const FakeAuthRequest &request, const QString &username,
                                  qint64 expiresMs)
{
    FakeAuthCode c;
    c.code = "code-" + FakeHttp::randomHex(16);
    c.dialect = request.dialect;
    c.clientId = request.clientId;
    c.redirectUri = request.redirectUri;
    c.scope = request.scope;
    c.username = username;
    c.challenge = request.challenge;
    c.nonce = request.nonce;
    c.expiresMs = expiresMs;
    m_lastCode = c.code;
    return m_codes[c.code] = c;
}

FakeAuthCode *FlowBook::code(const QByteArray &code)
{
    const auto it = m_codes.find(code);
    return it == m_codes.end() ? nullptr : &it->second;
}

FakeDeviceCode &FlowBook::addDevice(Dialect dialect, const QString &clientId, const QString &scope,
                                    qint64 expiresMs, int intervalSecs)
{
    static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ"; // RFC 8628 §6.1: no vowels
    FakeDeviceCode d;
    do {
        QString code;
        for (int i = 0; i < 8; ++i) {
            if (i == 4)
                code += QLatin1Char('-');
            code += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(20)]);
        }
        d.userCode = code;
    } while (deviceByUserCode(d.userCode));
    d.deviceCode = "device-" + FakeHttp::randomHex(16);
    d.dialect = dialect;
    d.clientId = clientId;
    d.scope = scope;
    d.expiresMs = expiresMs;
    d.intervalSecs = intervalSecs;
    d.serial = ++m_serial;
    return m_devices[d.deviceCode] = d;
}

FakeDeviceCode *FlowBook::device(const QByteArray &deviceCode)
{
    const auto it = m_devices.find(deviceCode);
    return it == m_devices.end() ? nullptr : &it->second;
}

FakeDeviceCode *FlowBook::deviceByUserCode(const QString &userCode)
{
    const QString wanted = normalizeUserCode(userCode);
    for (auto &entry : m_devices) {
        if (!wanted.isEmpty() && normalizeUserCode(entry.second.userCode) == wanted)
            return &entry.second;
    }
    return nullptr;
}

QList<FakeDeviceCode *> FlowBook::devices()
{
    QList<FakeDeviceCode *> out;
    for (auto &entry : m_devices)
        out.append(&entry.second);
    return out;
}

bool FlowBook::verifierWellFormed(const QString &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (const QChar c : verifier) {
        const bool ok = (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
                || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('~');
        if (!ok)
            return false;
    }
    return true;
}

QString FlowBook::s256(const QString &verifier)
{
    const QByteArray digest =
            QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
            digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString FlowBook::normalizeUserCode(const QString &userCode)
{
    QString out;
    for (const QChar c : userCode) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}
