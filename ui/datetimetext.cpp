#include "datetimetext.h"

#include <QLocale>

namespace cb::ui {

QString DateTimeText::format()
{
    const QLocale locale;
    QString time = locale.timeFormat(QLocale::ShortFormat);
    if (!time.contains(QLatin1String("ss")))
        time.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + time;
}

QString DateTimeText::of(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    return QLocale().toString(moment.toLocalTime(), format());
}

} // namespace cb::ui
