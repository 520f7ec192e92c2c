// tk-store-crash-helper: writes or reads one account's token blob through the real keychain
// (KeychainSecretStore + CredentialStore), for the crash-safety and two-process tests. The
// instructions come on argv; the secrets only on stdin (S-20/S-21). With
// TOKENKEEPER_FAULT_POINT=store_before_write|store_mid_write|store_after_write it dies by SIGKILL
// at that point of the write (M-39..M-42).
//
//   write: stdin "<access token>\n<refresh token>\n"; exit 0 when the blob and marker are saved
//   read:  prints "status=<id> found=<0|1> generation=<n> rt_fp=<fingerprint>"
//   probe: reads a key straight from the keychain; prints "status=<SecretStore status>"
#include "AccountRegistry.h"
#include "CrashHelperAccount.h"
#include "CredentialStore.h"
#include "FaultPoint.h"
#include "KeychainSecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {
void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("write|read|probe"),
                                  QStringLiteral("mode"), QStringLiteral("write"));
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("keychain service"),
                                     QStringLiteral("name"));
    const QCommandLineOption settings(QStringLiteral("settings"),
                                      QStringLiteral("registry INI file"), QStringLiteral("path"));
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("account id"),
                                     QStringLiteral("id"), QStringLiteral("acc"));
    const QCommandLineOption generation(QStringLiteral("generation"),
                                        QStringLiteral("generation to write"), QStringLiteral("n"),
                                        QStringLiteral("1"));
    parser.addOptions({mode, service, settings, account, generation});
    parser.process(app);
    if (!parser.isSet(service)) {
        out(QStringLiteral("error=missing --service"));
        return 64;
    }

    KeychainSecretStore keychain(parser.value(service));
    keychain.setWatchdogMs(20000);
    const QString m = parser.value(mode);

    if (m == QLatin1String("probe")) {
        keychain.read(QStringLiteral("probe"), [](const SecretStore::Result &r) {
            out(QStringLiteral("status=") + SecretStore::statusName(r.status));
            QCoreApplication::exit(0);
        });
        return app.exec();
    }

    AccountRegistry registry(parser.value(settings));
    CredentialStore store(&keychain, &registry);
    const AccountConfig config = TestSupport::crashHelperAccount(parser.value(account));
    if (!registry.contains(config.id))
        registry.save(config);

    if (m == QLatin1String("read")) {
        store.loadTokens(config, &store, [](const CredentialStore::LoadResult &r) {
            out(QStringLiteral("status=%1 found=%2 generation=%3 rt_fp=%4")
                        .arg(storageStatusId(r.status))
                        .arg(r.found ? 1 : 0)
                        .arg(r.generation)
                        .arg(TokenSet::fingerprint(r.tokens.refreshToken)));
            QCoreApplication::exit(0);
        });
        return app.exec();
    }

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        out(QStringLiteral("error=no stdin"));
        return 66;
    }
    const QList<QByteArray> lines = in.readAll().split('\n');
    TokenSet tokens;
    tokens.accessToken = lines.value(0).trimmed();
    tokens.refreshToken = lines.value(1).trimmed();
    tokens.issuedAtMs = 1767225600000LL;
    tokens.accessExpiresAtMs = tokens.issuedAtMs + 3600 * 1000;
    const quint64 gen = parser.value(generation).toULongLong();

    QTimer::singleShot(0, &app, [&] {
        FaultPoint::hit("store_before_write");
        store.saveTokens(config, tokens, gen, &store, [](StorageStatus s, const QString &) {
            if (s != StorageStatus::Ok) {
                out(QStringLiteral("status=") + storageStatusId(s));
                QCoreApplication::exit(2);
                return;
            }
            FaultPoint::hit("store_after_write");
            out(QStringLiteral("status=ok"));
            QCoreApplication::exit(0);
        });
    });
    return app.exec();
}
