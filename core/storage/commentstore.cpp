#include "commentstore.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace cb {

CommentStore::CommentStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<std::pair<qint64, bool>> CommentStore::insert(const Comment &c)
{
    auto inserted = m_db.scalar(
        QStringLiteral("INSERT INTO comments (case_id, external_id, author, body, private, source, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, external_id) DO NOTHING RETURNING id"),
        {c.caseId, sql::fromOptional(c.externalId), sql::fromText(c.author), sql::text(c.body), c.isPrivate ? 1 : 0,
         c.source, toStoreTime(c.createdAt.isValid() ? c.createdAt : m_clock.nowUtc())});
    if (!inserted)
        return inserted.error();
    if (inserted->isValid())
        return std::make_pair(inserted->toLongLong(), true);
    auto existing = m_db.scalar(QStringLiteral("SELECT id FROM comments WHERE case_id = ? AND external_id = ?"),
                                {c.caseId, sql::fromOptional(c.externalId)});
    if (!existing)
        return existing.error();
    return std::make_pair(existing->toLongLong(), false);
}

Status CommentStore::setExternalId(qint64 commentId, qint64 externalId)
{
    auto q = m_db.exec(QStringLiteral("UPDATE comments SET external_id = ? WHERE id = ?"), {externalId, commentId});
    return q ? Status(Ok{}) : Status(q.error());
}

Result<QList<Comment>> CommentStore::forCase(qint64 caseId)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, case_id, external_id, author, body, private, source, created_at "
                                      "FROM comments WHERE case_id = ? ORDER BY created_at, id"),
                       {caseId});
    if (!q)
        return q.error();
    QList<Comment> out;
    while (q->next()) {
        Comment c;
        c.id = q->value(0).toLongLong();
        c.caseId = q->value(1).toLongLong();
        c.externalId = sql::toOptionalInt(q->value(2));
        c.author = q->value(3).toString();
        c.body = q->value(4).toString();
        c.isPrivate = q->value(5).toInt() != 0;
        c.source = q->value(6).toString();
        c.createdAt = sql::toTime(q->value(7));
        out << c;
    }
    return out;
}

} // namespace cb
