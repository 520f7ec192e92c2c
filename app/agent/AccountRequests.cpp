#include "AccountRequests.h"

#include "AccountMatcher.h"
#include "AccountSession.h"
#include "AgentLog.h"
#include "AgentReplies.h"
#include "Clock.h"
#include "ErrorCodes.h"
#include "OAuthDialect.h"
#include "PeerIdentity.h"
#include "SessionManager.h"
#include "TerminalSignIn.h"
#include "TokenHandout.h"

#include <QPointer>
#include <QTimer>

#include <memory>

using tkwire::WireMessage;
namespace R = AgentReplies;

// Why the engine refused to add `config` or to make an account of it (SessionManager answers
// nullptr): another account signs in as that user with that client at that server (the two
// would share one keychain item and one grant). Accounts from before that rule may be such pairs.
static QString refusal(const SessionManager *manager, const AccountConfig &config)
{
    const AccountSession *twin = manager->accountSigningInAs(config);
    if (!twin)
        return AccountRequests::tr("the account was not added");
    const AccountConfig c = twin->config();
    return AccountRequests::tr("\"%1\" already signs in as %2 with client %3 at %4; use it "
                               "(tokenctl login \"%1\") or choose another --user or --client-id")
            .arg(c.displayName, c.username, c.clientId,
                 c.serverUrl.toDisplayString(QUrl::RemoveUserInfo));
}

static QString str(const WireMessage &m, const char *key)
{
    return QString::fromStdString(m.get(key));
}

AccountRequests::AccountRequests(SessionManager *manager, const Clock *clock, QObject *parent)
    : QObject(parent), m_manager(manager), m_clock(clock ? clock : SystemClock::instance())
{ }

AccountRequests::~AccountRequests()
{
    for (QByteArray &secret : m_pendingClientSecrets)
        secret.fill('\0');
}

void AccountRequests::log(AccountSession *session, const QString &line)
{
    qCInfo(lcAgent).noquote() << (session ? session->id() : QString()) << line;
    Q_EMIT logEvent(session ? session->config().displayName : QString(), line);
}

void AccountRequests::login(const WireMessage &request, const Reply &reply)
{
    AccountSession *session = AccountMatcher::resolve(m_manager->sessions(), request, reply);
    if (!session)
        return;
    if (!request.has("password")) {
        openDialog(session,
                   tr("the sign-in dialog for %1 is open in Tokenkeeper")
                           .arg(session->config().displayName),
                   reply);
        return;
    }
    Credentials credentials;
    credentials.password = QByteArray::fromStdString(request.get("password"));
    credentials.clientSecret = QByteArray::fromStdString(request.get("client_secret"));
    if (credentials.clientSecret.isEmpty() && m_pendingClientSecrets.contains(session->id()))
        credentials.clientSecret = m_pendingClientSecrets.take(session->id());
    const AccountConfig config = session->config();
    if (config.dialect == Dialect::Generic && config.tokenEndpoint.isEmpty()) {
        // As the dialog does: discover the endpoints first (RFC 8414), then sign in.
        const QString id = session->id();
        auto held = std::make_shared<Credentials>(credentials); // one copy, wiped after use
        m_manager->discover(
                config,
                [this, id, held, reply](const AccountConfig &resolved, const AuthError &error) {
                    Credentials &c = *held;
                    AccountSession *target = m_manager->session(id);
                    if (error || !target) {
                        c.wipe();
                        reply(error ? R::fromAuthError(
                                      error, target ? target->snapshot() : AccountSnapshot())
                                    : R::error(tkwire::code::kNotFound,
                                               tr("the account was removed")));
                        return;
                    }
                    if (AccountSession *updated = m_manager->updateAccount(resolved))
                        signInWith(updated, c, reply);
                    else
                        reply(R::error(tkwire::code::kInvalid, refusal(m_manager, resolved)));
                    c.wipe();
                });
        credentials.wipe();
        return;
    }
    signInWith(session, credentials, reply);
    credentials.wipe();
}

void AccountRequests::openDialog(AccountSession *session, const QString &message,
                                 const Reply &reply)
{
    Q_EMIT dialogRequested(session->id());
    WireMessage m = R::ok();
    m.set("dialog", "1");
    R::set(&m, "message", message);
    reply(m);
}

void AccountRequests::loginHere(AccountSession *session, const WireMessage &request,
                                const Reply &reply, const Reply &progress, QObject *client)
{
    if (!progress) {
        reply(R::error(tkwire::code::kBadRequest,
                       tr("a sign-in from the terminal needs progress frames (progress=1)")));
        return;
    }
    const AccountConfig config = session->config();
    if (config.signInMethod == SignInMethod::Password) {
        if (request.get("fallback") == "dialog") {
            openDialog(session,
                       tr("%1 signs in with a password: the sign-in dialog is open in "
                          "Tokenkeeper (or use tokenctl login --password-stdin)")
                               .arg(config.displayName),
                       reply);
            return;
        }
        reply(R::error(tkwire::code::kInvalid,
                       tr("%1 signs in with a password: use --password-stdin, or --dialog")
                               .arg(config.displayName)));
        return;
    }
    Credentials credentials;
    if (m_pendingClientSecrets.contains(session->id()))
        credentials.clientSecret = m_pendingClientSecrets.take(session->id());
    if (config.dialect == Dialect::Generic && config.tokenEndpoint.isEmpty()) {
        // As the dialog does: discover the endpoints first (RFC 8414), then sign in.
        const QString id = session->id();
        auto held = std::make_shared<Credentials>(credentials);
        credentials.wipe();
        const QPointer<QObject> connection(client);
        const bool hadClient = client != nullptr;
        m_manager->discover(
                config,
                [this, id, held, reply, progress, connection,
                 hadClient](const AccountConfig &resolved, const AuthError &error) {
                    if (hadClient && !connection) {
                        held->wipe(); // the client went away meanwhile
                        return;
                    }
                    AccountSession *target = m_manager->session(id);
                    if (error || !target) {
                        held->wipe();
                        reply(error ? R::fromAuthError(
                                      error, target ? target->snapshot() : AccountSnapshot())
                                    : R::error(tkwire::code::kNotFound,
                                               tr("the account was removed")));
                        return;
                    }
                    if (AccountSession *updated = m_manager->updateAccount(resolved))
                        runHere(updated, *held, reply, progress, connection.data());
                    else
                        reply(R::error(tkwire::code::kInvalid, refusal(m_manager, resolved)));
                    held->wipe();
                });
        return;
    }
    runHere(session, credentials, reply, progress, client);
    credentials.wipe();
}

void AccountRequests::runHere(AccountSession *session, Credentials credentials, const Reply &reply,
                              const Reply &progress, QObject *client)
{
    auto *job = new TerminalSignIn(session, m_clock, credentials, progress, reply, client,
                                   m_answerTimeoutMs, this);
    credentials.wipe();
    connect(job, &TerminalSignIn::logEvent, this, &AccountRequests::log);
    job->start();
}

void AccountRequests::signInWith(AccountSession *session, Credentials credentials,
                                 const Reply &reply)
{
    if (!TokenHandout::isLoaded(session)) {
        // A session just added (or replaced after discovery) is still reading its store: sign
        // in once it knows whether the keychain works (else: "this session only").
        struct Wait
        {
            Credentials credentials;
            QMetaObject::Connection changed, destroyed;
            QTimer timer;
            bool over = false;
        };
        auto wait = std::make_shared<Wait>();
        wait->credentials = credentials;
        credentials.wipe();
        const QPointer<AccountSession> guard(session);
        auto finish = [wait](bool) {
            wait->over = true;
            QObject::disconnect(wait->changed);
            QObject::disconnect(wait->destroyed);
            wait->timer.stop();
        };
        wait->changed = connect(session, &AccountSession::changed, this,
                                [this, wait, guard, reply, finish] {
                                    if (wait->over || !guard || !TokenHandout::isLoaded(guard))
                                        return;
                                    finish(true);
                                    signInWith(guard, wait->credentials, reply);
                                    wait->credentials.wipe();
                                });
        wait->destroyed = connect(session, &QObject::destroyed, this, [wait, reply, finish] {
            if (wait->over)
                return;
            finish(false);
            wait->credentials.wipe();
            reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
        });
        wait->timer.setSingleShot(true);
        connect(&wait->timer, &QTimer::timeout, this, [wait, reply, finish] {
            if (wait->over)
                return;
            finish(false);
            wait->credentials.wipe();
            reply(R::error(tkwire::code::kKeychainLocked,
                           tr("the keychain did not answer; unlock it, then try again")));
        });
        wait->timer.start(m_answerTimeoutMs);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const QPointer<AccountSession> guard(session);
    auto done = [connection, answered, timer, guard, reply](const AuthError &error) {
        if (*answered)
            return;
        *answered = true;
        QObject::disconnect(*connection);
        timer->stop();
        timer->deleteLater();
        if (!guard) {
            reply(R::error(tkwire::code::kNotFound, tr("the account was removed")));
            return;
        }
        reply(error ? R::fromAuthError(error, guard->snapshot()) : R::ok());
    };
    *connection = connect(session, &AccountSession::signInFinished, this, done);
    connect(timer, &QTimer::timeout, this,
            [done] { done(AuthError(AuthError::Kind::Transient, QStringLiteral("timeout"))); });
    timer->start(m_answerTimeoutMs);
    log(session, tr("sign-in requested by tokenctl (password from stdin)"));
    session->signIn(credentials);
    credentials.wipe();
}

void AccountRequests::revoke(const WireMessage &request, const PeerIdentity &peer,
                             const Reply &reply)
{
    AccountSession *session = AccountMatcher::resolve(m_manager->sessions(), request, reply);
    if (!session)
        return;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(session, &AccountSession::revokeFinished, this,
                          [connection, reply](bool confirmed, const AuthError &problem) {
                              const QString message =
                                      problem.isError() ? R::describe(problem) : QString();
                              QObject::disconnect(*connection);
                              WireMessage m = R::ok();
                              m.set("confirmed", confirmed ? "1" : "0");
                              R::set(&m, "message", message);
                              reply(m);
                          });
    log(session, tr("revoke requested by %1").arg(peer.describe()));
    session->revoke();
}

// The tokenctl option a validation problem is about.
static QString optionFor(ConfigProblem::Field field)
{
    using F = ConfigProblem::Field;
    switch (field) {
    case F::Server:
    case F::TokenEndpoint:
    case F::RevocationEndpoint:
        return QStringLiteral("--server");
    case F::ClientId:
        return QStringLiteral("--client-id");
    case F::ClientSecret:
        return QStringLiteral("--client-secret-stdin");
    case F::Username:
    case F::Password:
        return QStringLiteral("--user");
    case F::Scope:
        return QStringLiteral("--scope");
    case F::Method:
        break;
    }
    return QStringLiteral("--method");
}

void AccountRequests::add(const WireMessage &request, const PeerIdentity &peer, const Reply &reply)
{
    AccountConfig c;
    if (!dialectFromId(str(request, "dialect"), &c.dialect)) {
        reply(R::error(tkwire::code::kInvalid,
                       tr("--dialect must be venafi, salesforce or generic")));
        return;
    }
    const QString method = str(request, "method");
    if (!method.isEmpty() && !signInMethodFromId(method, &c.signInMethod)) {
        reply(R::error(tkwire::code::kInvalid, tr("--method must be browser, device or password")));
        return;
    }
    // The dialog's rules and sentences (the dialect's validate(), worded by the desktop).
    AccountDraft draft;
    draft.dialect = c.dialect;
    draft.method = c.signInMethod;
    draft.server = str(request, "server");
    draft.clientId = str(request, "client_id");
    draft.username = str(request, "user");
    draft.scope = str(request, "scope");
    const QByteArray secret = QByteArray::fromStdString(request.get("client_secret"));
    draft.hasClientSecret = !secret.isEmpty();
    draft.passwordExpected = false; // `tokenctl login` signs in afterwards
    const QList<ConfigProblem> problems = OAuthDialect::create(c.dialect)->validate(draft);
    if (!problems.isEmpty()) {
        reply(R::error(tkwire::code::kInvalid,
                       QStringLiteral("%1: %2").arg(optionFor(problems.first().field),
                                                    R::describe(problems.first(), c.dialect))));
        return;
    }
    c.serverUrl = QUrl(draft.server.trimmed());
    c.clientId = draft.clientId.trimmed();
    c.username = draft.username.trimmed();
    c.scope = draft.scope.trimmed();
    c.displayName = str(request, "name").trimmed(); // empty: named as the dialog would
    if (!c.displayName.isEmpty() && m_manager->accountNamed(c.displayName)) {
        reply(R::error(tkwire::code::kInvalid,
                       tr("an account named \"%1\" exists already; choose another --name")
                               .arg(c.displayName)));
        return;
    }
    if (m_manager->accountSigningInAs(c)) {
        reply(R::error(tkwire::code::kInvalid, refusal(m_manager, c)));
        return;
    }
    const QString who = peer.describe();
    auto finish = [this, reply, secret, who](const AccountConfig &resolved) {
        AccountSession *s = m_manager->addAccount(resolved);
        if (!s) { // one was added meanwhile (discovery takes a while)
            reply(R::error(tkwire::code::kInvalid, refusal(m_manager, resolved)));
            return;
        }
        if (!secret.isEmpty())
            m_pendingClientSecrets.insert(s->id(), secret);
        log(s, tr("account added by %1").arg(who));
        WireMessage m = R::ok();
        R::set(&m, "account_id", s->id());
        R::set(&m, "account", s->config().displayName);
        reply(m);
    };
    if (c.dialect == Dialect::Generic && c.tokenEndpoint.isEmpty()) {
        m_manager->discover(c,
                            [finish, reply](const AccountConfig &resolved, const AuthError &error) {
                                if (error) {
                                    reply(R::error(error.isRetryable() ? tkwire::code::kOffline
                                                                       : tkwire::code::kInvalid,
                                                   R::describe(error)));
                                    return;
                                }
                                finish(resolved);
                            });
        return;
    }
    finish(c);
}

void AccountRequests::remove(const WireMessage &request, const PeerIdentity &peer,
                             const Reply &reply)
{
    AccountSession *session = AccountMatcher::resolve(m_manager->sessions(), request, reply);
    if (!session)
        return;
    const QString id = session->id();
    const QString name = session->config().displayName;
    log(session, tr("account removed by %1").arg(peer.describe()));
    m_manager->removeAccount(id);
    WireMessage m = R::ok();
    R::set(&m, "account", name);
    reply(m);
}
