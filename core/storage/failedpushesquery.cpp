#include "failedpushesquery.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

namespace cb {

FailedPushesQuery::FailedPushesQuery(Database &db)
    : m_db(db)
{}

Result<QList<FailedPush>> FailedPushesQuery::page(const KeysetPage &page) const
{
    QVariantList args;
    QString statement = QStringLiteral("SELECT o.id, o.case_id, c.external_ticket_id, g.domain, o.op, o.payload, "
                                       "o.attempts, o.updated_at, o.last_error FROM outbox o "
                                       "LEFT JOIN cases c ON c.id = o.case_id "
                                       "LEFT JOIN integrations g ON g.id = o.integration_id "
                                       "WHERE o.state = 'dead'");
    if (page.beforeId > 0) {
        statement += QStringLiteral(" AND o.id < ?");
        args << page.beforeId;
    }
    statement += QStringLiteral(" ORDER BY o.id DESC LIMIT ?");
    args << page.limit;
    auto q = m_db.exec(statement, args);
    if (!q)
        return q.error();
    QList<FailedPush> out;
    while (q->next()) {
        FailedPush p;
        p.id = q->value(0).toLongLong();
        p.caseId = q->value(1).toLongLong();
        p.ticketId = sql::toOptionalInt(q->value(2));
        p.helpdeskDomain = q->value(3).toString();
        p.op = q->value(4).toString();
        p.fields = sql::toJson(q->value(5)).value(QStringLiteral("fields")).toObject();
        p.attempts = q->value(6).toInt();
        p.gaveUpAt = sql::toTime(q->value(7));
        p.lastError = q->value(8).toString();
        out << p;
    }
    return out;
}

Result<qint64> FailedPushesQuery::count() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'dead'"));
    if (!n)
        return n.error();
    return n->toLongLong();
}

} // namespace cb
