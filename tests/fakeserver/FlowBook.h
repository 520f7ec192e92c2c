#pragma once

#include "AccountConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>

// The interactive sign-in flows' server-side state, without HTTP: authorization requests waiting
// at the consent page, one-time authorization codes (PKCE S256) and RFC 8628 device codes.
struct FakeAuthRequest
{
    QByteArray id; // the consent form's hidden request_id
    Dialect dialect = Dialect::Generic;
    QString clientId, redirectUri, scope, state, challenge, nonce;
};

struct FakeAuthCode
{
    QByteArray code;
    Dialect dialect = Dialect::Generic;
    QString clientId, redirectUri, scope, username, challenge, nonce;
    qint64 expiresMs = 0;
    bool used = false;
    int grantId = 0; // the grant its exchange created
};

struct FakeDeviceCode
{
    enum class Status { Pending, Approved, Denied, Done };
    QByteArray deviceCode;
    QString userCode; // "BCDF-GHJK"
    Dialect dialect = Dialect::Generic;
    QString clientId, scope, username;
    qint64 expiresMs = 0;
    int intervalSecs = 5; // grows by 5 with every slow_down
    qint64 lastPollMs = -1;
    int polls = 0;
    int pendingAnswers = 0; // polls answered authorization_pending
    Status status = Status::Pending;
    int serial = 0; // creation order
};

class FlowBook
{
public:
    FakeAuthRequest &addRequest(FakeAuthRequest request); // assigns the id
    FakeAuthRequest *request(const QByteArray &id);
    void dropRequest(const QByteArray &id);

    FakeAuthCode &issueCode(const FakeAuthRequest &request, const QString &username,
                            qint64 expiresMs);
    FakeAuthCode *code(const QByteArray &code);
    QByteArray lastCode() const { return m_lastCode; }

    FakeDeviceCode &addDevice(Dialect dialect, const QString &clientId, const QString &scope,
                              qint64 expiresMs, int intervalSecs);
    FakeDeviceCode *device(const QByteArray &deviceCode);
    FakeDeviceCode *deviceByUserCode(const QString &userCode); // case and '-' insensitive
    QList<FakeDeviceCode *> devices();

    static bool verifierWellFormed(const QString &verifier); // RFC 7636 §4.1
    static QString s256(const QString &verifier); // BASE64URL(SHA256(verifier)), no padding
    static QString normalizeUserCode(const QString &userCode);

private:
    std::map<QByteArray, FakeAuthRequest> m_requests;
    std::map<QByteArray, FakeAuthCode> m_codes;
    std::map<QByteArray, FakeDeviceCode> m_devices;
    QByteArray m_lastCode;
    int m_serial = 0;
};
