#include "AccountSession.h"
#include "LoginDialog.h"
#include "SignInErrorText.h"
#include "SignInMethodPanel.h"
#include "UiTestRig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using Field = LoginValidator::Field;
using Cat = SignInErrorText::Category;
Q_DECLARE_METATYPE(Dialect)

// SignInController: the login dialog, the re-prompt and the revoke confirmation driven through
// the real engine against the fake authorization server.
class tst_SignInController : public QObject
{
    Q_OBJECT
private:
    static void fill(LoginDialog *d, const AccountConfig &c, const Credentials &cr)
    {
        auto *combo = d->findChild<QComboBox *>();
        combo->setCurrentIndex(combo->findData(int(c.dialect)));
        d->methodPanel()->setMethod(c.signInMethod); // a new account offers Browser first
        d->field(Field::Server)->setText(c.serverUrl.toString());
        d->field(Field::ClientId)->setText(c.clientId);
        d->field(Field::ClientSecret)->setText(QString::fromUtf8(cr.clientSecret));
        d->field(Field::Username)->setText(c.username);
        d->field(Field::Password)->setText(QString::fromUtf8(cr.password));
        d->field(Field::Scope)->setText(c.scope);
    }
    static void clickSignIn(LoginDialog *d)
    {
        auto *box = d->findChild<QDialogButtonBox *>();
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                b->click();
    }
    // Adds an account through the dialog and waits until it is signed in.
    static AccountSession *signedIn(UiTestRig &rig, Dialect dialect)
    {
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(dialect), rig.credentials(dialect));
        QSignalSpy signedInSpy(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        if (!QTest::qWaitFor([&] { return signedInSpy.size() == 1 && !d; }, 10000)) {
            if (d)
                qWarning("the dialog stayed open: %s", qPrintable(d->errorText()));
            return nullptr;
        }
        AccountSession *s = rig.manager->session(signedInSpy.first().first().toString());
        if (!s || !QTest::qWaitFor([s] { return s->state() == SessionState::Active; }, 5000))
            return nullptr;
        return s;
    }
    static QLineEdit *nameField(LoginDialog *d)
    {
        for (QLineEdit *e : d->findChildren<QLineEdit *>())
            if (e->accessibleName() == QLatin1String("Account name"))
                return e;
        return nullptr;
    }
    static int category(LoginDialog *d)
    {
        for (QLabel *l : d->findChildren<QLabel *>())
            if (l->accessibleName() == QLatin1String("Sign-in problem"))
                return l->property("category").toInt();
        return -1;
    }

private Q_SLOTS:
    void addAccountAndSignIn_data()
    {
        QTest::addColumn<Dialect>("dialect");
        QTest::newRow("venafi") << Dialect::Venafi;
        QTest::newRow("salesforce") << Dialect::Salesforce;
        QTest::newRow("generic, discovered") << Dialect::Generic;
    }
    void addAccountAndSignIn()
    {
        QFETCH(Dialect, dialect);
        UiTestRig rig;
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(dialect), rig.credentials(dialect));
        QSignalSpy signedIn(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QVERIFY(!d || d->isBusy() || !signedIn.isEmpty()); // busy until the engine answers
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QTRY_VERIFY(!d); // closed and deleted
        QCOMPARE(rig.model->rowCount(), 1);
        QTRY_COMPARE(rig.model->sessionAt(0)->state(), SessionState::Active);
        QVERIFY(rig.model->index(0, AccountListModel::AccessExpiryColumn)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("in ")));
    }

    void errorClasses_data()
    {
        QTest::addColumn<QString>("breakWhat");
        QTest::addColumn<int>("expected");
        QTest::newRow("wrong password") << "password" << int(Cat::Credentials);
        QTest::newRow("unknown client") << "client" << int(Cat::Configuration);
        QTest::newRow("scope not allowed") << "scope" << int(Cat::Scope);
        QTest::newRow("server unreachable") << "server" << int(Cat::Unreachable);
    }
    void errorClasses()
    {
        QFETCH(QString, breakWhat);
        QFETCH(int, expected);
        UiTestRig rig;
        AccountConfig c = rig.config(Dialect::Venafi);
        Credentials cr = rig.credentials(Dialect::Venafi);
        if (breakWhat == QLatin1String("password"))
            cr.password = "wrong";
        else if (breakWhat == QLatin1String("client"))
            c.clientId = QStringLiteral("nobody");
        else if (breakWhat == QLatin1String("scope"))
            c.scope = QStringLiteral("admin:delete");
        else if (breakWhat == QLatin1String("server")) {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            c.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        }
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, c, cr);
        clickSignIn(d);
        QTRY_VERIFY_WITH_TIMEOUT(d && !d->isBusy(), 15000);
        QVERIFY2(category(d) == expected, qPrintable(d->errorText()));
        QVERIFY(!d->errorText().contains(QLatin1String("HTTP/1.1")));
        QVERIFY(!d->errorText().contains(QLatin1String("tk-")));
        // Giving up on a never-signed-in new account does not leave it behind.
        d->reject();
        QTRY_COMPARE(rig.model->rowCount(), 0);
    }

    void repromptIsPrefilledWithTheReason()
    {
        UiTestRig rig;
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(Dialect::Venafi), rig.credentials(Dialect::Venafi));
        QSignalSpy signedIn(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        AccountSession *s = rig.model->sessionAt(0);
        QTRY_COMPARE(s->state(), SessionState::Active);

        // The grant dies on the server; the next refresh gets invalid_grant.
        QSignalSpy opened(rig.signIn.get(), &SignInController::dialogOpened);
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), SessionState::ReauthRequired, 10000);
        QTRY_COMPARE(opened.size(), 1); // once, not per caller
        auto *again = opened.first().first().value<LoginDialog *>();
        QCOMPARE(again->field(Field::Username)->text(), QStringLiteral("demo"));
        QCOMPARE(again->field(Field::Server)->text(), rig.server.venafiUrl().toString());
        QVERIFY(again->field(Field::Password)->text().isEmpty());
        bool reasonShown = false;
        for (QLabel *l : again->findChildren<QLabel *>())
            reasonShown |= l->isVisible()
                    && l->text().startsWith(QStringLiteral("Your session with 127.0.0.1 ended"));
        QVERIFY(reasonShown);
        // A second trigger for the same account raises the same dialog instead of another one.
        QCOMPARE(rig.signIn->signIn(s->id()), again);
        QCOMPARE(opened.size(), 1);

        again->field(Field::Password)->setText(QStringLiteral("demo"));
        clickSignIn(again);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 2, 10000);
        QTRY_COMPARE(s->state(), SessionState::Active);
    }

    void revokeShowsWhetherTheServerConfirmed()
    {
        UiTestRig rig;
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(Dialect::Generic), rig.credentials(Dialect::Generic));
        QSignalSpy signedIn(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        AccountSession *s = rig.model->sessionAt(0);
        QTRY_COMPARE(s->state(), SessionState::Active);
        rig.window->show();
        QMessageBox *box = rig.window->confirmRevoke(s->id());
        QVERIFY(box->text().contains(QLatin1String("127.0.0.1")));
        box->findChild<QPushButton *>(QStringLiteral("confirm"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(rig.window->lastResultBox(), 10000);
        QVERIFY2(rig.window->lastResultBox()->text().contains(QLatin1String("confirmed")),
                 qPrintable(rig.window->lastResultBox()->text()));
        QTRY_COMPARE(s->state(), SessionState::SignedOut);
        QVERIFY(rig.server.requestCount(QStringLiteral("generic.revoke")) >= 1); // AT and RT
    }

    void unknownAccountsOpenNothing()
    {
        UiTestRig rig;
        QSignalSpy opened(rig.signIn.get(), &SignInController::dialogOpened);
        QVERIFY(!rig.signIn->signIn(QStringLiteral("no-such-account")));
        QVERIFY(!rig.signIn->edit(QStringLiteral("no-such-account")));
        QVERIFY(!rig.signIn->dialogFor(QStringLiteral("no-such-account")));
        QCOMPARE(opened.size(), 0);
    }

    void oneDialogPerAccount()
    {
        UiTestRig rig;
        AccountSession *s = signedIn(rig, Dialect::Venafi);
        QVERIFY(s);
        QSignalSpy opened(rig.signIn.get(), &SignInController::dialogOpened);
        LoginDialog *d = rig.signIn->signIn(s->id());
        QVERIFY(d);
        QVERIFY(d->isIdentityLocked()); // a sign-in does not change who signs in
        QCOMPARE(rig.signIn->dialogFor(s->id()), d);
        QCOMPARE(rig.signIn->signIn(s->id()), d);
        QCOMPARE(rig.signIn->edit(s->id()), d); // raised, not a second window
        QCOMPARE(opened.size(), 1);
        d->reject();
        QTRY_VERIFY(!rig.signIn->dialogFor(s->id()));
        // Closing a sign-in for an account that already existed keeps the account.
        QCOMPARE(rig.model->rowCount(), 1);
        LoginDialog *edit = rig.signIn->edit(s->id());
        QVERIFY(edit && edit != d);
        QVERIFY(!edit->isIdentityLocked()); // edit: everything may change
        QCOMPARE(opened.size(), 2);
    }

    // An edit that keeps the identity keeps the account; one that changes it replaces it
    // (M-61, the manager revokes the old grant).
    void editKeepsOrReplacesTheAccount_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("sameAccount");
        QTest::newRow("nothing") << "nothing" << true;
        QTest::newRow("name") << "name" << true;
        QTest::newRow("username") << "user" << false;
    }
    void editKeepsOrReplacesTheAccount()
    {
        QFETCH(QString, what);
        QFETCH(bool, sameAccount);
        UiTestRig rig;
        rig.server.addUser(QStringLiteral("other"), "demo");
        AccountSession *s = signedIn(rig, Dialect::Venafi);
        QVERIFY(s);
        const QString oldId = s->id();
        QSignalSpy removed(rig.manager.get(), &SessionManager::accountRemoved);
        QSignalSpy signedInSpy(rig.signIn.get(), &SignInController::signedIn);
        QPointer<LoginDialog> d = rig.signIn->edit(oldId);
        QVERIFY(d);
        if (what == QLatin1String("name"))
            nameField(d)->setText(QStringLiteral("Renamed"));
        else if (what == QLatin1String("user"))
            d->field(Field::Username)->setText(QStringLiteral("other"));
        d->field(Field::Password)->setText(QStringLiteral("demo"));
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(signedInSpy.size(), 1, 10000);
        QTRY_VERIFY(!d);
        const QString id = signedInSpy.first().first().toString();
        QCOMPARE(id == oldId, sameAccount);
        QCOMPARE(removed.size(), sameAccount ? 0 : 1);
        QCOMPARE(rig.model->rowCount(), 1);
        AccountSession *now = rig.manager->session(id);
        QVERIFY(now);
        if (what == QLatin1String("name"))
            QCOMPARE(now->config().displayName, QStringLiteral("Renamed"));
        if (what == QLatin1String("user"))
            QCOMPARE(now->config().username, QStringLiteral("other"));
        QTRY_COMPARE(now->state(), SessionState::Active);
    }

    // Several sessions end at once: one dialog at a time, the next when it closes.
    void repromptsQueueOneAtATime()
    {
        UiTestRig rig;
        AccountSession *a = signedIn(rig, Dialect::Venafi);
        AccountSession *b = signedIn(rig, Dialect::Generic);
        QVERIFY(a && b);
        QSignalSpy opened(rig.signIn.get(), &SignInController::dialogOpened);
        rig.server.revokeAllGrants();
        a->refreshNow();
        b->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(a->state(), SessionState::ReauthRequired, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b->state(), SessionState::ReauthRequired, 10000);
        QTRY_COMPARE(opened.size(), 1);
        auto *first = opened.first().first().value<LoginDialog *>();
        const QString firstId = rig.signIn->dialogFor(a->id()) == first ? a->id() : b->id();
        const QString secondId = firstId == a->id() ? b->id() : a->id();
        QCOMPARE(rig.signIn->dialogFor(firstId), first);
        QCOMPARE(rig.signIn->pendingReprompts(), QStringList{secondId});
        QVERIFY(!rig.signIn->dialogFor(secondId));
        first->reject(); // "later"
        QTRY_COMPARE(opened.size(), 2);
        QVERIFY(rig.signIn->dialogFor(secondId));
        QVERIFY(rig.signIn->pendingReprompts().isEmpty());
        // The account whose dialog was dismissed is kept (it existed before).
        QCOMPARE(rig.model->rowCount(), 2);
    }

    void noAutomaticRepromptWhenTurnedOff()
    {
        UiTestRig rig;
        rig.signIn->setAutoReprompt(false);
        AccountSession *s = signedIn(rig, Dialect::Venafi);
        QVERIFY(s);
        QSignalSpy opened(rig.signIn.get(), &SignInController::dialogOpened);
        QSignalSpy reauth(s, &AccountSession::reauthRequired);
        rig.server.revokeAllGrants();
        s->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), SessionState::ReauthRequired, 10000);
        QTRY_VERIFY(!reauth.isEmpty());
        QCoreApplication::processEvents();
        QCOMPARE(opened.size(), 0);
        QVERIFY(rig.signIn->pendingReprompts().isEmpty());
        // Asked for, the dialog comes with the reason.
        LoginDialog *d = rig.signIn->signIn(s->id());
        QVERIFY(d);
        QVERIFY(d->field(Field::Password)->text().isEmpty());
    }

    void discoveryFailureStaysInTheDialog()
    {
        UiTestRig rig;
        rig.server.knobs(Dialect::Generic).issuerOverride =
                QStringLiteral("https://evil.example/generic");
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(Dialect::Generic), rig.credentials(Dialect::Generic));
        clickSignIn(d);
        QTRY_VERIFY_WITH_TIMEOUT(d && !d->isBusy(), 10000);
        QVERIFY(!d->errorText().isEmpty());
        QCOMPARE(category(d), int(Cat::Configuration));
        // Nothing was added, nothing was sent to a token endpoint.
        QCOMPARE(rig.model->rowCount(), 0);
        QVERIFY(rig.manager->sessions().isEmpty());
        QCOMPARE(rig.server.requestCount(QStringLiteral("generic.token")), 0);
    }

    // A second account for the user, client and server of an existing one would share its
    // keychain item and grant: the dialog says which account that is, and nothing is sent.
    void aSecondAccountForTheSameSignInIsRefusedInTheDialog()
    {
        UiTestRig rig;
        AccountSession *first = signedIn(rig, Dialect::Venafi);
        QVERIFY(first);
        const int tokenRequests = rig.server.requestCount(QStringLiteral("venafi.oauth"));
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        AccountConfig again = rig.config(Dialect::Venafi);
        again.serverUrl = QUrl(again.serverUrl.toString() + QLatin1Char('/'));
        fill(d, again, rig.credentials(Dialect::Venafi));
        nameField(d)->setText(QStringLiteral("Second"));
        clickSignIn(d);
        QVERIFY(d && d->isVisible());
        QVERIFY(!d->isBusy());
        QVERIFY2(d->errorText().contains(first->config().displayName), qPrintable(d->errorText()));
        QCOMPARE(d->focusWidget(), d->field(Field::Username));
        QCOMPARE(rig.manager->sessions(), QList<AccountSession *>{first});
        QCOMPARE(rig.model->rowCount(), 1);
        QCOMPARE(rig.server.requestCount(QStringLiteral("venafi.oauth")), tokenRequests);
        // Another user at the same server and client is another account.
        rig.server.addUser(QStringLiteral("bob"), "bob-password");
        d->field(Field::Username)->setText(QStringLiteral("bob"));
        d->field(Field::Password)->setText(QStringLiteral("bob-password"));
        QSignalSpy signedInSpy(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(signedInSpy.size(), 1, 10000);
        QCOMPARE(rig.manager->sessions().size(), 2);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 2);
    }

    // Names address accounts (tokenctl token NAME): the dialog refuses one that is taken, as
    // `tokenctl add --name` does, and an empty name gets a free one.
    void aTakenNameIsRefusedInTheDialog()
    {
        UiTestRig rig;
        AccountSession *first = signedIn(rig, Dialect::Venafi);
        QVERIFY(first);
        rig.server.addUser(QStringLiteral("bob"), "bob-password");
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        AccountConfig bob = rig.config(Dialect::Venafi);
        bob.username = QStringLiteral("bob");
        fill(d, bob, rig.credentials(Dialect::Venafi));
        nameField(d)->setText(first->config().displayName);
        clickSignIn(d);
        QVERIFY(d && d->isVisible() && !d->isBusy());
        QVERIFY2(d->errorText().contains(first->config().displayName), qPrintable(d->errorText()));
        QCOMPARE(d->focusWidget(), nameField(d));
        QCOMPARE(rig.manager->sessions().size(), 1);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Venafi), 1);
        nameField(d)->clear();
        d->field(Field::Password)->setText(QStringLiteral("bob-password"));
        QSignalSpy signedInSpy(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(signedInSpy.size(), 1, 10000);
        AccountSession *second = rig.manager->session(signedInSpy.first().first().toString());
        QVERIFY(second);
        QVERIFY(second->config().displayName.startsWith(QLatin1String("bob@")));
    }

    // Found with LeakSanitizer: dialogs still open when the controller went (at quit) were
    // top-level windows nobody deleted. They go with it, and nothing is removed on the way.
    void openDialogsGoWithTheController()
    {
        UiTestRig rig;
        AccountSession *s = signedIn(rig, Dialect::Venafi);
        QVERIFY(s);
        QPointer<LoginDialog> added = rig.signIn->addAccount();
        QPointer<LoginDialog> again = rig.signIn->signIn(s->id());
        QVERIFY(added && again);
        const QString id = s->id();
        rig.window.reset(); // it knows the controller
        rig.signIn.reset();
        QVERIFY(!added);
        QVERIFY(!again);
        QCOMPARE(rig.manager->sessions().size(), 1);
        QVERIFY(rig.manager->session(id));
    }

    void cancelWhileSigningInKeepsTheDialogAndDropsTheNewAccount()
    {
        UiTestRig rig;
        rig.server.slowBody(QStringLiteral("venafi.oauth"), 200);
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        fill(d, rig.config(Dialect::Venafi), rig.credentials(Dialect::Venafi));
        QSignalSpy signedInSpy(rig.signIn.get(), &SignInController::signedIn);
        clickSignIn(d);
        QVERIFY(d->isBusy());
        QTRY_COMPARE(rig.model->rowCount(), 1); // the account exists while it signs in
        d->reject(); // busy: cancels, stays open
        QVERIFY(d);
        QVERIFY(!d->isBusy());
        QVERIFY(d->isVisible());
        QTRY_VERIFY(rig.manager->sessions().first()->state() != SessionState::SigningIn);
        QCOMPARE(signedInSpy.size(), 0);
        d->reject(); // now it closes, and the never signed-in account goes with it
        QTRY_VERIFY(!d);
        QTRY_COMPARE(rig.model->rowCount(), 0);
    }

    // A browser sign-in opens the browser once by itself; "Open browser" in the dialog opens it
    // again (a closed tab, the wrong profile). Each opening goes through $BROWSER with the URL as
    // its one argument. Then Cancel ends the flow and the account added here is not kept.
    void openBrowserAgainFromTheDialog()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("opened.txt"));
        const QString script = dir.filePath(QStringLiteral("browser.sh"));
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + log.toUtf8() + "'\n");
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        qputenv("BROWSER", script.toUtf8());
        const auto opened = [&] {
            QFile f(log);
            return f.open(QIODevice::ReadOnly)
                    ? QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts)
                    : QStringList();
        };
        UiTestRig rig;
        QPointer<LoginDialog> d = rig.signIn->addAccount();
        AccountConfig c = rig.config(Dialect::Generic);
        c.signInMethod = SignInMethod::Browser;
        fill(d, c, Credentials());
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(opened().size(), 1, 10000);
        QVERIFY(opened().first().contains(QLatin1String("code_challenge_method=S256")));
        QPushButton *again = nullptr;
        for (QPushButton *b : d->methodPanel()->findChildren<QPushButton *>())
            if (b->text().remove(u'&') == QLatin1String("Open browser"))
                again = b;
        QVERIFY(again && again->isVisible());
        again->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened().size(), 2, 10000);
        QCOMPARE(opened().at(1), opened().at(0));
        qunsetenv("BROWSER");
        d->reject(); // Cancel while busy: the flow ends, the dialog stays
        QVERIFY(d && !d->isBusy());
        d->reject();
        QTRY_VERIFY(!d);
        QTRY_COMPARE(rig.model->rowCount(), 0);
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 0);
    }
};

QTEST_MAIN(tst_SignInController)
#include "tst_signincontroller.moc"
