// tk-screenshots: renders the login dialog, the re-prompt, the main window with accounts in
// different states (and empty), and the tray menu to PNGs (scripts/screenshots.sh), against the
// fake server. A tool, not product code: it waits with QTest::qWaitFor.
//   tk-screenshots [OUTDIR] [--dark] [--lang de]   (file names get "-dark" / "-de")
#include "AccountSession.h"
#include "ApprovalBroker.h"
#include "ApprovalPolicy.h"
#include "ApprovalPrompt.h"
#include "DarkPalette.h"
#include "LoginDialog.h"
#include "SignInMethodPanel.h"
#include "Translations.h"
#include "TrayController.h"
#include "UiTestRig.h"

#include <cstdio>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

static QString g_suffix;

static bool save(QWidget *w, const QString &dir, QString name)
{
    name.replace(QStringLiteral(".png"), g_suffix + QStringLiteral(".png"));
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
    const QStringList args = app.arguments();
    const bool dark = args.contains(QStringLiteral("--dark"));
    const auto langAt = args.indexOf(QStringLiteral("--lang"));
    const QString lang = langAt > 0 && langAt + 1 < args.size() ? args.at(langAt + 1) : QString();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (dark)
        QApplication::setPalette(darkDesktopPalette());
    if (lang.isEmpty()) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    } else {
        QLocale::setDefault(QLocale(lang));
        Translations::install(QLocale(lang));
    }
    g_suffix = (dark ? QStringLiteral("-dark") : QString())
            + (lang.isEmpty() ? QString() : QLatin1Char('-') + lang);
    const QString dir = argc > 1 && !args.at(1).startsWith(QLatin1Char('-'))
            ? args.at(1)
            : QStringLiteral("docs/screenshots");
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
    {
        AccountListModel emptyModel(&rig.clock);
        EventLogModel emptyLog(&rig.clock);
        MainWindow empty(nullptr, &emptyModel, &emptyLog, nullptr);
        empty.resize(1000, 600);
        ok &= save(&empty, dir, QStringLiteral("main-window-empty.png"));
        empty.setDemoMode(true);
        ok &= save(&empty, dir, QStringLiteral("main-window-empty-demo.png"));
    }
    rig.window->setClipboardGuard(rig.clipboard.get());
    // The programs that asked for the first account's token (the hand-off approvals).
    QTemporaryDir approvalDir;
    QSettings approvalSettings(approvalDir.filePath(QStringLiteral("approvals.ini")),
                               QSettings::IniFormat);
    ApprovalPolicy approvalPolicy(&approvalSettings);
    ApprovalBroker approvals(&approvalPolicy, &rig.clock);
    const QString firstId = rig.model->sessionAt(0)->id();
    approvalPolicy.remember(firstId, QStringLiteral("/usr/bin/git"), QStringLiteral("1:2:3:4"),
                            true, rig.clock.wallMs() - 3 * 86'400'000LL);
    approvalPolicy.remember(firstId, QStringLiteral("/usr/bin/kubectl"), QStringLiteral("1:2:3:5"),
                            true, rig.clock.wallMs() - 3'600'000);
    approvalPolicy.remember(firstId, QStringLiteral("/home/alice/bin/sync-certs.py"),
                            QStringLiteral("1:2:3:6"), false, rig.clock.wallMs() - 600'000);
    rig.window->setApprovalBroker(&approvals);
    rig.window->resize(1100, 760);
    ok &= save(rig.window.get(), dir, QStringLiteral("main-window.png"));
    rig.window->selectAccount(dead->id());
    ok &= save(rig.window.get(), dir, QStringLiteral("main-window-reauth.png"));
    rig.window->selectAccount(rig.model->sessionAt(1)->id());
    rig.window->copyToken(rig.model->sessionAt(1)->id());
    ok &= save(rig.window.get(), dir, QStringLiteral("main-window-copied.png"));
    QApplication::clipboard()->clear();

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

    // A second account for the first one's user, client and server: refused, naming it.
    LoginDialog *twice = rig.signIn->addAccount();
    AccountConfig taken = rig.model->sessionAt(0)->config();
    taken.id.clear();
    taken.displayName.clear();
    twice->setConfig(taken);
    twice->field(LoginValidator::Field::Password)->setText(QStringLiteral("any"));
    if (auto *box = twice->findChild<QDialogButtonBox *>())
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                b->click();
    ok &= !twice->errorText().isEmpty();
    ok &= save(twice, dir, QStringLiteral("login-dialog-taken.png"));
    twice->close();

    // Issue 12: a browser sign-in waiting for the browser, and a device code to enter.
    LoginDialog *browser = rig.signIn->addAccount();
    AccountConfig flow;
    flow.dialect = Dialect::Generic;
    flow.serverUrl = QUrl(QStringLiteral("https://auth.example.com"));
    flow.clientId = QStringLiteral("tokenkeeper");
    flow.scope = QStringLiteral("openid offline_access");
    flow.signInMethod = SignInMethod::Browser;
    browser->setConfig(flow);
    ok &= save(browser, dir, QStringLiteral("login-browser.png"));
    browser->setBusy(true);
    browser->methodPanel()->showBrowserUrl(
            QUrl(QStringLiteral("https://auth.example.com/authorize?response_type=code&client_id="
                                "tokenkeeper&redirect_uri=http%3A%2F%2F127.0.0.1%3A43117%2F"
                                "callback&code_challenge_method=S256")));
    ok &= save(browser, dir, QStringLiteral("login-browser-waiting.png"));
    flow.signInMethod = SignInMethod::Device;
    browser->setBusy(false);
    browser->setConfig(flow);
    browser->setBusy(true);
    browser->methodPanel()->showDeviceCode(QStringLiteral("WDJB-MJHT"),
                                           QUrl(QStringLiteral("https://auth.example.com/device")),
                                           QUrl(QStringLiteral("https://auth.example.com/device?"
                                                               "user_code=WDJB-MJHT")),
                                           QDateTime::currentMSecsSinceEpoch() + 14 * 60 * 1000);
    ok &= save(browser, dir, QStringLiteral("login-device-code.png"));
    browser->setBusy(false);
    browser->close();

    LoginDialog *again = rig.signIn->signIn(dead->id());
    ok &= save(again, dir, QStringLiteral("login-reprompt.png"));
    again->setBusy(true);
    ok &= save(again, dir, QStringLiteral("login-busy.png"));
    again->setBusy(false);
    again->close();

    ApprovalBroker::Prompt question;
    question.id = 1;
    question.accountId = firstId;
    question.accountName = rig.model->sessionAt(0)->config().displayName;
    question.scope = rig.model->sessionAt(0)->config().scope;
    question.program = QStringLiteral("/usr/bin/curl");
    question.description = QStringLiteral("curl (pid 48213), started from bash, from xterm");
    auto *prompt = new ApprovalPrompt(question); // deletes itself when closed
    ok &= save(prompt, dir, QStringLiteral("approval-prompt.png"));
    prompt->close();

    TrayController tray(rig.model.get(), rig.clipboard.get());
    tray.flush();
    QMenu *menu = tray.menu();
    menu->popup(QPoint(40, 40));
    ok &= save(menu, dir, QStringLiteral("tray-menu.png"));
    // The account whose sign-in ended (the same one in every variant).
    QMenu *sub = nullptr;
    for (QMenu *m : menu->findChildren<QMenu *>())
        if (!sub && m->title().startsWith(dead->config().displayName))
            sub = m;
    if (sub) {
        sub->popup(QPoint(40, 40));
        ok &= save(sub, dir, QStringLiteral("tray-menu-account.png"));
    }
    std::printf("tooltip:\n%s\n", qPrintable(tray.toolTipText()));
    return ok ? 0 : 1;
}
