#include "AccountSession.h"
#include "KeychainSecretStore.h"
#include "ListeningPorts.h"
#include "LoginDialog.h"
#include "SignInMethodPanel.h"
#include "UiTestRig.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <csignal>
#include <sys/types.h>

using Field = LoginValidator::Field;

// Issue 12, a real browser end to end: the login dialog's Browser sign-in with Debian's headless
// Chromium as $BROWSER. Chromium opens the authorization URL, the fake server's consent page
// submits itself (its autoApprove knob, as user demo), Chromium follows the 302 to the app's
// loopback listener, and the account ends Active with its tokens in the real Secret Service
// (gnome-keyring in the test's private D-Bus session), read back by a second store and found by
// `secret-tool` with the attributes the README documents. The server confirms one live grant.
class tst_ChromiumSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void browserSignInThroughChromium()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            QSKIP("chromium is not installed (scripts/deps.sh installs it)");
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs the Secret Service session of scripts/test.sh");

        // $BROWSER is a small script so that the test can stop the Chromium it started.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pidFile = dir.filePath(QStringLiteral("chromium.pid"));
        const QString script = dir.filePath(QStringLiteral("browser.sh"));
        {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho $$ > '" + pidFile.toUtf8() + "'\nexec '" + chromium.toUtf8()
                    + "' --headless=new --no-sandbox --disable-gpu --no-first-run "
                      "--user-data-dir='"
                    + dir.filePath(QStringLiteral("profile")).toUtf8() + "' \"$1\"\n");
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        qputenv("BROWSER", script.toUtf8());

        const QString service = QStringLiteral("tokenkeeper-e2e-")
                + QUuid::createUuid().toString(QUuid::WithoutBraces);
        KeychainSecretStore keychain(service);
        UiTestRig rig(&keychain);
        auto &knobs = rig.server.knobs(Dialect::Generic);
        knobs.autoApprove = true;
        knobs.autoApproveUser = QStringLiteral("demo");

        QPointer<LoginDialog> d = rig.signIn->addAccount();
        const AccountConfig wanted = rig.config(Dialect::Generic);
        auto *type = d->findChild<QComboBox *>();
        type->setCurrentIndex(type->findData(int(Dialect::Generic)));
        QCOMPARE(d->methodPanel()->method(), SignInMethod::Browser); // the default, untouched
        d->field(Field::Server)->setText(wanted.serverUrl.toString());
        d->field(Field::ClientId)->setText(wanted.clientId);
        d->field(Field::Scope)->setText(wanted.scope);
        QSignalSpy signedIn(rig.signIn.get(), &SignInController::signedIn);
        auto *box = d->findChild<QDialogButtonBox *>();
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                b->click();
        QTRY_VERIFY_WITH_TIMEOUT(rig.model->rowCount() == 1, 10000);
        AccountSession *s = rig.model->sessionAt(0);
        // The URL is shown in the dialog while Chromium works.
        QTRY_VERIFY_WITH_TIMEOUT(!d
                                         || d->methodPanel()->shownText().contains(
                                                 QLatin1String("code_challenge_method=S256")),
                                 10000);
        quint16 port = 0;
        if (d) {
            const QString shown = d->methodPanel()->shownText();
            const QUrl url(shown.mid(shown.indexOf(QLatin1String("http"))).section(u'\n', 0, 0));
            port = quint16(QUrl(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"),
                                                              QUrl::FullyDecoded))
                                   .port());
            QVERIFY(port == 0 || listening(port, "0100007F") || !signedIn.isEmpty());
        }
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 120000);
        QFile pid(pidFile);
        if (pid.open(QIODevice::ReadOnly))
            ::kill(pid_t(pid.readAll().trimmed().toInt()), SIGKILL);
        QTRY_VERIFY(!d); // the dialog closed itself
        QTRY_COMPARE(s->state(), SessionState::Active);
        if (port)
            QTRY_VERIFY(!listening(port, "0100007F")); // the listener is gone after the sign-in

        // The server's side: one live grant, for demo, with the issued refresh token.
        QCOMPARE(rig.server.liveGrantCount(Dialect::Generic), 1);

        // The keychain's side: a second store over the same Secret Service reads the tokens.
        QTRY_VERIFY(!s->currentAccessToken().isEmpty()); // served once its write is done
        const QByteArray current = s->currentAccessToken();
        KeychainSecretStore reader(service);
        CredentialStore readBack(&reader, &rig.registry);
        CredentialStore::LoadResult loaded;
        bool answered = false;
        readBack.loadTokens(s->config(), this, [&](const CredentialStore::LoadResult &r) {
            loaded = r;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QCOMPARE(loaded.status, StorageStatus::Ok);
        QVERIFY(loaded.found);
        QCOMPARE(loaded.tokens.accessToken, current);
        QVERIFY(!loaded.tokens.refreshToken.isEmpty());

        // secret-tool finds the item by the attributes QtKeychain writes (README "Keychain").
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        if (!secretTool.isEmpty()) {
            QProcess search; // secret-tool prints the attributes on stderr
            search.setProcessChannelMode(QProcess::MergedChannels);
            search.start(secretTool,
                         {QStringLiteral("search"), QStringLiteral("--all"),
                          QStringLiteral("server"), service});
            QVERIFY(search.waitForFinished(30000));
            const QByteArray out = search.readAllStandardOutput();
            const QByteArray wantedLine =
                    "attribute.user = " + CredentialStore::tokensKey(s->config()).toUtf8();
            QByteArray attributes; // what the failure shows: never the "secret = " lines
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("attribute.") || line.startsWith("label"))
                    attributes += line + '\n';
            QVERIFY2(out.contains(wantedLine), attributes.constData());
        }
        // Clean the keyring: remove the account (the grant is revoked at the server too).
        rig.manager->removeAccount(s->id());
        QTRY_COMPARE_WITH_TIMEOUT(rig.server.liveGrantCount(Dialect::Generic), 0, 30000);
    }
};

QTEST_MAIN(tst_ChromiumSignIn)
#include "tst_chromiumsignin.moc"
