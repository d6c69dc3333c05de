#include "synclogquery.h"

#include "storage/database.h"
#include "storage/synclog.h"

namespace cb {

namespace {
// " AND …" for the range and the filter, with their arguments appended to args.
QString conditions(const SyncLogFilter &filter, const SyncLogQuery::Range &range, QVariantList &args)
{
    QString sql;
    const auto add = [&](const char *condition, const QVariant &value) {
        sql += QLatin1String(condition);
        args << value;
    };
    if (range.beforeId > 0)
        add(" AND id < ?", range.beforeId);
    if (range.upTo >= 0)
        add(" AND id <= ?", range.upTo);
    if (range.afterId > 0)
        add(" AND id > ?", range.afterId);
    if (!filter.integrationId.isEmpty())
        add(" AND integration_id = ?", filter.integrationId);
    if (filter.direction)
        add(" AND direction = ?", toString(*filter.direction));
    if (filter.result)
        add(" AND result = ?", toString(*filter.result));
    if (filter.ticketId)
        add(" AND ticket_id = ?", *filter.ticketId);
    if (!filter.text.isEmpty()) {
        QString pattern = filter.text;
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
} // namespace

SyncLogQuery::SyncLogQuery(Database &db)
    : m_db(db)
{}

Result<QList<SyncLogEntry>> SyncLogQuery::page(const SyncLogFilter &filter, const Range &range, int limit,
                                               Order order) const
{
    QVariantList args;
    QString sql = QStringLiteral("SELECT ") + SyncLog::columns() + QStringLiteral(" FROM ticket_sync_log WHERE 1 = 1") +
                  conditions(filter, range, args) +
                  (order == Order::NewestFirst ? QStringLiteral(" ORDER BY id DESC LIMIT ?")
                                               : QStringLiteral(" ORDER BY id ASC LIMIT ?"));
    args << limit;
    auto q = m_db.exec(sql, args);
    if (!q)
        return q.error();
    QList<SyncLogEntry> out;
    while (q->next())
        out << SyncLog::fromRow(*q);
    return out;
}

Result<qint64> SyncLogQuery::count(const SyncLogFilter &filter, const Range &range) const
{
    QVariantList args;
    const QString sql =
        QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE 1 = 1") + conditions(filter, range, args);
    auto n = m_db.scalar(sql, args);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<qint64> SyncLogQuery::lastId() const
{
    auto v = m_db.scalar(QStringLiteral("SELECT MAX(id) FROM ticket_sync_log"));
    if (!v)
        return v.error();
    return v->isValid() && !v->isNull() ? v->toLongLong() : 0;
}

Result<qint64> SyncLogQuery::failureCount(const Range &range) const
{
    QVariantList args;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE result IN ('failed', 'dead')") +
                        conditions(SyncLogFilter(), range, args);
    auto n = m_db.scalar(sql, args);
    if (!n)
        return n.error();
    return n->toLongLong();
}

} // namespace cb
