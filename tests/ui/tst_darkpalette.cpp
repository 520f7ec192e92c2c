#include "AccountListModel.h"
#include "Clock.h"
#include "DarkPalette.h"
#include "EventLogModel.h"
#include "FakeSession.h"
#include "LoginDialog.h"
#include "MainWindow.h"

#include <cmath>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPalette>
#include <QTest>

// The login dialog and the main window under a dark palette: nothing uses a fixed colour, the
// re-prompt banner is dark with light text, the problem text and the secondary texts keep their
// contrast. With TK_SHOT_DIR set the renders are saved for people to look at.
class tst_DarkPalette : public QObject
{
    Q_OBJECT
private:
    static double luminance(const QColor &c)
    {
        auto ch = [](double v) {
            v /= 255.0;
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue());
    }
    static double contrast(const QColor &a, const QColor &b)
    {
        const double la = luminance(a), lb = luminance(b);
        return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
    }
    static QPalette dark() { return darkDesktopPalette(); }
    static void save(QWidget *w, const char *name)
    {
        const QString dir = qEnvironmentVariable("TK_SHOT_DIR");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
    }
    static QStringList styleSheets(QWidget *root)
    {
        QStringList found;
        for (QWidget *w : root->findChildren<QWidget *>())
            if (!w->styleSheet().isEmpty())
                found << QString::fromLatin1(w->metaObject()->className());
        return found;
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setPalette(dark()); }

    void loginDialogFollowsThePalette()
    {
        LoginDialog d;
        AccountSnapshot s =
                makeSnapshot(QStringLiteral("Prod"), Dialect::Venafi, SessionState::ReauthRequired);
        s.reauthCode = QStringLiteral("invalid_grant"); // "the refresh token expired or ..."
        d.setReprompt(s);
        d.showError(AuthError(AuthError::Kind::BadCredentials, QStringLiteral("invalid_grant")));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY2(styleSheets(&d).isEmpty(), qPrintable(styleSheets(&d).join(QLatin1Char(','))));
        QLabel *banner = nullptr;
        QLabel *problem = nullptr;
        for (QLabel *l : d.findChildren<QLabel *>()) {
            if (l->accessibleName() == QLatin1String("Why a sign-in is needed"))
                banner = l;
            if (l->accessibleName() == QLatin1String("Sign-in problem"))
                problem = l;
        }
        QVERIFY(banner && banner->isVisible());
        QVERIFY(problem && problem->isVisible());
        const QImage img = banner->grab().toImage();
        const QColor bg = img.pixelColor(3, 3);
        QVERIFY2(luminance(bg) < 0.2, qPrintable(bg.name())); // a dark banner in a dark dialog
        const QColor bannerText = banner->palette().color(banner->foregroundRole());
        QVERIFY(contrast(bannerText, bg) > 4.5);
        const QColor problemText = problem->palette().color(problem->foregroundRole());
        QVERIFY(contrast(problemText, d.palette().color(QPalette::Window)) > 4.5);
        save(&d, "dark-login-dialog.png");
    }

    void mainWindowFollowsThePalette()
    {
        ManualClock clock;
        AccountListModel model(&clock);
        EventLogModel log(&clock);
        AccountSnapshot a = makeSnapshot(QStringLiteral("Venafi TPP (prod)"), Dialect::Venafi,
                                         SessionState::Active);
        a.hasAccessToken = true;
        a.accessExpiresAtMs = clock.wallMs() + 50 * 60'000;
        a.refreshUntilMs = clock.wallMs() + 80LL * 24 * 3600'000;
        FakeSession s1(a);
        FakeSession s2(makeSnapshot(QStringLiteral("Salesforce"), Dialect::Salesforce,
                                    SessionState::ReauthRequired,
                                    QStringLiteral("https://login.salesforce.com")));
        model.addSession(&s1);
        model.addSession(&s2);
        log.append(clock.wallMs(), QStringLiteral("Venafi TPP (prod)"),
                   QStringLiteral("signed in"));
        MainWindow w(nullptr, &model, &log, nullptr);
        w.resize(1000, 640);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY2(styleSheets(&w).isEmpty(), qPrintable(styleSheets(&w).join(QLatin1Char(','))));
        const QImage list = w.accountView()->viewport()->grab().toImage();
        // The unselected second row's background is the dark base, not a light default.
        const QColor rowBg = list.pixelColor(list.width() - 3, list.height() - 3);
        QVERIFY2(luminance(rowBg) < 0.2, qPrintable(rowBg.name()));
        const QPalette p = w.palette();
        QVERIFY(contrast(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) > 3.0);
        save(&w, "dark-main-window.png");
    }
};

QTEST_MAIN(tst_DarkPalette)
#include "tst_darkpalette.moc"
