#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cb {

// Durable outbound work, written only for source=user changes.
struct OutboxItem
{
    qint64 id = 0;
    qint64 caseId = 0;
    QString integrationId;
    QString op; // update | note | reply | handoff
    QJsonObject payload;
    QString state = QStringLiteral("pending"); // pending | inflight | done | failed | dead | discarded
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
};

} // namespace cb
