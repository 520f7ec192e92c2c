#include "EventText.h"

#include <QRegularExpression>

static QString failureText(const QString &code)
{
    // code: AuthError::toLogString(), e.g. "BadCredentials(invalid_grant) status=400"
    if (code.startsWith(QLatin1String("BadCredentials")))
        return EventText::tr("Wrong username or password");
    if (code.startsWith(QLatin1String("Transient")))
        return EventText::tr("The server could not be reached");
    if (code.startsWith(QLatin1String("Ambiguous(timeout")))
        return EventText::tr("The server is not answering");
    if (code.startsWith(QLatin1String("Ambiguous")))
        return EventText::tr("The server's answer was unclear");
    if (code.startsWith(QLatin1String("Config(invalid_client")))
        return EventText::tr("The client ID or client secret was rejected");
    if (code.startsWith(QLatin1String("Config")))
        return EventText::tr("The account settings need attention");
    if (code.startsWith(QLatin1String("Scope")))
        return EventText::tr("The requested scope is not allowed");
    if (code.startsWith(QLatin1String("Tls")))
        return EventText::tr("The server's certificate is not trusted");
    if (code.startsWith(QLatin1String("Redirect")))
        return EventText::tr("The endpoint redirected elsewhere");
    if (code.startsWith(QLatin1String("Offline")))
        return EventText::tr("You are offline");
    if (code.startsWith(QLatin1String("GrantDead")))
        return EventText::tr("The sign-in session has ended");
    if (code.startsWith(QLatin1String("Storage")))
        return EventText::tr("The keychain is not available");
    return EventText::tr("Something went wrong");
}

static QString storageText(const QString &id)
{
    if (id == QLatin1String("ok"))
        return EventText::tr("Read the stored sign-in from the keychain");
    if (id == QLatin1String("locked"))
        return EventText::tr("The keyring is locked");
    if (id == QLatin1String("denied"))
        return EventText::tr("The keychain refused access");
    if (id == QLatin1String("unavailable"))
        return EventText::tr("No keychain is available; tokens are kept for this session only");
    if (id == QLatin1String("pending"))
        return EventText::tr("Waiting for the keyring");
    if (id == QLatin1String("unreadable"))
        return EventText::tr("The stored sign-in could not be read");
    if (id == QLatin1String("not_persisted"))
        return EventText::tr("The sign-in is not saved in the keychain yet");
    return EventText::tr("Keychain: %1").arg(id);
}

EventText::Event EventText::describe(const QString &line)
{
    auto after = [&line](const char *prefix) { return line.mid(int(qstrlen(prefix))); };
    if (line.startsWith(QLatin1String("refreshed")))
        return {tr("Renewed the access token"), Kind::Routine};
    if (line == QLatin1String("refresh requested"))
        return {tr("Renewal requested"), Kind::Routine};
    if (line.startsWith(QLatin1String("the server rejected the access token")))
        return {tr("The server rejected the access token; renewing it"), Kind::Routine};
    if (line.startsWith(QLatin1String("retrying in "))) {
        static const QRegularExpression re(QStringLiteral("^retrying in (\\d+) s: (.*)$"));
        const QRegularExpressionMatch m = re.match(line);
        if (m.hasMatch())
            return {tr("%1; retrying in %2 s").arg(failureText(m.captured(2)), m.captured(1)),
                    Kind::Failure};
    }
    if (line == QLatin1String("signing in"))
        return {tr("Signing in"), Kind::SignIn};
    if (line.startsWith(QLatin1String("signing in again silently")))
        return {tr("Signing in again with the stored password"), Kind::SignIn};
    if (line == QLatin1String("signed in again silently"))
        return {tr("Signed in again with the stored password"), Kind::SignIn};
    if (line == QLatin1String("signed in"))
        return {tr("Signed in"), Kind::SignIn};
    if (line.startsWith(QLatin1String("sign-in failed: ")))
        return {tr("Sign-in failed: %1").arg(failureText(after("sign-in failed: "))),
                Kind::Failure};
    if (line.startsWith(QLatin1String("needs configuration: ")))
        return {failureText(after("needs configuration: ")), Kind::Failure};
    if (line.startsWith(QLatin1String("grant ended: "))) {
        const QString why = after("grant ended: ");
        // A bare protocol code ("invalid_grant") stays in the details; words are shown.
        if (why.contains(QLatin1Char(' ')))
            return {tr("The sign-in ended: %1").arg(why), Kind::Failure};
        return {tr("The sign-in ended; sign in again"), Kind::Failure};
    }
    if (line == QLatin1String("signing out"))
        return {tr("Signing out"), Kind::Revocation};
    if (line.startsWith(QLatin1String("signed out; the server confirmed")))
        return {tr("Signed out; the server confirmed the revocation"), Kind::Revocation};
    if (line.startsWith(QLatin1String("signed out here")))
        return {tr("Signed out on this computer; the server did not confirm the revocation"),
                Kind::Revocation};
    if (line.startsWith(QLatin1String("keychain: ")))
        return {storageText(after("keychain: ")), Kind::Routine};
    if (line.startsWith(QLatin1String("could not save to the keychain: ")))
        return {tr("Could not save to the keychain: %1")
                        .arg(storageText(after("could not save to the keychain: "))),
                Kind::Failure};
    if (line == QLatin1String("network is back"))
        return {tr("The network is back"), Kind::Routine};
    if (line == QLatin1String("network is down"))
        return {tr("The network is down"), Kind::Failure};
    if (line.startsWith(QLatin1String("adopting tokens refreshed elsewhere")))
        return {tr("Took over tokens renewed by another Tokenkeeper"), Kind::Routine};
    if (line.startsWith(QLatin1String("an interrupted refresh was found")))
        return {tr("An interrupted renewal was found; retrying it"), Kind::Routine};
    QString plain = line;
    if (!plain.isEmpty())
        plain[0] = plain[0].toUpper();
    return {plain, Kind::Routine, false};
}

QString EventText::stripPrefix(const QString &line, const QString &account)
{
    static const QRegularExpression stamp(QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})? "));
    QString rest = line;
    const QRegularExpressionMatch m = stamp.match(rest);
    if (m.hasMatch())
        rest = rest.mid(m.capturedLength());
    const QString prefix = account + QStringLiteral(": ");
    if (!account.isEmpty() && rest.startsWith(prefix))
        rest = rest.mid(prefix.size());
    return rest;
}
