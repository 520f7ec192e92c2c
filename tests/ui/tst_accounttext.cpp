#include "AccountText.h"
#include "ErrorText.h"
#include "TimeFormat.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QTest>

using S = SessionState;
using St = StorageStatus;
using K = AuthError::Kind;
Q_DECLARE_METATYPE(SessionState)
Q_DECLARE_METATYPE(StorageStatus)

// The words for an account in the window, tray and dialogs: one plain sentence each, what
// happens next, never a token or an internal code.
class tst_AccountText : public QObject
{
    Q_OBJECT
private:
    static constexpr qint64 kNow = 1'767'225'600'000; // 2026-01-01T00:00:00Z
    static constexpr qint64 kMinute = 60'000;

    static AccountSnapshot snapshot(S state)
    {
        AccountSnapshot s;
        s.config.dialect = Dialect::Venafi;
        s.config.serverUrl = QUrl(QStringLiteral("https://tpp.example.com/vedsdk"));
        s.config.username = QStringLiteral("alice");
        s.config.displayName = QStringLiteral("Prod TPP");
        s.state = state;
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void signingInSaysWhoItWaitsFor()
    {
        AccountSnapshot s = snapshot(S::SigningIn);
        s.config.signInMethod = SignInMethod::Browser;
        QCOMPARE(AccountText::statusLine(s, kNow, false),
                 QStringLiteral("Waiting for you to sign in in the browser"));
        s.config.signInMethod = SignInMethod::Device;
        QCOMPARE(AccountText::statusLine(s, kNow, false),
                 QStringLiteral("Waiting for the code to be entered"));
        s.config.signInMethod = SignInMethod::Password;
        QCOMPARE(AccountText::statusLine(s, kNow, false), QStringLiteral("Signing in…"));
    }

    void name_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("expected");
        QTest::newRow("display name wins") << "Prod"
                                           << "alice"
                                           << "https://tpp.example.com"
                                           << "Prod";
        QTest::newRow("user at host") << QString() << "alice"
                                      << "https://tpp.example.com:8443/x"
                                      << "alice@tpp.example.com";
        QTest::newRow("host only") << QString() << QString() << "https://tpp.example.com"
                                   << "tpp.example.com";
        QTest::newRow("nothing") << QString() << QString() << QString() << QString();
    }
    void name()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, username);
        QFETCH(QString, server);
        QFETCH(QString, expected);
        AccountConfig c;
        c.displayName = displayName;
        c.username = username;
        c.serverUrl = QUrl(server);
        QCOMPARE(AccountText::name(c), expected);
    }

    void hostAndPort_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no port") << "https://tpp.example.com/vedsdk"
                                 << "tpp.example.com";
        QTest::newRow("a port") << "http://127.0.0.1:33797"
                                << "127.0.0.1:33797";
        QTest::newRow("ipv6") << "http://[::1]:8080"
                              << "[::1]:8080";
    }
    void hostAndPort()
    {
        QFETCH(QString, server);
        QFETCH(QString, expected);
        AccountConfig c;
        c.serverUrl = QUrl(server);
        QCOMPARE(AccountText::hostAndPort(c), expected);
    }

    void stateNamesAreDistinct()
    {
        QSet<QString> names;
        const QList<S> all{S::SignedOut, S::SigningIn,      S::Active,   S::Refreshing, S::Backoff,
                           S::Offline,   S::ReauthRequired, S::Revoking, S::ConfigError};
        for (S s : all) {
            const QString n = AccountText::stateName(s);
            QVERIFY(!n.isEmpty());
            names.insert(n);
        }
        QCOMPARE(names.size(), all.size());
        QCOMPARE(AccountText::stateName(S::Active), QStringLiteral("Signed in"));
        QCOMPARE(AccountText::stateName(S::ReauthRequired), QStringLiteral("Sign-in needed"));
    }

    void state_data()
    {
        QTest::addColumn<S>("state");
        QTest::addColumn<qint64>("nextRefresh"); // offset from now; 0: none
        QTest::addColumn<qint64>("now"); // 0: no time given
        QTest::addColumn<bool>("skew");
        QTest::addColumn<QString>("expected");
        QTest::newRow("signed in") << S::Active << qint64(0) << kNow << false << "Signed in";
        QTest::newRow("signed in, clock wrong") << S::Active << qint64(0) << kNow << true
                                                << "Signed in (the system clock looks wrong)";
        QTest::newRow("retrying in 2 min")
                << S::Backoff << 2 * kMinute << kNow << false << "Retrying in 2 min";
        QTest::newRow("retrying, nothing scheduled")
                << S::Backoff << qint64(0) << kNow << false << "Retrying";
        QTest::newRow("retrying, no time given")
                << S::Backoff << 2 * kMinute << qint64(0) << false << "Retrying";
        QTest::newRow("skew only matters when signed in")
                << S::Refreshing << qint64(0) << kNow << true << "Renewing…";
        QTest::newRow("signed out") << S::SignedOut << qint64(0) << kNow << false << "Signed out";
    }
    void state()
    {
        QFETCH(S, state);
        QFETCH(qint64, nextRefresh);
        QFETCH(qint64, now);
        QFETCH(bool, skew);
        QFETCH(QString, expected);
        AccountSnapshot s = snapshot(state);
        s.nextRefreshMs = nextRefresh ? kNow + nextRefresh : 0;
        s.clockSkewSuspected = skew;
        QCOMPARE(AccountText::state(s, now), expected);
    }

    void accessExpiry_data()
    {
        QTest::addColumn<qint64>("expiresIn"); // offset; 0: unknown
        QTest::addColumn<bool>("estimated");
        QTest::addColumn<QString>("expected");
        QTest::newRow("known") << 59 * kMinute << false << "in 59 min";
        QTest::newRow("estimated") << 59 * kMinute << true << "in 59 min (estimated)";
        QTest::newRow("unknown") << qint64(0) << true << "unknown";
        // An estimate that already passed is not "expired (estimated)": just expired.
        QTest::newRow("estimated, past") << -kMinute << true << "expired";
        QTest::newRow("expired") << -kMinute << false << "expired";
    }
    void accessExpiry()
    {
        QFETCH(qint64, expiresIn);
        QFETCH(bool, estimated);
        QFETCH(QString, expected);
        AccountSnapshot s = snapshot(S::Active);
        s.accessExpiresAtMs = expiresIn ? kNow + expiresIn : 0;
        s.expiryEstimated = estimated;
        QCOMPARE(AccountText::accessExpiry(s, kNow), expected);
    }

    void lastError_data()
    {
        QTest::addColumn<K>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected"); // "*": ErrorText's sentence
        QTest::newRow("none") << K::None << QString() << QString();
        QTest::newRow("cancelled is not a problem") << K::Cancelled << "cancelled" << QString();
        QTest::newRow("timeout: not answering") << K::Ambiguous << "timeout"
                                                << "The server is not answering; retrying.";
        QTest::newRow("other ambiguous") << K::Ambiguous << "unparseable_2xx"
                                         << "*";
        QTest::newRow("transient") << K::Transient << "http_503"
                                   << "*";
        QTest::newRow("grant dead") << K::GrantDead << "invalid_grant"
                                    << "*";
    }
    void lastError()
    {
        QFETCH(K, kind);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        AccountSnapshot s = snapshot(S::Backoff);
        s.lastError = AuthError(kind, code);
        const QString text = AccountText::lastError(s);
        if (expected == QLatin1String("*")) {
            QCOMPARE(text, ErrorText::describe(s.lastError));
            QVERIFY(!text.isEmpty());
            QVERIFY(!text.contains(code)); // a sentence, not the code
        } else {
            QCOMPARE(text, expected);
        }
    }

    void statusLine_data()
    {
        QTest::addColumn<S>("state");
        QTest::addColumn<bool>("hasToken");
        QTest::addColumn<qint64>("expiresIn");
        QTest::addColumn<qint64>("nextRefresh");
        QTest::addColumn<QString>("errorCode"); // Ambiguous when set
        QTest::addColumn<St>("storage");
        QTest::addColumn<bool>("skew");
        QTest::addColumn<bool>("notAnswering");
        QTest::addColumn<QString>("expected");
        const qint64 h = 60 * kMinute;
        QTest::newRow("signed in with expiry")
                << S::Active << true << h << qint64(0) << QString() << St::Ok << false << false
                << "Signed in · token expires in 1 h";
        QTest::newRow("signed in, expiry unknown")
                << S::Active << true << qint64(0) << qint64(0) << QString() << St::Ok << false
                << false << "Signed in";
        QTest::newRow("signed in, no token yet")
                << S::Active << false << h << qint64(0) << QString() << St::Ok << false << false
                << "Signed in";
        QTest::newRow("signed in, clock wrong")
                << S::Active << true << h << qint64(0) << QString() << St::Ok << true << false
                << "Signed in · the system clock looks wrong";
        QTest::newRow("renewing") << S::Refreshing << true << h << qint64(0) << QString() << St::Ok
                                  << false << false << "Renewing…";
        QTest::newRow("renewing, hanging")
                << S::Refreshing << true << h << qint64(0) << QString() << St::Ok << false << true
                << "The server is not answering";
        QTest::newRow("signing in, hanging")
                << S::SigningIn << false << qint64(0) << qint64(0) << QString() << St::Ok << false
                << true << "The server is not answering";
        QTest::newRow("signed out ignores hanging")
                << S::SignedOut << false << qint64(0) << qint64(0) << QString() << St::Ok << false
                << true << "Signed out";
        QTest::newRow("retrying") << S::Backoff << true << h << 2 * kMinute << QString() << St::Ok
                                  << false << false << "Retrying in 2 min";
        QTest::newRow("retrying after a timeout")
                << S::Backoff << true << h << 2 * kMinute << "timeout" << St::Ok << false << false
                << "The server is not answering · Retrying in 2 min";
        QTest::newRow("retrying, unscheduled")
                << S::Backoff << true << h << qint64(0) << "unparseable_2xx" << St::Ok << false
                << false << "Retrying";
        QTest::newRow("locked keyring")
                << S::Active << true << h << qint64(0) << QString() << St::Locked << false << false
                << "Signed in · token expires in 1 h · Keyring locked";
        QTest::newRow("not persisted")
                << S::ReauthRequired << false << qint64(0) << qint64(0) << QString()
                << St::NotPersisted << false << false << "Sign-in needed · Not saved";
        QTest::newRow("session only is a choice, not a problem")
                << S::Active << true << h << qint64(0) << QString() << St::SessionOnly << false
                << false << "Signed in · token expires in 1 h";
        QTest::newRow("unreadable is said by the state")
                << S::ReauthRequired << false << qint64(0) << qint64(0) << QString()
                << St::Unreadable << false << false << "Sign-in needed";
    }
    void statusLine()
    {
        QFETCH(S, state);
        QFETCH(bool, hasToken);
        QFETCH(qint64, expiresIn);
        QFETCH(qint64, nextRefresh);
        QFETCH(QString, errorCode);
        QFETCH(St, storage);
        QFETCH(bool, skew);
        QFETCH(bool, notAnswering);
        QFETCH(QString, expected);
        AccountSnapshot s = snapshot(state);
        s.hasAccessToken = hasToken;
        s.accessExpiresAtMs = expiresIn ? kNow + expiresIn : 0;
        s.nextRefreshMs = nextRefresh ? kNow + nextRefresh : 0;
        if (!errorCode.isEmpty())
            s.lastError = AuthError(K::Ambiguous, errorCode);
        s.storage = storage;
        s.clockSkewSuspected = skew;
        QCOMPARE(AccountText::statusLine(s, kNow, notAnswering), expected);
    }

    void storageShortIsShortAndDistinct()
    {
        QSet<QString> words;
        const QList<St> all{St::Ok,          St::NotPersisted, St::Locked,     St::Denied,
                            St::Unavailable, St::Pending,      St::Unreadable, St::SessionOnly};
        for (St st : all) {
            const QString w = AccountText::storageShort(st);
            QVERIFY(!w.isEmpty());
            QVERIFY2(w.size() <= 20, qPrintable(w)); // a column, not a sentence
            QVERIFY(w != ErrorText::storage(st)); // the sentence is the tooltip
            words.insert(w);
        }
        QCOMPARE(words.size(), all.size());
    }

    void summaryLine()
    {
        AccountSnapshot s = snapshot(S::Active);
        QCOMPARE(AccountText::summaryLine(s, kNow), QStringLiteral("Prod TPP: Signed in"));
        s.hasAccessToken = true;
        s.accessExpiresAtMs = kNow + 119 * kMinute;
        s.refreshUntilMs = kNow + 89LL * 24 * 60 * kMinute;
        QCOMPARE(AccountText::summaryLine(s, kNow),
                 QStringLiteral("Prod TPP: Signed in; access token expires in 1 h 59 min; "
                                "sign-in ends in 89 d"));
        s.storage = St::Locked;
        QVERIFY(AccountText::summaryLine(s, kNow).endsWith(QStringLiteral("; ")
                                                           + ErrorText::storage(St::Locked)));
        // Signed out: the grant's end no longer matters.
        AccountSnapshot out = snapshot(S::SignedOut);
        out.refreshUntilMs = kNow + kMinute;
        QCOMPARE(AccountText::summaryLine(out, kNow), QStringLiteral("Prod TPP: Signed out"));
    }

    void reauthPhrase_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lost rotation") << "lost_rotation" << QString()
                                       << "the connection was interrupted while the session was "
                                          "being renewed";
        QTest::newRow("grant end")
                << "refresh_until_passed" << QString() << "it reached its maximum lifetime";
        QTest::newRow("stored password")
                << "stored_password_rejected" << QString() << "the stored password was rejected";
        QTest::newRow("no refresh token")
                << "no_refresh_token" << QString() << "the server issued no refresh token";
        QTest::newRow("unreadable store")
                << "unreadable_store" << QString() << "the stored tokens could not be read";
        QTest::newRow("Salesforce authentication failure")
                << "invalid_grant"
                << "Authentication Failure"
                << "the server no longer accepts your credentials (password changed or account "
                   "deactivated)";
        QTest::newRow("anything else") << "invalid_grant"
                                       << "expired"
                                       << "the refresh token expired or was revoked";
        QTest::newRow("a known code wins over the description")
                << "lost_rotation"
                << "authentication failure"
                << "the connection was interrupted while the session was being renewed";
    }
    void reauthPhrase()
    {
        QFETCH(QString, code);
        QFETCH(QString, description);
        QFETCH(QString, expected);
        const AuthError e(K::GrantDead, QStringLiteral("invalid_grant"), description);
        QCOMPARE(AccountText::reauthPhrase(code, e), expected);
    }

    void reauthReason()
    {
        AccountSnapshot s = snapshot(S::ReauthRequired);
        QCOMPARE(AccountText::reauthReason(s),
                 QStringLiteral("Your session with tpp.example.com ended — the sign-in session "
                                "ended"));
        s.reauthCode = QStringLiteral("refresh_until_passed");
        QCOMPARE(AccountText::reauthReason(s),
                 QStringLiteral("Your session with tpp.example.com ended — it reached its "
                                "maximum lifetime"));
        const QDateTime when(QDate(2026, 11, 23), QTime(14, 2));
        s.reauthSinceMs = when.toMSecsSinceEpoch(); // local time, as shown
        QCOMPARE(AccountText::reauthReason(s),
                 QStringLiteral("Your session with tpp.example.com ended on 23 Nov at 14:02 — "
                                "it reached its maximum lifetime"));
        // Without a reason code the error says why, in ErrorText's words.
        s.reauthCode.clear();
        s.lastError = AuthError(K::Config, QStringLiteral("invalid_client"));
        QVERIFY(AccountText::reauthReason(s).endsWith(QStringLiteral(" — ")
                                                      + ErrorText::describe(s.lastError)));
    }
};

QTEST_GUILESS_MAIN(tst_AccountText)
#include "tst_accounttext.moc"
