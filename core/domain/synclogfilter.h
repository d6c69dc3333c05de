#pragma once

#include "domain/syncvocabulary.h"

#include <QString>

#include <optional>

namespace cb {

// What a viewer of the sync log asks for: every set field narrows the rows (empty = any).
struct SyncLogFilter
{
    QString integrationId;
    std::optional<SyncDirection> direction;
    std::optional<SyncResult> result;
    std::optional<qint64> ticketId;
    QString text; // matched against event, error and changes

    bool isEmpty() const { return integrationId.isEmpty() && !direction && !result && !ticketId && text.isEmpty(); }
    bool operator==(const SyncLogFilter &other) const = default;
};

} // namespace cb
