#include "AuthError.h"

#include <QSet>
#include <QTest>

using K = AuthError::Kind;
Q_DECLARE_METATYPE(AuthError::Kind)

// AuthError is the value the state machine decides on (reliability.md §3.3): its kind alone
// says whether a retry can help and whether a person must change the settings; the log form
// carries the evidence and nothing else.
class tst_AuthError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisions_data()
    {
        QTest::addColumn<K>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<bool>("needsConfiguration");
        // kind, name, error, retry, config
        QTest::newRow("None") << K::None << "None" << false << false << false;
        QTest::newRow("GrantDead") << K::GrantDead << "GrantDead" << true << false << false;
        QTest::newRow("BadCredentials")
                << K::BadCredentials << "BadCredentials" << true << false << false;
        QTest::newRow("Transient") << K::Transient << "Transient" << true << true << false;
        QTest::newRow("Ambiguous") << K::Ambiguous << "Ambiguous" << true << true << false;
        QTest::newRow("Config") << K::Config << "Config" << true << false << true;
        QTest::newRow("Scope") << K::Scope << "Scope" << true << false << true;
        QTest::newRow("Tls") << K::Tls << "Tls" << true << false << true;
        QTest::newRow("Redirect") << K::Redirect << "Redirect" << true << false << true;
        QTest::newRow("Offline") << K::Offline << "Offline" << true << true << false;
        QTest::newRow("AccessTokenRejected")
                << K::AccessTokenRejected << "AccessTokenRejected" << true << false << false;
        QTest::newRow("InsufficientScope")
                << K::InsufficientScope << "InsufficientScope" << true << false << false;
        QTest::newRow("Cancelled") << K::Cancelled << "Cancelled" << true << false << false;
        QTest::newRow("Storage") << K::Storage << "Storage" << true << false << false;
    }
    void decisions()
    {
        QFETCH(K, kind);
        QFETCH(QString, name);
        QFETCH(bool, isError);
        QFETCH(bool, retryable);
        QFETCH(bool, needsConfiguration);
        const AuthError e(kind, QStringLiteral("some_code"));
        QCOMPARE(AuthError::kindName(kind), name);
        QCOMPARE(e.isError(), isError);
        QCOMPARE(bool(e), isError);
        QCOMPARE(e.isRetryable(), retryable);
        QCOMPARE(e.needsConfiguration(), needsConfiguration);
        // A retry that can succeed by itself never also asks a person to change the settings.
        QVERIFY(!(e.isRetryable() && e.needsConfiguration()));
    }

    void kindNamesAreDistinct()
    {
        QSet<QString> names;
        const int last = int(K::Storage);
        for (int k = 0; k <= last; ++k)
            names.insert(AuthError::kindName(K(k)));
        QCOMPARE(names.size(), last + 1);
        QVERIFY(!names.contains(QStringLiteral("Unknown")));
        // A value outside the enum (a corrupt or newer journal entry) still has a name.
        QCOMPARE(AuthError::kindName(K(last + 7)), QStringLiteral("Unknown"));
    }

    void defaults()
    {
        const AuthError e;
        QVERIFY(!e.isError());
        QVERIFY(!e);
        QCOMPARE(e.kind, K::None);
        QVERIFY(e.code.isEmpty());
        QCOMPARE(e.httpStatus, 0);
        QCOMPARE(e.retryAfterMs, qint64(-1));
        QCOMPARE(e.toLogString(), QStringLiteral("None"));
        const AuthError withDescription(K::GrantDead, QStringLiteral("invalid_grant"),
                                        QStringLiteral("expired"));
        QCOMPARE(withDescription.code, QStringLiteral("invalid_grant"));
        QCOMPARE(withDescription.description, QStringLiteral("expired"));
    }

    void logString_data()
    {
        QTest::addColumn<K>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kind only") << K::Offline << QString() << 0 << qint64(-1) << "Offline";
        QTest::newRow("code") << K::GrantDead << "invalid_grant" << 0 << qint64(-1)
                              << "GrantDead(invalid_grant)";
        QTest::newRow("status") << K::Transient << "http_503" << 503 << qint64(-1)
                                << "Transient(http_503) status=503";
        QTest::newRow("retry-after") << K::Transient << "http_429" << 429 << qint64(30000)
                                     << "Transient(http_429) status=429 retryAfterMs=30000";
        QTest::newRow("retry-after zero is present")
                << K::Transient << "http_503" << 503 << qint64(0)
                << "Transient(http_503) status=503 retryAfterMs=0";
        QTest::newRow("status without code")
                << K::Config << QString() << 404 << qint64(-1) << "Config status=404";
    }
    void logString()
    {
        QFETCH(K, kind);
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(qint64, retryAfterMs);
        QFETCH(QString, expected);
        AuthError e(kind, code);
        e.httpStatus = status;
        e.retryAfterMs = retryAfterMs;
        QCOMPARE(e.toLogString(), expected);
    }

    // The log form is evidence of the decision only: the server's words and the reason phrase
    // stay out of it (they may echo what the person typed).
    void logStringLeavesTheServerTextOut()
    {
        AuthError e(K::BadCredentials, QStringLiteral("invalid_grant"),
                    QStringLiteral("password hunter2 is wrong"));
        e.reasonPhrase = QStringLiteral("Bad Request hunter2");
        e.detail = QStringLiteral("host=as.example sha256=abc");
        e.httpStatus = 400;
        const QString log = e.toLogString();
        QCOMPARE(log, QStringLiteral("BadCredentials(invalid_grant) status=400"));
        QVERIFY(!log.contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(tst_AuthError)
#include "tst_autherror.moc"
