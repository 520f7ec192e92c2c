// tk-screenshots: renders the login dialog, the re-prompt, the main window with accounts in
// different states and the tray menu to PNGs (scripts/screenshots.sh), against the fake server.
// A tool, not product code: it waits with QTest::qWaitFor.
#include "AccountSession.h"
#include "LoginDialog.h"
#include "TrayController.h"
#include "UiTestRig.h"

#include <cstdio>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QTest>

static bool save(QWidget *w, const QString &dir, const QString &name)
{
    w->show();
    (void)QTest::qWaitFor([w] { return w->isVisible(); }, 2000);
    QTest::qWait(200); // let layouts and icons settle before grabbing
    const QString path = dir + QLatin1Char('/') + name;
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

static AccountSession *signedIn(UiTestRig &rig, AccountConfig c, Dialect d)
{
    AccountSession *s = rig.manager->addAccount(c);
    QTest::qWait(100); // the keychain read at start
    s->signIn(rig.credentials(d));
    if (!QTest::qWaitFor([s] { return s->state() == SessionState::Active; }, 5000))
        std::printf("warning: %s did not sign in\n", qPrintable(c.displayName));
    return s;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    const QString dir =
            argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(dir);
    UiTestRig rig;
    rig.signIn->setAutoReprompt(false);
    rig.clock.setWallMs(QDateTime(QDate(2026, 11, 23), QTime(13, 15)).toMSecsSinceEpoch());

    // An account whose grant died (re-prompt), one signed in per dialect, one never signed in.
    AccountConfig generic = rig.config(Dialect::Generic);
    generic.tokenEndpoint = QUrl(rig.server.issuer().toString() + QStringLiteral("/token"));
    generic.revocationEndpoint = QUrl(rig.server.issuer().toString() + QStringLiteral("/revoke"));
    AccountSession *dead = signedIn(rig, generic, Dialect::Generic);
    rig.server.revokeAllGrants();
    rig.clock.advance(47 * 60'000);
    dead->refreshNow();
    (void)QTest::qWaitFor([dead] { return dead->state() == SessionState::ReauthRequired; }, 5000);
    signedIn(rig, rig.config(Dialect::Venafi), Dialect::Venafi);
    signedIn(rig, rig.config(Dialect::Salesforce), Dialect::Salesforce);
    AccountConfig staging = rig.config(Dialect::Venafi);
    staging.displayName = QStringLiteral("Venafi TPP (staging)");
    staging.username = QStringLiteral("svc-staging");
    rig.manager->addAccount(staging);
    rig.clock.advance(12 * 60'000);
    rig.log->append(rig.clock.wallMs(), QStringLiteral("Venafi TPP (prod)"),
                    QStringLiteral("refreshed; access token valid for 60 min"));
    rig.model->refreshTimes();

    bool ok = true;
    rig.window->resize(1180, 520);
    ok &= save(rig.window.get(), dir, QStringLiteral("main-window.png"));

    LoginDialog *add = rig.signIn->addAccount();
    add->field(LoginValidator::Field::Server)->setText(QStringLiteral("https://tpp.example.com"));
    add->field(LoginValidator::Field::ClientId)->setText(QStringLiteral("tokenkeeper"));
    add->field(LoginValidator::Field::Username)->setText(QStringLiteral("alice"));
    add->field(LoginValidator::Field::Password)->setText(QStringLiteral("not-the-password"));
    add->field(LoginValidator::Field::Scope)->setText(QStringLiteral("certificate:manage,revoke"));
    AuthError tls(AuthError::Kind::Tls, QStringLiteral("tls"));
    tls.detail = QStringLiteral("host=tpp.example.com sha256=5F:A3:9C:11:0B:7E:42:D8:AA:19:60:3B");
    add->showError(tls);
    ok &= save(add, dir, QStringLiteral("login-dialog-error.png"));
    add->close();

    LoginDialog *again = rig.signIn->signIn(dead->id());
    ok &= save(again, dir, QStringLiteral("login-reprompt.png"));
    again->setBusy(true);
    ok &= save(again, dir, QStringLiteral("login-busy.png"));
    again->setBusy(false);
    again->close();

    TrayController tray(rig.model.get(), rig.clipboard.get());
    tray.update();
    QMenu *menu = tray.menu();
    menu->popup(QPoint(40, 40));
    ok &= save(menu, dir, QStringLiteral("tray-menu.png"));
    QMenu *sub = menu->findChildren<QMenu *>().value(0);
    if (sub) {
        sub->popup(QPoint(40, 40));
        ok &= save(sub, dir, QStringLiteral("tray-menu-account.png"));
    }
    std::printf("tooltip:\n%s\n", qPrintable(tray.toolTipText()));
    return ok ? 0 : 1;
}
