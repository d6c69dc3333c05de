#pragma once

#include "common/result.h"
#include "domain/inboxevent.h"

#include <QList>

namespace cb {

class Clock;
class Database;

struct InboxInsertOutcome
{
    qint64 eventId = 0; // the stored event (the original one for a duplicate)
    bool duplicate = false;
};

// webhook_inbox: each webhook is committed here before it is acknowledged; unique by (integration, event key).
class Inbox
{
public:
    Inbox(Database &db, const Clock &clock);

    // A key starting with "body:" dedupes only within `bodyHashWindowMs` of its first arrival; after that the
    // same body is a new event (stored under the key suffixed with its arrival time).
    Result<InboxInsertOutcome> insert(InboxEvent event, qint64 bodyHashWindowMs = 60000);
    Result<InboxEvent> get(qint64 id);
    Result<QList<InboxEvent>> pending(int limit);
    Result<QList<InboxEvent>> byState(const QString &state, int limit = 500);
    Status markDone(qint64 id);
    Status markFailed(qint64 id, const QString &error, bool dead = false);
    // A transient failure: stays pending, counts the attempt and remembers when it was made.
    Status recordAttempt(qint64 id, const QString &error);
    // Failed or dead events back to pending (replay). Returns how many.
    Result<int> replay(std::optional<qint64> id);
    Result<qint64> pendingCount();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
