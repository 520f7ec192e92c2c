#include "SignInMessages.h"

#include <QTest>

// Every error code the interactive flows produce reads as its own sentence (M-62..M-64), the
// server's description is kept where it helps, and unknown codes fall back to AuthError.
class tst_SignInMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data();
    void text();
    void fallsBack();
};

void tst_SignInMessages::text_data()
{
    using K = AuthError::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("contains");
    QTest::addColumn<bool>("startAgain");
    QTest::newRow("M-63") << int(K::BadCredentials) << "authorization_code_rejected"
                          << "PKCE verification failed"
                          << "PKCE verification failed" << true;
    QTest::newRow("M-63 words") << int(K::BadCredentials) << "authorization_code_rejected"
                                << ""
                                << "already used" << true;
    QTest::newRow("access_denied") << int(K::BadCredentials) << "access_denied"
                                   << ""
                                   << "denied" << true;
    QTest::newRow("timeout") << int(K::Cancelled) << "sign_in_timeout"
                             << ""
                             << "timed out" << true;
    QTest::newRow("device expiry") << int(K::Cancelled) << "expired_token"
                                   << ""
                                   << "Start again" << true;
    QTest::newRow("iss: no server text") << int(K::Config) << "iss_mismatch"
                                         << "<b>evil</b>"
                                         << "issuer" << false;
    QTest::newRow("port") << int(K::Config) << "listener_unavailable"
                          << ""
                          << "port" << false;
    QTest::newRow("venafi browser") << int(K::Config) << "browser_sign_in_unsupported"
                                    << ""
                                    << "browser" << false;
    QTest::newRow("transient start") << int(K::Transient) << "http_503"
                                     << ""
                                     << "" << true;
}

void tst_SignInMessages::text()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, description);
    QFETCH(QString, contains);
    QFETCH(bool, startAgain);
    AuthError e(AuthError::Kind(kind), code, description);
    const QString t = SignInMessages::text(e);
    QVERIFY(!t.isEmpty());
    QVERIFY2(t.contains(contains), qPrintable(t));
    QVERIFY(!t.contains(QLatin1String("Username or password"))); // not the password wording
    if (code.startsWith(QLatin1String("iss")))
        QVERIFY(!t.contains(description));
    QCOMPARE(SignInMessages::canStartAgain(e), startAgain);
}

void tst_SignInMessages::fallsBack()
{
    const AuthError e(AuthError::Kind::Config, QStringLiteral("invalid_client"));
    QCOMPARE(SignInMessages::text(e), e.userMessage());
    QVERIFY(!SignInMessages::canStartAgain(e));
}

QTEST_GUILESS_MAIN(tst_SignInMessages)
#include "tst_signinmessages.moc"
