#include "AccountRegistry.h"
#include "CredentialStore.h"
#include "ForgetAll.h"
#include "MemorySecretStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Outcome = ForgetAll::Outcome;

// `tokenkeeper --forget-all`: every stored secret of every account goes, and then the account;
// a stored item the keychain does not return (a locked libsecret collection answers "not
// found") is a failure that keeps the account for the next run, never "absent".
class tst_ForgetAll : public QObject
{
    Q_OBJECT
private:
    struct Fixture
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        AccountRegistry registry{dir.filePath(QStringLiteral("tokenkeeper.ini"))};

        AccountConfig add(const QString &id, bool password, bool clientSecret)
        {
            AccountConfig c;
            c.id = id;
            c.displayName = QStringLiteral("Account ") + id;
            c.dialect = Dialect::Generic;
            c.serverUrl = QUrl(QStringLiteral("https://as.example.com"));
            c.clientId = QStringLiteral("client-") + id;
            c.username = QStringLiteral("user-") + id;
            c.hasClientSecret = clientSecret;
            registry.save(c);
            secrets.setValue(CredentialStore::tokensKey(c), "blob-" + id.toUtf8());
            registry.setMarker(id, {true, 1, CredentialStore::tokensKey(c)});
            if (password) {
                secrets.setValue(CredentialStore::passwordKey(c), "pw");
                registry.setPasswordStored(id, true);
            }
            if (clientSecret)
                secrets.setValue(CredentialStore::clientSecretKey(c), "cs");
            return c;
        }
        bool run(ForgetAll &job)
        {
            QSignalSpy done(&job, &ForgetAll::finished);
            job.start();
            return done.wait(5000) && done.size() == 1;
        }
    };
    static int count(const ForgetAll &job, Outcome o)
    {
        int n = 0;
        for (const ForgetAll::Item &i : job.items())
            n += i.outcome == o;
        return n;
    }

private Q_SLOTS:
    void removesEverySecretAndTheAccounts()
    {
        Fixture f;
        const AccountConfig a = f.add(QStringLiteral("a"), true, true);
        const AccountConfig b = f.add(QStringLiteral("b"), false, false);
        // An unrelated item of another program in the same store stays.
        f.secrets.setValue(QStringLiteral("someone-else"), "keep");
        ForgetAll job(&f.secrets, &f.registry);
        QVERIFY(f.run(job));
        QCOMPARE(count(job, Outcome::Removed), 4); // a: tokens, password, secret; b: tokens
        QCOMPARE(count(job, Outcome::Failed), 0);
        QCOMPARE(job.failures(), 0);
        QCOMPARE(job.accountsRemoved(), 2);
        for (const AccountConfig &c : {a, b}) {
            QVERIFY(!f.secrets.contains(CredentialStore::tokensKey(c)));
            QVERIFY(!f.secrets.contains(CredentialStore::passwordKey(c)));
            QVERIFY(!f.secrets.contains(CredentialStore::clientSecretKey(c)));
        }
        QVERIFY(f.secrets.contains(QStringLiteral("someone-else")));
        QVERIFY(f.registry.accounts().isEmpty());
        // The report names the account and the item.
        QCOMPARE(job.items().first().accountName, QStringLiteral("Account a"));
        QCOMPARE(job.items().first().what, QStringLiteral("tokens"));
    }

    // The blob written under an older identity's key (the marker remembers it) goes too.
    void oldIdentityKeyIsRemoved()
    {
        Fixture f;
        const AccountConfig a = f.add(QStringLiteral("a"), false, false);
        const QString oldKey = QStringLiteral("tokens|old-identity");
        f.secrets.remove(CredentialStore::tokensKey(a), [](const SecretStore::Result &) {});
        QTRY_VERIFY(!f.secrets.contains(CredentialStore::tokensKey(a)));
        f.secrets.setValue(oldKey, "old-blob");
        f.registry.setMarker(a.id, {true, 1, oldKey});
        ForgetAll job(&f.secrets, &f.registry);
        QVERIFY(f.run(job));
        QVERIFY(!f.secrets.contains(oldKey));
        QCOMPARE(count(job, Outcome::Removed), 1);
    }

    // Locked keyring: the items do not come back although the registry says they are stored.
    // Nothing is reported as removed, the account stays; unlocked, a second run finishes.
    void lockedKeyringKeepsTheAccountForTheNextRun()
    {
        Fixture f;
        const AccountConfig a = f.add(QStringLiteral("a"), true, false);
        f.secrets.setNotFoundForAll(true);
        ForgetAll job(&f.secrets, &f.registry);
        QVERIFY(f.run(job));
        QCOMPARE(count(job, Outcome::Removed), 0);
        QCOMPARE(job.failures(), 2); // tokens and password: stored, not returned
        QCOMPARE(job.accountsRemoved(), 0);
        QCOMPARE(f.registry.accounts().size(), 1);
        QVERIFY(job.items().first().detail.contains(QLatin1String("locked")));
        QVERIFY(f.secrets.contains(CredentialStore::tokensKey(a)));

        f.secrets.setNotFoundForAll(false);
        ForgetAll again(&f.secrets, &f.registry);
        QVERIFY(f.run(again));
        QCOMPARE(again.failures(), 0);
        QCOMPARE(count(again, Outcome::Removed), 2);
        QVERIFY(f.registry.accounts().isEmpty());
    }

    // A keychain that refuses (denied, unavailable): failures with the reason, account kept.
    void refusedRemovalIsReported_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("status");
        QTest::newRow("read denied")
                << int(MemorySecretStore::Operation::Read) << int(SecretStore::Status::Denied);
        QTest::newRow("remove denied")
                << int(MemorySecretStore::Operation::Remove) << int(SecretStore::Status::Denied);
        QTest::newRow("no keychain")
                << int(MemorySecretStore::Operation::Read) << int(SecretStore::Status::Unavailable);
    }
    void refusedRemovalIsReported()
    {
        QFETCH(int, op);
        QFETCH(int, status);
        Fixture f;
        const AccountConfig a = f.add(QStringLiteral("a"), false, false);
        f.secrets.setForcedStatus(MemorySecretStore::Operation(op), SecretStore::Status(status));
        ForgetAll job(&f.secrets, &f.registry);
        QVERIFY(f.run(job));
        QVERIFY(job.failures() >= 1);
        QCOMPARE(job.items().first().detail, SecretStore::statusName(SecretStore::Status(status)));
        QCOMPARE(f.registry.accounts().size(), 1);
        QVERIFY(f.secrets.contains(CredentialStore::tokensKey(a)));
    }

    void nothingStoredIsNotAnError()
    {
        Fixture f;
        ForgetAll job(&f.secrets, &f.registry);
        QVERIFY(f.run(job));
        QVERIFY(job.items().isEmpty());
        QCOMPARE(job.failures(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ForgetAll)
#include "tst_forgetall.moc"
