#pragma once

#include "common/result.h"
#include "domain/failedpush.h"
#include "domain/keysetpage.h"

#include <QList>

namespace cb {

class Database;

// Read-only reading of the pushes to the helpdesk that gave up (outbox in state dead) for viewers (the console's
// Failed events): newest first in keyset pages, with the case's ticket and the integration's domain. Retrying or
// discarding them is the sync thread's (ConsoleSyncProxy), never this class's. No SQL leaves this class.
class FailedPushesQuery final
{
public:
    explicit FailedPushesQuery(Database &db);

    Result<QList<FailedPush>> page(const KeysetPage &page) const;
    // How many pushes gave up.
    Result<qint64> count() const;

private:
    Database &m_db;
};

} // namespace cb
