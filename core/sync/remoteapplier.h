#pragma once

#include "common/result.h"
#include "domain/case.h"
#include "domain/changesource.h"
#include "domain/integration.h"
#include "domain/ticket.h"

#include <QJsonObject>
#include <QStringList>

namespace cb {

class Clock;
class Database;
class TicketMapper;

struct ApplyOutcome
{
    qint64 caseId = 0;
    bool created = false;
    bool linked = false; // a case was (or now is) linked to the ticket
    bool stale = false;  // the remote values were older than what the case has seen
    QStringList applied;
    QStringList conflicts;
};

// Applies what the helpdesk says to the store, for webhooks, the reconciler and imports alike:
// older remote state never overwrites newer; a field with a pending user edit keeps the local value and the
// override is logged as a conflict; every other field takes the remote value.
class RemoteApplier
{
public:
    RemoteApplier(Database &db, const Clock &clock, const TicketMapper &mapper);

    Result<ApplyOutcome> applyRemoteFields(const Case &c, const QJsonObject &remoteFields,
                                           const QDateTime &remoteUpdatedAt, ChangeSource source, const QString &event,
                                           std::optional<qint64> latencyMs = {});
    // The whole ticket; creates the case (linking its customer) when it is missing and createIfMissing is set.
    Result<ApplyOutcome> applyTicket(const Integration &integration, const Ticket &ticket, ChangeSource source,
                                     const QString &event, bool createIfMissing, std::optional<qint64> latencyMs = {});

private:
    Database &m_db;
    const Clock &m_clock;
    const TicketMapper &m_mapper;
};

} // namespace cb
