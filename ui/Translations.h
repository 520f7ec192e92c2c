#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QTranslator;

// Loads the app's catalogue and Qt's own (qtbase: "Cancel", "OK", the file dialogs, --help's
// option texts) for `locale`. Qt's catalogue comes from the Qt installation, or from the copy
// built into the app (":/i18n/qt/qtbase_de.qm") when the system has none, so that German dialogs
// never say "Cancel".
class Translations
{
public:
    static constexpr const char *kBundledQtDir = ":/i18n/qt";

    // Installs the translators into the application; they live as long as the application.
    static void install(const QLocale &locale = QLocale());
    // For tests: whether Qt's catalogue for `locale` was found, and where.
    static QString qtCatalogueFor(const QLocale &locale);
};
