#pragma once

#include "common/result.h"
#include "domain/synclogentry.h"
#include "domain/synclogfilter.h"

#include <QList>

namespace cb {

class Database;

// Read-only reading of ticket_sync_log for viewers (the console's Sync log and its CSV export): keyset pages on id,
// never OFFSET, narrowed by a SyncLogFilter. No SQL leaves this class.
class SyncLogQuery final
{
public:
    // Which ids: afterId < id < beforeId (0 = no bound) and id <= upTo (-1 = no bound).
    struct Range
    {
        qint64 beforeId = 0;
        qint64 upTo = -1;
        qint64 afterId = 0;
    };
    enum class Order
    {
        NewestFirst,
        OldestFirst
    };

    explicit SyncLogQuery(Database &db);

    // At most `limit` rows of `range` that match `filter`, in `order`.
    Result<QList<SyncLogEntry>> page(const SyncLogFilter &filter, const Range &range, int limit,
                                     Order order = Order::NewestFirst) const;
    // How many rows of `range` match `filter`.
    Result<qint64> count(const SyncLogFilter &filter, const Range &range) const;
    // The newest id in the log, 0 when it is empty.
    Result<qint64> lastId() const;
    // How many rows of `range` record a failure (result failed or dead), whatever the filter: what the tray
    // notifies about.
    Result<qint64> failureCount(const Range &range) const;

private:
    Database &m_db;
};

} // namespace cb
