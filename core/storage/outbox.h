#pragma once

#include "common/result.h"
#include "domain/outboxitem.h"

#include <QList>
#include <QSet>

#include <optional>

namespace cb {

class Clock;
class Database;

// Durable outbound work (only source=user changes). Survives restarts; retried with backoff; ends done or dead.
class Outbox
{
public:
    Outbox(Database &db, const Clock &clock);

    Result<qint64> enqueue(OutboxItem item);
    // Pending items whose next attempt is due, oldest first.
    Result<QList<OutboxItem>> due(int limit);
    Result<OutboxItem> get(qint64 id);
    Status markInflight(qint64 id);
    Status markDone(qint64 id);
    Status scheduleRetry(qint64 id, const QDateTime &nextAttemptAt, const QString &error);
    Status markDead(qint64 id, const QString &error);
    // Items left inflight by a crash become pending again (their effects are checked before a retry), due at
    // `retryAt` when given: a request the dead holder had sent may still be landing in the helpdesk.
    Result<int> recoverInflight(const QString &integrationId, const QDateTime &retryAt = {});
    Result<qint64> pendingCount();
    // When the earliest pending item is due (the engine's next push), or nullopt when nothing is pending.
    Result<std::optional<QDateTime>> nextAttemptAt();
    Result<QList<OutboxItem>> listByState(OutboxState state, int limit = 500);
    // Pushes that gave up (dead) are queued again from scratch: one by id, or all of them. Returns how many.
    Result<int> retryDead(std::optional<qint64> id = std::nullopt);
    // A push that gave up is dropped for good (state discarded); the case keeps its local value.
    Status discardDead(qint64 id);
    // Fields with a user edit not yet pushed, for the conflict rule.
    Result<QSet<QString>> pendingFields(qint64 caseId);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
