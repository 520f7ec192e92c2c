#include "FakeAuthServer.h"

#include <QTest>

class tst_FakeAuthServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listens()
    {
        FakeAuthServer server;
        QVERIFY(server.listen());
        QVERIFY(server.port() != 0);
    }
};

QTEST_GUILESS_MAIN(tst_FakeAuthServer)
#include "tst_fakeauthserver.moc"
