#pragma once

#include "common/result.h"
#include "domain/synclogentry.h"

#include <QList>
#include <QSqlQuery>

namespace cb {

class Clock;
class Database;

// ticket_sync_log: append-only record of every change and every sync decision.
class SyncLog
{
public:
    explicit SyncLog(Database &db, const Clock &clock);

    Result<qint64> append(SyncLogEntry entry);
    // Newest first, keyset paging: rows with id < beforeId (0 = from the newest).
    Result<QList<SyncLogEntry>> page(qint64 beforeId, int limit);
    // Rows with id > afterId, oldest first (for following the log).
    Result<QList<SyncLogEntry>> after(qint64 afterId, int limit);
    // Inbound (webhook/reconciler/import) rows for a ticket at or after `since`, for the echo window.
    Result<QList<SyncLogEntry>> inboundSince(const QString &integrationId, qint64 ticketId, const QDateTime &since);
    Result<qint64> lastId();

    static SyncLogEntry fromRow(const QSqlQuery &q);
    static QString columns();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
