// tk-demo-server: the fake authorization server as a standalone process for scripts/run.sh.
// One demo user and one demo client per dialect, with short lifetimes so that a person watching
// the tray sees refreshes (access 120 s) and the re-prompt (refresh/grant 15 min).
#include "FakeAuthServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

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
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on (default: any)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    parser.addOptions({portFile, portOption});
    parser.process(app);

    FakeAuthServer server;
    server.addUser(QStringLiteral("demo"), "demo");
    const QString demoClient = QStringLiteral("tokenkeeper-demo");
    server.addClient(Dialect::Venafi,
                     {demoClient, {}, QStringLiteral("certificate:manage,revoke"), true});
    server.addClient(Dialect::Salesforce,
                     {demoClient, "demo-secret", QStringLiteral("api refresh_token"), true});
    server.addClient(Dialect::Generic, {demoClient, {}, QStringLiteral("openid profile"), true});
    for (Dialect d : {Dialect::Venafi, Dialect::Salesforce, Dialect::Generic}) {
        server.knobs(d).accessLifetime = 120;
        server.knobs(d).grantLifetime = 15 * 60;
    }
    server.knobs(Dialect::Salesforce).rotate = true;
    server.setLogRequests(true);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535 || !server.listen(quint16(port))) {
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
    std::fprintf(stdout, "tk-demo-server listening on %s (user demo / demo, client %s)\n",
                 server.baseUrl().toEncoded().constData(), qPrintable(demoClient));
    std::fflush(stdout);
    return app.exec();
}
