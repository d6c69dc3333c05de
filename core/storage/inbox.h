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
// A body-hash key ("body:<sha256>", a body with neither event id nor updated_at) coalesces with an identical body
// of the same integration that is still pending, and is a new event once that one was processed (DESIGN.md §3).
class Inbox
{
public:
    Inbox(Database &db, const Clock &clock);

    // A body-hash key is stored suffixed with its arrival time, its hash in body_hash (an indexed equality lookup).
    Result<InboxInsertOutcome> insert(InboxEvent event);
    // The hash of a body-hash key, empty for every other key.
    static QString bodyHashOf(const QString &eventKey);
    Result<InboxEvent> get(qint64 id);
    Result<QList<InboxEvent>> pending(int limit);
    Result<QList<InboxEvent>> byState(InboxState state, int limit = 500);
    // With `coalescedSeen` (the event's coalesced count when its processing began) the event stays pending when an
    // identical body was folded into it since: false is returned and it is processed again.
    Result<bool> markDone(qint64 id, std::optional<int> coalescedSeen = {});
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
