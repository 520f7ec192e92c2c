// The composition root: builds the objects and wires them; no logic.
#include "Redaction.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    Redaction::installMessageHandler();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tokenkeeper"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tokenkeeper"));
    QApplication::setOrganizationName(QStringLiteral("Tokenkeeper"));
    QApplication::setApplicationVersion(QStringLiteral(TOKENKEEPER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Keeps OAuth 2.0 tokens fresh and safe."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QMainWindow window;
    window.show();
    return app.exec();
}
