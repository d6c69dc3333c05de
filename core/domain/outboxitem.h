#pragma once

#include "domain/syncvocabulary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cb {

// Durable outbound work, written only for source=user changes.
struct OutboxItem
{
    qint64 id = 0;
    qint64 caseId = 0;
    QString integrationId;
    std::optional<OutboxOp> op; // empty only for stored text that is no operation (the pusher gives up on it)
    QJsonObject payload;
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
};

} // namespace cb
