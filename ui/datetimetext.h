#pragma once

#include <QDateTime>
#include <QString>

namespace cb::ui {

// The one way the console writes a moment: local time in the locale's short date and time format, with seconds
// (the sync log needs them), e.g. "02.12.26 07:21:05" in German, "12/2/26 7:21:05 AM" in US English.
class DateTimeText final
{
public:
    static QString of(const QDateTime &moment);
    static QString format(); // the QLocale pattern of() uses
};

} // namespace cb::ui
