#pragma once

#include "common/result.h"
#include "domain/failedevent.h"
#include "domain/keysetpage.h"

#include <QByteArray>
#include <QList>

namespace cb {

class Database;

// Read-only reading of the webhooks that could not be processed (webhook_inbox in state failed or dead) for
// viewers (the console's Failed events): newest first in keyset pages, with the integration's domain. Replaying
// them is the sync thread's (ConsoleSyncProxy::replayEvent), never this class's. No SQL leaves this class.
class FailedEventsQuery final
{
public:
    explicit FailedEventsQuery(Database &db);

    Result<QList<FailedEvent>> page(const KeysetPage &page) const;
    // How many events are failed or dead.
    Result<qint64> count() const;
    // The body as received of inbox event `id`; empty when there is no such event.
    Result<QByteArray> body(qint64 id) const;

private:
    Database &m_db;
};

} // namespace cb
