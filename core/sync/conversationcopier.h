#pragma once

#include "common/result.h"
#include "domain/changesource.h"
#include "domain/integration.h"

#include <QCoroTask>
#include <QHash>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;

// Copies a ticket's conversations (notes, replies, customer replies) into its case's comments, each with its
// author's name, for webhooks and the reconciler alike. Conversations already copied (by helpdesk id) and the ones
// Casebridge itself pushed are skipped, so copying again is idempotent. Names are looked up once per user and
// kept for the copier's lifetime (one run of the engine), so a busy ticket costs its conversations call only.
class ConversationCopier
{
public:
    ConversationCopier(Database &db, const Clock &clock);

    // The number of comments added. One listConversations call, plus one name lookup per user not seen yet.
    QCoro::Task<Result<int>> copy(Integration integration, HelpdeskClient *client, qint64 caseId, qint64 ticketId,
                                  ChangeSource source);
    int cachedNames() const { return int(m_names.size()); }

private:
    QCoro::Task<QString> authorName(QString integrationId, HelpdeskClient *client, qint64 userId, bool incoming);

    Database &m_db;
    const Clock &m_clock;
    QHash<QString, QString> m_names; // "integration:user id" → name (bounded: cleared past 10,000)
};

} // namespace cb
