#include "AccountRegistry.h"
#include "ChunkedSecretStore.h"
#include "CredentialStore.h"
#include "FakeKeychainBackend.h"
#include "KeychainSecretStore.h"
#include "MemorySecretStore.h"
#include "StoreSequence.h"
#include "TokenBlob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Status = SecretStore::Status;
using Op = MemorySecretStore::Operation;

// R-09 / M-44..M-50 / M-61: how keychain answers plus the registry marker become a
// StorageStatus, what a failed write leaves behind, and that nothing is deleted on an error.
class tst_CredentialStore : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        AccountRegistry registry{dir.filePath(QStringLiteral("tokenkeeper.ini"))};
        CredentialStore store{&secrets, &registry};
        AccountConfig config = makeConfig();
        Fixture() { registry.save(config); }
    };

    static AccountConfig makeConfig()
    {
        AccountConfig c;
        c.id = QStringLiteral("3f0c1b9e-0000-4000-8000-000000000001");
        c.displayName = QStringLiteral("TPP");
        c.dialect = Dialect::Venafi;
        c.serverUrl = QUrl(QStringLiteral("https://tpp.example.com"));
        c.clientId = QStringLiteral("tokenkeeper");
        c.username = QStringLiteral("svc-account");
        c.scope = QStringLiteral("certificate:manage");
        return c;
    }
    static TokenSet tokens(const char *tag)
    {
        TokenSet t;
        t.accessToken = QByteArray("CANARY-AT-") + tag;
        t.refreshToken = QByteArray("CANARY-RT-") + tag;
        t.issuedAtMs = 1767225600000LL;
        t.accessExpiresAtMs = 1767229200000LL;
        t.refreshUntilMs = 1769817600000LL;
        t.scope = QStringLiteral("certificate:manage");
        return t;
    }
    static CredentialStore::LoadResult load(Fixture &f)
    {
        CredentialStore::LoadResult out;
        bool answered = false;
        f.store.loadTokens(f.config, &f.store, [&](const CredentialStore::LoadResult &r) {
            out = r;
            answered = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 5000); }();
        return out;
    }
    static StorageStatus save(Fixture &f, const TokenSet &t, quint64 generation)
    {
        StorageStatus out = StorageStatus::SessionOnly;
        bool answered = false;
        f.store.saveTokens(f.config, t, generation, &f.store,
                           [&](StorageStatus s, const QString &) {
                               out = s;
                               answered = true;
                           });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 5000); }();
        return out;
    }
    static StorageStatus erase(Fixture &f)
    {
        StorageStatus out = StorageStatus::SessionOnly;
        bool answered = false;
        f.store.eraseAll(f.config, &f.store, [&](StorageStatus s) {
            out = s;
            answered = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 5000); }();
        return out;
    }
    static QString tokensKey(const Fixture &f) { return CredentialStore::tokensKey(f.config); }

private Q_SLOTS:
    // The caller's context ends its interest: the answer is dropped, but the store still finishes
    // its own bookkeeping (the marker of the blob it wrote).
    void answersOnlyWhileTheContextLives()
    {
        Fixture f;
        auto *context = new QObject;
        bool called = false;
        f.store.saveTokens(f.config, tokens("1"), 7, context,
                           [&](StorageStatus, const QString &) { called = true; });
        delete context;
        QTRY_VERIFY_WITH_TIMEOUT(f.registry.marker(f.config.id).stored, 5000);
        QCOMPARE(f.registry.marker(f.config.id).generation, quint64(7));
        QVERIFY(!called);
        // And with a live context it is answered (the same call, so the test can fail).
        QObject alive;
        f.store.saveTokens(f.config, tokens("2"), 8, &alive,
                           [&](StorageStatus, const QString &) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
    }

    // Multi-item operations: each step starts when the previous answered, sees the outcome so
    // far, every step runs, and the first failure is the result.
    void sequenceRunsStepsInOrderAndKeepsTheFirstFailure()
    {
        using StoreCall::Sequence;
        QStringList trace;
        QList<Sequence::Next> pending;
        auto step = [&](const QString &name) {
            return [&trace, &pending, name](StorageStatus soFar, const Sequence::Next &next) {
                trace << name + QLatin1Char(':') + storageStatusId(soFar);
                pending.append(next);
            };
        };
        bool finished = false;
        StorageStatus result = StorageStatus::Ok;
        Sequence()
                .then(step(QStringLiteral("a")))
                .then(step(QStringLiteral("b")))
                .then(step(QStringLiteral("c")))
                .run([&](StorageStatus s) {
                    finished = true;
                    result = s;
                });
        QCOMPARE(trace, QStringList{QStringLiteral("a:ok")}); // b waits for a's answer
        pending.takeFirst()(StorageStatus::Ok);
        pending.takeFirst()(StorageStatus::Locked);
        QVERIFY(!finished);
        pending.takeFirst()(StorageStatus::Denied);
        QVERIFY(finished);
        QCOMPARE(result, StorageStatus::Locked);
        QCOMPARE(trace,
                 (QStringList{QStringLiteral("a:ok"), QStringLiteral("b:ok"),
                              QStringLiteral("c:") + storageStatusId(StorageStatus::Locked)}));
    }

    void keysIncludeTheIdentity()
    {
        const AccountConfig c = makeConfig();
        QCOMPARE(CredentialStore::tokensKey(c), QStringLiteral("tokens:") + c.storageKey());
        QCOMPARE(CredentialStore::passwordKey(c), QStringLiteral("password:") + c.storageKey());
        QCOMPARE(CredentialStore::clientSecretKey(c),
                 QStringLiteral("client-secret:") + c.storageKey());
    }

    void saveThenLoad()
    {
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        const auto m = f.registry.marker(f.config.id);
        QVERIFY(m.stored);
        QCOMPARE(m.generation, quint64(1));
        QCOMPARE(m.storageKey, f.config.storageKey());
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Ok);
        QVERIFY(r.found);
        QCOMPARE(r.tokens, tokens("1"));
        QCOMPARE(r.generation, quint64(1));
        QCOMPARE(f.secrets.keys(), QStringList{tokensKey(f)}); // one item (S-17)
    }

    void rotationAdvancesTheMarker()
    {
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        QCOMPARE(save(f, tokens("2"), 2), StorageStatus::Ok);
        QCOMPARE(f.registry.marker(f.config.id).generation, quint64(2));
        const auto r = load(f);
        QCOMPARE(r.tokens, tokens("2"));
        QCOMPARE(r.generation, quint64(2));
    }

    void neverStoredIsSignedOut()
    {
        Fixture f;
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Ok);
        QVERIFY(!r.found);
    }

    // R-09, M-46, M-48: the item is missing while the marker says it was written.
    void notFoundWithMarkerIsLocked_data()
    {
        QTest::addColumn<bool>("lockedKeyring"); // NotFound for everything vs. item vanished
        QTest::newRow("locked libsecret keyring") << true;
        QTest::newRow("backend switch, item vanished") << false;
    }
    void notFoundWithMarkerIsLocked()
    {
        QFETCH(bool, lockedKeyring);
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        if (lockedKeyring)
            f.secrets.setNotFoundForAll(true);
        else
            f.secrets.clear();
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Locked);
        QVERIFY(!r.found);
        QVERIFY2(r.message.contains(QLatin1String("locked")), qPrintable(r.message)); // diagnostic
        QVERIFY(f.registry.marker(f.config.id).stored); // still remembered: never "signed out"
        QCOMPARE(f.secrets.count(Op::Remove), 0);
        QCOMPARE(f.secrets.count(Op::Write), 1); // only the original save
    }

    // M-61: a marker written for another identity (settings changed) does not make a miss under
    // the new key "locked".
    void markerForAnotherIdentityIsNotLocked()
    {
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        f.config.serverUrl = QUrl(QStringLiteral("https://other.example.com"));
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Ok);
        QVERIFY(!r.found);
    }

    // M-61: a blob whose embedded key differs (copied or misfiled item) is ignored.
    void identityMismatchIgnored()
    {
        Fixture f;
        AccountConfig other = f.config;
        other.username = QStringLiteral("someone-else");
        f.secrets.setValue(tokensKey(f), TokenBlob::encode(tokens("x"), 5, other.storageKey()));
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Ok);
        QVERIFY(!r.found);
        QVERIFY(r.tokens.refreshToken.isEmpty());
        QVERIFY(f.secrets.contains(tokensKey(f))); // ignored, not deleted
    }

    // M-45, M-47, M-49 and friends: every failing read maps to one status, with or without a
    // marker, and deletes nothing.
    void readFailures_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<bool>("corrupt");
        QTest::addColumn<bool>("marker");
        QTest::addColumn<StorageStatus>("expected");
        for (bool marker : {true, false}) {
            const char *m = marker ? "marker" : "no marker";
            QTest::addRow("locked, %s", m)
                    << Status::Locked << false << marker << StorageStatus::Locked;
            QTest::addRow("denied (M-49), %s", m)
                    << Status::Denied << false << marker << StorageStatus::Denied;
            QTest::addRow("unavailable (M-45), %s", m)
                    << Status::Unavailable << false << marker << StorageStatus::Unavailable;
            QTest::addRow("timed out (M-47), %s", m)
                    << Status::TimedOut << false << marker << StorageStatus::Pending;
            QTest::addRow("other, %s", m)
                    << Status::Other << false << marker << StorageStatus::Unavailable;
            QTest::addRow("corrupt chunk, %s", m)
                    << Status::Other << true << marker << StorageStatus::Unreadable;
        }
    }
    void readFailures()
    {
        QFETCH(Status, status);
        QFETCH(bool, corrupt);
        QFETCH(bool, marker);
        QFETCH(StorageStatus, expected);
        Fixture f;
        if (marker)
            QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        if (corrupt) {
            // A real corrupt answer: a chunked value with a damaged part.
            f.secrets.setValue(tokensKey(f),
                               ChunkedSecretStore::encodeManifest({0, 1, 10, QByteArray(64, 'a')}));
            f.secrets.setValue(ChunkedSecretStore::partKey(tokensKey(f), 0), "0123456789");
            ChunkedSecretStore chunked(&f.secrets);
            CredentialStore store(&chunked, &f.registry);
            bool answered = false;
            StorageStatus got = StorageStatus::Ok;
            store.loadTokens(f.config, &store, [&](const CredentialStore::LoadResult &r) {
                got = r.status;
                answered = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
            QCOMPARE(got, expected);
        } else {
            f.secrets.setForcedStatus(Op::Read, status, QStringLiteral("backend text"));
            const auto r = load(f);
            QCOMPARE(r.status, expected);
            QVERIFY(!r.found);
            QVERIFY(!r.message.isEmpty());
        }
        QCOMPARE(f.secrets.count(Op::Remove), 0);
        QCOMPARE(f.registry.marker(f.config.id).stored, marker);
    }

    // M-50: the blob is there but unreadable: Unreadable, no crash, nothing deleted.
    void corruptBlobIsUnreadable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = TokenBlob::encode(tokens("1"), 1, makeConfig().storageKey());
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("truncated") << good.left(good.size() - 10);
        QTest::newRow("unknown version") << QByteArray(good).replace("\"v\":1", "\"v\":2");
        QTest::newRow("wrong type") << QByteArray(good).replace("\"est\":false", "\"est\":\"no\"");
        QTest::newRow("binary garbage") << QByteArray("\xde\xad\xbe\xef", 4);
    }
    void corruptBlobIsUnreadable()
    {
        QFETCH(QByteArray, bytes);
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        f.secrets.setValue(tokensKey(f), bytes);
        const auto r = load(f);
        QCOMPARE(r.status, StorageStatus::Unreadable);
        QVERIFY(!r.found);
        QCOMPARE(f.secrets.value(tokensKey(f)), bytes);
        QVERIFY(f.registry.marker(f.config.id).stored);
    }

    // M-44 (and M-51 for TooLarge): a failed write changes nothing: old blob, old marker.
    void failedWriteChangesNothing_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<StorageStatus>("expected");
        QTest::newRow("locked collection (M-44)") << Status::Locked << StorageStatus::Locked;
        QTest::newRow("denied") << Status::Denied << StorageStatus::Denied;
        QTest::newRow("unavailable") << Status::Unavailable << StorageStatus::Unavailable;
        QTest::newRow("timed out") << Status::TimedOut << StorageStatus::Pending;
        QTest::newRow("too large (M-51)") << Status::TooLarge << StorageStatus::NotPersisted;
        QTest::newRow("other") << Status::Other << StorageStatus::NotPersisted;
    }
    void failedWriteChangesNothing()
    {
        QFETCH(Status, status);
        QFETCH(StorageStatus, expected);
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        const QByteArray before = f.secrets.value(tokensKey(f));
        f.secrets.failNthWrite(1, status,
                               QStringLiteral("Cannot create an item in a locked collection"));
        QCOMPARE(save(f, tokens("2"), 2), expected);
        QCOMPARE(f.secrets.value(tokensKey(f)), before);
        const auto m = f.registry.marker(f.config.id);
        QVERIFY(m.stored);
        QCOMPARE(m.generation, quint64(1));
        QCOMPARE(load(f).tokens, tokens("1"));
        // The caller retries later (NotPersisted); the retry goes through.
        QCOMPARE(save(f, tokens("2"), 2), StorageStatus::Ok);
        QCOMPARE(f.registry.marker(f.config.id).generation, quint64(2));
    }

    void firstWriteFailingLeavesNoMarker()
    {
        Fixture f;
        f.secrets.setForcedStatus(Op::Write, Status::Locked);
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Locked);
        QVERIFY(!f.registry.marker(f.config.id).stored);
        QVERIFY(f.secrets.keys().isEmpty());
    }

    // M-47 end to end: a keychain job that never answers becomes Pending after the watchdog,
    // and later calls are Pending at once until the keychain moves again.
    void hangingKeychainIsPending()
    {
        QTemporaryDir dir;
        AccountRegistry registry(dir.filePath(QStringLiteral("r.ini")));
        auto backend = std::make_unique<FakeKeychainBackend>();
        FakeKeychainBackend *fake = backend.get();
        KeychainSecretStore keychain(std::move(backend));
        keychain.setWatchdogMs(50);
        CredentialStore store(&keychain, &registry);
        const AccountConfig config = makeConfig();
        registry.setMarker(config.id, {true, 3, config.storageKey()});
        fake->hang = true;
        QList<StorageStatus> statuses;
        store.loadTokens(config, &store,
                         [&](const CredentialStore::LoadResult &r) { statuses.append(r.status); });
        store.saveTokens(config, tokens("2"), 4, &store,
                         [&](StorageStatus s, const QString &) { statuses.append(s); });
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 2, 5000);
        QCOMPARE(statuses, (QList<StorageStatus>{StorageStatus::Pending, StorageStatus::Pending}));
        QCOMPARE(fake->started, 1); // the save never reached the blocked keychain
        QCOMPARE(registry.marker(config.id).generation, quint64(3));
    }

    void eraseAllRemovesEverything()
    {
        Fixture f;
        f.config.rememberCredentials = true;
        f.config.hasClientSecret = true;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        bool saved = false;
        f.store.saveCredentials(f.config, {"CANARY-PW-1", "CANARY-CS-1"}, &f.store,
                                [&](StorageStatus s) { saved = s == StorageStatus::Ok; });
        QTRY_VERIFY(saved);
        QCOMPARE(f.secrets.keys().size(), 3);
        QVERIFY(f.registry.passwordStored(f.config.id));
        QCOMPARE(erase(f), StorageStatus::Ok);
        QVERIFY(f.secrets.keys().isEmpty());
        QVERIFY(!f.registry.marker(f.config.id).stored);
        QVERIFY(!f.registry.passwordStored(f.config.id));
        QVERIFY(f.registry.contains(f.config.id)); // the account itself stays
        // Erasing again: everything NotFound, which is fine.
        QCOMPARE(erase(f), StorageStatus::Ok);
        QCOMPARE(load(f).found, false);
    }

    void eraseAllFailureKeepsMarker()
    {
        Fixture f;
        QCOMPARE(save(f, tokens("1"), 1), StorageStatus::Ok);
        f.secrets.setForcedStatus(Op::Remove, Status::Locked);
        QCOMPARE(erase(f), StorageStatus::Locked);
        QVERIFY(f.registry.marker(f.config.id).stored);
        QVERIFY(f.secrets.contains(tokensKey(f)));
    }

    void credentials_data()
    {
        QTest::addColumn<bool>("remember");
        QTest::addColumn<bool>("clientSecret");
        QTest::newRow("remember password, client secret") << true << true;
        QTest::newRow("remember password only") << true << false;
        QTest::newRow("client secret only (S-15b default)") << false << true;
        QTest::newRow("nothing") << false << false;
    }
    void credentials()
    {
        QFETCH(bool, remember);
        QFETCH(bool, clientSecret);
        Fixture f;
        f.config.rememberCredentials = remember;
        f.config.hasClientSecret = clientSecret;
        const Credentials typed{"CANARY-PW-2", clientSecret ? "CANARY-CS-2" : ""};
        StorageStatus saved = StorageStatus::SessionOnly;
        f.store.saveCredentials(f.config, typed, &f.store, [&](StorageStatus s) { saved = s; });
        QTRY_COMPARE(saved, StorageStatus::Ok);
        QCOMPARE(f.secrets.contains(CredentialStore::passwordKey(f.config)), remember);
        QCOMPARE(f.registry.passwordStored(f.config.id), remember);
        QCOMPARE(f.secrets.contains(CredentialStore::clientSecretKey(f.config)), clientSecret);

        bool loaded = false;
        Credentials got;
        StorageStatus status = StorageStatus::SessionOnly;
        f.store.loadCredentials(f.config, &f.store, [&](StorageStatus s, const Credentials &c) {
            status = s;
            got = c;
            loaded = true;
        });
        QTRY_VERIFY(loaded);
        QCOMPARE(status, StorageStatus::Ok);
        QCOMPARE(got.password, remember ? typed.password : QByteArray());
        QCOMPARE(got.clientSecret, typed.clientSecret);
    }

    void storedPasswordNotFoundIsLocked()
    {
        Fixture f;
        f.config.rememberCredentials = true;
        StorageStatus saved = StorageStatus::SessionOnly;
        f.store.saveCredentials(f.config, {"CANARY-PW-3", ""}, &f.store,
                                [&](StorageStatus s) { saved = s; });
        QTRY_COMPARE(saved, StorageStatus::Ok);
        f.secrets.setNotFoundForAll(true);
        StorageStatus status = StorageStatus::Ok;
        bool loaded = false;
        f.store.loadCredentials(f.config, &f.store, [&](StorageStatus s, const Credentials &c) {
            status = s;
            loaded = c.password.isEmpty();
        });
        QTRY_VERIFY(loaded);
        QCOMPARE(status, StorageStatus::Locked);
        QVERIFY(f.registry.passwordStored(f.config.id));
    }

    void erasePassword()
    {
        Fixture f;
        f.config.rememberCredentials = true;
        StorageStatus s1 = StorageStatus::SessionOnly;
        f.store.saveCredentials(f.config, {"CANARY-PW-4", ""}, &f.store,
                                [&](StorageStatus s) { s1 = s; });
        QTRY_COMPARE(s1, StorageStatus::Ok);
        StorageStatus s2 = StorageStatus::SessionOnly;
        f.store.erasePassword(f.config, &f.store, [&](StorageStatus s) { s2 = s; });
        QTRY_COMPARE(s2, StorageStatus::Ok);
        QVERIFY(!f.secrets.contains(CredentialStore::passwordKey(f.config)));
        QVERIFY(!f.registry.passwordStored(f.config.id));
    }

    // M-69 at the storage level: the registry file never holds token or password material.
    void registryHoldsNoSecret()
    {
        Fixture f;
        f.config.rememberCredentials = true;
        f.config.hasClientSecret = true;
        f.registry.save(f.config);
        QCOMPARE(save(f, tokens("canary"), 1), StorageStatus::Ok);
        StorageStatus s1 = StorageStatus::SessionOnly;
        f.store.saveCredentials(f.config, {"CANARY-PW-5", "CANARY-CS-5"}, &f.store,
                                [&](StorageStatus s) { s1 = s; });
        QTRY_COMPARE(s1, StorageStatus::Ok);
        f.registry.setJournal(f.config.id,
                              {true, TokenSet::fingerprint(tokens("canary").refreshToken), 5});
        f.registry.sync();
        QFile file(f.registry.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY(ini.contains("marker")); // the file is the one written
        QVERIFY(!ini.contains("CANARY"));
        QVERIFY(!ini.contains(tokens("canary").refreshToken.toBase64()));
    }

    void destroyedStoreDropsCallbacks()
    {
        QTemporaryDir dir;
        MemorySecretStore secrets;
        secrets.setLatencyMs(20);
        AccountRegistry registry(dir.filePath(QStringLiteral("r.ini")));
        bool called = false;
        {
            CredentialStore store(&secrets, &registry);
            store.saveTokens(makeConfig(), tokens("1"), 1, &store,
                             [&](StorageStatus, const QString &) { called = true; });
        }
        // A later answer from the same store: once it arrives, the write's answer (due
        // earlier) has been delivered too, into nothing.
        bool sentinel = false;
        secrets.read(QStringLiteral("sentinel"),
                     [&](const SecretStore::Result &) { sentinel = true; });
        QTRY_VERIFY(sentinel);
        QVERIFY(!called);
        QVERIFY(secrets.contains(CredentialStore::tokensKey(makeConfig())));
        QVERIFY(!registry.marker(makeConfig().id).stored);
    }
};

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_credentialstore.moc"
