#include "TrayStatus.h"

#include <QTest>

Q_DECLARE_METATYPE(SessionState)
Q_DECLARE_METATYPE(StorageStatus)
Q_DECLARE_METATYPE(TrayStatus)
Q_DECLARE_METATYPE(AccountSnapshot)

static const qint64 kNow = 1'767'225'600'000;
static const qint64 kDay = 24LL * 3600 * 1000;

static AccountSnapshot snap(SessionState st, StorageStatus storage = StorageStatus::Ok,
                            qint64 refreshUntil = 0)
{
    AccountSnapshot s;
    s.state = st;
    s.storage = storage;
    s.refreshUntilMs = refreshUntil;
    return s;
}

class tst_TrayStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forAccount_data()
    {
        QTest::addColumn<SessionState>("state");
        QTest::addColumn<StorageStatus>("storage");
        QTest::addColumn<qint64>("refreshUntil");
        QTest::addColumn<TrayStatus>("expected");
        using S = SessionState;
        using St = StorageStatus;
        QTest::newRow("signed out") << S::SignedOut << St::Ok << qint64(0) << TrayStatus::SignedOut;
        QTest::newRow("active") << S::Active << St::Ok << qint64(0) << TrayStatus::Ok;
        QTest::newRow("active, RT far")
                << S::Active << St::Ok << kNow + 30 * kDay << TrayStatus::Ok;
        QTest::newRow("active, RT near")
                << S::Active << St::Ok << kNow + 2 * kDay << TrayStatus::ExpiringSoon;
        QTest::newRow("signing in")
                << S::SigningIn << St::Ok << qint64(0) << TrayStatus::Refreshing;
        QTest::newRow("refreshing")
                << S::Refreshing << St::Ok << qint64(0) << TrayStatus::Refreshing;
        QTest::newRow("revoking") << S::Revoking << St::Ok << qint64(0) << TrayStatus::Refreshing;
        QTest::newRow("backoff") << S::Backoff << St::Ok << qint64(0) << TrayStatus::Offline;
        QTest::newRow("offline") << S::Offline << St::Ok << qint64(0) << TrayStatus::Offline;
        QTest::newRow("reauth") << S::ReauthRequired << St::Ok << qint64(0)
                                << TrayStatus::SignInNeeded;
        QTest::newRow("config") << S::ConfigError << St::Ok << qint64(0)
                                << TrayStatus::SignInNeeded;
        QTest::newRow("locked") << S::SignedOut << St::Locked << qint64(0)
                                << TrayStatus::StorageProblem;
        QTest::newRow("not persisted")
                << S::Active << St::NotPersisted << qint64(0) << TrayStatus::StorageProblem;
        QTest::newRow("pending") << S::Active << St::Pending << qint64(0)
                                 << TrayStatus::StorageProblem;
        QTest::newRow("session only is fine")
                << S::Active << St::SessionOnly << qint64(0) << TrayStatus::Ok;
    }
    void forAccount()
    {
        QFETCH(SessionState, state);
        QFETCH(StorageStatus, storage);
        QFETCH(qint64, refreshUntil);
        QFETCH(TrayStatus, expected);
        QCOMPARE(TrayStatusRules::forAccount(snap(state, storage, refreshUntil), kNow), expected);
    }

    void worst_data()
    {
        QTest::addColumn<QList<AccountSnapshot>>("accounts");
        QTest::addColumn<TrayStatus>("expected");
        using S = SessionState;
        QTest::newRow("no accounts") << QList<AccountSnapshot>{} << TrayStatus::SignedOut;
        QTest::newRow("all out") << QList<AccountSnapshot>{snap(S::SignedOut), snap(S::SignedOut)}
                                 << TrayStatus::SignedOut;
        QTest::newRow("one out, one fine")
                << QList<AccountSnapshot>{snap(S::SignedOut), snap(S::Active)} << TrayStatus::Ok;
        QTest::newRow("refreshing beats ok")
                << QList<AccountSnapshot>{snap(S::Active), snap(S::Refreshing)}
                << TrayStatus::Refreshing;
        QTest::newRow("offline beats expiring")
                << QList<AccountSnapshot>{snap(S::Active, StorageStatus::Ok, kNow + kDay),
                                          snap(S::Backoff)}
                << TrayStatus::Offline;
        QTest::newRow("reauth beats offline")
                << QList<AccountSnapshot>{snap(S::Offline), snap(S::ReauthRequired),
                                          snap(S::Active)}
                << TrayStatus::SignInNeeded;
        QTest::newRow("storage is worst")
                << QList<AccountSnapshot>{snap(S::ReauthRequired),
                                          snap(S::Active, StorageStatus::Locked)}
                << TrayStatus::StorageProblem;
    }
    void worst()
    {
        QFETCH(QList<AccountSnapshot>, accounts);
        QFETCH(TrayStatus, expected);
        QCOMPARE(TrayStatusRules::worst(accounts, kNow), expected);
    }

    void everyStatusHasAnIconNameAndText()
    {
        QSet<QString> names;
        for (int i = int(TrayStatus::SignedOut); i <= int(TrayStatus::StorageProblem); ++i) {
            const auto st = TrayStatus(i);
            QVERIFY(!TrayStatusRules::text(st).isEmpty());
            names.insert(TrayStatusRules::iconName(st));
        }
        QCOMPARE(names.size(), 7);
    }
};

QTEST_GUILESS_MAIN(tst_TrayStatus)
#include "tst_traystatus.moc"
