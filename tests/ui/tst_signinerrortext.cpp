#include "SignInErrorText.h"

#include <QTest>

using Cat = SignInErrorText::Category;
using Kind = AuthError::Kind;
Q_DECLARE_METATYPE(AuthError)
Q_DECLARE_METATYPE(SignInErrorText::Category)

static AuthError err(Kind k, const QString &code = QString(), int status = 0,
                     const QString &detail = QString())
{
    AuthError e(k, code);
    e.httpStatus = status;
    e.detail = detail;
    return e;
}

class tst_SignInErrorText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classes_data()
    {
        QTest::addColumn<AuthError>("error");
        QTest::addColumn<Cat>("category");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("wrong password")
                << err(Kind::BadCredentials, QStringLiteral("invalid_grant"), 400)
                << Cat::Credentials << QStringLiteral("username or password");
        QTest::newRow("refused") << err(Kind::Transient, QStringLiteral("connection_refused"))
                                 << Cat::Unreachable
                                 << QStringLiteral("Cannot reach tpp.example.com");
        QTest::newRow("503") << err(Kind::Transient, QStringLiteral("http_503"), 503)
                             << Cat::Unreachable << QStringLiteral("temporarily unavailable");
        QTest::newRow("offline") << err(Kind::Offline) << Cat::Unreachable
                                 << QStringLiteral("offline");
        QTest::newRow("tls") << err(Kind::Tls, QStringLiteral("tls"), 0,
                                    QStringLiteral("host=tpp.example.com sha256=AB:CD:EF"))
                             << Cat::Certificate << QStringLiteral("SHA-256 fingerprint: AB:CD:EF");
        QTest::newRow("invalid_client") << err(Kind::Config, QStringLiteral("invalid_client"), 401)
                                        << Cat::Configuration << QStringLiteral("client ID");
        QTest::newRow("404") << err(Kind::Config, QStringLiteral("http_404"), 404)
                             << Cat::Configuration << QStringLiteral("server URL");
        QTest::newRow("redirect") << err(Kind::Redirect, QStringLiteral("redirect"), 307,
                                         QStringLiteral("evil.example"))
                                  << Cat::Configuration << QStringLiteral("evil.example");
        QTest::newRow("scope") << err(Kind::Scope, QStringLiteral("invalid_scope"), 403)
                               << Cat::Scope << QStringLiteral("“certificate:manage,revoke”");
        QTest::newRow("cancelled") << err(Kind::Cancelled) << Cat::None << QString();
    }
    void classes()
    {
        QFETCH(AuthError, error);
        QFETCH(Cat, category);
        QFETCH(QString, mustContain);
        QCOMPARE(SignInErrorText::category(error), category);
        const QString text = SignInErrorText::message(error, QStringLiteral("tpp.example.com"),
                                                      QStringLiteral("certificate:manage,revoke"));
        QVERIFY2(text.contains(mustContain, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("HTTP/1.1")));
    }

    void categoriesAreDistinctTexts()
    {
        const QString a =
                SignInErrorText::message(err(Kind::BadCredentials), QStringLiteral("h"), {});
        const QString b = SignInErrorText::message(err(Kind::Transient), QStringLiteral("h"), {});
        const QString c = SignInErrorText::message(err(Kind::Tls), QStringLiteral("h"), {});
        const QString d = SignInErrorText::message(err(Kind::Config), QStringLiteral("h"), {});
        const QString e = SignInErrorText::message(err(Kind::Scope), QStringLiteral("h"), {});
        QCOMPARE(QSet<QString>({a, b, c, d, e}).size(), 5);
    }

    void longServerDescriptionIsDropped()
    {
        AuthError e = err(Kind::Config, QStringLiteral("invalid_request"), 400);
        e.description = QString(400, QLatin1Char('x'));
        QVERIFY(!SignInErrorText::message(e, QStringLiteral("h"), {}).contains(e.description));
        e.description = QStringLiteral("grant_type not supported");
        QVERIFY(SignInErrorText::message(e, QStringLiteral("h"), {}).contains(e.description));
    }

    void salesforceSaysConsumerKey()
    {
        AuthError e(AuthError::Kind::Config, QStringLiteral("invalid_client"));
        const QString sf =
                SignInErrorText::message(e, QStringLiteral("h"), {}, Dialect::Salesforce);
        QVERIFY2(sf.contains(QLatin1String("consumer key or consumer secret")), qPrintable(sf));
        QVERIFY(!sf.contains(QLatin1String("client ID")));
        QVERIFY(SignInErrorText::message(e, QStringLiteral("h"), {}, Dialect::Generic)
                        .contains(QLatin1String("client ID or client secret")));
    }
};

QTEST_GUILESS_MAIN(tst_SignInErrorText)
#include "tst_signinerrortext.moc"
