#pragma once

#include "common/result.h"
#include "domain/integration.h"
#include "sync/conversationcopier.h"

#include <QCoroTask>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
class TicketMapper;

struct ReconcileReport
{
    int calls = 0;
    int listed = 0;  // tickets changed since the watermark
    int applied = 0; // cases that took a change
    int unchanged = 0;
    int notLinked = 0;     // changed tickets without a case: left alone (the reconciler never creates cases)
    int removed = 0;       // linked tickets found deleted or marked spam
    int commentsAdded = 0; // conversations of changed tickets the case had not seen
    QDateTime watermark;
};

// The safety net for dropped webhooks: lists tickets changed since the watermark minus an overlap (one call per
// 100 changed tickets, plus one each for the deleted and spam views), reconciles the linked cases, and advances
// the watermark to the newest updated_at seen. It never creates a case. A linked ticket whose updated_at is newer
// than its case has seen (a webhook was missed: a note, a customer reply…) also has its conversations copied —
// one more call for that ticket only; tickets the webhooks already delivered cost nothing more.
class Reconciler
{
public:
    Reconciler(Database &db, const Clock &clock, const TicketMapper &mapper);
    void setOverlapSeconds(int s) { m_overlapSeconds = s; }

    QCoro::Task<Result<ReconcileReport>> runCycle(Integration integration, HelpdeskClient *client);

private:
    Database &m_db;
    const Clock &m_clock;
    const TicketMapper &m_mapper;
    int m_overlapSeconds = 300;
    ConversationCopier m_conversations;
};

} // namespace cb
