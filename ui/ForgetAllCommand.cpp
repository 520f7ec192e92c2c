#include "ForgetAllCommand.h"

#include "AccountRegistry.h"
#include "EventLogModel.h"
#include "ForgetAll.h"
#include "KeychainSecretStore.h"
#include "SingleInstance.h"
#ifdef Q_OS_WIN
#include "ChunkedSecretStore.h"
#endif

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ForgetAllCommand", text);
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

namespace ForgetAllCommand {

static QString whatText(const QString &what)
{
    if (what == QLatin1String("tokens"))
        return QCoreApplication::translate("ForgetAllCommand", "tokens");
    if (what == QLatin1String("password"))
        return QCoreApplication::translate("ForgetAllCommand", "stored password");
    return QCoreApplication::translate("ForgetAllCommand", "client secret");
}

int run(const QString &name)
{
    // Holding the single-instance lock while forgetting: Tokenkeeper cannot start meanwhile.
    SingleInstance instance(SingleInstance::defaultSocketDir(), name);
    const SingleInstance::Role role = instance.start();
    if (role != SingleInstance::Role::Primary) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(role == SingleInstance::Role::Secondary
                                        ? tr("Tokenkeeper is running. Quit it first (tray menu: "
                                             "Quit), then run --forget-all again.")
                                        : tr("Cannot make sure that Tokenkeeper is not running: "
                                             "%1")
                                                  .arg(instance.errorString())));
        return 1;
    }
    KeychainSecretStore keychain(name);
#ifdef Q_OS_WIN
    ChunkedSecretStore secrets(&keychain);
#else
    SecretStore &secrets = keychain;
#endif
    AccountRegistry registry;
    const int accounts = int(registry.accounts().size());
    ForgetAll job(&secrets, &registry);
    QEventLoop loop;
    QObject::connect(&job, &ForgetAll::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();

    int removed = 0;
    for (const ForgetAll::Item &i : job.items()) {
        if (i.outcome == ForgetAll::Outcome::Removed) {
            ++removed;
            say(tr("Removed the %1 of %2.").arg(whatText(i.what), i.accountName));
        } else if (i.outcome == ForgetAll::Outcome::Failed) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(tr("Could not remove the %1 of %2 (%3).")
                                            .arg(whatText(i.what), i.accountName, i.detail)));
        }
    }
    say(tr("Removed %1 keychain item(s) and %2 of %3 account(s) from %4.")
                .arg(removed)
                .arg(job.accountsRemoved())
                .arg(accounts)
                .arg(keychain.backendName()));
    say(tr("The grants stay valid at the servers until they expire: revoke an account in "
           "Tokenkeeper first to end it there."));
    say(tr("No secrets are kept in %1 or %2; delete them to remove every trace.")
                .arg(registry.fileName(), EventLogModel::defaultStorageFile()));
    if (job.failures() > 0) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("%1 item(s) are still in the keychain. Unlock it and run "
                                   "--forget-all again.")
                                        .arg(job.failures())));
        return 1;
    }
    return 0;
}

} // namespace ForgetAllCommand
