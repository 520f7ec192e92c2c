#include "Discovery.h"

#include <QTest>

// RFC 8414 / OIDC discovery helpers with synthetic documents.
class tst_Discovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void urls_data();
    void urls();
    void document_data();
    void document();
    void defaultsAndOptional();
};

using K = AuthError::Kind;

void tst_Discovery::urls_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("rfc8414");
    QTest::addColumn<QString>("oidc");
    QTest::newRow("host only") << "https://as.example"
                               << "https://as.example/.well-known/oauth-authorization-server"
                               << "https://as.example/.well-known/openid-configuration";
    QTest::newRow("trailing slash") << "https://as.example/"
                                    << "https://as.example/.well-known/oauth-authorization-server"
                                    << "https://as.example/.well-known/openid-configuration";
    QTest::newRow("path") << "https://as.example/tenant1"
                          << "https://as.example/.well-known/oauth-authorization-server/tenant1"
                          << "https://as.example/tenant1/.well-known/openid-configuration";
    QTest::newRow("port, deep path")
            << "http://127.0.0.1:8080/a/b"
            << "http://127.0.0.1:8080/.well-known/oauth-authorization-server/a/b"
            << "http://127.0.0.1:8080/a/b/.well-known/openid-configuration";
}

void tst_Discovery::urls()
{
    QFETCH(QString, issuer);
    QFETCH(QString, rfc8414);
    QFETCH(QString, oidc);
    QCOMPARE(Discovery::rfc8414Url(QUrl(issuer)).toString(), rfc8414);
    QCOMPARE(Discovery::oidcUrl(QUrl(issuer)).toString(), oidc);
    const HttpRequest r = Discovery::request(QUrl(rfc8414));
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.purpose, QStringLiteral("discovery"));
}

void tst_Discovery::document_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<K>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("tryNext");
    const QByteArray good = R"({"issuer":"https://as.example/t1",)"
                            R"("token_endpoint":"https://as.example/t1/token",)"
                            R"("revocation_endpoint":"https://as.example/t1/revoke",)"
                            R"("grant_types_supported":["password","refresh_token"]})";
    QTest::newRow("ok") << 200 << good << K::None << QString() << false;
    QTest::newRow("issuer mismatch")
            << 200
            << QByteArray(
                       R"({"issuer":"https://evil.example/t1","token_endpoint":"https://evil.example/t"})")
            << K::Config << "issuer_mismatch" << false;
    QTest::newRow("issuer trailing slash differs")
            << 200
            << QByteArray(
                       R"({"issuer":"https://as.example/t1/","token_endpoint":"https://as.example/t"})")
            << K::Config << "issuer_mismatch" << false;
    QTest::newRow("http token endpoint")
            << 200
            << QByteArray(
                       R"({"issuer":"https://as.example/t1","token_endpoint":"http://as.example/t"})")
            << K::Config << "bad_token_endpoint" << false;
    QTest::newRow("no token endpoint") << 200 << QByteArray(R"({"issuer":"https://as.example/t1"})")
                                       << K::Config << "bad_token_endpoint" << false;
    QTest::newRow("404") << 404 << QByteArray() << K::Config << "http_404" << true;
    QTest::newRow("not JSON") << 200 << QByteArray("<html/>") << K::Config
                              << "bad_discovery_document" << true;
    QTest::newRow("JSON array") << 200 << QByteArray("[]") << K::Config << "bad_discovery_document"
                                << true;
    QTest::newRow("redirect") << 302 << QByteArray() << K::Redirect << "redirect" << true;
    QTest::newRow("503") << 503 << QByteArray() << K::Transient << "http_503" << false;
}

void tst_Discovery::document()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(K, kind);
    QFETCH(QString, code);
    QFETCH(bool, tryNext);
    HttpReply r;
    r.status = status;
    r.body = body;
    const DiscoveryResult d =
            Discovery::parseDocument(r, QUrl(QStringLiteral("https://as.example/t1")));
    QCOMPARE(d.error.kind, kind);
    QCOMPARE(d.error.code, code);
    QCOMPARE(Discovery::shouldTryNext(d), tryNext);
    if (kind == K::None) {
        QCOMPARE(d.tokenEndpoint.toString(), QStringLiteral("https://as.example/t1/token"));
        QCOMPARE(d.revocationEndpoint.toString(), QStringLiteral("https://as.example/t1/revoke"));
        QVERIFY(d.introspectionEndpoint.isEmpty());
        QCOMPARE(d.grantTypes,
                 QStringList({QStringLiteral("password"), QStringLiteral("refresh_token")}));
    } else {
        QVERIFY(d.tokenEndpoint.isEmpty());
    }
}

void tst_Discovery::defaultsAndOptional()
{
    HttpReply r;
    r.status = 200;
    r.body = R"({"issuer":"https://as.example","token_endpoint":"https://as.example/token"})";
    const DiscoveryResult d =
            Discovery::parseDocument(r, QUrl(QStringLiteral("https://as.example")));
    QVERIFY(d.ok());
    QVERIFY(d.revocationEndpoint.isEmpty());
    QCOMPARE(d.grantTypes,
             QStringList({QStringLiteral("authorization_code"), QStringLiteral("implicit")}));
    HttpReply down;
    down.transport = HttpReply::Transport::HostNotFound;
    const DiscoveryResult failed =
            Discovery::parseDocument(down, QUrl(QStringLiteral("https://as.example")));
    QCOMPARE(failed.error.kind, K::Transient);
    QVERIFY(!Discovery::shouldTryNext(failed));
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
