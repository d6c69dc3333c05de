#pragma once

#include "common/result.h"
#include "domain/case.h"

namespace cb {

class Clock;
class Database;

struct CommentOutcome
{
    qint64 commentId = 0;
    bool isPrivate = false;
    bool queued = false; // false when comment push is off or the case is not linked
};

// What a person does to a case (CLI or console). Every action is source=user and is written to the outbox in
// the same transaction; a running engine pushes it within a second.
class CaseActions
{
public:
    CaseActions(Database &db, const Clock &clock);

    // Validates names ("Pending" → pending; unknown status or priority → Usage error) and applies the change.
    Result<struct CaseWriteOutcome> edit(qint64 caseId, const CaseChanges &changes);
    // Public reply or private note per the integration's comment setting, with its footer.
    Result<CommentOutcome> addComment(qint64 caseId, const QString &text);
    Result<qint64> handoff(qint64 caseId);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
