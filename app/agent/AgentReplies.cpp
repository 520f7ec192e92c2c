#include "AgentReplies.h"

#include "AuthError.h"
#include "ErrorCodes.h"
#include "SessionTypes.h"

#include <QCoreApplication>

namespace AgentReplies {

static Describer &describer()
{
    static Describer d;
    return d;
}

void setDescriber(Describer d)
{
    describer() = std::move(d);
}

QString describe(const AuthError &e)
{
    return describer() ? describer()(e) : e.toLogString();
}

static ProblemDescriber &problemDescriber()
{
    static ProblemDescriber d;
    return d;
}

void setProblemDescriber(ProblemDescriber d)
{
    problemDescriber() = std::move(d);
}

QString describe(const ConfigProblem &p, Dialect dialect)
{
    if (problemDescriber())
        return problemDescriber()(p, dialect);
    return QStringLiteral("field %1: problem %2")
            .arg(static_cast<int>(p.field))
            .arg(static_cast<int>(p.code));
}

tkwire::WireMessage ok()
{
    tkwire::WireMessage m;
    m.set("status", "ok");
    return m;
}

tkwire::WireMessage error(const char *code, const QString &message)
{
    tkwire::WireMessage m;
    m.set("status", "error");
    m.set("code", code);
    m.set("message", message.toStdString());
    return m;
}

tkwire::WireMessage error(const QString &code, const QString &message)
{
    return error(code.toUtf8().constData(), message);
}

void set(tkwire::WireMessage *m, const char *key, const QString &value)
{
    m->set(key, value.toStdString());
}

static ReauthDescriber &reauthDescriber()
{
    static ReauthDescriber d;
    return d;
}

void setReauthDescriber(ReauthDescriber d)
{
    reauthDescriber() = std::move(d);
}

static tkwire::WireMessage signInNeeded(const AccountSnapshot &s)
{
    const QString host = s.config.hostLabel();
    // Why, in words where the desktop gave us its table ("it reached its maximum lifetime").
    const QString words = s.reauthCode.isEmpty() ? QString()
            : reauthDescriber()                  ? reauthDescriber()(s)
                                                 : s.reauthCode;
    QString why = words.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(words);
    return error(tkwire::code::kSignInRequired,
                 QCoreApplication::translate(
                         "AgentReplies",
                         "sign-in needed for %1 at %2%3: use Tokenkeeper's sign-in (tray) or "
                         "tokenctl login")
                         .arg(s.config.displayName, host, why));
}

static tkwire::WireMessage keychainLocked(const AccountSnapshot &s)
{
    return error(tkwire::code::kKeychainLocked,
                 QCoreApplication::translate(
                         "AgentReplies",
                         "the keychain is locked or unavailable (%1): unlock it, then try again")
                         .arg(storageStatusId(s.storage)));
}

tkwire::WireMessage fromAuthError(const AuthError &e, const AccountSnapshot &s)
{
    switch (e.kind) {
    case AuthError::Kind::None:
        return ok();
    case AuthError::Kind::GrantDead:
    case AuthError::Kind::BadCredentials:
        if (e.kind == AuthError::Kind::BadCredentials)
            return error(tkwire::code::kSignInRequired, describe(e));
        return signInNeeded(s);
    case AuthError::Kind::Storage:
        return keychainLocked(s);
    case AuthError::Kind::Transient:
    case AuthError::Kind::Ambiguous:
    case AuthError::Kind::Offline:
        return error(tkwire::code::kOffline,
                     QCoreApplication::translate(
                             "AgentReplies",
                             "%1 cannot be reached right now (%2); Tokenkeeper retries on its own, "
                             "try again later")
                             .arg(s.config.hostLabel(), e.toLogString()));
    case AuthError::Kind::Cancelled:
        return error(
                tkwire::code::kSignInRequired,
                QCoreApplication::translate("AgentReplies", "the account is being signed out"));
    case AuthError::Kind::Config:
    case AuthError::Kind::Scope:
    case AuthError::Kind::Tls:
    case AuthError::Kind::Redirect:
        return error(tkwire::code::kConfig,
                     QCoreApplication::translate("AgentReplies",
                                                 "%1: %2 (fix the account in Tokenkeeper)")
                             .arg(s.config.displayName, describe(e)));
    case AuthError::Kind::AccessTokenRejected:
    case AuthError::Kind::InsufficientScope:
        break;
    }
    return error(tkwire::code::kInternal, describe(e));
}

tkwire::WireMessage fromSignInError(const AuthError &e, const AccountSnapshot &s)
{
    const QString host = s.config.hostLabel();
    if (e.code == QLatin1String("access_denied")) {
        tkwire::WireMessage m = error(tkwire::code::kDenied,
                                      QCoreApplication::translate("AgentReplies", "%1 at %2: %3")
                                              .arg(s.config.displayName, host, describe(e)));
        m.set("denied_by", "server");
        return m;
    }
    if (e.kind == AuthError::Kind::Cancelled || e.kind == AuthError::Kind::BadCredentials)
        return error(tkwire::code::kSignInRequired,
                     QCoreApplication::translate("AgentReplies", "%1 at %2: %3")
                             .arg(s.config.displayName, host, describe(e)));
    return fromAuthError(e, s);
}

tkwire::WireMessage fromState(const AccountSnapshot &s)
{
    switch (s.state) {
    case SessionState::SignedOut:
    case SessionState::ReauthRequired:
        if (s.storage == StorageStatus::Locked || s.storage == StorageStatus::Denied
            || s.storage == StorageStatus::Pending)
            return keychainLocked(s);
        return signInNeeded(s);
    case SessionState::Revoking:
        return error(
                tkwire::code::kSignInRequired,
                QCoreApplication::translate("AgentReplies", "the account is being signed out"));
    case SessionState::ConfigError:
        return fromAuthError(s.lastError.isError() ? s.lastError
                                                   : AuthError(AuthError::Kind::Config,
                                                               QStringLiteral("config_error")),
                             s);
    default:
        break;
    }
    return tkwire::WireMessage();
}

} // namespace AgentReplies
