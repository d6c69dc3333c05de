#include "synclog.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

namespace cb {

SyncLog::SyncLog(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString SyncLog::columns()
{
    return QStringLiteral("id, at, integration_id, case_id, ticket_id, direction, source, event, changes, result, "
                          "latency_ms, error");
}

SyncLogEntry SyncLog::fromRow(const QSqlQuery &q)
{
    SyncLogEntry e;
    e.id = q.value(0).toLongLong();
    e.at = sql::toTime(q.value(1));
    e.integrationId = q.value(2).toString();
    e.caseId = sql::toOptionalInt(q.value(3));
    e.ticketId = sql::toOptionalInt(q.value(4));
    // The stored text is always one of the vocabulary (only toString() writes it).
    e.direction = syncDirectionFromString(q.value(5).toString()).value_or(SyncDirection::Local);
    e.source = changeSourceFromString(q.value(6).toString());
    e.event = q.value(7).toString();
    e.changes = sql::toJson(q.value(8));
    e.result = syncResultFromString(q.value(9).toString()).value_or(SyncResult::Failed);
    e.latencyMs = sql::toOptionalInt(q.value(10));
    e.error = q.value(11).toString();
    return e;
}

Result<qint64> SyncLog::append(SyncLogEntry entry)
{
    if (!entry.at.isValid())
        entry.at = m_clock.nowUtc();
    auto q = m_db.exec(QStringLiteral("INSERT INTO ticket_sync_log (at, integration_id, case_id, ticket_id, direction, "
                                      "source, event, changes, result, latency_ms, error) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {sql::fromTime(entry.at), sql::fromText(entry.integrationId), sql::fromOptional(entry.caseId),
                        sql::fromOptional(entry.ticketId), toString(entry.direction),
                        sql::fromText(entry.source ? toString(*entry.source) : QString()), entry.event,
                        sql::fromJson(entry.changes), toString(entry.result), sql::fromOptional(entry.latencyMs),
                        sql::fromText(entry.error)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::Storage, QStringLiteral("The sync log did not return the new row."));
    return q->value(0).toLongLong();
}

Result<QList<SyncLogEntry>> SyncLog::page(qint64 beforeId, int limit)
{
    const QString where = beforeId > 0 ? QStringLiteral(" WHERE id < ?") : QString();
    QVariantList args;
    if (beforeId > 0)
        args << beforeId;
    args << limit;
    auto q = m_db.exec(QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM ticket_sync_log") + where +
                           QStringLiteral(" ORDER BY id DESC LIMIT ?"),
                       args);
    if (!q)
        return q.error();
    QList<SyncLogEntry> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<QList<SyncLogEntry>> SyncLog::after(qint64 afterId, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + columns() +
                           QStringLiteral(" FROM ticket_sync_log WHERE id > ? ORDER BY id ASC LIMIT ?"),
                       {afterId, limit});
    if (!q)
        return q.error();
    QList<SyncLogEntry> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<QList<SyncLogEntry>> SyncLog::inboundSince(const QString &integrationId, qint64 ticketId, const QDateTime &since)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT ") + columns() +
                      QStringLiteral(" FROM ticket_sync_log WHERE ticket_id = ? AND integration_id = ? "
                                     "AND at >= ? AND source IN (?, ?, ?) AND result IN (?, ?, ?, ?) "
                                     "ORDER BY id DESC"),
                  {ticketId, integrationId, toStoreTime(since), toString(ChangeSource::Webhook),
                   toString(ChangeSource::Reconciler), toString(ChangeSource::Import), toString(SyncResult::Applied),
                   toString(SyncResult::Created), toString(SyncResult::Conflict), toString(SyncResult::Unchanged)});
    if (!q)
        return q.error();
    QList<SyncLogEntry> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<qint64> SyncLog::lastId()
{
    auto v = m_db.scalar(QStringLiteral("SELECT MAX(id) FROM ticket_sync_log"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace cb
