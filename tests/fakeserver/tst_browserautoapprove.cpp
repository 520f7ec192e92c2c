#include "FakeServerFixture.h"
#include "FlowBook.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

// The autoApprove knob in a real browser: headless Chromium opens the authorization URL, the
// fake server's page submits itself, Chromium follows the 302 to a loopback listener standing
// in for the app, and the code it delivers exchanges for tokens. Skipped without Chromium.
class tst_BrowserAutoApprove : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void chromiumFollowsTheAutoSubmittedPage()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            QSKIP("chromium is not installed (scripts/deps.sh installs it)");
        auto &k = f.server->knobs(Dialect::Generic);
        k.autoApprove = true;
        k.autoApproveUser = QStringLiteral("alice");

        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QByteArray requestLine;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = listener.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s, &requestLine] {
                const QByteArray head = s->readAll();
                if (requestLine.isEmpty() && head.startsWith("GET /callback"))
                    requestLine = head.left(head.indexOf("\r\n"));
                s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                s->disconnectFromHost();
            });
        });
        const QByteArray redirect =
                "http://127.0.0.1:" + QByteArray::number(listener.serverPort()) + "/callback";
        const QByteArray verifier(43, 'v');
        const QByteArray url = f.server->baseUrl().toEncoded() + "/generic/authorize?"
                + TestHttpClient::formEncode(
                                       {{"response_type", "code"},
                                        {"client_id", "pub"},
                                        {"redirect_uri", redirect},
                                        {"scope", "read"},
                                        {"state", "s1"},
                                        {"code_challenge",
                                         FlowBook::s256(QString::fromLatin1(verifier)).toLatin1()},
                                        {"code_challenge_method", "S256"}});
        QTemporaryDir profile;
        QProcess browser;
        browser.start(chromium,
                      {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                       QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                       QStringLiteral("--user-data-dir=") + profile.path(),
                       QString::fromLatin1(url)});
        QVERIFY(browser.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!requestLine.isEmpty(), 90000);
        browser.kill();
        browser.waitForFinished(5000);

        const QUrl callback(
                QStringLiteral("http://x")
                + QString::fromLatin1(requestLine.mid(4, requestLine.lastIndexOf(' ') - 4)));
        const QUrlQuery q(callback);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
        const HttpResult tokens =
                f.http->postForm("/generic/token",
                                 {{"grant_type", "authorization_code"},
                                  {"code", q.queryItemValue(QStringLiteral("code")).toLatin1()},
                                  {"redirect_uri", redirect},
                                  {"client_id", "pub"},
                                  {"code_verifier", verifier}});
        QCOMPARE(tokens.status, 200);
        QVERIFY(f.server->isTokenActive(tokens.str("access_token").toLatin1()));
    }

private:
    FakeServerFixture f;
};

QTEST_GUILESS_MAIN(tst_BrowserAutoApprove)
#include "tst_browserautoapprove.moc"
