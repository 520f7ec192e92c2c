// tk-session-scenario: the real engine stack in a separate process (real keychain through
// QtKeychain, real QSettings registry, HttpClient, SessionManager) for the tests that need a
// process boundary: crash points (M-39..M-42) and the canary scan (M-69).
//
//   tk-session-scenario --server URL --dialect generic|venafi|salesforce --config FILE
//                       --service NAME --steps signin,refresh,resume,revoke
//
// Secrets never come on the command line or in the environment (S-20, S-21): the password is
// the first line on stdin. After the steps it prints "done", then waits for stdin to close so the
// test can inspect /proc/<pid>/cmdline and environ of a live process. Output lines are
// "key=value" facts without secret material (the refresh token only as a fingerprint).
#include "AccountRegistry.h"
#include "Clock.h"
#include "CredentialStore.h"
#include "KeychainSecretStore.h"
#include "Logging.h"
#include "MemorySecretStore.h"
#include "Redaction.h"
#include "Session.h"
#include "SessionManager.h"
#include "SystemEvents.h"

#include <cstdio>
#include <cstring>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 20000)
{
    QEventLoop loop;
    QTimer poll;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(5);
    deadline.start(timeoutMs);
    if (!done())
        loop.exec();
    return done();
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

bool settled(Session *s)
{
    const SessionMachine::State &m = s->machineState();
    return m.loaded && !m.persist.pending && m.flight.op == SessionMachine::Op::None
            && s->state() != SessionState::SigningIn && s->state() != SessionState::Revoking;
}

void report(Session *s, CredentialStore *store)
{
    bool done = false;
    CredentialStore::LoadResult stored;
    store->loadTokens(s->config(), store, [&](const CredentialStore::LoadResult &r) {
        stored = r;
        done = true;
    });
    waitFor([&] { return done; });
    say(QStringLiteral("state=") + sessionStateId(s->state()));
    say(QStringLiteral("storage=") + storageStatusId(s->snapshot().storage));
    say(QStringLiteral("reason=") + s->machineState().reauth.reason);
    say(QStringLiteral("stored_rt_fp=") + TokenSet::fingerprint(stored.tokens.refreshToken));
}

} // namespace

int main(int argc, char *argv[])
{
    Redaction::installMessageHandler();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
            {{QStringLiteral("server"), QStringLiteral("base URL"), QStringLiteral("url")},
             {QStringLiteral("dialect"), QStringLiteral("dialect"), QStringLiteral("id")},
             {QStringLiteral("config"), QStringLiteral("settings file"), QStringLiteral("file")},
             {QStringLiteral("service"), QStringLiteral("keychain service"),
              QStringLiteral("name")},
             {QStringLiteral("steps"), QStringLiteral("steps"), QStringLiteral("list")}});
    parser.process(app);
    Dialect dialect = Dialect::Generic;
    if (!dialectFromId(parser.value(QStringLiteral("dialect")), &dialect)) {
        std::fprintf(stderr, "unknown dialect\n");
        return 2;
    }
    char line[4096] = {};
    const QByteArray password =
            std::fgets(line, sizeof line, stdin) ? QByteArray(line).trimmed() : QByteArray();
    std::memset(line, 0, sizeof line);

    QNetworkAccessManager nam;
    KeychainSecretStore secrets(parser.value(QStringLiteral("service")));
    MemorySecretStore memory;
    AccountRegistry registry(parser.value(QStringLiteral("config")));
    CredentialStore store(&secrets, &registry);
    CredentialStore sessionOnly(&memory, &registry);
    SystemEvents events;
    SessionManager::Deps deps{&nam,   SystemClock::instance(), &store, &sessionOnly, &registry,
                              &events};
    SessionManager manager(deps);
    manager.start();

    const QUrl server(parser.value(QStringLiteral("server")));
    Session *session = nullptr;
    if (!registry.accounts().isEmpty())
        session = static_cast<Session *>(manager.session(registry.accounts().first().id));
    if (!session) {
        AccountConfig c;
        c.dialect = dialect;
        c.username = QStringLiteral("alice");
        c.clientId = QStringLiteral("tk-") + dialectId(dialect);
        c.displayName = QStringLiteral("scenario");
        c.scope = dialect == Dialect::Venafi ? QStringLiteral("certificate:manage,revoke")
                                             : QStringLiteral("read write");
        if (dialect == Dialect::Generic) {
            c.serverUrl = QUrl(server.toString() + QStringLiteral("/generic"));
            c.tokenEndpoint = QUrl(server.toString() + QStringLiteral("/generic/token"));
            c.revocationEndpoint = QUrl(server.toString() + QStringLiteral("/generic/revoke"));
        } else {
            c.serverUrl = server;
        }
        session = static_cast<Session *>(manager.addAccount(c));
    }
    waitFor([&] { return session->machineState().loaded; });
    waitFor([&] { return settled(session); });

    int rc = 0;
    for (const QString &step : parser.value(QStringLiteral("steps")).split(QLatin1Char(','))) {
        say(QStringLiteral("step=") + step);
        if (step == QLatin1String("signin")) {
            Credentials credentials;
            credentials.password = password;
            AuthError result;
            bool finished = false;
            QObject::connect(session, &AccountSession::signInFinished, &app,
                             [&](const AuthError &e) {
                                 result = e;
                                 finished = true;
                             });
            session->signIn(credentials);
            credentials.wipe();
            waitFor([&] { return finished && settled(session); });
            if (result)
                rc = 1;
        } else if (step == QLatin1String("refresh")) {
            session->refreshNow();
            waitFor([&] { return settled(session); });
        } else if (step == QLatin1String("resume")) {
            waitFor([&] { return settled(session); });
        } else if (step == QLatin1String("use")) {
            bool answered = false;
            session->withFreshToken(
                    [&](const QByteArray &, const AuthError &) { answered = true; });
            waitFor([&] { return answered && settled(session); });
        } else if (step == QLatin1String("revoke")) {
            bool finished = false;
            QObject::connect(session, &AccountSession::revokeFinished, &app,
                             [&] { finished = true; });
            session->revoke();
            waitFor([&] { return finished; });
        }
        report(session, &store);
    }
    say(QStringLiteral("done"));
    // Stay alive until the test closes stdin (it inspects /proc/<pid> meanwhile).
    while (std::fgetc(stdin) != EOF) { }
    return rc;
}
