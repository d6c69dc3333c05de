#include "consoletranslations.h"

#include "englishplurals.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace cb::ui {

ConsoleTranslations::Loaded ConsoleTranslations::install(QCoreApplication *app, const QLocale &locale)
{
    Loaded loaded;
    auto *qt = new QTranslator(app);
    loaded.qt = qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (loaded.qt)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    loaded.console = own->load(locale, QStringLiteral("casebridge"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded.console)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    if (!loaded.console) // English: its "%n case(s)" said as "1 case", "2 cases"
        QCoreApplication::installTranslator(new EnglishPlurals(app));
    return loaded;
}

} // namespace cb::ui
