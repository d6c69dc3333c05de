#include "casestore.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/sqlvalues.h"
#include "storage/synclog.h"

#include <QJsonValue>
#include <QSqlQuery>

namespace cb {

namespace {

const QString kColumns = QStringLiteral(
    "id, workspace_id, integration_id, subject, description, status, priority, assignee_id, group_id, customer_id, "
    "external_provider, external_ticket_id, external_updated_at, remote_state, created_at, updated_at, "
    "external_account");

Case fromRow(const QSqlQuery &q)
{
    Case c;
    c.id = q.value(0).toLongLong();
    c.workspaceId = q.value(1).toLongLong();
    c.integrationId = q.value(2).toString();
    c.subject = q.value(3).toString();
    c.description = q.value(4).toString();
    c.status = q.value(5).toString();
    c.priority = q.value(6).toString();
    c.assigneeId = sql::toOptionalInt(q.value(7));
    c.groupId = sql::toOptionalInt(q.value(8));
    c.customerId = sql::toOptionalInt(q.value(9));
    c.externalProvider = q.value(10).toString();
    c.externalTicketId = sql::toOptionalInt(q.value(11));
    c.externalUpdatedAt = sql::toTime(q.value(12));
    c.remoteState = sql::toJson(q.value(13));
    c.createdAt = sql::toTime(q.value(14));
    c.updatedAt = sql::toTime(q.value(15));
    c.externalAccount = q.value(16).toString();
    return c;
}

bool isIdField(const QString &f)
{
    return f == QLatin1String(CaseField::AssigneeId) || f == QLatin1String(CaseField::GroupId) ||
           f == QLatin1String(CaseField::CustomerId);
}

QVariant normalised(const QString &field, const QVariant &v)
{
    if (isIdField(field))
        return sql::fromOptional(sql::toOptionalInt(v));
    return sql::text(v.isNull() ? QString() : v.toString());
}

QJsonValue toJsonValue(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QJsonValue::Null;
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return QJsonValue(v.toLongLong());
    return QJsonValue(v.toString());
}

} // namespace

QVariant caseFieldValue(const Case &c, const QString &field)
{
    if (field == QLatin1String(CaseField::Subject))
        return c.subject;
    if (field == QLatin1String(CaseField::Description))
        return c.description;
    if (field == QLatin1String(CaseField::Status))
        return c.status;
    if (field == QLatin1String(CaseField::Priority))
        return c.priority;
    if (field == QLatin1String(CaseField::AssigneeId))
        return sql::fromOptional(c.assigneeId);
    if (field == QLatin1String(CaseField::GroupId))
        return sql::fromOptional(c.groupId);
    if (field == QLatin1String(CaseField::CustomerId))
        return sql::fromOptional(c.customerId);
    return {};
}

QStringList CaseStore::changeableFields()
{
    return {QLatin1String(CaseField::Subject),    QLatin1String(CaseField::Description),
            QLatin1String(CaseField::Status),     QLatin1String(CaseField::Priority),
            QLatin1String(CaseField::AssigneeId), QLatin1String(CaseField::GroupId),
            QLatin1String(CaseField::CustomerId)};
}

CaseStore::CaseStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<Case> CaseStore::get(qint64 caseId)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM cases WHERE id = ?"), {caseId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("There is no case %1; list cases with `casebridge-sync cases`.").arg(caseId));
    return fromRow(*q);
}

Result<std::optional<Case>> CaseStore::findByExternal(qint64 workspaceId, const QString &provider,
                                                      const QString &account, qint64 ticketId)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM cases WHERE workspace_id = ? AND external_provider = ? "
                                          "AND external_account = ? AND external_ticket_id = ?"),
                       {workspaceId, provider, sql::text(account), ticketId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Case>();
    return std::optional<Case>(fromRow(*q));
}

Result<QList<Case>> CaseStore::list(int limit, int offset)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM cases ORDER BY id LIMIT ? OFFSET ?"),
                  {limit, offset});
    if (!q)
        return q.error();
    QList<Case> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<QList<Case>> CaseStore::linkedTo(const QString &integrationId)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM cases WHERE integration_id = ? AND external_ticket_id IS NOT NULL "
                                          "ORDER BY external_ticket_id"),
                       {integrationId});
    if (!q)
        return q.error();
    QList<Case> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<int> CaseStore::relinkAccount(const QString &integrationId, qint64 workspaceId, const QString &provider,
                                     const QString &account)
{
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const QString now = toStoreTime(m_clock.nowUtc());
    auto work = m_db.exec(QStringLiteral("UPDATE outbox SET integration_id = ?, updated_at = ? WHERE state IN "
                                         "(?, ?, ?) AND case_id IN (SELECT id FROM cases WHERE "
                                         "workspace_id = ? AND external_provider = ? AND external_account = ?)"),
                          {integrationId, now, toString(OutboxState::Pending), toString(OutboxState::Inflight),
                           toString(OutboxState::Dead), workspaceId, provider, sql::text(account)});
    if (!work)
        return work.error();
    auto moved = m_db.exec(QStringLiteral("UPDATE cases SET integration_id = ? WHERE workspace_id = ? AND "
                                          "external_provider = ? AND external_account = ? AND "
                                          "(integration_id IS NULL OR integration_id <> ?)"),
                           {integrationId, workspaceId, provider, sql::text(account), integrationId});
    if (!moved)
        return moved.error();
    const int n = moved->numRowsAffected();
    if (auto st = tx.commit(); !st)
        return st.error();
    return n;
}

Result<qint64> CaseStore::count()
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

Result<CaseWriteOutcome> CaseStore::upsertByExternalLink(const Case &c, ChangeSource source, CaseWriteContext ctx)
{
    if (!c.externalTicketId || c.externalProvider.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("A linked case needs a provider and a ticket id."));
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    Case linked = c;
    if (linked.externalAccount.isEmpty() && !linked.integrationId.isEmpty()) {
        auto domain = m_db.scalar(QStringLiteral("SELECT domain FROM integrations WHERE id = ?"), {c.integrationId});
        if (!domain)
            return domain.error();
        linked.externalAccount = domain->toString();
    }
    auto existing = findByExternal(c.workspaceId, c.externalProvider, linked.externalAccount, *c.externalTicketId);
    if (!existing)
        return existing.error();
    Result<CaseWriteOutcome> out;
    if (existing->has_value()) {
        CaseChanges changes;
        for (const QString &f : changeableFields())
            changes.insert(f, caseFieldValue(c, f));
        out = applyChanges(**existing, changes, source, ctx);
    } else {
        out = insert(linked, source, ctx);
    }
    if (!out)
        return out;
    if (!c.remoteState.isEmpty() || c.externalUpdatedAt.isValid()) {
        if (auto st = setRemoteState(out->caseId, c.remoteState, c.externalUpdatedAt); !st)
            return st.error();
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<CaseWriteOutcome> CaseStore::insert(const Case &c, ChangeSource source, const CaseWriteContext &ctx)
{
    const QString now = toStoreTime(m_clock.nowUtc());
    // ON CONFLICT DO NOTHING: a concurrent writer on PostgreSQL may have linked the ticket first.
    auto q =
        m_db.exec(QStringLiteral(
                      "INSERT INTO cases (workspace_id, integration_id, subject, description, status, priority, "
                      "assignee_id, group_id, customer_id, external_provider, external_ticket_id, external_updated_at, "
                      "remote_state, created_at, updated_at, external_account) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (workspace_id, external_provider, external_account, external_ticket_id) "
                      "DO NOTHING RETURNING id"),
                  {c.workspaceId, sql::fromText(c.integrationId), sql::text(c.subject), sql::text(c.description),
                   c.status.isEmpty() ? QStringLiteral("open") : c.status,
                   c.priority.isEmpty() ? QStringLiteral("low") : c.priority, sql::fromOptional(c.assigneeId),
                   sql::fromOptional(c.groupId), sql::fromOptional(c.customerId), sql::fromText(c.externalProvider),
                   sql::fromOptional(c.externalTicketId), sql::fromTime(c.externalUpdatedAt),
                   sql::fromJson(c.remoteState), now, now, sql::text(c.externalAccount)});
    if (!q)
        return q.error();
    if (!q->next()) {
        auto existing =
            findByExternal(c.workspaceId, c.externalProvider, c.externalAccount, c.externalTicketId.value_or(0));
        if (!existing || !existing->has_value())
            return Error::make(Error::Kind::Conflict, QStringLiteral("The ticket was linked by another writer."));
        CaseWriteOutcome o;
        o.caseId = (*existing)->id;
        return o;
    }
    CaseWriteOutcome out;
    out.caseId = q->value(0).toLongLong();
    out.created = true;
    SyncLogEntry e;
    e.integrationId = ctx.integrationId.isEmpty() ? c.integrationId : ctx.integrationId;
    e.caseId = out.caseId;
    e.ticketId = c.externalTicketId;
    e.direction = directionFor(source);
    e.source = source;
    e.event = ctx.event.isEmpty() ? QStringLiteral("case.created") : ctx.event;
    e.result = SyncResult::Created;
    e.latencyMs = ctx.latencyMs;
    QJsonObject changes;
    for (const QString &f : changeableFields()) {
        const QVariant v = normalised(f, caseFieldValue(c, f));
        if (!v.isNull() && !(v.typeId() == QMetaType::QString && v.toString().isEmpty()))
            changes.insert(
                f, QJsonObject{{QStringLiteral("from"), QJsonValue::Null}, {QStringLiteral("to"), toJsonValue(v)}});
    }
    e.changes = changes;
    auto logged = SyncLog(m_db, m_clock).append(e);
    if (!logged)
        return logged.error();
    out.logId = *logged;
    return out;
}

Result<CaseWriteOutcome> CaseStore::updateCase(qint64 caseId, const CaseChanges &changes, ChangeSource source,
                                               CaseWriteContext ctx)
{
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (!changeableFields().contains(it.key()))
            return Error::make(Error::Kind::Usage, QStringLiteral("A case has no field '%1'.").arg(it.key()));
    }
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    auto before = get(caseId);
    if (!before)
        return before.error();
    auto out = applyChanges(*before, changes, source, ctx);
    if (!out)
        return out;
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<CaseWriteOutcome> CaseStore::applyChanges(const Case &before, const CaseChanges &changes, ChangeSource source,
                                                 const CaseWriteContext &ctx)
{
    CaseWriteOutcome out;
    out.caseId = before.id;
    QJsonObject diff;
    QStringList sets;
    QVariantList args;
    QJsonObject pushFields;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QVariant from = normalised(it.key(), caseFieldValue(before, it.key()));
        const QVariant to = normalised(it.key(), it.value());
        if (from == to)
            continue;
        out.changedFields << it.key();
        diff.insert(it.key(),
                    QJsonObject{{QStringLiteral("from"), toJsonValue(from)}, {QStringLiteral("to"), toJsonValue(to)}});
        pushFields.insert(it.key(), toJsonValue(to));
        sets << it.key() + QStringLiteral(" = ?");
        args << to;
    }
    SyncLogEntry e;
    e.integrationId = ctx.integrationId.isEmpty() ? before.integrationId : ctx.integrationId;
    e.caseId = before.id;
    e.ticketId = before.externalTicketId;
    e.direction = directionFor(source);
    e.source = source;
    e.event = ctx.event.isEmpty() ? QStringLiteral("case.updated") : ctx.event;
    e.changes = diff;
    e.latencyMs = ctx.latencyMs;
    e.result = sets.isEmpty() ? SyncResult::Unchanged : SyncResult::Applied;
    if (!sets.isEmpty()) {
        sets << QStringLiteral("updated_at = ?");
        args << toStoreTime(m_clock.nowUtc()) << before.id;
        auto q = m_db.exec(QStringLiteral("UPDATE cases SET ") + sets.join(QStringLiteral(", ")) +
                               QStringLiteral(" WHERE id = ?"),
                           args);
        if (!q)
            return q.error();
    }
    auto logged = SyncLog(m_db, m_clock).append(e);
    if (!logged)
        return logged.error();
    out.logId = *logged;
    if (source == ChangeSource::User && ctx.queuePush && !sets.isEmpty() && before.externalTicketId &&
        !before.integrationId.isEmpty()) {
        OutboxItem item;
        item.caseId = before.id;
        item.integrationId = before.integrationId;
        item.op = OutboxOp::Update;
        item.payload = QJsonObject{{QStringLiteral("fields"), pushFields}, {QStringLiteral("log_id"), *logged}};
        auto queued = Outbox(m_db, m_clock).enqueue(item);
        if (!queued)
            return queued.error();
        out.outboxId = *queued;
    }
    return out;
}

Status CaseStore::setRemoteState(qint64 caseId, const QJsonObject &remoteState, const QDateTime &externalUpdatedAt)
{
    auto q = m_db.exec(QStringLiteral("UPDATE cases SET remote_state = ?, external_updated_at = "
                                      "COALESCE(?, external_updated_at) WHERE id = ?"),
                       {sql::fromJson(remoteState), sql::fromTime(externalUpdatedAt), caseId});
    if (!q)
        return q.error();
    return Ok{};
}

} // namespace cb
