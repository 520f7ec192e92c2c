#include "AccountRegistry.h"
#include "ChunkedSecretStore.h"
#include "CrashHelperAccount.h"
#include "CredentialStore.h"
#include "FakeKeychainBackend.h"
#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using Status = SecretStore::Status;

// KeychainSecretStore: QtKeychain error mapping, the per-store queue and the watchdog (M-47)
// against a fake backend; then the real Secret Service that scripts/test.sh starts (write, read,
// rotate, delete, chunks, many accounts, a second process) and the real "no D-Bus" case (M-45).
class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

    QString m_service;

    static bool haveSecretService()
    {
        return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    }

    static SecretStore::Result call(SecretStore &s, int op, const QString &key,
                                    const QByteArray &data = QByteArray(), int timeoutMs = 20000)
    {
        SecretStore::Result out;
        out.status = Status::Other;
        out.message = QStringLiteral("no answer");
        bool answered = false;
        auto cb = [&](const SecretStore::Result &r) {
            out = r;
            answered = true;
        };
        if (op == 0)
            s.read(key, cb);
        else if (op == 1)
            s.write(key, data, cb);
        else
            s.remove(key, cb);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, timeoutMs); }();
        return out;
    }
    static SecretStore::Result read(SecretStore &s, const QString &k) { return call(s, 0, k); }
    static SecretStore::Result write(SecretStore &s, const QString &k, const QByteArray &d)
    {
        return call(s, 1, k, d);
    }
    static SecretStore::Result remove(SecretStore &s, const QString &k) { return call(s, 2, k); }

    static QString helperPath() { return QStringLiteral(TK_CRASH_HELPER); }

    static AccountConfig configFor(const QString &id)
    {
        return TestSupport::crashHelperAccount(id); // the helper's own account
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_service = QStringLiteral("tokenkeeper-test-")
                + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    // --- error mapping (headless-ci.md, reliability.md §8.1) ----------------------------------
    void mapError_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<Status>("expected");
        QTest::newRow("no error") << int(QKeychain::NoError) << QString() << Status::Ok;
        QTest::newRow("entry not found") << int(QKeychain::EntryNotFound)
                                         << QStringLiteral("Entry not found") << Status::NotFound;
        QTest::newRow("locked collection")
                << int(QKeychain::AccessDenied)
                << QStringLiteral("Cannot create an item in a locked collection") << Status::Locked;
        QTest::newRow("access denied") << int(QKeychain::AccessDenied)
                                       << QStringLiteral("Access denied") << Status::Denied;
        QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser)
                                        << QStringLiteral("User denied") << Status::Denied;
        QTest::newRow("no backend")
                << int(QKeychain::NoBackendAvailable)
                << QStringLiteral("No keychain service available") << Status::Unavailable;
        QTest::newRow("no bus, no display")
                << int(QKeychain::OtherError)
                << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                << Status::Unavailable;
        QTest::newRow("no dbus-launch")
                << int(QKeychain::OtherError)
                << QStringLiteral(
                           "Failed to execute child process \"dbus-launch\" (No such file or "
                           "directory)")
                << Status::Unavailable;
        QTest::newRow("bus address points nowhere")
                << int(QKeychain::OtherError)
                << QStringLiteral("Could not connect: No such file or directory")
                << Status::Unavailable;
        QTest::newRow("no secret service")
                << int(QKeychain::OtherError)
                << QStringLiteral("The name org.freedesktop.secrets was not provided by any "
                                  ".service files")
                << Status::Unavailable;
        QTest::newRow("no login collection")
                << int(QKeychain::OtherError)
                << QStringLiteral("Object does not exist at path "
                                  "\"/org/freedesktop/secrets/collection/login\"")
                << Status::Unavailable;
        QTest::newRow("other") << int(QKeychain::OtherError) << QStringLiteral("Unknown error")
                               << Status::Other;
        QTest::newRow("could not delete") << int(QKeychain::CouldNotDeleteEntry)
                                          << QStringLiteral("Could not delete") << Status::Other;
    }
    void mapError()
    {
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(Status, expected);
        QCOMPARE(KeychainSecretStore::mapError(error, message), expected);
    }

    void backendErrorReachesTheCaller()
    {
        auto backend = std::make_unique<FakeKeychainBackend>();
        backend->error = int(QKeychain::AccessDenied);
        backend->message = QStringLiteral("Cannot create an item in a locked collection");
        KeychainSecretStore store(std::move(backend));
        const auto r = write(store, QStringLiteral("k"), "v");
        QCOMPARE(r.status, Status::Locked);
        QCOMPARE(r.message, QStringLiteral("Cannot create an item in a locked collection"));
    }

    // --- queue and watchdog (M-47) ------------------------------------------------------------
    void requestsRunOneAtATime()
    {
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        KeychainSecretStore store(std::move(backend));
        fake->hang = true;
        QList<QString> order;
        for (const char *k : {"a", "b", "c"})
            store.write(QLatin1String(k), "v", [&order, k](const SecretStore::Result &) {
                order.append(QLatin1String(k));
            });
        QCOMPARE(fake->started, 1);
        QCOMPARE(store.queuedCount(), 2);
        fake->hang = false;
        fake->release();
        QTRY_COMPARE(
                order,
                (QList<QString>{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(fake->started, 3);
        QCOMPARE(fake->items.size(), 3);
    }

    void idleOnceEverythingWasAnswered()
    {
        // Quit waits for this (audit L4): a sign-out's erases must reach the keychain first.
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        KeychainSecretStore store(std::move(backend));
        QVERIFY(store.isIdle());
        QSignalSpy idle(&store, &KeychainSecretStore::idle);
        fake->hang = true;
        int answered = 0;
        for (const char *k : {"tokens", "password", "secret"})
            store.remove(QLatin1String(k),
                         [&answered](const SecretStore::Result &) { ++answered; });
        QVERIFY(!store.isIdle());
        fake->hang = false;
        fake->release();
        QTRY_COMPARE(idle.size(), 1); // once, after the last of the three
        QCOMPARE(answered, 3);
        QVERIFY(store.isIdle());
    }

    void watchdogAnswersTimedOutAndQueuedRequestsArePending()
    {
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        KeychainSecretStore store(std::move(backend));
        store.setWatchdogMs(50);
        QSignalSpy stalled(&store, &KeychainSecretStore::stalledChanged);
        fake->hang = true;
        QList<Status> answers;
        auto record = [&answers](const SecretStore::Result &r) { answers.append(r.status); };
        store.read(QStringLiteral("hung"), record);
        store.write(QStringLiteral("queued1"), "v", record);
        store.remove(QStringLiteral("queued2"), record);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 5000);
        QCOMPARE(answers, (QList<Status>{Status::TimedOut, Status::TimedOut, Status::TimedOut}));
        QCOMPARE(stalled.size(), 1);
        QCOMPARE(stalled.at(0).at(0).toBool(), true);
        QVERIFY(store.isStalled());
        QCOMPARE(fake->started, 1); // the queued ones never reached the blocked keychain
        QCOMPARE(fake->held.size(), 1); // the job is still there: not deleted, not retried

        // While stalled, a new request is Pending at once (well under another watchdog).
        QElapsedTimer t;
        t.start();
        const auto r = call(store, 1, QStringLiteral("new"), "v", 5000);
        QCOMPARE(r.status, Status::TimedOut);
        QVERIFY(t.elapsed() < 50 * 10);
        QCOMPARE(fake->started, 1);
    }

    void lateAnswerIsDroppedAndTheStoreRecovers()
    {
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        KeychainSecretStore store(std::move(backend));
        store.setWatchdogMs(50);
        fake->items.insert(QStringLiteral("k"), "old");
        fake->hang = true;
        int answers = 0;
        Status first = Status::Ok;
        store.write(QStringLiteral("k"), "late", [&](const SecretStore::Result &r) {
            ++answers;
            first = r.status;
        });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, 5000);
        QCOMPARE(first, Status::TimedOut);
        QSignalSpy stalled(&store, &KeychainSecretStore::stalledChanged);
        fake->hang = false;
        fake->release(); // the keychain finally answers
        QTRY_COMPARE(stalled.size(), 1);
        QCOMPARE(stalled.at(0).at(0).toBool(), false);
        QVERIFY(!store.isStalled());
        QCOMPARE(answers, 1); // the late result never reaches the caller a second time
        const auto r = read(store, QStringLiteral("k"));
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.data, QByteArray("late")); // it did land; the caller re-reads to find out
    }

    void storeDestroyedWhileJobPendingIsSafe()
    {
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        bool destroyed = false;
        fake->destroyed = &destroyed;
        fake->hang = true;
        bool called = false;
        KeychainBackend::Done pendingDone;
        {
            KeychainSecretStore store(std::move(backend));
            store.setWatchdogMs(10);
            store.write(QStringLiteral("k"), "v",
                        [&called](const SecretStore::Result &) { called = true; });
            QTRY_VERIFY(called); // TimedOut
            called = false;
            QCOMPARE(fake->held.size(), 1);
            pendingDone = fake->held.first().done; // the job outlives the store, like QtKeychain's
        }
        QVERIFY(destroyed);
        pendingDone(KeychainBackend::Answer()); // the late answer arrives: must not touch the store
        QVERIFY(!called);
    }

    // --- the real Secret Service (scripts/test.sh) --------------------------------------------
    void realWriteReadRotateDelete()
    {
        if (!haveSecretService())
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run via scripts/test.sh");
        KeychainSecretStore store(m_service);
        const QString key = QStringLiteral("tokens:basic");
        QCOMPARE(write(store, key, "first-value").status, Status::Ok);
        auto r = read(store, key);
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.data, QByteArray("first-value"));
        QCOMPARE(write(store, key, QByteArray("rotated\0value", 13)).status, Status::Ok);
        QCOMPARE(read(store, key).data, QByteArray("rotated\0value", 13));
        QCOMPARE(remove(store, key).status, Status::Ok);
        QCOMPARE(read(store, key).status, Status::NotFound);
    }

    void realChunkedBlob()
    {
        if (!haveSecretService())
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run via scripts/test.sh");
        KeychainSecretStore keychain(m_service);
        ChunkedSecretStore store(&keychain);
        QByteArray jwt;
        for (int i = 0; jwt.size() < 20 * 1024; ++i)
            jwt += QByteArray::number(i * 7919, 36);
        const QString key = QStringLiteral("tokens:chunked");
        QCOMPARE(write(store, key, jwt).status, Status::Ok);
        // Stored as parts in the real keychain, each under the Windows limit.
        const auto part0 = read(keychain, ChunkedSecretStore::partKey(key, 0));
        QCOMPARE(part0.status, Status::Ok);
        QCOMPARE(part0.data.size(), ChunkedSecretStore::kDefaultChunkSize);
        QVERIFY(ChunkedSecretStore::isManifest(read(keychain, key).data));
        QCOMPARE(read(store, key).data, jwt);
        QCOMPARE(remove(store, key).status, Status::Ok);
        QCOMPARE(read(keychain, ChunkedSecretStore::partKey(key, 0)).status, Status::NotFound);
        QCOMPARE(read(store, key).status, Status::NotFound);
    }

    void realTwentyAccountsConcurrently()
    {
        if (!haveSecretService())
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run via scripts/test.sh");
        QTemporaryDir dir;
        KeychainSecretStore keychain(m_service);
        AccountRegistry registry(dir.filePath(QStringLiteral("r.ini")));
        CredentialStore store(&keychain, &registry);
        QList<AccountConfig> configs;
        for (int i = 0; i < 20; ++i)
            configs.append(configFor(QStringLiteral("acc%1").arg(i)));
        // All writes issued at once, for different accounts.
        int saved = 0;
        for (int i = 0; i < 20; ++i) {
            TokenSet t;
            t.accessToken = "AT-" + QByteArray::number(i);
            t.refreshToken = "RT-" + QByteArray::number(i);
            store.saveTokens(configs.at(i), t, quint64(i + 1), &store,
                             [&saved](StorageStatus s, const QString &) {
                                 if (s == StorageStatus::Ok)
                                     ++saved;
                             });
        }
        QTRY_COMPARE_WITH_TIMEOUT(saved, 20, 60000);
        int checked = 0;
        for (int i = 0; i < 20; ++i) {
            store.loadTokens(configs.at(i), &store,
                             [&checked, i](const CredentialStore::LoadResult &r) {
                                 if (r.status == StorageStatus::Ok && r.found
                                     && r.tokens.refreshToken == "RT-" + QByteArray::number(i)
                                     && r.generation == quint64(i + 1))
                                     ++checked;
                             });
        }
        QTRY_COMPARE_WITH_TIMEOUT(checked, 20, 60000);
        int erased = 0;
        for (const AccountConfig &c : configs)
            store.eraseAll(c, &store,
                           [&erased](StorageStatus s) { erased += s == StorageStatus::Ok; });
        QTRY_COMPARE_WITH_TIMEOUT(erased, 20, 60000);
    }

    void realSecondProcessReadsWhatTheFirstWrote()
    {
        if (!haveSecretService())
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run via scripts/test.sh");
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("r.ini"));
        const QStringList common{QStringLiteral("--service"),  m_service,
                                 QStringLiteral("--settings"), ini,
                                 QStringLiteral("--account"),  QStringLiteral("two-process")};
        QProcess writer;
        writer.start(helperPath(),
                     common + QStringList{QStringLiteral("--generation"), QStringLiteral("5")});
        QVERIFY(writer.waitForStarted());
        writer.write("AT-two-process\nRT-two-process\n");
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        QCOMPARE(writer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer.exitCode(), 0);

        QProcess reader;
        reader.start(helperPath(),
                     common + QStringList{QStringLiteral("--mode"), QStringLiteral("read")});
        QVERIFY(reader.waitForFinished(30000));
        QCOMPARE(reader.exitCode(), 0);
        const QString expected = QStringLiteral("status=ok found=1 generation=5 rt_fp=")
                + TokenSet::fingerprint("RT-two-process");
        QCOMPARE(QString::fromUtf8(reader.readAllStandardOutput()).trimmed(), expected);

        KeychainSecretStore keychain(m_service);
        QCOMPARE(remove(keychain,
                        CredentialStore::tokensKey(configFor(QStringLiteral("two-process"))))
                         .status,
                 Status::Ok);
    }

    // M-45: the real failure with no session bus at all is OtherError, which maps to Unavailable.
    void realNoDBusIsUnavailable()
    {
        QProcess probe;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/tokenkeeper-no-bus"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        probe.setProcessEnvironment(env);
        probe.start(helperPath(),
                    {QStringLiteral("--mode"), QStringLiteral("probe"), QStringLiteral("--service"),
                     m_service});
        QVERIFY(probe.waitForFinished(30000));
        QCOMPARE(probe.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(probe.readAllStandardOutput()).trimmed(),
                 QStringLiteral("status=unavailable"));
    }
};

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
