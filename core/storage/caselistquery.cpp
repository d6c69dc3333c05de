#include "caselistquery.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonValue>

namespace cb {

CaseListQuery::CaseListQuery(Database &db)
    : m_db(db)
{}

Result<QList<Case>> CaseListQuery::run(const QString &tail, const QVariantList &args) const
{
    auto q = m_db.exec(QStringLiteral("SELECT id, subject, status, priority, assignee_id, external_ticket_id, "
                                      "updated_at, integration_id, remote_state FROM cases ") +
                           tail,
                       args);
    if (!q)
        return q.error();
    QList<Case> out;
    while (q->next()) {
        Case c;
        c.id = q->value(0).toLongLong();
        c.subject = q->value(1).toString();
        c.status = q->value(2).toString();
        c.priority = q->value(3).toString();
        c.assigneeId = sql::toOptionalInt(q->value(4));
        c.externalTicketId = sql::toOptionalInt(q->value(5));
        c.updatedAt = sql::toTime(q->value(6));
        c.integrationId = q->value(7).toString();
        // Only the channel is listed; the rest of the remote state stays in the store.
        const QJsonValue channel = sql::toJson(q->value(8)).value(QStringLiteral("channel"));
        if (channel.isString())
            c.remoteState.insert(QStringLiteral("channel"), channel);
        out << c;
    }
    return out;
}

Result<QList<Case>> CaseListQuery::page(const Page &page) const
{
    if (page.beforeId > 0)
        return run(QStringLiteral("WHERE id < ? ORDER BY id DESC LIMIT ?"), {page.beforeId, page.limit});
    return run(QStringLiteral("ORDER BY id DESC LIMIT ?"), {page.limit});
}

Result<QList<Case>> CaseListQuery::fromId(qint64 minId) const
{
    return run(QStringLiteral("WHERE id >= ? ORDER BY id DESC"), {minId});
}

Result<qint64> CaseListQuery::count() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
    if (!n)
        return n.error();
    return n->toLongLong();
}

} // namespace cb
