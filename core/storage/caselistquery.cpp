#include "caselistquery.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace cb {

namespace {

// The requester (the case's customer) and the assignee's name from the account's directory.
const QString kSelect = QStringLiteral(
    "SELECT cases.id, cases.subject, cases.status, cases.priority, cases.assignee_id, cases.external_ticket_id, "
    "cases.updated_at, cases.integration_id, cases.remote_state, agent.name, cu.name, cu.email FROM cases "
    "LEFT JOIN customers cu ON cu.id = cases.customer_id "
    "LEFT JOIN integrations i ON i.id = cases.integration_id "
    "LEFT JOIN helpdesk_directory agent ON agent.provider = i.provider AND agent.account = i.domain AND "
    "agent.kind = 'agent' AND agent.external_id = cases.assignee_id ");

QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

CaseListQuery::CaseListQuery(Database &db)
    : m_db(db)
{}

Result<QList<CaseListRow>> CaseListQuery::run(const QString &tail, const QVariantList &args) const
{
    auto q = m_db.exec(kSelect + tail, args);
    if (!q)
        return q.error();
    QList<CaseListRow> out;
    while (q->next()) {
        CaseListRow row;
        Case &c = row.c;
        c.id = q->value(0).toLongLong();
        c.subject = q->value(1).toString();
        c.status = q->value(2).toString();
        c.priority = q->value(3).toString();
        c.assigneeId = sql::toOptionalInt(q->value(4));
        c.externalTicketId = sql::toOptionalInt(q->value(5));
        c.updatedAt = sql::toTime(q->value(6));
        c.integrationId = q->value(7).toString();
        // Only what the list shows of the remote state: the channel, and whether the ticket is deleted or spam.
        const QJsonObject state = sql::toJson(q->value(8));
        if (const QJsonValue channel = state.value(QStringLiteral("channel")); channel.isString())
            c.remoteState.insert(QStringLiteral("channel"), channel);
        for (const QString &flag : {QStringLiteral("deleted"), QStringLiteral("spam")}) {
            if (state.value(flag).toBool())
                c.remoteState.insert(flag, true);
        }
        row.assigneeName = q->value(9).toString();
        row.requesterName = q->value(10).toString();
        row.requesterEmail = q->value(11).toString();
        out << row;
    }
    return out;
}

QString CaseListQuery::sortExpression(SortKey key) const
{
    switch (key) {
    case SortKey::Id:
        return QStringLiteral("cases.id");
    case SortKey::Subject:
        return QStringLiteral("LOWER(cases.subject)");
    case SortKey::Status:
        return QStringLiteral("CASE cases.status WHEN 'open' THEN 0 WHEN 'pending' THEN 1 WHEN 'resolved' THEN 2 "
                              "WHEN 'closed' THEN 3 ELSE 4 END");
    case SortKey::Priority:
        return QStringLiteral("CASE cases.priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 "
                              "WHEN 'urgent' THEN 3 ELSE 4 END");
    case SortKey::Assignee: // unassigned first, then by name (an agent the directory does not know by id)
        return QStringLiteral("CASE WHEN cases.assignee_id IS NULL THEN 0 WHEN agent.name IS NULL THEN 2 ELSE 1 END "
                              "%1, LOWER(COALESCE(agent.name, '')) %1, COALESCE(cases.assignee_id, 0) %1");
    case SortKey::Ticket:
        return QStringLiteral("COALESCE(cases.external_ticket_id, 0)");
    case SortKey::Updated:
        return QStringLiteral("cases.updated_at");
    case SortKey::Channel:
        return m_db.isPostgres() ? QStringLiteral("COALESCE(cases.remote_state::jsonb ->> 'channel', '')")
                                 : QStringLiteral("COALESCE(json_extract(cases.remote_state, '$.channel'), '')");
    case SortKey::Requester:
        return QStringLiteral("LOWER(COALESCE(cu.name, cu.email, ''))");
    }
    return QStringLiteral("cases.id");
}

Result<QList<CaseListRow>> CaseListQuery::rows(const View &view, int offset, int limit) const
{
    QVariantList args;
    const QString tail = rowsTail(view, offset, limit, args);
    return run(tail, args);
}

Result<QStringList> CaseListQuery::plan(const View &view, int offset, int limit) const
{
    QVariantList args;
    const QString tail = rowsTail(view, offset, limit, args);
    const bool pg = m_db.isPostgres();
    auto q =
        m_db.exec((pg ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + kSelect + tail, args);
    if (!q)
        return q.error();
    QStringList lines;
    while (q->next())
        lines << q->value(pg ? 0 : 3).toString();
    return lines;
}

QString CaseListQuery::rowsTail(const View &view, int offset, int limit, QVariantList &args) const
{
    QStringList where;
    if (!view.integrationId.isEmpty()) {
        where << QStringLiteral("cases.integration_id = ?");
        args << view.integrationId;
    }
    if (!view.status.isEmpty()) {
        where << QStringLiteral("cases.status = ?");
        args << view.status;
    }
    const QString search = view.search.trimmed();
    if (!search.isEmpty()) {
        static const QRegularExpression number(QStringLiteral("^#?\\s*([0-9]{1,18})$"));
        QString clause = QStringLiteral("LOWER(cases.subject) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(cu.name, '')) "
                                        "LIKE ? ESCAPE '\\' OR LOWER(COALESCE(cu.email, '')) LIKE ? ESCAPE '\\'");
        const QString pattern = likePattern(search);
        args << pattern << pattern << pattern;
        if (const QRegularExpressionMatch m = number.match(search); m.hasMatch()) {
            clause += QStringLiteral(" OR cases.external_ticket_id = ? OR cases.id = ?");
            args << m.captured(1).toLongLong() << m.captured(1).toLongLong();
        }
        where << QLatin1Char('(') + clause + QLatin1Char(')');
    }
    const QString direction = view.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString order = sortExpression(view.sort);
    if (order.contains(QLatin1String("%1")))
        order = order.arg(direction);
    else
        order += QLatin1Char(' ') + direction;
    QString tail = where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
    tail += QStringLiteral(" ORDER BY %1, cases.id %2 LIMIT ? OFFSET ?").arg(order, direction);
    args << limit << offset;
    return tail;
}

namespace {
QList<Case> casesOf(const QList<CaseListRow> &rows)
{
    QList<Case> out;
    out.reserve(rows.size());
    for (const CaseListRow &r : rows)
        out << r.c;
    return out;
}
} // namespace

Result<QList<Case>> CaseListQuery::page(const Page &page) const
{
    auto r = page.beforeId > 0
                 ? run(QStringLiteral("WHERE cases.id < ? ORDER BY cases.id DESC LIMIT ?"), {page.beforeId, page.limit})
                 : run(QStringLiteral("ORDER BY cases.id DESC LIMIT ?"), {page.limit});
    if (!r)
        return r.error();
    return casesOf(*r);
}

Result<QList<Case>> CaseListQuery::fromId(qint64 minId) const
{
    auto r = run(QStringLiteral("WHERE cases.id >= ? ORDER BY cases.id DESC"), {minId});
    if (!r)
        return r.error();
    return casesOf(*r);
}

Result<qint64> CaseListQuery::count() const
{
    auto n = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
    if (!n)
        return n.error();
    return n->toLongLong();
}

} // namespace cb
