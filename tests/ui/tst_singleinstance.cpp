#include "SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_SingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondLaunchRaisesTheFirst()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/run");
        SingleInstance first(dir, QStringLiteral("tk-test"));
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        QCOMPARE(QFile::permissions(dir) & 0x0077, QFileDevice::Permissions());
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);

        SingleInstance second(dir, QStringLiteral("tk-test"));
        QCOMPARE(second.start(), SingleInstance::Role::Secondary);
        QTRY_COMPARE(raised.size(), 1);
    }

    void otherNamesDoNotCollide()
    {
        QTemporaryDir tmp;
        SingleInstance real(tmp.path() + QStringLiteral("/run"), QStringLiteral("tokenkeeper"));
        SingleInstance demo(tmp.path() + QStringLiteral("/run"),
                            QStringLiteral("tokenkeeper-demo"));
        QCOMPARE(real.start(), SingleInstance::Role::Primary);
        QCOMPARE(demo.start(), SingleInstance::Role::Primary);
    }

    void staleSocketIsReplaced()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/run");
        QDir().mkpath(dir);
        QFile::setPermissions(
                dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QFile stale(dir + QStringLiteral("/tk-test.sock"));
        QVERIFY(stale.open(QIODevice::WriteOnly)); // left behind by a crashed instance
        stale.close();
        SingleInstance inst(dir, QStringLiteral("tk-test"));
        QCOMPARE(inst.start(), SingleInstance::Role::Primary);
    }

    void refusesALooseDirectory()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/shared");
        QDir().mkpath(dir);
        QFile::setPermissions(dir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                      | QFileDevice::ExeOther);
        SingleInstance inst(dir, QStringLiteral("tk-test"));
        QCOMPARE(inst.start(), SingleInstance::Role::Failed);
        QVERIFY(inst.errorString().contains(QLatin1String("0700")));
    }

    void garbageDoesNotRaise()
    {
        QTemporaryDir tmp;
        SingleInstance first(tmp.path() + QStringLiteral("/run"), QStringLiteral("tk-test"));
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        QLocalSocket peer;
        peer.connectToServer(first.socketPath());
        QVERIFY(peer.waitForConnected(1000));
        peer.write(QByteArray(100, 'x'));
        QTRY_COMPARE(peer.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(raised.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
