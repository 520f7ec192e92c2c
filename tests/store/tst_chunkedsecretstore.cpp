#include "ChunkedSecretStore.h"
#include "MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

// M-51: values above a backend's size cap are split into parts plus a manifest, reassembled and
// verified; deletes remove every part; a damaged part is reported as corrupt, never returned.
class tst_ChunkedSecretStore : public QObject
{
    Q_OBJECT

    static constexpr int kLimit = 256; // the inner store's cap (a small Windows stand-in)
    static constexpr int kChunk = 200;

    struct Fixture
    {
        MemorySecretStore inner;
        ChunkedSecretStore store{&inner, kChunk};
        Fixture() { inner.setSizeLimit(kLimit); }
    };

    static SecretStore::Result call(SecretStore &s, int op, const QString &key,
                                    const QByteArray &data = QByteArray())
    {
        SecretStore::Result out;
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
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 5000); }();
        return out;
    }
    static SecretStore::Result read(SecretStore &s, const QString &k) { return call(s, 0, k); }
    static SecretStore::Result write(SecretStore &s, const QString &k, const QByteArray &d)
    {
        return call(s, 1, k, d);
    }
    static SecretStore::Result remove(SecretStore &s, const QString &k) { return call(s, 2, k); }

    static QByteArray payload(int size)
    {
        QByteArray b;
        b.reserve(size);
        for (int i = 0; i < size; ++i)
            b.append(char('A' + (i * 7 + i / 26) % 26));
        return b;
    }
    static QStringList partKeys(const MemorySecretStore &m)
    {
        QStringList parts;
        for (const QString &k : m.keys()) {
            if (k.contains(QLatin1String(".part")))
                parts.append(k);
        }
        return parts;
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("expectedParts");
        QTest::newRow("0 bytes") << 0 << 0;
        QTest::newRow("1 byte") << 1 << 0;
        QTest::newRow("exactly the chunk size") << kChunk << 0;
        QTest::newRow("chunk size + 1") << kChunk + 1 << 2;
        QTest::newRow("exactly the inner limit") << kLimit << 2;
        QTest::newRow("inner limit + 1") << kLimit + 1 << 2;
        QTest::newRow("20 KB JWT") << 20 * 1024 << (20 * 1024 + kChunk - 1) / kChunk;
    }
    void roundTrip()
    {
        QFETCH(int, size);
        QFETCH(int, expectedParts);
        Fixture f;
        const QByteArray data = payload(size);
        QCOMPARE(write(f.store, QStringLiteral("tokens:k"), data).status, SecretStore::Status::Ok);
        QCOMPARE(partKeys(f.inner).size(), expectedParts);
        for (const QString &k : f.inner.keys())
            QVERIFY2(f.inner.value(k).size() <= kLimit, qPrintable(k));
        const SecretStore::Result r = read(f.store, QStringLiteral("tokens:k"));
        QCOMPARE(r.status, SecretStore::Status::Ok);
        QCOMPARE(r.data, data);
    }

    void withoutChunkingTheInnerStoreRefuses()
    {
        // The reason the decorator exists: the same 20 KB blob straight into the capped store.
        MemorySecretStore inner;
        inner.setSizeLimit(kLimit);
        QCOMPARE(write(inner, QStringLiteral("k"), payload(20 * 1024)).status,
                 SecretStore::Status::TooLarge);
    }

    void valueThatLooksLikeAManifestIsStillExact()
    {
        Fixture f;
        const QByteArray tricky = QByteArrayLiteral("tk-chunks/1 0 1 5 not-a-real-manifest");
        QCOMPARE(write(f.store, QStringLiteral("k"), tricky).status, SecretStore::Status::Ok);
        QCOMPARE(read(f.store, QStringLiteral("k")).data, tricky);
    }

    void removeDeletesAllParts()
    {
        Fixture f;
        QCOMPARE(write(f.store, QStringLiteral("k"), payload(20 * 1024)).status,
                 SecretStore::Status::Ok);
        QCOMPARE(write(f.store, QStringLiteral("other"), payload(500)).status,
                 SecretStore::Status::Ok);
        QVERIFY(partKeys(f.inner).size() > 10);
        QCOMPARE(remove(f.store, QStringLiteral("k")).status, SecretStore::Status::Ok);
        for (const QString &k : f.inner.keys())
            QVERIFY2(k.startsWith(QLatin1String("other")), qPrintable(k));
        QCOMPARE(read(f.store, QStringLiteral("k")).status, SecretStore::Status::NotFound);
        QCOMPARE(read(f.store, QStringLiteral("other")).data, payload(500));
        QCOMPARE(remove(f.store, QStringLiteral("k")).status, SecretStore::Status::NotFound);
    }

    void overwriteShrinkAndGrow_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::newRow("big then small") << QList<int>{5000, 10};
        QTest::newRow("small then big") << QList<int>{10, 5000};
        QTest::newRow("big, bigger, smaller, big") << QList<int>{1000, 5000, 700, 3000};
        QTest::newRow("same size rotation") << QList<int>{900, 900, 900};
    }
    void overwriteShrinkAndGrow()
    {
        QFETCH(QList<int>, sizes);
        Fixture f;
        int n = 0;
        for (int size : sizes) {
            const QByteArray data = payload(size).replace('A', char('a' + n++));
            QCOMPARE(write(f.store, QStringLiteral("k"), data).status, SecretStore::Status::Ok);
            QCOMPARE(read(f.store, QStringLiteral("k")).data, data);
            // Only the live parts remain: old ones are cleaned up after the manifest commits.
            QCOMPARE(partKeys(f.inner).size(), size > kChunk ? (size + kChunk - 1) / kChunk : 0);
        }
    }

    void corruptedPartIsDetected_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped byte") << QStringLiteral("flip");
        QTest::newRow("truncated part") << QStringLiteral("truncate");
        QTest::newRow("missing part") << QStringLiteral("missing");
        QTest::newRow("damaged manifest") << QStringLiteral("manifest");
        QTest::newRow("swapped parts") << QStringLiteral("swap");
    }
    void corruptedPartIsDetected()
    {
        QFETCH(QString, damage);
        Fixture f;
        QCOMPARE(write(f.store, QStringLiteral("k"), payload(1000)).status,
                 SecretStore::Status::Ok);
        const QString p0 = ChunkedSecretStore::partKey(QStringLiteral("k"), 0);
        const QString p1 = ChunkedSecretStore::partKey(QStringLiteral("k"), 1);
        QVERIFY(f.inner.contains(p0) && f.inner.contains(p1));
        if (damage == QLatin1String("flip")) {
            QByteArray v = f.inner.value(p1);
            v[10] = char(v[10] ^ 0x20);
            f.inner.setValue(p1, v);
        } else if (damage == QLatin1String("truncate")) {
            f.inner.setValue(p1, f.inner.value(p1).chopped(3));
        } else if (damage == QLatin1String("missing")) {
            QCOMPARE(remove(f.inner, p1).status, SecretStore::Status::Ok);
        } else if (damage == QLatin1String("manifest")) {
            f.inner.setValue(QStringLiteral("k"), QByteArrayLiteral("tk-chunks/1 0 x 1000 zz"));
        } else {
            const QByteArray a = f.inner.value(p0);
            f.inner.setValue(p0, f.inner.value(p1));
            f.inner.setValue(p1, a);
        }
        const SecretStore::Result r = read(f.store, QStringLiteral("k"));
        QCOMPARE(r.status, SecretStore::Status::Other);
        QVERIFY(r.corrupt);
        QVERIFY(r.data.isEmpty());
    }

    void staleExtraPartsAreTolerated()
    {
        Fixture f;
        const QByteArray data = payload(450); // 3 parts: 0..2
        QCOMPARE(write(f.store, QStringLiteral("k"), data).status, SecretStore::Status::Ok);
        // Leftovers of an interrupted older write.
        f.inner.setValue(ChunkedSecretStore::partKey(QStringLiteral("k"), 3), "stale3");
        f.inner.setValue(ChunkedSecretStore::partKey(QStringLiteral("k"), 5), "stale5");
        QCOMPARE(read(f.store, QStringLiteral("k")).data, data);
        QCOMPARE(remove(f.store, QStringLiteral("k")).status, SecretStore::Status::Ok);
        QVERIFY2(f.inner.keys().isEmpty(), qPrintable(f.inner.keys().join(QLatin1Char(' '))));
    }

    void failedPartWriteKeepsTheOldValue_data()
    {
        QTest::addColumn<int>("failingWrite"); // counted from the first write of the overwrite
        QTest::newRow("first part") << 1;
        QTest::newRow("middle part") << 3;
        QTest::newRow("manifest") << 6; // 5 parts for 1000 bytes, then the manifest
    }
    void failedPartWriteKeepsTheOldValue()
    {
        QFETCH(int, failingWrite);
        Fixture f;
        const QByteArray oldValue = payload(900);
        QCOMPARE(write(f.store, QStringLiteral("k"), oldValue).status, SecretStore::Status::Ok);
        f.inner.failNthWrite(failingWrite, SecretStore::Status::Locked);
        const QByteArray newValue = payload(1000).replace('A', 'z');
        QCOMPARE(write(f.store, QStringLiteral("k"), newValue).status, SecretStore::Status::Locked);
        const SecretStore::Result r = read(f.store, QStringLiteral("k"));
        QCOMPARE(r.status, SecretStore::Status::Ok);
        QCOMPARE(r.data, oldValue);
    }

    void innerErrorsPassThrough_data()
    {
        QTest::addColumn<SecretStore::Status>("status");
        QTest::newRow("locked") << SecretStore::Status::Locked;
        QTest::newRow("unavailable") << SecretStore::Status::Unavailable;
        QTest::newRow("timed out") << SecretStore::Status::TimedOut;
    }
    void innerErrorsPassThrough()
    {
        QFETCH(SecretStore::Status, status);
        Fixture f;
        QCOMPARE(write(f.store, QStringLiteral("k"), payload(1000)).status,
                 SecretStore::Status::Ok);
        f.inner.setForcedStatus(MemorySecretStore::Operation::Read, status);
        QCOMPARE(read(f.store, QStringLiteral("k")).status, status);
        f.inner.setForcedStatus(MemorySecretStore::Operation::Remove, status);
        QCOMPARE(remove(f.store, QStringLiteral("k")).status, status);
        f.inner.clearFaults();
        QCOMPARE(read(f.store, QStringLiteral("k")).data, payload(1000)); // nothing was deleted
    }

    void concurrentWritesDoNotInterleave()
    {
        Fixture f;
        f.inner.setLatencyMs(1);
        const QByteArray a = payload(2000).replace('A', 'a');
        const QByteArray b = payload(2400).replace('A', 'b');
        int answered = 0;
        f.store.write(QStringLiteral("k"), a, [&](const SecretStore::Result &) { ++answered; });
        f.store.write(QStringLiteral("k"), b, [&](const SecretStore::Result &) { ++answered; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2, 5000);
        QCOMPARE(read(f.store, QStringLiteral("k")).data, b);
    }
};

QTEST_GUILESS_MAIN(tst_ChunkedSecretStore)
#include "tst_chunkedsecretstore.moc"
