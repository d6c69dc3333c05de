#include "synclogentry.h"

#include "domain/case.h"

namespace cb {

SyncLogEntry SyncLogEntry::forCase(const Case &c, SyncDirection direction, ChangeSource source, QString event)
{
    SyncLogEntry e;
    e.integrationId = c.integrationId;
    e.caseId = c.id;
    e.ticketId = c.externalTicketId;
    e.direction = direction;
    e.source = source;
    e.event = std::move(event);
    return e;
}

} // namespace cb
