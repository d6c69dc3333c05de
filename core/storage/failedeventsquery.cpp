#include "failedeventsquery.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

namespace cb {

namespace {
const QString kFailed = QStringLiteral("i.state IN ('failed', 'dead')");
}

FailedEventsQuery::FailedEventsQuery(Database &db)
    : m_db(db)
{}

Result<QList<FailedEvent>> FailedEventsQuery::page(const KeysetPage &page) const
{
    QVariantList args;
    QString statement =
        QStringLiteral("SELECT i.id, i.received_at, i.state, i.attempts, g.domain, i.last_error "
                       "FROM webhook_inbox i LEFT JOIN integrations g ON g.id = i.integration_id WHERE ") +
        kFailed;
    if (page.beforeId > 0) {
        statement += QStringLiteral(" AND i.id < ?");
        args << page.beforeId;
    }
    statement += QStringLiteral(" ORDER BY i.id DESC LIMIT ?");
    args << page.limit;
    auto q = m_db.exec(statement, args);
    if (!q)
        return q.error();
    QList<FailedEvent> out;
    while (q->next()) {
        FailedEvent e;
        e.id = q->value(0).toLongLong();
        e.receivedAt = sql::toTime(q->value(1));
        e.dead = q->value(2).toString() == QLatin1String("dead");
        e.attempts = q->value(3).toInt();
        e.helpdeskDomain = q->value(4).toString();
        e.lastError = q->value(5).toString();
        out << e;
    }
    return out;
}

Result<qint64> FailedEventsQuery::count() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox i WHERE ") + kFailed);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<QByteArray> FailedEventsQuery::body(qint64 id) const
{
    auto body = m_db.scalar(QStringLiteral("SELECT body FROM webhook_inbox WHERE id = ?"), {id});
    if (!body)
        return body.error();
    return body->isValid() && !body->isNull() ? body->toByteArray() : QByteArray();
}

} // namespace cb
