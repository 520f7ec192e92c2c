#include "AccessibilityCheck.h"
#include "LoginDialog.h"
#include "SignInMethodPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Field = LoginValidator::Field;
using Kind = AuthError::Kind;
Q_DECLARE_METATYPE(Dialect)
Q_DECLARE_METATYPE(AuthError)

static AccountConfig venafi()
{
    AccountConfig c;
    c.id = QStringLiteral("acc-1");
    c.displayName = QStringLiteral("Production TPP");
    c.dialect = Dialect::Venafi;
    c.serverUrl = QUrl(QStringLiteral("https://venafi.example.com"));
    c.clientId = QStringLiteral("tokenkeeper-demo");
    c.username = QStringLiteral("demo");
    c.scope = QStringLiteral("certificate:manage,revoke");
    return c;
}

static QPushButton *signInButton(LoginDialog &d)
{
    const auto buttons = d.findChild<QDialogButtonBox *>()->buttons();
    for (QAbstractButton *b : buttons)
        if (d.findChild<QDialogButtonBox *>()->buttonRole(b) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}

class tst_LoginDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldsPerDialect_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::addColumn<bool>("secretVisible");
        QTest::addColumn<bool>("manualVisible");
        QTest::addColumn<QString>("scopeHint");
        QTest::newRow("venafi") << Dialect::Venafi << false << false
                                << QStringLiteral("certificate:manage,revoke;configuration:manage");
        QTest::newRow("salesforce")
                << Dialect::Salesforce << true << false << QStringLiteral("api refresh_token");
        QTest::newRow("generic") << Dialect::Generic << true << true
                                 << QStringLiteral("offline_access");
    }
    void fieldsPerDialect()
    {
        QFETCH(Dialect, dialect);
        QFETCH(bool, secretVisible);
        QFETCH(bool, manualVisible);
        QFETCH(QString, scopeHint);
        LoginDialog d;
        auto *combo = d.findChild<QComboBox *>();
        combo->setCurrentIndex(combo->findData(int(dialect)));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.field(Field::ClientSecret)->isVisible(), secretVisible);
        QCOMPARE(d.findChild<QCheckBox *>()->isVisible(), manualVisible);
        QVERIFY(!d.field(Field::TokenEndpoint)->isVisible());
        QCOMPARE(d.field(Field::Password)->echoMode(), QLineEdit::Password);
        bool hintShown = false;
        for (QLabel *l : d.findChildren<QLabel *>())
            hintShown |= l->isVisible() && l->text().contains(scopeHint);
        QVERIFY(hintShown);
    }

    void rememberIsOffByDefaultAndExplained()
    {
        LoginDialog d;
        QCheckBox *remember = nullptr;
        for (QCheckBox *c : d.findChildren<QCheckBox *>())
            if (c->text().contains(QLatin1String("member")))
                remember = c;
        QVERIFY(remember);
        QVERIFY(!remember->isChecked());
        QVERIFY(remember->accessibleDescription().contains(QLatin1String("safer")));
        QVERIFY(!d.config().rememberCredentials);
    }

    void validationBlocksSending_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expectedFocus");
        QTest::newRow("plain http") << "http://venafi.example.com"
                                    << "pw"
                                    << "Server URL";
        QTest::newRow("missing password") << "https://venafi.example.com"
                                          << ""
                                          << "Password";
    }
    void validationBlocksSending()
    {
        QFETCH(QString, server);
        QFETCH(QString, password);
        QFETCH(QString, expectedFocus);
        LoginDialog d;
        d.setConfig(venafi());
        d.field(Field::Server)->setText(server);
        d.field(Field::Password)->setText(password);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QSignalSpy submitted(&d, &LoginDialog::submitted);
        QTest::mouseClick(signInButton(d), Qt::LeftButton);
        QCOMPARE(submitted.size(), 0);
        QVERIFY(!d.errorText().isEmpty());
        QCOMPARE(QApplication::focusWidget()->accessibleName(), expectedFocus);
    }

    void validInputIsSubmittedWithCredentials()
    {
        LoginDialog d;
        d.setConfig(venafi());
        d.field(Field::Password)->setText(QStringLiteral("demo"));
        d.show();
        QSignalSpy submitted(&d, &LoginDialog::submitted);
        QTest::keyClick(d.field(Field::Password), Qt::Key_Return); // default button
        QCOMPARE(submitted.size(), 1);
        const auto config = submitted.at(0).at(0).value<AccountConfig>();
        QCOMPARE(config.id, QStringLiteral("acc-1"));
        QCOMPARE(config.clientId, QStringLiteral("tokenkeeper-demo"));
        QCOMPARE(submitted.at(0).at(1).value<Credentials>().password, QByteArrayLiteral("demo"));
        QVERIFY(d.isVisible()); // stays open until the engine answers
    }

    void signInMethods()
    {
        // Issue 12: the method the dialect allows; browser and device sign-ins ask for no user
        // name or password here (the server's own page does), and the dialog shows the URL or
        // the code while they run.
        LoginDialog d;
        AccountConfig c = venafi();
        d.setConfig(c);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        SignInMethodPanel *panel = d.methodPanel();
        QCOMPARE(panel->chooser()->findData(int(SignInMethod::Browser)), -1); // TPP: none
        QVERIFY(panel->chooser()->findData(int(SignInMethod::Device)) >= 0);
        c.dialect = Dialect::Generic;
        c.serverUrl = QUrl(QStringLiteral("https://auth.example.com"));
        c.scope = QStringLiteral("openid");
        c.signInMethod = SignInMethod::Browser;
        d.setConfig(c);
        QCOMPARE(panel->method(), SignInMethod::Browser);
        QVERIFY(!d.field(Field::Password)->isVisible());
        QVERIFY(!d.field(Field::Username)->isVisible());
        QSignalSpy submitted(&d, &LoginDialog::submitted);
        QTest::mouseClick(signInButton(d), Qt::LeftButton); // no password needed
        QCOMPARE(submitted.size(), 1);
        const auto sent = submitted.at(0).at(0).value<AccountConfig>();
        QCOMPARE(sent.signInMethod, SignInMethod::Browser);
        QVERIFY(!sent.rememberCredentials);
        QVERIFY(submitted.at(0).at(1).value<Credentials>().password.isEmpty());
        d.setBusy(true);
        panel->showBrowserUrl(QUrl(QStringLiteral("https://auth.example.com/authorize?x=1")));
        QVERIFY(panel->isVisible());
        QVERIFY(panel->shownText().contains(QLatin1String("https://auth.example.com/authorize")));
        panel->showDeviceCode(QStringLiteral("WDJB-MJHT"),
                              QUrl(QStringLiteral("https://auth.example.com/device")), QUrl());
        QVERIFY(panel->shownText().contains(QLatin1String("WDJB-MJHT")));
        QVERIFY(panel->shownText().contains(QLatin1String("only on that page"))); // RFC 8628 §5.4
        d.setBusy(false);
        QVERIFY(!panel->isVisible());
        // Back to the password: its fields return.
        panel->setMethod(SignInMethod::Password);
        QVERIFY(d.field(Field::Password)->isVisible());
    }

    // Issue 12: Browser is the default where the dialect has it (never the password grant by
    // default, RFC 9700 §2.4); a method the person picked survives a change of account type.
    void browserIsTheDefaultMethod()
    {
        LoginDialog d;
        auto *type = d.findChild<QComboBox *>();
        SignInMethodPanel *panel = d.methodPanel();
        const auto pick = [&](Dialect dialect) {
            type->setCurrentIndex(type->findData(int(dialect)));
            return panel->method();
        };
        QCOMPARE(pick(Dialect::Generic), SignInMethod::Browser);
        QCOMPARE(pick(Dialect::Salesforce), SignInMethod::Browser);
        QCOMPARE(pick(Dialect::Venafi), SignInMethod::Password); // TPP: no browser sign-in
        QCOMPARE(pick(Dialect::Generic), SignInMethod::Browser); // still not the person's pick
        QVERIFY(!d.field(Field::Password)->isVisibleTo(&d));
        // The person chooses Device code: kept through Venafi (which offers it) and back.
        panel->chooser()->setCurrentIndex(panel->chooser()->findData(int(SignInMethod::Device)));
        QCOMPARE(pick(Dialect::Venafi), SignInMethod::Device);
        QCOMPARE(pick(Dialect::Salesforce), SignInMethod::Device);
        // An existing account's method is its own, whatever the default.
        LoginDialog existing;
        AccountConfig c = venafi();
        c.dialect = Dialect::Salesforce;
        c.serverUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
        c.signInMethod = SignInMethod::Password;
        existing.setConfig(c);
        QCOMPARE(existing.methodPanel()->method(), SignInMethod::Password);
    }

    // Issue 12: the device code with its page, a link and a QR code carrying
    // verification_uri_complete (decoded here by zbarimg, a real scanner), and the time left.
    void deviceCodeShowsQrCodeAndTimeLeft()
    {
        LoginDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.setBusy(true);
        SignInMethodPanel *panel = d.methodPanel();
        const QUrl page(QStringLiteral("https://auth.example.com/device"));
        const QUrl complete(QStringLiteral("https://auth.example.com/device?user_code=WDJB-MJHT"));
        const qint64 expires = QDateTime::currentMSecsSinceEpoch() + 15 * 60 * 1000 + 30000;
        QSignalSpy open(panel, &SignInMethodPanel::openUrlRequested);
        panel->showDeviceCode(QStringLiteral("WDJB-MJHT"), page, complete, expires);
        const QString shown = panel->shownText();
        QVERIFY2(shown.contains(QLatin1String("WDJB-MJHT")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("15 min left")), qPrintable(shown));
        QVERIFY2(shown.contains(complete.toString().toHtmlEscaped()), qPrintable(shown));
        // The link opens through the same path as the button ($BROWSER, then the desktop).
        QLabel *link = nullptr;
        for (QLabel *l : panel->findChildren<QLabel *>())
            if (l->text().contains(QLatin1String("<a href=")))
                link = l;
        QVERIFY(link && link->isVisible());
        Q_EMIT link->linkActivated(complete.toString());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toUrl(), complete);

        const QImage qr = panel->qrCode();
        QVERIFY(!qr.isNull());
        QVERIFY(qr.width() >= 100 && qr.width() == qr.height());
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        if (zbarimg.isEmpty())
            QSKIP("zbarimg is not installed (scripts/deps.sh installs zbar-tools)");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("qr.png"));
        QVERIFY(qr.save(file));
        QProcess scan;
        scan.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file});
        QVERIFY(scan.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(),
                 complete.toString(QUrl::FullyEncoded));

        // Without verification_uri_complete: no link, and the QR code opens the page itself
        // (the code is typed there); an expired code says so.
        panel->showDeviceCode(QStringLiteral("WDJB-MJHT"), page, QUrl(),
                              QDateTime::currentMSecsSinceEpoch() - 1000);
        QVERIFY(!link->isVisible());
        const QImage pageQr = panel->qrCode();
        QVERIFY(!pageQr.isNull());
        const QString pageFile = dir.filePath(QStringLiteral("page.png"));
        QVERIFY(pageQr.save(pageFile));
        scan.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), pageFile});
        QVERIFY(scan.waitForFinished(30000));
        QCOMPARE(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(),
                 page.toString(QUrl::FullyEncoded));
        QVERIFY2(panel->shownText().contains(QLatin1String("expired")),
                 qPrintable(panel->shownText()));
    }

    // Issue 12: a device or browser sign-in that ended (denied, expired) offers "Start again";
    // the next attempt reads "Sign in" again. A password failure keeps "Sign in".
    void failedFlowOffersStartAgain()
    {
        LoginDialog d;
        AccountConfig c = venafi();
        c.signInMethod = SignInMethod::Device;
        d.setConfig(c);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QPushButton *button = signInButton(d);
        const QString normal = button->text();
        d.setBusy(true);
        d.showError(AuthError(Kind::BadCredentials, QStringLiteral("expired_token")));
        QCOMPARE(button->text(), QStringLiteral("Start &again"));
        QVERIFY(button->isEnabled());
        QSignalSpy submitted(&d, &LoginDialog::submitted);
        button->click();
        QCOMPARE(submitted.size(), 1);
        d.setBusy(true);
        QCOMPARE(button->text(), normal);
        d.methodPanel()->setMethod(SignInMethod::Password);
        d.showError(AuthError(Kind::BadCredentials, QStringLiteral("invalid_grant")));
        QCOMPARE(button->text(), normal);
    }

    void busyStateAndCancel()
    {
        LoginDialog d;
        d.setConfig(venafi());
        d.show();
        QSignalSpy cancelled(&d, &LoginDialog::cancelRequested);
        d.setBusy(true);
        QVERIFY(d.findChild<QProgressBar *>()->isVisible());
        QVERIFY(!d.field(Field::Username)->isEnabled());
        QVERIFY(!signInButton(d)->isEnabled());
        QTest::keyClick(&d, Qt::Key_Escape); // Esc cancels the request, not the dialog
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(d.isVisible());
        QVERIFY(!d.isBusy());
        QVERIFY(d.field(Field::Username)->isEnabled());
        QVERIFY(d.errorText().contains(QLatin1String("cancelled")));
        QTest::keyClick(&d, Qt::Key_Escape); // now Esc closes
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QCOMPARE(cancelled.size(), 1);
    }

    void errorClasses_data()
    {
        QTest::addColumn<AuthError>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("focus");
        AuthError tls(Kind::Tls, QStringLiteral("tls"));
        tls.detail = QStringLiteral("host=venafi.example.com sha256=12:34:AB");
        QTest::newRow("credentials")
                << AuthError(Kind::BadCredentials, QStringLiteral("invalid_grant"))
                << "username or password"
                << "Password";
        QTest::newRow("unreachable")
                << AuthError(Kind::Transient, QStringLiteral("connection_refused"))
                << "Cannot reach venafi.example.com"
                << "Server URL";
        QTest::newRow("certificate") << tls << "12:34:AB"
                                     << "Server URL";
        QTest::newRow("client") << AuthError(Kind::Config, QStringLiteral("invalid_client"))
                                << "client ID or client secret"
                                << "Client ID";
        QTest::newRow("scope") << AuthError(Kind::Scope, QStringLiteral("invalid_scope"))
                               << "“certificate:manage,revoke” is not allowed"
                               << "Requested scope";
    }
    void errorClasses()
    {
        QFETCH(AuthError, error);
        QFETCH(QString, text);
        QFETCH(QString, focus);
        LoginDialog d;
        d.setConfig(venafi());
        d.field(Field::Password)->setText(QStringLiteral("pw"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.setBusy(true);
        d.showError(error);
        QVERIFY(!d.isBusy());
        QVERIFY2(d.errorText().contains(text), qPrintable(d.errorText()));
        QCOMPARE(QApplication::focusWidget()->accessibleName(), focus);
        if (error.kind == Kind::BadCredentials)
            QVERIFY(d.field(Field::Password)->text().isEmpty());
    }

    void prefilledReprompt()
    {
        AccountSnapshot s;
        s.config = venafi();
        s.config.rememberCredentials = false;
        s.state = SessionState::ReauthRequired;
        s.reauthCode = QStringLiteral("invalid_grant"); // "the refresh token expired or ..."
        s.reauthSinceMs = QDateTime(QDate(2026, 11, 23), QTime(14, 2)).toMSecsSinceEpoch();
        LoginDialog d;
        d.setReprompt(s);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.field(Field::Server)->text(), QStringLiteral("https://venafi.example.com"));
        QCOMPARE(d.field(Field::Username)->text(), QStringLiteral("demo"));
        QCOMPARE(d.field(Field::Scope)->text(), QStringLiteral("certificate:manage,revoke"));
        QVERIFY(d.field(Field::Password)->text().isEmpty());
        QVERIFY(!d.findChild<QComboBox *>()->isEnabled());
        QCOMPARE(QApplication::focusWidget(), d.field(Field::Password));
        bool reasonShown = false;
        for (QLabel *l : d.findChildren<QLabel *>())
            reasonShown |= l->isVisible()
                    && l->text().startsWith(
                            QStringLiteral("Your session with venafi.example.com ended on "
                                           "23 Nov at 14:02 — the refresh token expired or "
                                           "was revoked\n"))
                    // It says which method it will use (issue 13).
                    && l->text().endsWith(QStringLiteral("Signs in with: Venafi TPP password "
                                                         "sign-in as demo (client "
                                                         "tokenkeeper-demo)"));
        QVERIFY(reasonShown);
        QVERIFY(d.windowTitle().contains(QLatin1String("Production TPP")));
    }

    void signingInToAnExistingAccountLocksItsIdentity()
    {
        AccountConfig c = venafi();
        c.signInMethod = SignInMethod::Device;
        LoginDialog d;
        d.setConfig(c);
        d.setIdentityLocked(true);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        for (Field f : {Field::Server, Field::ClientId}) {
            QLineEdit *e = d.field(f);
            QVERIFY(e->isReadOnly());
            // It looks read-only: the window's colour, not the editable field's.
            QCOMPARE(e->palette().color(QPalette::Base), d.palette().color(QPalette::Window));
            QVERIFY(e->palette().color(QPalette::Base) != d.palette().color(QPalette::Base));
        }
        QVERIFY(!d.field(Field::Scope)->isReadOnly());
        // Nothing to type for a device sign-in: Enter signs in.
        auto *box = d.findChild<QDialogButtonBox *>();
        QAbstractButton *signIn = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                signIn = b;
        QCOMPARE(QApplication::focusWidget(), signIn);
        d.setIdentityLocked(false);
        QVERIFY(!d.field(Field::Server)->isReadOnly());
        QCOMPARE(d.field(Field::Server)->palette().color(QPalette::Base),
                 d.palette().color(QPalette::Base));
    }

    void growsWithAnErrorInsteadOfSqueezingTheFields()
    {
        LoginDialog d;
        d.setConfig(venafi());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const int before = d.height();
        AuthError tls(AuthError::Kind::Tls, QStringLiteral("tls"));
        tls.detail = QStringLiteral("host=venafi.example.com sha256=5F:A3:9C:11:0B:7E:42:D8:AA:19");
        d.showError(tls);
        d.showError(tls); // twice: it must not keep growing
        QTRY_VERIFY(d.height() > before);
        QCoreApplication::processEvents(); // the layout follows the resize
        const int grown = d.height();
        for (QLineEdit *e : d.findChildren<QLineEdit *>())
            if (e->isVisible())
                QVERIFY2(e->height() >= e->sizeHint().height(),
                         qPrintable(QStringLiteral("%1: %2 < %3 (dialog %4, hint %5)")
                                            .arg(e->accessibleName())
                                            .arg(e->height())
                                            .arg(e->sizeHint().height())
                                            .arg(d.height())
                                            .arg(d.sizeHint().height())));
        d.showError(tls);
        QCoreApplication::processEvents();
        QCOMPARE(d.height(), grown);
    }

    void theWaitNamesWhoItWaitsFor()
    {
        AccountConfig c = venafi();
        c.signInMethod = SignInMethod::Device;
        LoginDialog d;
        d.setConfig(c);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const auto busyText = [&d] {
            QStringList shown;
            for (QLabel *l : d.findChildren<QLabel *>())
                if (l->isVisible())
                    shown << l->text();
            return shown.join(QLatin1Char('\n'));
        };
        d.setBusy(true);
        QVERIFY2(busyText().contains(QStringLiteral("Signing in to venafi.example.com…")),
                 qPrintable(busyText()));
        d.methodPanel()->showDeviceCode(QStringLiteral("WDJB-MJHT"),
                                        QUrl(QStringLiteral("https://venafi.example.com/device")),
                                        QUrl(), QDateTime::currentMSecsSinceEpoch() + 60000);
        QVERIFY2(busyText().contains(QStringLiteral("Waiting for the code to be entered…")),
                 qPrintable(busyText()));
        QVERIFY(!busyText().contains(QLatin1String("Signing in to")));
        d.setBusy(false);
        d.setBusy(true); // a new attempt starts with the server again
        QVERIFY2(busyText().contains(QStringLiteral("Signing in to venafi.example.com…")),
                 qPrintable(busyText()));
        d.methodPanel()->showBrowserUrl(QUrl(QStringLiteral("https://venafi.example.com/a")));
        QVERIFY(busyText().contains(QStringLiteral("Waiting for you to sign in in the browser…")));
        d.setBusy(false);
    }

    void changingTheTypeClearsAStaleProblem()
    {
        LoginDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::mouseClick(signInButton(d), Qt::LeftButton);
        QVERIFY(!d.errorText().isEmpty()); // "Enter the server URL."
        d.findChild<QComboBox *>()->setCurrentIndex(2);
        QVERIFY(d.errorText().isEmpty());
    }

    void unreachableNamesThePort()
    {
        LoginDialog d;
        AccountConfig c = venafi();
        c.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:36423"));
        d.setConfig(c);
        d.showError(AuthError(AuthError::Kind::Transient, QStringLiteral("connection_refused")));
        QVERIFY2(d.errorText().contains(QLatin1String("127.0.0.1:36423")),
                 qPrintable(d.errorText()));
    }

    void everyControlHasAnAccessibleName_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("venafi") << Dialect::Venafi;
        QTest::newRow("salesforce") << Dialect::Salesforce;
        QTest::newRow("generic") << Dialect::Generic;
    }
    void everyControlHasAnAccessibleName()
    {
        QFETCH(Dialect, dialect);
        LoginDialog d;
        auto *combo = d.findChild<QComboBox *>();
        combo->setCurrentIndex(combo->findData(int(dialect)));
        d.findChild<QCheckBox *>()->setChecked(true);
        d.show();
        d.setBusy(true);
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QStringList missing = controlsWithoutAccessibleName(&d);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1String(", "))));
    }

    void keyboardOnly_data() { everyControlHasAnAccessibleName_data(); }
    void keyboardOnly()
    {
        QFETCH(Dialect, dialect);
        LoginDialog d;
        auto *combo = d.findChild<QComboBox *>();
        combo->setCurrentIndex(combo->findData(int(dialect)));
        d.methodPanel()->setMethod(SignInMethod::Password); // the form with the most fields
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Mnemonics: every visible field label has a buddy and a unique & letter.
        QSet<QChar> letters;
        int labelled = 0;
        for (QLabel *l : d.findChildren<QLabel *>()) {
            if (!l->isVisible() || !l->buddy())
                continue;
            const int amp = int(l->text().indexOf(QLatin1Char('&')));
            QVERIFY2(amp >= 0, qPrintable(l->text()));
            const QChar key = l->text().at(amp + 1).toLower();
            QVERIFY2(!letters.contains(key), qPrintable(l->text()));
            letters.insert(key);
            ++labelled;
        }
        QVERIFY(labelled >= 6);
        // Tab order follows the form from the type selector down to the buttons.
        combo->setFocus();
        QStringList order;
        for (int i = 0; i < 20 && !order.contains(QStringLiteral("Requested scope")); ++i) {
            order << QApplication::focusWidget()->accessibleName();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(order.first(), QStringLiteral("Account type"));
        QVERIFY(order.indexOf(QStringLiteral("Username"))
                < order.indexOf(QStringLiteral("Password")));
        QVERIFY(order.indexOf(QStringLiteral("Password"))
                < order.indexOf(QStringLiteral("Requested scope")));
        QVERIFY(signInButton(d)->isDefault());
        // Alt+U reaches the username field.
        QTest::keyClick(&d, Qt::Key_U, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), d.field(Field::Username));
        QTest::keyClick(&d, Qt::Key_Escape);
        QVERIFY(!d.isVisible());
    }
};

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
