#include "MemorySecretStore.h"

#include <QTest>

using Status = SecretStore::Status;
using Op = MemorySecretStore::Operation;

// The fake other modules' tests rely on: every fault knob does what it says, and answers always
// come from the event loop, never inside the call.
class tst_MemorySecretStore : public QObject
{
    Q_OBJECT

    static SecretStore::Result call(MemorySecretStore &s, Op op, const QString &key,
                                    const QByteArray &data = QByteArray())
    {
        SecretStore::Result out;
        bool answered = false;
        auto cb = [&](const SecretStore::Result &r) {
            out = r;
            answered = true;
        };
        if (op == Op::Read)
            s.read(key, cb);
        else if (op == Op::Write)
            s.write(key, data, cb);
        else
            s.remove(key, cb);
        if (answered)
            return SecretStore::Result{Status::Other, {}, QStringLiteral("synchronous"), false};
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 5000); }();
        return out;
    }

private Q_SLOTS:
    void basics()
    {
        MemorySecretStore s;
        QCOMPARE(call(s, Op::Read, QStringLiteral("k")).status, Status::NotFound);
        QCOMPARE(call(s, Op::Write, QStringLiteral("k"), "v").status, Status::Ok);
        QCOMPARE(call(s, Op::Read, QStringLiteral("k")).data, QByteArray("v"));
        QCOMPARE(call(s, Op::Remove, QStringLiteral("k")).status, Status::Ok);
        QCOMPARE(call(s, Op::Remove, QStringLiteral("k")).status, Status::NotFound);
        QCOMPARE(s.count(Op::Write), 1);
        QCOMPARE(s.count(Op::Remove), 2);
    }

    void forcedStatus_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addColumn<Status>("status");
        QTest::newRow("read locked") << Op::Read << Status::Locked;
        QTest::newRow("read unavailable") << Op::Read << Status::Unavailable;
        QTest::newRow("write denied") << Op::Write << Status::Denied;
        QTest::newRow("write other") << Op::Write << Status::Other;
        QTest::newRow("remove timed out") << Op::Remove << Status::TimedOut;
    }
    void forcedStatus()
    {
        QFETCH(Op, op);
        QFETCH(Status, status);
        MemorySecretStore s;
        s.setValue(QStringLiteral("k"), "old");
        s.setForcedStatus(op, status, QStringLiteral("why"));
        const auto r = call(s, op, QStringLiteral("k"), "new");
        QCOMPARE(r.status, status);
        QCOMPARE(r.message, QStringLiteral("why"));
        QCOMPARE(s.value(QStringLiteral("k")), QByteArray("old")); // nothing changed
        s.setForcedStatus(op, Status::Ok);
        QCOMPARE(call(s, op, QStringLiteral("k"), "new").status, Status::Ok);
    }

    void sizeLimit()
    {
        MemorySecretStore s;
        s.setSizeLimit(4);
        QCOMPARE(call(s, Op::Write, QStringLiteral("k"), "1234").status, Status::Ok);
        QCOMPARE(call(s, Op::Write, QStringLiteral("k"), "12345").status, Status::TooLarge);
        QCOMPARE(s.value(QStringLiteral("k")), QByteArray("1234"));
    }

    void failNthWrite()
    {
        MemorySecretStore s;
        s.failNthWrite(2, Status::Locked);
        QList<Status> got;
        for (int i = 0; i < 3; ++i)
            got.append(call(s, Op::Write, QStringLiteral("k%1").arg(i), "v").status);
        QCOMPARE(got, (QList<Status>{Status::Ok, Status::Locked, Status::Ok}));
        QCOMPARE(s.keys(), (QStringList{QStringLiteral("k0"), QStringLiteral("k2")}));
    }

    void notFoundForAll()
    {
        MemorySecretStore s;
        s.setValue(QStringLiteral("k"), "v");
        s.setNotFoundForAll(true);
        for (Op op : {Op::Read, Op::Write, Op::Remove})
            QCOMPARE(call(s, op, QStringLiteral("k"), "x").status, Status::NotFound);
        QCOMPARE(s.value(QStringLiteral("k")), QByteArray("v"));
        s.clearFaults();
        QCOMPARE(call(s, Op::Read, QStringLiteral("k")).data, QByteArray("v"));
    }

    void neverAnswerUntilReleased()
    {
        MemorySecretStore s;
        s.setNeverAnswer(true);
        int answers = 0;
        s.write(QStringLiteral("k"), "v", [&](const SecretStore::Result &) { ++answers; });
        s.read(QStringLiteral("k"),
               [&](const SecretStore::Result &r) { answers += r.data == "v" ? 10 : 100; });
        // A sentinel through a second store proves the event loop ran without answers.
        MemorySecretStore other;
        bool sentinel = false;
        other.read(QStringLiteral("x"), [&](const SecretStore::Result &) { sentinel = true; });
        QTRY_VERIFY(sentinel);
        QCOMPARE(answers, 0);
        QCOMPARE(s.pendingCount(), 2);
        QVERIFY(!s.contains(QStringLiteral("k")));
        s.setNeverAnswer(false);
        s.answerPending();
        QTRY_COMPARE(answers, 11); // applied in order: the read sees the write
        QCOMPARE(s.pendingCount(), 0);
    }

    void latency()
    {
        MemorySecretStore fast;
        MemorySecretStore slow;
        slow.setLatencyMs(200);
        QList<QString> order;
        slow.read(QStringLiteral("k"),
                  [&](const SecretStore::Result &) { order.append(QStringLiteral("slow")); });
        fast.read(QStringLiteral("k"),
                  [&](const SecretStore::Result &) { order.append(QStringLiteral("fast")); });
        QTRY_COMPARE(order.size(), 2);
        QCOMPARE(order, (QList<QString>{QStringLiteral("fast"), QStringLiteral("slow")}));
    }
};

QTEST_GUILESS_MAIN(tst_MemorySecretStore)
#include "tst_memorysecretstore.moc"
