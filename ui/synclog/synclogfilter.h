#pragma once

#include <QString>
#include <QVariantList>

#include <optional>

namespace cb::ui {

// What the sync-log view shows: every set field narrows the SQL query (empty = any).
class SyncLogFilter final
{
public:
    QString integrationId;
    QString direction;
    QString result;
    std::optional<qint64> ticketId;
    QString text; // matched against event, error and changes

    // " AND …" conditions (possibly empty) for a query on ticket_sync_log, with their arguments appended to args.
    QString sqlConditions(QVariantList &args) const;
    bool isEmpty() const;
    bool operator==(const SyncLogFilter &other) const = default;
};

} // namespace cb::ui
