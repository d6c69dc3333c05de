#include "synclogentry.h"

#include "domain/case.h"

namespace cb {

SyncLogEntry SyncLogEntry::forCase(const Case &c, QString direction, QString source, QString event)
{
    SyncLogEntry e;
    e.integrationId = c.integrationId;
    e.caseId = c.id;
    e.ticketId = c.externalTicketId;
    e.direction = std::move(direction);
    e.source = std::move(source);
    e.event = std::move(event);
    return e;
}

} // namespace cb
