#include "ErrorText.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>

// The one table of error wording (ui/ErrorText): every kind of engine error has its own
// sentence, every code the interactive flows produce reads as its own sentence (M-62..M-64), the
// server's description is kept where it helps (never for the issuer check), revocation problems
// are words and not log codes, and the German catalogue covers them.
class tst_ErrorText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data();
    void text();
    void fallsBack();
    void everyKindHasItsOwnSentence();
    void serverDescriptionKeptButNotForDeadGrants();
    void evidenceStaysInTheLog_data();
    void evidenceStaysInTheLog();
    void serverTextIsRedacted();
    void storageSentences();
    void revokeProblems_data();
    void revokeProblems();
    void german();
};

void tst_ErrorText::text_data()
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

void tst_ErrorText::text()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, description);
    QFETCH(QString, contains);
    QFETCH(bool, startAgain);
    AuthError e(AuthError::Kind(kind), code, description);
    const QString t = ErrorText::describe(e);
    QVERIFY(!t.isEmpty());
    QVERIFY2(t.contains(contains), qPrintable(t));
    QVERIFY(!t.contains(QLatin1String("Username or password"))); // not the password wording
    if (code.startsWith(QLatin1String("iss")))
        QVERIFY(!t.contains(description));
    QCOMPARE(ErrorText::canStartAgain(e), startAgain);
}

void tst_ErrorText::fallsBack()
{
    // A code the flows do not know reads as its kind.
    const AuthError e(AuthError::Kind::Config, QStringLiteral("invalid_client"));
    QVERIFY(ErrorText::describe(e).contains(QLatin1String("client ID")));
    QVERIFY(!ErrorText::canStartAgain(e));
    QVERIFY(ErrorText::describe(AuthError()).isEmpty());
}

void tst_ErrorText::everyKindHasItsOwnSentence()
{
    using K = AuthError::Kind;
    QSet<QString> seen;
    for (K k : {K::GrantDead, K::BadCredentials, K::Transient, K::Ambiguous, K::Config, K::Scope,
                K::Tls, K::Redirect, K::Offline, K::AccessTokenRejected, K::InsufficientScope,
                K::Cancelled, K::Storage}) {
        const QString t = ErrorText::describe(AuthError(k, QStringLiteral("x")));
        QVERIFY2(!t.isEmpty(), qPrintable(AuthError::kindName(k)));
        QVERIFY2(!t.contains(AuthError::kindName(k)), qPrintable(t)); // words, not identifiers
        QVERIFY2(!seen.contains(t), qPrintable(t));
        seen.insert(t);
    }
    // Codes that change the sentence within a kind.
    QVERIFY(ErrorText::describe(AuthError(K::GrantDead, QStringLiteral("lost_rotation")))
                    .contains(QLatin1String("interrupted")));
    QVERIFY(ErrorText::describe(AuthError(K::Config, QStringLiteral("http_404")))
                    .contains(QLatin1String("not found")));
}

void tst_ErrorText::serverDescriptionKeptButNotForDeadGrants()
{
    const AuthError config(AuthError::Kind::Config, QStringLiteral("invalid_request"),
                           QStringLiteral("redirect_uri mismatch"));
    QVERIFY(ErrorText::describe(config).endsWith(QLatin1String("redirect_uri mismatch")));
    const AuthError dead(AuthError::Kind::GrantDead, QStringLiteral("invalid_grant"),
                         QStringLiteral("token expired at 12:00"));
    QVERIFY(!ErrorText::describe(dead).contains(QLatin1String("12:00")));
}

// The engine's evidence for endpoint checks ("no authorization endpoint", EndpointPolicy's
// sentence) is English for the log; the person reads one sentence, not the same thing twice.
void tst_ErrorText::evidenceStaysInTheLog_data()
{
    using K = AuthError::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("no browser") << int(K::Config) << "browser_sign_in_unsupported"
                                << "no authorization endpoint";
    QTest::newRow("no device") << int(K::Config) << "device_sign_in_unsupported"
                               << "no device authorization endpoint";
    QTest::newRow("bad device endpoint") << int(K::Config) << "bad_device_endpoint"
                                         << "The URL must use https://";
    QTest::newRow("policy") << int(K::Config) << "endpoint_policy"
                            << "The URL must use https://";
    QTest::newRow("discovery token endpoint") << int(K::Config) << "bad_token_endpoint"
                                              << "The URL has no host name.";
}

void tst_ErrorText::evidenceStaysInTheLog()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, evidence);
    const QString t = ErrorText::describe(AuthError(AuthError::Kind(kind), code, evidence));
    QVERIFY(!t.isEmpty());
    QVERIFY2(!t.contains(evidence), qPrintable(t));
}

// An error_description has been seen echoing the token it rejected: never shown as is (I-6).
void tst_ErrorText::serverTextIsRedacted()
{
    const QByteArray jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    for (const QString &code :
         {QStringLiteral("invalid_request"), QStringLiteral("authorization_code_rejected")}) {
        const AuthError e(AuthError::Kind::Config, code,
                          QStringLiteral("token ") + QString::fromLatin1(jwt)
                                  + QStringLiteral(" is malformed"));
        const QString t = ErrorText::describe(e);
        QVERIFY2(!t.contains(QString::fromLatin1(jwt)), qPrintable(t));
        QVERIFY2(t.contains(QLatin1String("malformed")), qPrintable(t)); // the rest is kept
    }
}

void tst_ErrorText::storageSentences()
{
    QSet<QString> seen;
    for (StorageStatus s :
         {StorageStatus::Ok, StorageStatus::NotPersisted, StorageStatus::Locked,
          StorageStatus::Denied, StorageStatus::Unavailable, StorageStatus::Pending,
          StorageStatus::Unreadable, StorageStatus::SessionOnly}) {
        const QString t = ErrorText::storage(s);
        QVERIFY2(t != storageStatusId(s) && t.contains(u' ') && t.at(0).isUpper(), qPrintable(t));
        seen.insert(t);
    }
    QCOMPARE(seen.size(), 8);
}

void tst_ErrorText::revokeProblems_data()
{
    using K = AuthError::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contains");
    QTest::newRow("no endpoint") << int(K::Config) << "no_revocation_endpoint" << 0
                                 << "no revocation endpoint";
    QTest::newRow("interrupted") << int(K::Ambiguous) << "renewal_interrupted" << 0
                                 << "interrupted";
    QTest::newRow("503") << int(K::Transient) << "http_503" << 503 << "HTTP 503";
    QTest::newRow("unreachable") << int(K::Transient) << "network" << 0 << "could not be reached";
    QTest::newRow("already ended")
            << int(K::GrantDead) << "grant_already_ended" << 0 << "already ended";
    QTest::newRow("nothing") << int(K::Cancelled) << "nothing_to_revoke" << 0 << "no grant";
}

void tst_ErrorText::revokeProblems()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(QString, contains);
    AuthError e(AuthError::Kind(kind), code);
    e.httpStatus = status;
    const QString t = ErrorText::revokeProblem(e);
    QVERIFY2(t.contains(contains), qPrintable(t));
    QVERIFY2(!t.contains(code) || code.startsWith(QLatin1String("http")), qPrintable(t));
    QVERIFY(ErrorText::revokeProblem(AuthError()).isEmpty());
}

void tst_ErrorText::german()
{
    Translations::install(QLocale(QLocale::German));
    const QString t = ErrorText::describe(AuthError(AuthError::Kind::BadCredentials, QString()));
    const QString r = ErrorText::revokeProblem(
            AuthError(AuthError::Kind::Config, QStringLiteral("no_revocation_endpoint")));
    const QString f = ErrorText::describe(
            AuthError(AuthError::Kind::BadCredentials, QStringLiteral("access_denied")));
    Translations::install(QLocale(QLocale::English));
    QVERIFY2(!t.contains(QLatin1String("password")), qPrintable(t));
    QVERIFY2(!r.contains(QLatin1String("revocation")), qPrintable(r));
    QVERIFY2(!f.contains(QLatin1String("denied")), qPrintable(f));
}

QTEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
