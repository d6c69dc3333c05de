#pragma once

#include "common/result.h"

#include <QDateTime>

namespace cb {

class Clock;
class Database;

struct PruneReport
{
    int inboxRows = 0;
    int logRows = 0;
    bool more = false; // a batch was full: there is more to prune
};

// Retention (DESIGN.md §3): processed ("done") inbox rows, bodies included, go after `inboxSeconds` (30 days), sync-log
// rows after `logSeconds` (90 days); failed and dead inbox rows stay until they are resolved (replayed, then
// processed). Each call deletes at most `batch` rows per table in one short transaction, so a receiver sharing the
// store waits for milliseconds at most; when nothing is old enough it only reads (two indexed lookups) and commits
// nothing.
class RetentionPruner
{
public:
    struct Options
    {
        qint64 inboxSeconds = 30 * 86400; // 0: kept for good
        qint64 logSeconds = 90 * 86400;
        int batch = 500;
    };

    RetentionPruner(Database &db, const Clock &clock, Options options);
    RetentionPruner(Database &db, const Clock &clock);

    Result<PruneReport> pruneBatch();

private:
    Result<QVariantList> oldIds(const QString &sql, const QDateTime &before, const QVariantList &leading = {});
    Result<int> remove(const QString &table, const QVariantList &ids);

    Database &m_db;
    const Clock &m_clock;
    Options m_options;
};

} // namespace cb
