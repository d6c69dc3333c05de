#pragma once

#include "domain/changesource.h"
#include "domain/syncvocabulary.h"

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
    SyncDirection direction = SyncDirection::Local;
    std::optional<ChangeSource> source; // empty: a row about no change of anyone's (stored NULL)
    QString event;                      // e.g. case.updated, ticket.update, note.create
    QJsonObject changes;                // {"field": {"from": x, "to": y}}
    SyncResult result = SyncResult::Applied;
    std::optional<qint64> latencyMs;
    QString error;

    // A row about `c` (its integration, case and ticket filled in).
    static SyncLogEntry forCase(const Case &c, SyncDirection direction, ChangeSource source, QString event);
};

} // namespace cb
