#include "Translations.h"

#include "ResourceNames.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

QString Translations::qtCatalogueFor(const QLocale &locale)
{
    for (const QString &dir :
         {QLibraryInfo::path(QLibraryInfo::TranslationsPath), QString::fromLatin1(kBundledQtDir)}) {
        QTranslator probe;
        if (probe.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir))
            return probe.filePath();
    }
    return QString();
}

void Translations::install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    auto *qt = new QTranslator(app);
    const QString qtFile = qtCatalogueFor(locale);
    if (!qtFile.isEmpty() && qt->load(qtFile))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(app);
    if (own->load(locale, ResourceNames::translationBaseName(), QStringLiteral("_"),
                  ResourceNames::translationsDir()))
        QCoreApplication::installTranslator(own);
}
