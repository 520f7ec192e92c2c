#include "AccountText.h"
#include "ErrorText.h"

#include "TimeFormat.h"

#include <QDateTime>
#include <QLocale>

QString AccountText::name(const AccountConfig &config)
{
    return config.displayName.isEmpty() ? config.defaultName() : config.displayName;
}

QString AccountText::hostAndPort(const AccountConfig &config)
{
    const int port = config.serverUrl.port();
    if (port <= 0)
        return config.hostLabel();
    const QString host = config.hostLabel();
    return (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host)
            + QLatin1Char(':') + QString::number(port);
}

QString AccountText::stateName(SessionState state)
{
    switch (state) {
    case SessionState::SignedOut:
        return tr("Signed out");
    case SessionState::SigningIn:
        return tr("Signing in…");
    case SessionState::Active:
        return tr("Signed in");
    case SessionState::Refreshing:
        return tr("Renewing…");
    case SessionState::Backoff:
        return tr("Retrying");
    case SessionState::Offline:
        return tr("Offline");
    case SessionState::ReauthRequired:
        return tr("Sign-in needed");
    case SessionState::Revoking:
        return tr("Signing out…");
    case SessionState::ConfigError:
        return tr("Settings need attention");
    }
    return QString();
}

QString AccountText::state(const AccountSnapshot &s, qint64 nowMs)
{
    const QString base = stateName(s.state);
    if (s.state == SessionState::Backoff && s.nextRefreshMs > 0 && nowMs > 0)
        return tr("Retrying %1").arg(TimeFormat::relative(s.nextRefreshMs, nowMs));
    if (s.state == SessionState::Active && s.clockSkewSuspected)
        return tr("Signed in (the system clock looks wrong)");
    return base;
}

QString AccountText::accessExpiry(const AccountSnapshot &s, qint64 nowMs)
{
    const QString text = TimeFormat::countdown(s.accessExpiresAtMs, nowMs);
    if (s.expiryEstimated && s.accessExpiresAtMs > nowMs)
        return tr("%1 (estimated)").arg(text);
    return text;
}

QString AccountText::lastError(const AccountSnapshot &s)
{
    if (!s.lastError.isError() || s.lastError.kind == AuthError::Kind::Cancelled)
        return QString();
    // A timeout is not an unclear answer: the server said nothing at all.
    if (s.lastError.kind == AuthError::Kind::Ambiguous
        && s.lastError.code == QLatin1String("timeout"))
        return tr("The server is not answering; retrying.");
    return ErrorText::describe(s.lastError);
}

bool AccountText::waitsOnPerson(const AccountSnapshot &s)
{
    return s.state == SessionState::SigningIn && s.config.signInMethod != SignInMethod::Password;
}

QString AccountText::statusLine(const AccountSnapshot &s, qint64 nowMs, bool notAnswering)
{
    QString line;
    switch (s.state) {
    case SessionState::Active:
        if (s.clockSkewSuspected)
            line = tr("Signed in · the system clock looks wrong");
        else if (s.hasAccessToken && s.accessExpiresAtMs > 0)
            line = tr("Signed in · token expires %1")
                           .arg(TimeFormat::countdown(s.accessExpiresAtMs, nowMs));
        else
            line = tr("Signed in");
        break;
    case SessionState::SigningIn:
        if (waitsOnPerson(s)) {
            line = s.config.signInMethod == SignInMethod::Device
                    ? tr("Waiting for the code to be entered")
                    : tr("Waiting for you to sign in in the browser");
            break;
        }
        [[fallthrough]];
    case SessionState::Refreshing:
    case SessionState::Revoking:
        line = notAnswering ? tr("The server is not answering") : stateName(s.state);
        break;
    case SessionState::Backoff:
        line = s.nextRefreshMs > 0
                ? tr("Retrying %1").arg(TimeFormat::relative(s.nextRefreshMs, nowMs))
                : stateName(s.state);
        if (s.lastError.kind == AuthError::Kind::Ambiguous
            && s.lastError.code == QLatin1String("timeout"))
            line = tr("The server is not answering · %1").arg(line);
        break;
    default:
        line = stateName(s.state);
        break;
    }
    if (storageIsBlocked(s.storage) || s.storage == StorageStatus::NotPersisted)
        line += QStringLiteral(" · ") + storageShort(s.storage);
    return line;
}

QString AccountText::summaryLine(const AccountSnapshot &s, qint64 nowMs)
{
    QString line = name(s.config) + QStringLiteral(": ") + state(s, nowMs);
    if (s.hasAccessToken)
        line += tr("; access token expires %1").arg(accessExpiry(s, nowMs));
    if (s.refreshUntilMs > 0 && s.state != SessionState::SignedOut)
        line += tr("; sign-in ends %1").arg(TimeFormat::countdown(s.refreshUntilMs, nowMs));
    if (storageIsBlocked(s.storage) || s.storage == StorageStatus::NotPersisted)
        line += QStringLiteral("; ") + ErrorText::storage(s.storage);
    return line;
}

// The end of "Your session with <host> ended on <date> — ...": why, in a few plain words.
QString AccountText::reauthPhrase(const QString &code, const AuthError &error)
{
    if (code == QLatin1String("lost_rotation"))
        return tr("the connection was interrupted while the session was being renewed");
    if (code == QLatin1String("refresh_until_passed"))
        return tr("it reached its maximum lifetime");
    if (code == QLatin1String("stored_password_rejected"))
        return tr("the stored password was rejected");
    if (code == QLatin1String("no_refresh_token"))
        return tr("the server issued no refresh token");
    if (code == QLatin1String("unreadable_store"))
        return tr("the stored tokens could not be read");
    if (error.description.contains(QLatin1String("authentication failure"), Qt::CaseInsensitive))
        return tr("the server no longer accepts your credentials (password changed or "
                  "account deactivated)");
    return tr("the refresh token expired or was revoked");
}

QString AccountText::reauthReason(const AccountSnapshot &s)
{
    QString why = s.reauthCode.isEmpty() ? QString() : reauthPhrase(s.reauthCode, s.lastError);
    if (why.isEmpty() && s.lastError.isError())
        why = ErrorText::describe(s.lastError);
    if (why.isEmpty())
        why = tr("the sign-in session ended");
    const QString host = s.config.hostLabel();
    if (s.reauthSinceMs <= 0)
        return tr("Your session with %1 ended — %2").arg(host, why);
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(s.reauthSinceMs);
    const QString day = QLocale().toString(when, QStringLiteral("d MMM"));
    const QString time = QLocale().toString(when, QStringLiteral("HH:mm"));
    return tr("Your session with %1 ended on %2 at %3 — %4").arg(host, day, time, why);
}

QString AccountText::storageShort(StorageStatus status)
{
    switch (status) {
    case StorageStatus::Ok:
        return tr("Keychain");
    case StorageStatus::NotPersisted:
        return tr("Not saved");
    case StorageStatus::Locked:
        return tr("Keyring locked");
    case StorageStatus::Denied:
        return tr("Access denied");
    case StorageStatus::Unavailable:
        return tr("No keychain");
    case StorageStatus::Pending:
        return tr("Waiting for keyring");
    case StorageStatus::Unreadable:
        return tr("Unreadable");
    case StorageStatus::SessionOnly:
        return tr("This session only");
    }
    return QString();
}
