// tk-demo-server: the fake authorization server as a standalone process for scripts/run.sh.
// One demo user (demo / demo) and demo clients per dialect and sign-in method, with short
// lifetimes so that a person watching the tray sees refreshes (access 120 s) and the re-prompt
// (refresh/grant 15 min). With --state-file it keeps its port and its grants across restarts.
#include "DemoStateFile.h"
#include "FakeAuthServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

namespace {

const QString DemoClient = QStringLiteral("tokenkeeper-demo"); // password grant (as before)
const QString BrowserClient = QStringLiteral("tokenkeeper-demo-browser");
const QString DeviceClient = QStringLiteral("tokenkeeper-demo-device");

void addDemoClients(FakeAuthServer &server)
{
    const QString venafiScope = QStringLiteral("certificate:manage,revoke");
    const QString sfScope = QStringLiteral("api refresh_token");
    const QString genericScope = QStringLiteral("openid profile");
    server.addClient(Dialect::Venafi, {DemoClient, {}, venafiScope, true});
    server.addClient(Dialect::Venafi, {DeviceClient, {}, venafiScope, true}); // no browser in TPP
    server.addClient(Dialect::Salesforce, {DemoClient, "demo-secret", sfScope, true});
    server.addClient(Dialect::Generic, {DemoClient, {}, genericScope, true});

    // Browser (authorization code + PKCE): public clients. Generic follows RFC 8252 (any
    // loopback port); Salesforce matches the callback exactly, so three ports are registered.
    FakeAuthServer::Client browser{BrowserClient, {}, genericScope, true};
    browser.auth = FakeAuthServer::ClientAuth::None;
    browser.redirectUris = {QStringLiteral("http://127.0.0.1/callback"),
                            QStringLiteral("http://[::1]/callback")};
    browser.anyLoopbackPort = true;
    server.addClient(Dialect::Generic, browser);
    browser.allowedScope = sfScope;
    browser.anyLoopbackPort = false;
    browser.redirectUris.clear();
    for (int port : {1717, 1718, 1719})
        browser.redirectUris.append(QStringLiteral("http://127.0.0.1:%1/callback").arg(port));
    server.addClient(Dialect::Salesforce, browser);

    FakeAuthServer::Client device{DeviceClient, {}, genericScope, true};
    device.auth = FakeAuthServer::ClientAuth::None;
    server.addClient(Dialect::Generic, device);
    device.allowedScope = sfScope;
    server.addClient(Dialect::Salesforce, device);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Tokenkeeper demo authorization server (Venafi, Salesforce and "
                           "generic OAuth 2.0 on 127.0.0.1)"));
    parser.addHelpOption();
    const QCommandLineOption portFile(QStringLiteral("port-file"),
                                      QStringLiteral("Write the listening port to <file>."),
                                      QStringLiteral("file"));
    const QCommandLineOption portOption(
            QStringLiteral("port"),
            QStringLiteral("Port to listen on (default: the state file's, else any)."),
            QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption stateOption(
            QStringLiteral("state-file"),
            QStringLiteral("Keep the port and the grants in <file> (fake demo tokens)."),
            QStringLiteral("file"));
    parser.addOptions({portFile, portOption, stateOption});
    parser.process(app);

    FakeAuthServer server;
    server.addUser(QStringLiteral("demo"), "demo");
    addDemoClients(server);
    for (Dialect d : {Dialect::Venafi, Dialect::Salesforce, Dialect::Generic}) {
        server.knobs(d).accessLifetime = 120;
        server.knobs(d).grantLifetime = 15 * 60;
    }
    server.knobs(Dialect::Salesforce).rotate = true;
    server.setLogRequests(true);

    DemoStateFile state(parser.value(stateOption));
    const bool persistent = parser.isSet(stateOption);
    if (persistent && state.load() && !state.grants().isEmpty()
        && !server.restoreGrants(state.grants()))
        std::fprintf(stderr, "tk-demo-server: ignoring unreadable grants in the state file\n");

    bool ok = false;
    uint port = parser.value(portOption).toUInt(&ok);
    const bool remembered = ok && port == 0 && state.port() != 0;
    if (remembered)
        port = state.port();
    if (!ok || port > 65535
        || (!server.listen(quint16(port)) && !(remembered && server.listen(0)))) {
        std::fprintf(stderr, "tk-demo-server: cannot listen on 127.0.0.1:%s\n",
                     qPrintable(parser.value(portOption)));
        return 1;
    }
    if (parser.isSet(portFile)) {
        QSaveFile f(parser.value(portFile)); // atomic: the reader never sees a partial number
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(server.port())) < 0
            || !f.commit()) {
            std::fprintf(stderr, "tk-demo-server: cannot write the port file\n");
            return 1;
        }
    }
    if (persistent) {
        const auto save = [&server, &state] {
            if (!state.save(server.port(), server.grantsJson()))
                std::fprintf(stderr, "tk-demo-server: cannot write the state file: %s\n",
                             qPrintable(state.errorString()));
        };
        save();
        QObject::connect(&server, &FakeAuthServer::requestReceived, &server, save);
    }
    std::fprintf(stdout, "tk-demo-server listening on %s (user demo / demo; clients %s, %s, %s)\n",
                 server.baseUrl().toEncoded().constData(), qPrintable(DemoClient),
                 qPrintable(BrowserClient), qPrintable(DeviceClient));
    std::fflush(stdout);
    return app.exec();
}
