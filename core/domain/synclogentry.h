#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cb {

struct Case;

// One row of ticket_sync_log: every change and every decision of the sync, append-only.
struct SyncLogEntry
{
    qint64 id = 0;
    QDateTime at;
    QString integrationId;
    std::optional<qint64> caseId;
    std::optional<qint64> ticketId;
    QString direction;   // inbound | outbound | import | reconcile | local
    QString source;      // user | import | webhook | reconciler
    QString event;       // e.g. case.updated, ticket.update, note.create
    QJsonObject changes; // {"field": {"from": x, "to": y}}
    QString result;      // applied | unchanged | echo_dropped | conflict | failed | dead | created | linked
    std::optional<qint64> latencyMs;
    QString error;

    // A row about `c` (its integration, case and ticket filled in).
    static SyncLogEntry forCase(const Case &c, QString direction, QString source, QString event);
};

} // namespace cb
