#pragma once

#include "domain/changesource.h"

#include <QString>

#include <optional>

namespace cb {

// The fixed vocabularies of the sync log, the outbox and the inbox. The stored text (database, CLI, JSON) is what
// toString() returns; fromString() reads it back (std::nullopt for text that is none of them).

// ticket_sync_log.direction: which way a change went.
enum class SyncDirection
{
    Inbound,   // a webhook
    Outbound,  // a push to the helpdesk
    Import,    // an import
    Reconcile, // the reconciler
    Local      // a user's change in Casebridge
};

// ticket_sync_log.result: what became of it.
enum class SyncResult
{
    Applied,
    Unchanged,
    EchoDropped, // our own push coming back
    Conflict,
    Failed,
    Dead, // given up
    Created,
    Linked,
    Ignored
};

// outbox.op: what a push does.
enum class OutboxOp
{
    Update,
    Note,
    Reply,
    Handoff
};

// outbox.state
enum class OutboxState
{
    Pending,
    Inflight,
    Done,
    Failed,
    Dead,
    Discarded
};

// webhook_inbox.state
enum class InboxState
{
    Pending,
    Done,
    Failed,
    Dead
};

QString toString(SyncDirection direction);
QString toString(SyncResult result);
QString toString(OutboxOp op);
QString toString(OutboxState state);
QString toString(InboxState state);

std::optional<SyncDirection> syncDirectionFromString(const QString &text);
std::optional<SyncResult> syncResultFromString(const QString &text);
std::optional<OutboxOp> outboxOpFromString(const QString &text);
std::optional<OutboxState> outboxStateFromString(const QString &text);
std::optional<InboxState> inboxStateFromString(const QString &text);

// The direction a change from `source` is logged with (user → local, webhook → inbound…).
SyncDirection directionFor(ChangeSource source);

} // namespace cb
