#include "outbox.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace cb {

namespace {
const QString kColumns = QStringLiteral(
    "id, case_id, integration_id, op, payload, state, attempts, next_attempt_at, last_error, created_at");

OutboxItem fromRow(const QSqlQuery &q)
{
    OutboxItem o;
    o.id = q.value(0).toLongLong();
    o.caseId = q.value(1).toLongLong();
    o.integrationId = q.value(2).toString();
    o.op = outboxOpFromString(q.value(3).toString());
    o.payload = sql::toJson(q.value(4));
    o.state = outboxStateFromString(q.value(5).toString()).value_or(OutboxState::Dead);
    o.attempts = q.value(6).toInt();
    o.nextAttemptAt = sql::toTime(q.value(7));
    o.lastError = q.value(8).toString();
    o.createdAt = sql::toTime(q.value(9));
    return o;
}
} // namespace

Outbox::Outbox(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<qint64> Outbox::enqueue(OutboxItem item)
{
    const QString now = toStoreTime(m_clock.nowUtc());
    auto q = m_db.exec(QStringLiteral("INSERT INTO outbox (case_id, integration_id, op, payload, state, attempts, "
                                      "next_attempt_at, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id"),
                       {item.caseId, item.integrationId, item.op ? toString(*item.op) : QString(),
                        sql::fromJson(item.payload), toString(OutboxState::Pending),
                        item.nextAttemptAt.isValid() ? toStoreTime(item.nextAttemptAt) : now, now, now});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::Storage, QStringLiteral("The outbox did not return the new row."));
    return q->value(0).toLongLong();
}

Result<QList<OutboxItem>> Outbox::due(int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM outbox WHERE state = ? AND next_attempt_at <= ? ORDER BY id LIMIT ?"),
                       {toString(OutboxState::Pending), toStoreTime(m_clock.nowUtc()), limit});
    if (!q)
        return q.error();
    QList<OutboxItem> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<OutboxItem> Outbox::get(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM outbox WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::NotFound, QStringLiteral("There is no outbox item %1.").arg(id));
    return fromRow(*q);
}

Status Outbox::markInflight(qint64 id)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?"),
                  {toString(OutboxState::Inflight), toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Status Outbox::markDone(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, last_error = NULL, updated_at = ? WHERE id = ?"),
                       {toString(OutboxState::Done), toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Status Outbox::scheduleRetry(qint64 id, const QDateTime &nextAttemptAt, const QString &error)
{
    auto q = m_db.exec(
        QStringLiteral("UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, "
                       "updated_at = ? WHERE id = ?"),
        {toString(OutboxState::Pending), toStoreTime(nextAttemptAt), error, toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Status Outbox::markDead(qint64 id, const QString &error)
{
    auto q = m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?"),
                       {toString(OutboxState::Dead), error, toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Result<int> Outbox::recoverInflight(const QString &integrationId, const QDateTime &retryAt)
{
    const QString pending = toString(OutboxState::Pending);
    const QString inflight = toString(OutboxState::Inflight);
    auto q = retryAt.isValid()
                 ? m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, next_attempt_at = ? "
                                            "WHERE state = ? AND integration_id = ?"),
                             {pending, toStoreTime(retryAt), inflight, integrationId})
                 : m_db.exec(QStringLiteral("UPDATE outbox SET state = ? WHERE state = ? AND integration_id = ?"),
                             {pending, inflight, integrationId});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<int> Outbox::retryDead(std::optional<qint64> id)
{
    const QString now = toStoreTime(m_clock.nowUtc());
    const QString pending = toString(OutboxState::Pending);
    const QString dead = toString(OutboxState::Dead);
    auto q = id ? m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, "
                                           "updated_at = ? WHERE state = ? AND id = ?"),
                            {pending, now, now, dead, *id})
                : m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, "
                                           "updated_at = ? WHERE state = ?"),
                            {pending, now, now, dead});
    if (!q)
        return q.error();
    const int n = q->numRowsAffected();
    if (id && n == 0)
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("Push %1 has not given up (or does not exist); list them with "
                                          "`casebridge-sync failed`.")
                               .arg(*id));
    return n;
}

Status Outbox::discardDead(qint64 id)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE outbox SET state = ?, updated_at = ? WHERE state = ? AND id = ?"),
                  {toString(OutboxState::Discarded), toStoreTime(m_clock.nowUtc()), toString(OutboxState::Dead), id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound,
                           QStringLiteral("Push %1 has not given up (or does not exist); list them with "
                                          "`casebridge-sync failed`.")
                               .arg(id));
    return Ok{};
}

Result<qint64> Outbox::pendingCount()
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state IN (?, ?)"),
                         {toString(OutboxState::Pending), toString(OutboxState::Inflight)});
    if (!v)
        return v.error();
    return v->toLongLong();
}

Result<std::optional<QDateTime>> Outbox::nextAttemptAt()
{
    auto v = m_db.scalar(QStringLiteral("SELECT MIN(next_attempt_at) FROM outbox WHERE state = ?"),
                         {toString(OutboxState::Pending)});
    if (!v)
        return v.error();
    if (v->isNull() || v->toString().isEmpty())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromStoreTime(v->toString()));
}

Result<QList<OutboxItem>> Outbox::listByState(OutboxState state, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM outbox WHERE state = ? ORDER BY id LIMIT ?"),
                       {toString(state), limit});
    if (!q)
        return q.error();
    QList<OutboxItem> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<QSet<QString>> Outbox::pendingFields(qint64 caseId)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT payload FROM outbox WHERE case_id = ? AND op = ? AND state IN (?, ?)"),
        {caseId, toString(OutboxOp::Update), toString(OutboxState::Pending), toString(OutboxState::Inflight)});
    if (!q)
        return q.error();
    QSet<QString> fields;
    while (q->next()) {
        const QJsonObject f = sql::toJson(q->value(0)).value(QStringLiteral("fields")).toObject();
        for (auto it = f.begin(); it != f.end(); ++it)
            fields.insert(it.key());
    }
    return fields;
}

} // namespace cb
