#include "retentionpruner.h"

#include "common/clock.h"
#include "domain/syncvocabulary.h"
#include "storage/database.h"

#include <QSqlQuery>
#include <QStringList>

namespace cb {

RetentionPruner::RetentionPruner(Database &db, const Clock &clock, Options options)
    : m_db(db)
    , m_clock(clock)
    , m_options(options)
{
    m_options.batch = std::max(1, m_options.batch);
}

RetentionPruner::RetentionPruner(Database &db, const Clock &clock)
    : RetentionPruner(db, clock, Options{})
{}

Result<QVariantList> RetentionPruner::oldIds(const QString &sql, const QDateTime &before, const QVariantList &leading)
{
    auto q = m_db.exec(sql, leading + QVariantList{toStoreTime(before), m_options.batch});
    if (!q)
        return q.error();
    QVariantList ids;
    while (q->next())
        ids << q->value(0);
    return ids;
}

Result<int> RetentionPruner::remove(const QString &table, const QVariantList &ids)
{
    QStringList marks;
    marks.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks << QStringLiteral("?");
    auto q = m_db.exec(QStringLiteral("DELETE FROM %1 WHERE id IN (%2)").arg(table, marks.join(QLatin1Char(','))), ids);
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<PruneReport> RetentionPruner::pruneBatch()
{
    PruneReport report;
    const QDateTime now = m_clock.nowUtc();
    // Reads first, outside any transaction: an idle store is only read, never written.
    auto inbox = m_options.inboxSeconds > 0
                     ? oldIds(QStringLiteral("SELECT id FROM webhook_inbox WHERE state = ? AND processed_at < ? "
                                             "ORDER BY processed_at LIMIT ?"),
                              now.addSecs(-m_options.inboxSeconds), {toString(InboxState::Done)})
                     : Result<QVariantList>(QVariantList{});
    if (!inbox)
        return inbox.error();
    auto log = m_options.logSeconds > 0 ? oldIds(QStringLiteral("SELECT id FROM ticket_sync_log WHERE at < ? "
                                                                "ORDER BY at LIMIT ?"),
                                                 now.addSecs(-m_options.logSeconds))
                                        : Result<QVariantList>(QVariantList{});
    if (!log)
        return log.error();
    if (inbox->isEmpty() && log->isEmpty())
        return report;
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    if (!inbox->isEmpty()) {
        // A done row never changes state again (replay takes failed and dead ones only): the ids read stand.
        auto removed = remove(QStringLiteral("webhook_inbox"), *inbox);
        if (!removed)
            return removed.error();
        report.inboxRows = *removed;
    }
    if (!log->isEmpty()) {
        auto removed = remove(QStringLiteral("ticket_sync_log"), *log);
        if (!removed)
            return removed.error();
        report.logRows = *removed;
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    report.more = inbox->size() >= m_options.batch || log->size() >= m_options.batch;
    return report;
}

} // namespace cb
