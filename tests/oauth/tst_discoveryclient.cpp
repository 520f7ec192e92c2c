#include "Clock.h"
#include "Discovery.h"
#include "DiscoveryClient.h"
#include "HttpClient.h"
#include "TinyHttpResponder.h"

#include <memory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>

using K = AuthError::Kind;
Q_DECLARE_METATYPE(AuthError::Kind)

// DiscoveryClient over real loopback sockets: the RFC 8414 document first, the OIDC one only
// when the first is missing or unusable (not when the server is down or claims another
// issuer), exactly one callback per discovery, cancellation and destruction.
class tst_DiscoveryClient : public QObject
{
    Q_OBJECT
private:
    struct Rig
    {
        ManualClock clock;
        QNetworkAccessManager nam;
        TinyHttpResponder server;
        HttpClient http{&nam, &clock};
        std::unique_ptr<DiscoveryClient> client = std::make_unique<DiscoveryClient>(&http);
        QList<DiscoveryResult> results;

        Rig()
        {
            server.listen();
            http.setTransferTimeoutMs(5000);
        }
        QUrl issuer() const { return server.url(QStringLiteral("/t1")); }
        QString issuerText() const { return issuer().toString(); }
        void discover()
        {
            client->discover(issuer(), [this](const DiscoveryResult &r) { results.append(r); });
        }
        QByteArray document(const QString &claimedIssuer = QString(),
                            const QString &tokenEndpoint = QString()) const
        {
            const QString iss = claimedIssuer.isEmpty() ? issuerText() : claimedIssuer;
            QJsonObject o;
            o.insert(QStringLiteral("issuer"), iss);
            o.insert(QStringLiteral("token_endpoint"),
                     tokenEndpoint.isEmpty() ? QString(iss + QStringLiteral("/token"))
                                             : tokenEndpoint);
            o.insert(QStringLiteral("revocation_endpoint"),
                     QString(iss + QStringLiteral("/revoke")));
            o.insert(QStringLiteral("authorization_endpoint"),
                     QString(iss + QStringLiteral("/authorize")));
            o.insert(QStringLiteral("token_endpoint_auth_methods_supported"),
                     QJsonArray{QStringLiteral("client_secret_post")});
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
    };
    static constexpr const char *k8414 = "/.well-known/oauth-authorization-server/t1";
    static constexpr const char *kOidc = "/t1/.well-known/openid-configuration";

private Q_SLOTS:
    // What the RFC 8414 URL answers, what the OIDC URL answers, and the outcome.
    void outcome_data()
    {
        QTest::addColumn<int>("status8414");
        QTest::addColumn<QByteArray>("body8414");
        QTest::addColumn<QByteArray>("contentType8414");
        QTest::addColumn<int>("statusOidc"); // 0: must not be asked
        QTest::addColumn<bool>("oidcGood");
        QTest::addColumn<K>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("answeredBy"); // path of the document used
        const QByteArray json = "application/json";
        const QByteArray html = "text/html";
        QTest::newRow("RFC 8414 document")
                << 200 << QByteArray("GOOD") << json << 0 << false << K::None << QString() << k8414;
        QTest::newRow("404, then OIDC") << 404 << QByteArray("not found") << html << 200 << true
                                        << K::None << QString() << kOidc;
        QTest::newRow("HTML login page, then OIDC")
                << 200 << QByteArray("<html><body>Sign in</body></html>") << html << 200 << true
                << K::None << QString() << kOidc;
        QTest::newRow("empty body, then OIDC")
                << 200 << QByteArray() << json << 200 << true << K::None << QString() << kOidc;
        QTest::newRow("JSON array, then OIDC") << 200 << QByteArray("[1,2]") << json << 200 << true
                                               << K::None << QString() << kOidc;
        QTest::newRow("redirect, then OIDC")
                << 302 << QByteArray() << html << 200 << true << K::None << QString() << kOidc;
        QTest::newRow("both missing: the last answer's error")
                << 404 << QByteArray() << html << 404 << false << K::Config << "http_404" << kOidc;
        QTest::newRow("404, then OIDC HTML") << 404 << QByteArray() << html << 200 << false
                                             << K::Config << "bad_discovery_document" << kOidc;
        // A server that claims another issuer is not asked again (RFC 8414 §3.3).
        QTest::newRow("issuer mismatch stops") << 200 << QByteArray("EVIL") << json << 0 << false
                                               << K::Config << "issuer_mismatch" << k8414;
        QTest::newRow("unsafe token endpoint stops")
                << 200 << QByteArray("HTTPTOKEN") << json << 0 << false << K::Config
                << "bad_token_endpoint" << k8414;
        // An unavailable server is retried later, not probed at another URL.
        QTest::newRow("503 stops")
                << 503 << QByteArray() << json << 0 << false << K::Transient << "http_503" << k8414;
    }
    void outcome()
    {
        QFETCH(int, status8414);
        QFETCH(QByteArray, body8414);
        QFETCH(QByteArray, contentType8414);
        QFETCH(int, statusOidc);
        QFETCH(bool, oidcGood);
        QFETCH(K, kind);
        QFETCH(QString, code);
        QFETCH(QString, answeredBy);
        Rig rig;
        if (body8414 == "GOOD")
            body8414 = rig.document();
        else if (body8414 == "EVIL")
            body8414 = rig.document(QStringLiteral("https://evil.example/t1"));
        else if (body8414 == "HTTPTOKEN")
            body8414 = rig.document(QString(), QStringLiteral("http://as.example/t"));
        rig.server.setHandler([&](const TinyHttpResponder::Request &r) {
            TinyHttpResponder::Response out;
            if (r.path() == k8414) {
                out.status = status8414;
                out.body = body8414;
                out.headers = {{"Content-Type", contentType8414}};
                if (status8414 == 302)
                    out.headers.append(
                            {QByteArray("Location"), QByteArray("https://elsewhere.example/")});
            } else if (r.path() == kOidc) {
                out.status = statusOidc;
                out.body = oidcGood ? rig.document() : QByteArray("<html/>");
            } else {
                out.status = 500;
            }
            return out;
        });
        rig.discover();
        QVERIFY(rig.client->isRunning());
        QVERIFY(rig.results.isEmpty()); // never synchronously
        QTRY_COMPARE(rig.results.size(), 1);
        QVERIFY(!rig.client->isRunning());
        const DiscoveryResult &d = rig.results.first();
        QCOMPARE(d.error.kind, kind);
        QCOMPARE(d.error.code, code);
        QCOMPARE(d.documentUrl.path(), answeredBy);
        QCOMPARE(rig.server.count(), statusOidc ? 2 : 1);
        QCOMPARE(rig.server.requests().first().path(), QByteArray(k8414));
        QCOMPARE(rig.server.requests().first().method, QByteArray("GET"));
        if (statusOidc)
            QCOMPARE(rig.server.last().path(), QByteArray(kOidc));
        if (kind == K::None) {
            QCOMPARE(d.tokenEndpoint.toString(), rig.issuerText() + QStringLiteral("/token"));
            QCOMPARE(d.revocationEndpoint.toString(), rig.issuerText() + QStringLiteral("/revoke"));
            QCOMPARE(d.authorizationEndpoint.toString(),
                     rig.issuerText() + QStringLiteral("/authorize"));
            QCOMPARE(d.tokenAuthMethods, QStringList{QStringLiteral("client_secret_post")});
        } else {
            QVERIFY(d.tokenEndpoint.isEmpty());
        }
        // Nothing more arrives later.
        QCoreApplication::processEvents();
        QCOMPARE(rig.results.size(), 1);
    }

    void unreachableServer()
    {
        Rig rig;
        QUrl issuer = rig.issuer();
        {
            QTcpServer closed; // a port nobody listens on once this goes
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            issuer.setPort(closed.serverPort());
        }
        rig.client->discover(issuer, [&](const DiscoveryResult &r) { rig.results.append(r); });
        QTRY_COMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results.first().error.kind, K::Transient);
        QVERIFY(!rig.results.first().error.code.isEmpty());
        QCOMPARE(rig.server.count(), 0);
    }

    void hangUpIsTransientAndNotRetriedElsewhere()
    {
        Rig rig;
        TinyHttpResponder::Response hang;
        hang.hangUp = true;
        rig.server.enqueue(hang);
        rig.discover();
        QTRY_COMPARE(rig.results.size(), 1);
        QVERIFY(rig.results.first().error.isError());
        QVERIFY(rig.results.first().error.kind != K::Config);
        QVERIFY(!Discovery::shouldTryNext(rig.results.first()));
    }

    void cancelAnswersCancelled()
    {
        Rig rig;
        rig.server.setHandler([](const TinyHttpResponder::Request &) {
            return TinyHttpResponder::Response{200, "{}"};
        });
        rig.discover();
        rig.client->cancel();
        QTRY_COMPARE(rig.results.size(), 1);
        QCOMPARE(rig.results.first().error.kind, K::Cancelled);
        QVERIFY(!rig.client->isRunning());
        QCoreApplication::processEvents();
        QCOMPARE(rig.results.size(), 1); // not retried at the OIDC URL either
    }

    void secondDiscoverySupersedesTheFirst()
    {
        Rig rig;
        rig.server.setHandler([&](const TinyHttpResponder::Request &) {
            return TinyHttpResponder::Response{200, rig.document()};
        });
        QList<DiscoveryResult> first;
        rig.client->discover(rig.issuer(), [&](const DiscoveryResult &r) { first.append(r); });
        rig.discover();
        QTRY_COMPARE(rig.results.size(), 1);
        QTRY_COMPARE(first.size(), 1);
        QCOMPARE(first.first().error.kind, K::Cancelled);
        QVERIFY2(rig.results.first().ok(), qPrintable(rig.results.first().error.toLogString()));
        QVERIFY(!rig.client->isRunning());
    }

    void destroyedClientNeverCallsBack()
    {
        Rig rig;
        bool called = false;
        rig.server.setHandler([&](const TinyHttpResponder::Request &) {
            return TinyHttpResponder::Response{200, rig.document()};
        });
        rig.client->discover(rig.issuer(), [&](const DiscoveryResult &) { called = true; });
        rig.client.reset();
        QTRY_COMPARE(rig.http.pendingCount(), 0);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_DiscoveryClient)
#include "tst_discoveryclient.moc"
