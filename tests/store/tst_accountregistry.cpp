#include "AccountRegistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The non-secret registry (S-16): accounts, the stored marker with its generation, the
// refresh journal, error codes; it survives a reopen (another process, a restart).
class tst_AccountRegistry : public QObject
{
    Q_OBJECT

    static AccountConfig config(const QString &id, Dialect d)
    {
        AccountConfig c;
        c.id = id;
        c.displayName = QStringLiteral("Account ") + id;
        c.dialect = d;
        c.serverUrl = QUrl(QStringLiteral("https://") + id + QStringLiteral(".example.com/base"));
        c.tokenEndpoint = QUrl(QStringLiteral("https://as.example.com/token"));
        c.revocationEndpoint = QUrl(QStringLiteral("https://as.example.com/revoke"));
        c.introspectionEndpoint = QUrl(QStringLiteral("https://as.example.com/introspect"));
        c.clientId = QStringLiteral("client-") + id;
        c.username = QStringLiteral("user@example.com");
        c.scope = QStringLiteral("api refresh_token");
        c.hasClientSecret = true;
        c.rememberCredentials = d == Dialect::Venafi;
        c.assumedSessionSeconds = 900;
        return c;
    }
    static bool same(const AccountConfig &a, const AccountConfig &b)
    {
        return a.id == b.id && a.displayName == b.displayName && a.dialect == b.dialect
                && a.serverUrl == b.serverUrl && a.tokenEndpoint == b.tokenEndpoint
                && a.revocationEndpoint == b.revocationEndpoint
                && a.introspectionEndpoint == b.introspectionEndpoint && a.clientId == b.clientId
                && a.username == b.username && a.scope == b.scope
                && a.hasClientSecret == b.hasClientSecret
                && a.rememberCredentials == b.rememberCredentials
                && a.assumedSessionSeconds == b.assumedSessionSeconds;
    }

private Q_SLOTS:
    void accountsRoundTripAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.ini"));
        const QList<AccountConfig> written{config(QStringLiteral("zz"), Dialect::Venafi),
                                           config(QStringLiteral("aa"), Dialect::Salesforce),
                                           config(QStringLiteral("mm"), Dialect::Generic)};
        {
            AccountRegistry r(path);
            for (const AccountConfig &c : written)
                r.save(c);
        }
        AccountRegistry r(path);
        const QList<AccountConfig> read = r.accounts();
        QCOMPARE(read.size(), 3);
        for (int i = 0; i < 3; ++i) // insertion order, not alphabetical
            QVERIFY2(same(read.at(i), written.at(i)), qPrintable(written.at(i).id));
        QVERIFY(r.contains(QStringLiteral("aa")));
        QVERIFY(!r.contains(QStringLiteral("nope")));
        QCOMPARE(r.fileName(), path);
    }

    void updateAndRemove()
    {
        QTemporaryDir dir;
        AccountRegistry r(dir.filePath(QStringLiteral("r.ini")));
        AccountConfig c = config(QStringLiteral("a"), Dialect::Generic);
        r.save(c);
        r.setMarker(c.id, {true, 4, c.storageKey()});
        c.displayName = QStringLiteral("renamed");
        r.save(c);
        QCOMPARE(r.accounts().size(), 1);
        QCOMPARE(r.account(c.id).displayName, QStringLiteral("renamed"));
        QCOMPARE(r.marker(c.id).generation, quint64(4)); // saving config keeps the marker
        r.remove(c.id);
        QVERIFY(!r.contains(c.id));
        QVERIFY(!r.marker(c.id).stored);
        QVERIFY(r.accounts().isEmpty());
    }

    void markerJournalAndErrorsPersistImmediately()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.ini"));
        AccountRegistry writer(path);
        writer.setMarker(QStringLiteral("a"), {true, 9007199254740993ULL, QStringLiteral("k")});
        writer.setJournal(QStringLiteral("a"), {true, QStringLiteral("abc123"), 1767225600000LL});
        writer.setLastErrorCode(QStringLiteral("a"), QStringLiteral("invalid_grant"));
        writer.setPasswordStored(QStringLiteral("a"), true);
        // A second instance (another process, or a restart after SIGKILL) sees it at once.
        AccountRegistry reader(path);
        const auto m = reader.marker(QStringLiteral("a"));
        QVERIFY(m.stored);
        QCOMPARE(m.generation, 9007199254740993ULL);
        QCOMPARE(m.storageKey, QStringLiteral("k"));
        const auto j = reader.journal(QStringLiteral("a"));
        QVERIFY(j.inFlight);
        QCOMPARE(j.refreshTokenFingerprint, QStringLiteral("abc123"));
        QCOMPARE(j.startedAtMs, 1767225600000LL);
        QCOMPARE(reader.lastErrorCode(QStringLiteral("a")), QStringLiteral("invalid_grant"));
        QVERIFY(reader.passwordStored(QStringLiteral("a")));

        writer.clearMarker(QStringLiteral("a"));
        writer.clearJournal(QStringLiteral("a"));
        writer.setLastErrorCode(QStringLiteral("a"), QString());
        AccountRegistry again(path);
        QVERIFY(!again.marker(QStringLiteral("a")).stored);
        QCOMPARE(again.marker(QStringLiteral("a")).generation, quint64(0));
        QVERIFY(!again.journal(QStringLiteral("a")).inFlight);
        QVERIFY(again.lastErrorCode(QStringLiteral("a")).isEmpty());
    }

    void invalidIdsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("empty") << QString();
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("backslash") << QStringLiteral("a\\b");
    }
    void invalidIdsAreRefused()
    {
        QFETCH(QString, id);
        QTemporaryDir dir;
        AccountRegistry r(dir.filePath(QStringLiteral("r.ini")));
        r.save(config(id, Dialect::Generic));
        r.setMarker(id, {true, 1, QStringLiteral("k")});
        QVERIFY(r.accounts().isEmpty());
        QVERIFY(!r.marker(id).stored);
    }
};

QTEST_GUILESS_MAIN(tst_AccountRegistry)
#include "tst_accountregistry.moc"
