#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

enum class Dialect { Venafi, Salesforce, Generic };

QString dialectId(Dialect d); // "venafi", "salesforce", "generic" (settings and storage keys)
QString dialectDisplayName(Dialect d); // "Venafi TPP", ...
bool dialectFromId(const QString &id, Dialect *out);

// How the person signs in (architecture.md, "Sign-in methods"): the browser (authorization code
// + PKCE, RFC 8252 loopback), a device code (RFC 8628), or the password grant.
enum class SignInMethod { Password, Browser, Device };
QString signInMethodId(SignInMethod m); // "password", "browser", "device"
bool signInMethodFromId(const QString &id, SignInMethod *out);

// Non-secret configuration of one account. This is everything that may live in QSettings.
struct AccountConfig
{
    QString id; // stable local identifier (uuid without braces)
    QString displayName;
    Dialect dialect = Dialect::Generic;
    QUrl serverUrl; // Venafi base URL, Salesforce login host, generic issuer
    QUrl tokenEndpoint; // generic: discovered or entered by hand (empty: discover)
    QUrl revocationEndpoint; // generic: optional
    QUrl introspectionEndpoint; // generic/Salesforce: optional
    QUrl authorizationEndpoint; // generic: discovered (browser sign-in)
    QUrl deviceAuthorizationEndpoint; // generic: discovered (device sign-in)
    bool issuerInRedirect = false; // generic: RFC 9207 `iss` announced, so it is required
    SignInMethod signInMethod = SignInMethod::Password;
    QString clientId;
    QString username;
    QString scope;
    bool hasClientSecret = false; // a secret is kept in the keychain (confidential client)
    // How a confidential client authenticates at the token, revocation and introspection
    // endpoints: "client_secret_basic" (RFC 6749 §2.3.1 default) or "client_secret_post". Empty:
    // what discovery advertised, else basic. The same method for every request of the account.
    QString clientAuthMethod;
    bool rememberCredentials = false; // opt-in: stored password for silent re-sign-in (S-15b)
    int assumedSessionSeconds = 7200; // Salesforce: the session timeout when unknown
    // Part of the keychain key of an account without a user name (browser and device sign-in:
    // whoever signs in on the server's page), set once when it is added, so that two such
    // accounts with the same client at the same server keep their own tokens. Empty for
    // accounts added before it existed and for those with a user name.
    QString keyTag;

    // The keychain key. It includes every identity-bearing field so that a changed server,
    // client or user never receives tokens issued to another one (M-61).
    QString storageKey() const;
    QString hostLabel() const; // "venafi.example.com" for messages
    // The name of an account nobody named: "alice@venafi.example.com", or the host alone for
    // an account without a user name (browser and device sign-in).
    QString defaultName() const;
    // Whether `other` is the same grant's owner: same dialect, client, user and every endpoint
    // that receives a secret (server, token, revocation, introspection). Editing any of them is
    // an identity change (M-61): the old grant is revoked, never sent to the new endpoint. A
    // trailing "/" or the scheme's default port does not change the server (but does change
    // storageKey(): the account keeps the URL it was first written with).
    bool sameIdentity(const AccountConfig &other) const;
    // Whether `other` signs in as the same user with the same client at the same server (a
    // trailing "/" or the scheme's default port is not another server; keyTag is ignored).
    // Two such accounts with a user name would share their keychain items: only one may exist.
    bool sharesSignInWith(const AccountConfig &other) const;
};

// Secrets the person typed. Never copied into AccountConfig or QSettings.
struct Credentials
{
    QByteArray password;
    QByteArray clientSecret;
    bool isEmpty() const { return password.isEmpty() && clientSecret.isEmpty(); }
    void wipe();
};
