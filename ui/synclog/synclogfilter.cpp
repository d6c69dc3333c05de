#include "synclogfilter.h"

namespace cb::ui {

QString SyncLogFilter::sqlConditions(QVariantList &args) const
{
    QString sql;
    if (!integrationId.isEmpty()) {
        sql += QStringLiteral(" AND integration_id = ?");
        args << integrationId;
    }
    if (!direction.isEmpty()) {
        sql += QStringLiteral(" AND direction = ?");
        args << direction;
    }
    if (!result.isEmpty()) {
        sql += QStringLiteral(" AND result = ?");
        args << result;
    }
    if (ticketId) {
        sql += QStringLiteral(" AND ticket_id = ?");
        args << *ticketId;
    }
    if (!text.isEmpty()) {
        QString pattern = text;
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        sql +=
            QStringLiteral(" AND (event LIKE ? ESCAPE '\\' OR error LIKE ? ESCAPE '\\' OR changes LIKE ? ESCAPE '\\')");
        args << pattern << pattern << pattern;
    }
    return sql;
}

bool SyncLogFilter::isEmpty() const
{
    return integrationId.isEmpty() && direction.isEmpty() && result.isEmpty() && !ticketId && text.isEmpty();
}

} // namespace cb::ui
