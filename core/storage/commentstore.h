#pragma once

#include "common/result.h"
#include "domain/comment.h"

#include <QList>

namespace cb {

class Clock;
class Database;

// The comments table: notes and replies of a case, unique by (case, helpdesk conversation id).
class CommentStore
{
public:
    CommentStore(Database &db, const Clock &clock);

    // Inserts unless a comment with the same external id exists; returns the id and whether it was new.
    Result<std::pair<qint64, bool>> insert(const Comment &comment);
    Status setExternalId(qint64 commentId, qint64 externalId);
    Result<QList<Comment>> forCase(qint64 caseId);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
