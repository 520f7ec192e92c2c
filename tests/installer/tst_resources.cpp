#include "ResourceNames.h"

#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>

// tk_resources is a static library: its icons and translations must be registered in any binary
// that links it, with no Q_INIT_RESOURCE call, at the paths the UI uses.
class tst_Resources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void iconIsCompiledIn_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("app") << ResourceNames::appIcon();
        const QStringList states = ResourceNames::trayStates();
        for (const QString &state : states)
            QTest::newRow(qPrintable(state)) << ResourceNames::trayIcon(state);
    }
    void iconIsCompiledIn()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.exists(), qPrintable(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }

    void pathsAreTheDocumentedOnes()
    {
        // The UI engineer writes these literally; keep them stable.
        QVERIFY(QFile::exists(QStringLiteral(":/icons/tray-ok.svg")));
        QCOMPARE(ResourceNames::trayIcon(QStringLiteral("ok")),
                 QStringLiteral(":/icons/tray-ok.svg"));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/tokenkeeper_de.qm")));
        QCOMPARE(ResourceNames::trayStates().size(), 7);
    }

    void noUnexpectedIcons()
    {
        // Every icon in the qrc is named in ResourceNames, so none is dead weight or misnamed.
        QStringList expected{ResourceNames::appIcon()};
        const QStringList states = ResourceNames::trayStates();
        for (const QString &state : states)
            expected << ResourceNames::trayIcon(state);
        QStringList found;
        QDirIterator it(QStringLiteral(":/icons"), QDir::Files);
        while (it.hasNext())
            found << it.next();
        expected.sort();
        found.sort();
        QCOMPARE(found, expected);
    }

    void germanCatalogueLoadsForGermanLocales_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<bool>("loads");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << true;
        QTest::newRow("de_AT") << QStringLiteral("de_AT") << true;
        QTest::newRow("de_CH") << QStringLiteral("de_CH") << true;
        QTest::newRow("en_US") << QStringLiteral("en_US") << false;
        QTest::newRow("fr_FR") << QStringLiteral("fr_FR") << false;
    }
    void germanCatalogueLoadsForGermanLocales()
    {
        QFETCH(QString, locale);
        QFETCH(bool, loads);
        // Exactly the call documented in the README for ui/main.cpp.
        QTranslator translator;
        const bool ok = translator.load(QLocale(locale), ResourceNames::translationBaseName(),
                                        QStringLiteral("_"), ResourceNames::translationsDir());
        QCOMPARE(ok, loads);
        if (loads) {
            QVERIFY(!translator.isEmpty());
            QVERIFY(translator.language().startsWith(QStringLiteral("de")));
        }
    }

    void catalogueTranslatesAKnownString()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tokenkeeper_de.qm")));
        // Autostart's message is owned by this work package, so it is a stable probe.
        const QString german = translator.translate(
                "Autostart", "Start at login is not supported on this platform.");
        QVERIFY(!german.isEmpty());
        QVERIFY(german != QStringLiteral("Start at login is not supported on this platform."));
    }
};

QTEST_GUILESS_MAIN(tst_Resources)
#include "tst_resources.moc"
