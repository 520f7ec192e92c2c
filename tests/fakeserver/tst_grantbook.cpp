#include "GrantBook.h"

#include <QTest>

// The token rules behind every dialect: expiry boundaries, rotation generations, grace window.
class tst_GrantBook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accessTokenStates()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Generic, QStringLiteral("c"), QStringLiteral("u"),
                                   QStringLiteral("s"), 1000, 0, true);
        const QByteArray at = book.issueAccess(g, 1000, 5000, false);
        QCOMPARE(book.checkAccess(Dialect::Generic, at, 4999), GrantBook::AccessCheck::Valid);
        QCOMPARE(book.checkAccess(Dialect::Generic, at, 5000), GrantBook::AccessCheck::Expired);
        QCOMPARE(book.checkAccess(Dialect::Venafi, at, 2000), GrantBook::AccessCheck::Unknown);
        QCOMPARE(book.checkAccess(Dialect::Generic, "nope", 2000), GrantBook::AccessCheck::Unknown);
        QCOMPARE(book.checkAccess(Dialect::Generic, QByteArray(), 2000),
                 GrantBook::AccessCheck::Unknown);
        book.killAccess(at);
        QCOMPARE(book.checkAccess(Dialect::Generic, at, 2000), GrantBook::AccessCheck::Revoked);
    }

    void expireAllReadsAsExpired()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Salesforce, QStringLiteral("c"), QStringLiteral("u"),
                                   {}, 0, 0, true);
        const QByteArray at = book.issueAccess(g, 0, 7200'000, true);
        book.expireAllAccess(10);
        QCOMPARE(book.checkAccess(Dialect::Salesforce, at, 10), GrantBook::AccessCheck::Expired);
        FakeGrant *dummy = nullptr;
        QCOMPARE(book.checkRefresh(Dialect::Salesforce, g.refreshToken, 10, 0, &dummy),
                 GrantBook::RefreshCheck::Current);
    }

    void refreshGenerations_data()
    {
        QTest::addColumn<int>("rotations");
        QTest::addColumn<int>("presentedGeneration");
        QTest::addColumn<qint64>("graceMs");
        QTest::addColumn<qint64>("presentAtMs"); // rotations happen at t = 1000
        QTest::addColumn<int>("expected");
        using R = GrantBook::RefreshCheck;
        QTest::newRow("current") << 0 << 0 << qint64(0) << qint64(1000) << int(R::Current);
        QTest::newRow("rotated out") << 1 << 0 << qint64(0) << qint64(1000) << int(R::Stale);
        QTest::newRow("newest") << 1 << 1 << qint64(0) << qint64(1000) << int(R::Current);
        QTest::newRow("inside grace") << 1 << 0 << qint64(500) << qint64(1499) << int(R::Previous);
        QTest::newRow("grace boundary") << 1 << 0 << qint64(500) << qint64(1500) << int(R::Stale);
        QTest::newRow("two back, inside grace")
                << 2 << 0 << qint64(500) << qint64(1000) << int(R::Stale);
        QTest::newRow("grant end") << 0 << 0 << qint64(0) << qint64(9000) << int(R::Dead);
    }
    void refreshGenerations()
    {
        QFETCH(int, rotations);
        QFETCH(int, presentedGeneration);
        QFETCH(qint64, graceMs);
        QFETCH(qint64, presentAtMs);
        QFETCH(int, expected);
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Venafi, QStringLiteral("c"), QStringLiteral("u"), {}, 0,
                                   9000, true);
        QList<QByteArray> tokens{g.refreshToken};
        for (int i = 0; i < rotations; ++i) {
            book.rotateRefresh(g, 1000);
            tokens.append(g.refreshToken);
        }
        FakeGrant *found = nullptr;
        const auto check = book.checkRefresh(Dialect::Venafi, tokens.at(presentedGeneration),
                                             presentAtMs, graceMs, &found);
        QCOMPARE(int(check), expected);
        QCOMPARE(found != nullptr, check != GrantBook::RefreshCheck::Dead);
    }

    void revokedGrantIsDeadEverywhere()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Generic, QStringLiteral("c"), QStringLiteral("u"), {},
                                   0, 0, true);
        const QByteArray at = book.issueAccess(g, 0, 1000, false);
        const QByteArray rt = g.refreshToken;
        book.revokeGrant(g);
        FakeGrant *found = nullptr;
        QCOMPARE(book.checkRefresh(Dialect::Generic, rt, 1, 0, &found),
                 GrantBook::RefreshCheck::Dead);
        QVERIFY(!found);
        QCOMPARE(book.checkAccess(Dialect::Generic, at, 1), GrantBook::AccessCheck::Revoked);
        QVERIFY(book.liveGrants(Dialect::Generic, 1).isEmpty());
    }

    void liveGrantsFilterAndOrder()
    {
        GrantBook book;
        const int a = book.create(Dialect::Salesforce, QStringLiteral("c1"), QStringLiteral("u"),
                                  {}, 0, 0, true)
                              .id;
        book.create(Dialect::Salesforce, QStringLiteral("c2"), QStringLiteral("u"), {}, 0, 0, true);
        const int c = book.create(Dialect::Salesforce, QStringLiteral("c1"), QStringLiteral("u"),
                                  {}, 0, 500, true)
                              .id;
        book.create(Dialect::Generic, QStringLiteral("c1"), QStringLiteral("u"), {}, 0, 0, true);
        auto ids = [](const QList<FakeGrant *> &grants) {
            QList<int> out;
            for (const FakeGrant *g : grants)
                out.append(g->id);
            return out;
        };
        QCOMPARE(ids(book.liveGrants(Dialect::Salesforce, 0, QStringLiteral("u"),
                                     QStringLiteral("c1"))),
                 (QList<int>{a, c}));
        QCOMPARE(book.liveGrants(Dialect::Salesforce, 0).size(), 3);
        QCOMPARE(ids(book.liveGrants(Dialect::Salesforce, 500, QStringLiteral("u"),
                                     QStringLiteral("c1"))),
                 QList<int>{a}); // c ended at t = 500
        QVERIFY(book.liveGrants(Dialect::Salesforce, 0, QStringLiteral("nobody")).isEmpty());
    }

    void slidingSessionRecordsActivityAfterHalfTheTimeout()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Salesforce, QStringLiteral("c"), QStringLiteral("u"),
                                   {}, 0, 0, false);
        FakeAccessToken *at = book.access(book.issueAccess(g, 0, 1000, true));
        book.touch(*at, 499);
        QCOMPARE(at->expiresMs, 1000);
        book.touch(*at, 500);
        QCOMPARE(at->expiresMs, 1500);
        FakeGrant &v = book.create(Dialect::Venafi, QStringLiteral("c"), QStringLiteral("u"), {}, 0,
                                   0, false);
        FakeAccessToken *fixed = book.access(book.issueAccess(v, 0, 1000, false));
        book.touch(*fixed, 900);
        QCOMPARE(fixed->expiresMs, 1000); // only Salesforce sessions slide
    }

    void tokenFormat()
    {
        GrantBook book;
        book.setTokenPrefix("CANARY-x");
        FakeGrant &g = book.create(Dialect::Generic, QStringLiteral("c"), QStringLiteral("u"), {},
                                   0, 0, true);
        const QByteArray at = book.issueAccess(g, 0, 1, false);
        QVERIFY(g.refreshToken.startsWith("CANARY-x-RT-1-"));
        QVERIFY(at.startsWith("CANARY-x-AT-2-"));
        QCOMPARE(at.size(), QByteArray("CANARY-x-AT-2-").size() + 24); // 12 random bytes, hex
    }

    void liveness()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Generic, QStringLiteral("c"), QStringLiteral("u"), {},
                                   0, 10'000, true);
        const QByteArray at = book.issueAccess(g, 0, 5000, false);
        const QByteArray rt0 = g.refreshToken;
        QVERIFY(book.isTokenActive(at, 4999) && !book.isTokenActive(at, 5000));
        QVERIFY(book.isTokenActive(rt0, 9999) && !book.isTokenActive(rt0, 10'000));
        book.rotateRefresh(g, 100);
        QVERIFY(!book.isTokenActive(rt0, 200)); // rotated out
        QVERIFY(book.isGrantLive(rt0, 200)); // but its grant lives on
        book.revokeRefresh(g);
        QVERIFY(!book.isTokenActive(g.refreshToken, 200));
        QVERIFY(book.isGrantLive(at, 4999)); // only the access token holds it now
        QVERIFY(!book.isGrantLive(at, 5000));
        QVERIFY(!book.isTokenActive({}, 0) && !book.isGrantLive("nope", 0));
        QCOMPARE(book.liveGrants(Dialect::Generic, 200).size(), 1); // not revoked as a whole
    }

    void hardEndCapsTheSlidingSession()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Salesforce, QStringLiteral("c"), QStringLiteral("u"),
                                   {}, 0, 0, true);
        const QByteArray at = book.issueAccess(g, 0, 1000, true, 1500);
        FakeAccessToken *a = book.access(at);
        book.touch(*a, 600); // would slide to 1600
        QCOMPARE(a->expiresMs, 1500);
        book.killAllAccess(Dialect::Generic);
        QVERIFY(book.isTokenActive(at, 1499));
        book.killAllAccess(Dialect::Salesforce);
        QVERIFY(!book.isTokenActive(at, 1));
    }

    void jsonRoundTrip()
    {
        GrantBook book;
        FakeGrant &g = book.create(Dialect::Venafi, QStringLiteral("c"), QStringLiteral("\u00e9"),
                                   QStringLiteral("certificate:manage"), 1000, 90'000, true);
        const QByteArray at = book.issueAccess(g, 1000, 5000, false);
        const QByteArray oldRt = g.refreshToken;
        book.rotateRefresh(g, 2000);
        const QByteArray rt = g.refreshToken;
        GrantBook copy;
        QVERIFY(copy.fromJson(book.toJson()));
        FakeGrant *restored = nullptr;
        QCOMPARE(copy.checkRefresh(Dialect::Venafi, rt, 3000, 0, &restored),
                 GrantBook::RefreshCheck::Current);
        QCOMPARE(copy.checkRefresh(Dialect::Venafi, oldRt, 3000, 0, &restored),
                 GrantBook::RefreshCheck::Stale);
        QCOMPARE(restored->username, QStringLiteral("\u00e9"));
        QCOMPARE(restored->expiresMs, 90'000);
        QCOMPARE(copy.checkAccess(Dialect::Venafi, at, 4999), GrantBook::AccessCheck::Valid);
        // New tokens and grants never collide with restored ones.
        FakeGrant &next = copy.create(Dialect::Venafi, QStringLiteral("c"), {}, {}, 0, 0, true);
        QVERIFY(next.id > g.id);
        QVERIFY(copy.checkRefresh(Dialect::Venafi, next.refreshToken, 0, 0, &restored)
                == GrantBook::RefreshCheck::Current);
        QVERIFY(next.refreshToken.split('-').at(2).toInt() > rt.split('-').at(2).toInt());
        QVERIFY(!copy.fromJson("garbage"));
        QVERIFY(!copy.fromJson(R"({"grants":[{"id":0}]})"));
        QVERIFY(copy.isTokenActive(rt, 3000)); // a failed load leaves the book alone
    }
};

QTEST_GUILESS_MAIN(tst_GrantBook)
#include "tst_grantbook.moc"
