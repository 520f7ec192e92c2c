#include "AccountRegistry.h"
#include "CredentialStore.h"
#include "KeychainSecretStore.h"
#include "SingleInstance.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// `tokenkeeper --forget-all` as the uninstall instructions run it: the real binary, without a
// display, against the real Secret Service (gnome-keyring of scripts/test.sh) and the real
// per-user settings file. It acts on the user's real data, so it runs only inside the private
// session of scripts/test.sh (TOKENKEEPER_TEST_SESSION).
class tst_ForgetAllCommand : public QObject
{
    Q_OBJECT
private:
    static SecretStore::Result call(SecretStore &s, int op, const QString &key,
                                    const QByteArray &data = {})
    {
        SecretStore::Result out;
        bool answered = false;
        const auto cb = [&](const SecretStore::Result &r) {
            out = r;
            answered = true;
        };
        if (op == 0)
            s.read(key, cb);
        else
            s.write(key, data, cb);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 30000); }();
        return out;
    }
    static AccountConfig account(const QString &id)
    {
        AccountConfig c;
        c.id = id;
        c.displayName = QStringLiteral("Work ") + id;
        c.dialect = Dialect::Salesforce;
        c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
        c.clientId = QStringLiteral("consumer-") + id;
        c.username = QStringLiteral("alice@example.com");
        c.hasClientSecret = true;
        return c;
    }
    static QProcess *forgetAll(QProcess *p)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // over SSH, in an uninstall script
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(TK_APP_BINARY), {QStringLiteral("--forget-all")});
        return p;
    }

private Q_SLOTS:
    void init()
    {
        if (qEnvironmentVariableIsEmpty("TOKENKEEPER_TEST_SESSION"))
            QSKIP("acts on the real per-user data: runs only inside scripts/test.sh");
        // The binary's names, so that the registry and keychain service are the same files.
        QCoreApplication::setOrganizationName(QStringLiteral("Tokenkeeper"));
        QCoreApplication::setApplicationName(QStringLiteral("tokenkeeper"));
    }

    void removesEverySecretAndSaysSo()
    {
        KeychainSecretStore keychain(QStringLiteral("tokenkeeper"));
        QStringList keys;
        {
            AccountRegistry registry;
            for (const QString &id : {QStringLiteral("fa1"), QStringLiteral("fa2")}) {
                const AccountConfig c = account(id);
                registry.save(c);
                QVERIFY(call(keychain, 1, CredentialStore::tokensKey(c), "blob").ok());
                QVERIFY(call(keychain, 1, CredentialStore::clientSecretKey(c), "secret").ok());
                registry.setMarker(id, {true, 1, CredentialStore::tokensKey(c)});
                keys << CredentialStore::tokensKey(c) << CredentialStore::clientSecretKey(c);
            }
            registry.sync();
        }
        QProcess p;
        forgetAll(&p);
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("Removed the tokens of Work fa1.")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Removed the client secret of Work fa2.")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Removed 4 keychain item(s) and 2 of 2 account(s)")),
                 qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("blob")) && !out.contains(QLatin1String("secret\n")));
        // Gone from the Secret Service and from the settings file.
        for (const QString &k : std::as_const(keys))
            QCOMPARE(call(keychain, 0, k).status, SecretStore::Status::NotFound);
        QVERIFY(AccountRegistry().accounts().isEmpty());
    }

    void refusesWhileTokenkeeperRuns()
    {
        AccountRegistry registry;
        registry.save(account(QStringLiteral("fa3")));
        registry.sync();
        SingleInstance running(SingleInstance::defaultSocketDir(), QStringLiteral("tokenkeeper"));
        QCOMPARE(running.start(), SingleInstance::Role::Primary);
        QProcess p;
        forgetAll(&p);
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000); // serves the lock
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("Quit it")));
        QCOMPARE(AccountRegistry().accounts().size(), 1); // nothing touched
        registry.remove(QStringLiteral("fa3"));
        registry.sync();
    }
};

QTEST_GUILESS_MAIN(tst_ForgetAllCommand)
#include "tst_forgetallcommand.moc"
