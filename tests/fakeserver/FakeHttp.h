#pragma once

#include "FakeAuthServer.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

// Small request-reading helpers shared by the three dialects' endpoint classes.
namespace FakeHttp {

bool isForm(const FakeRequest &request); // application/x-www-form-urlencoded
bool isJson(const FakeRequest &request); // application/json
// Form fields (body or query); values decoded ('+' is a space). Repeated names: the first wins.
QHash<QString, QString> parseForm(const QByteArray &encoded);
bool parseJsonObject(const QByteArray &body, QJsonObject *out);
// "Authorization: Bearer x" (or Salesforce's legacy "OAuth x"); empty when absent.
QByteArray bearerToken(const FakeRequest &request, bool acceptOAuthScheme = false);
// RFC 6749 §2.3.1: Basic with each part form-urlencoded before base64. Returns false when there
// is no Basic header; sets *malformed when there is one that cannot be decoded.
bool basicCredentials(const FakeRequest &request, QString *id, QString *secret, bool *malformed);
// Client credentials from Basic (preferred) or the form's client_id/client_secret.
struct ClientCredentials
{
    QString id;
    QString secret;
    bool viaBasic = false;
    bool malformed = false; // an undecodable Basic header
    bool twoMethods = false; // Basic and a body client_secret at once (RFC 6749 §2.3)
};
ClientCredentials clientCredentials(const FakeRequest &request,
                                    const QHash<QString, QString> &form);
// Space-separated scopes: every requested one must be in `allowed` (empty `allowed` = anything).
bool spaceScopeAllowed(const QString &requested, const QString &allowed);
QByteArray randomHex(int bytes);
qint64 secs(qint64 ms); // ms -> whole seconds (floor)

} // namespace FakeHttp
