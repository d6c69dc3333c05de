#pragma once

#include <QLocale>

class QCoreApplication;

namespace cb::ui {

// The console's languages: its own strings (embedded, :/i18n/casebridge_<lang>.qm) and Qt's own (wizard buttons,
// dialog buttons, Yes/No: qtbase_<lang>.qm from Qt's translations folder, Debian's qt6-translations-l10n), both
// for `locale`. The translators belong to `app`. English gets EnglishPlurals only. Returns which were found.
class ConsoleTranslations final
{
public:
    struct Loaded
    {
        bool console = false;
        bool qt = false;
    };
    static Loaded install(QCoreApplication *app, const QLocale &locale = QLocale());
};

} // namespace cb::ui
