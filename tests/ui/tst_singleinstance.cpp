#include "SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <unistd.h>

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

    void idlePeersAreDisconnected()
    {
        QTemporaryDir tmp;
        SingleInstance first(tmp.path() + QStringLiteral("/run"), QStringLiteral("tk-test"));
        first.setIdleTimeout(200);
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        QLocalSocket peer; // connects and says nothing
        peer.connectToServer(first.socketPath());
        QVERIFY(peer.waitForConnected(1000));
        QTRY_COMPARE(first.connectionCount(), 1);
        QTRY_COMPARE(peer.state(), QLocalSocket::UnconnectedState);
        QTRY_COMPARE(first.connectionCount(), 0);
    }

    void connectionsAreCapped()
    {
        QTemporaryDir tmp;
        SingleInstance first(tmp.path() + QStringLiteral("/run"), QStringLiteral("tk-test"));
        first.setIdleTimeout(60000); // only the cap ends connections in this test
        QCOMPARE(first.start(), SingleInstance::Role::Primary);
        std::vector<std::unique_ptr<QLocalSocket>> peers;
        for (int i = 0; i < SingleInstance::kMaxConnections + 5; ++i) {
            peers.push_back(std::make_unique<QLocalSocket>());
            peers.back()->connectToServer(first.socketPath());
            QVERIFY(peers.back()->waitForConnected(1000));
        }
        QTRY_COMPARE(first.connectionCount(), SingleInstance::kMaxConnections);
        const auto refused = [&peers] {
            return std::count_if(peers.begin(), peers.end(), [](const auto &p) {
                return p->state() == QLocalSocket::UnconnectedState;
            });
        };
        QTRY_COMPARE(refused(), 5L);
        QCOMPARE(first.connectionCount(), SingleInstance::kMaxConnections);
        // A real second launch still gets through once the idle peers have gone.
        peers.clear();
        QTRY_COMPARE(first.connectionCount(), 0);
        QSignalSpy raised(&first, &SingleInstance::raiseRequested);
        SingleInstance second(tmp.path() + QStringLiteral("/run"), QStringLiteral("tk-test"));
        QCOMPARE(second.start(), SingleInstance::Role::Secondary);
        QTRY_COMPARE(raised.size(), 1);
    }

    void refusesADirectoryOfAnotherUser()
    {
        if (geteuid() != 0)
            QSKIP("needs root to give a directory to another user");
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/theirs");
        QDir().mkpath(dir);
        QFile::setPermissions(
                dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(chown(QFile::encodeName(dir).constData(), 65534, 65534), 0); // nobody
        SingleInstance inst(dir, QStringLiteral("tk-test"));
        QCOMPARE(inst.start(), SingleInstance::Role::Failed);
        QVERIFY2(inst.errorString().contains(QLatin1String("another user")),
                 qPrintable(inst.errorString()));
        QVERIFY(!QFile::exists(inst.socketPath()));
    }

    void refusesASymlinkedDirectory()
    {
        QTemporaryDir tmp;
        const QString real = tmp.path() + QStringLiteral("/real");
        QDir().mkpath(real);
        QFile::setPermissions(
                real, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString link = tmp.path() + QStringLiteral("/link");
        QVERIFY(QFile::link(real, link));
        SingleInstance inst(link, QStringLiteral("tk-test"));
        QCOMPARE(inst.start(), SingleInstance::Role::Failed);
        QVERIFY2(inst.errorString().contains(QLatin1String("not a directory")),
                 qPrintable(inst.errorString()));
    }
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
