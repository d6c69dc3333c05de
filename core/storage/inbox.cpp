#include "inbox.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace cb {

namespace {
const QString kColumns = QStringLiteral("id, integration_id, event_key, received_at, remote_addr, content_type, body, "
                                        "state, attempts, last_error, processed_at, coalesced");

InboxEvent fromRow(const QSqlQuery &q)
{
    InboxEvent e;
    e.id = q.value(0).toLongLong();
    e.integrationId = q.value(1).toString();
    e.eventKey = q.value(2).toString();
    e.receivedAt = sql::toTime(q.value(3));
    e.remoteAddr = q.value(4).toString();
    e.contentType = q.value(5).toString();
    e.body = q.value(6).toByteArray();
    e.state = inboxStateFromString(q.value(7).toString()).value_or(InboxState::Failed);
    e.attempts = q.value(8).toInt();
    e.lastError = q.value(9).toString();
    e.lastAttemptAt = sql::toTime(q.value(10));
    e.coalesced = q.value(11).toInt();
    return e;
}
} // namespace

Inbox::Inbox(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString Inbox::bodyHashOf(const QString &eventKey)
{
    // "body:" + 64 hex digits; a failed event's key ("…:failed") and every other key have none.
    if (eventKey.size() != 69 || !eventKey.startsWith(QLatin1String("body:")))
        return {};
    return eventKey.mid(5);
}

Result<InboxInsertOutcome> Inbox::insert(InboxEvent event)
{
    if (!event.receivedAt.isValid())
        event.receivedAt = m_clock.nowUtc();
    const QString bodyHash = bodyHashOf(event.eventKey);
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    if (!bodyHash.isEmpty()) {
        // An identical body still pending: the two coalesce (one fetch). The count tells the processor that one
        // arrived while it was working, so that event is processed again rather than marked done. An identical
        // body whose earlier event was processed is a new event. Equality on the partial index of pending events (the
        // state written into the statement, as a partial index is matched only so; built once): no scan.
        static const QString pendingWithBody =
            QStringLiteral("SELECT id FROM webhook_inbox WHERE integration_id = ? AND body_hash = ? AND state = '%1' "
                           "LIMIT 1")
                .arg(toString(InboxState::Pending));
        auto q = m_db.scalar(pendingWithBody, {event.integrationId, bodyHash});
        if (!q)
            return q.error();
        if (q->isValid()) {
            const InboxInsertOutcome duplicate{q->toLongLong(), true};
            if (auto r = m_db.exec(QStringLiteral("UPDATE webhook_inbox SET coalesced = coalesced + 1 WHERE id = ?"),
                                   {duplicate.eventId});
                !r)
                return r.error();
            if (auto st = tx.commit(); !st)
                return st.error();
            return duplicate;
        }
        event.eventKey += QStringLiteral("@") + QString::number(event.receivedAt.toMSecsSinceEpoch());
    }
    InboxInsertOutcome out;
    // A body key is unique by construction; should one arrive within the millisecond its twin was processed in,
    // it takes a suffix rather than being taken for a duplicate.
    for (int attempt = 0;; ++attempt) {
        const QString key =
            attempt == 0 ? event.eventKey : event.eventKey + QStringLiteral("#") + QString::number(attempt);
        auto inserted =
            m_db.scalar(QStringLiteral("INSERT INTO webhook_inbox (integration_id, event_key, body_hash, received_at, "
                                       "remote_addr, content_type, body, state, attempts, last_error) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?) "
                                       "ON CONFLICT (integration_id, event_key) DO NOTHING RETURNING id"),
                        {event.integrationId, key, sql::fromText(bodyHash), toStoreTime(event.receivedAt),
                         sql::fromText(event.remoteAddr), sql::fromText(event.contentType), event.body,
                         toString(event.state), sql::fromText(event.lastError)});
        if (!inserted)
            return inserted.error();
        if (inserted->isValid()) {
            out.eventId = inserted->toLongLong();
            break;
        }
        if (!bodyHash.isEmpty() && attempt < 16)
            continue;
        auto existing =
            m_db.scalar(QStringLiteral("SELECT id FROM webhook_inbox WHERE integration_id = ? AND event_key = ?"),
                        {event.integrationId, key});
        if (!existing)
            return existing.error();
        out.eventId = existing->toLongLong();
        out.duplicate = true;
        break;
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<InboxEvent> Inbox::get(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM webhook_inbox WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(
            Error::Kind::NotFound,
            QStringLiteral("There is no event %1; list failed events with `casebridge-sync failed`.").arg(id));
    return fromRow(*q);
}

Result<QList<InboxEvent>> Inbox::pending(int limit)
{
    return byState(InboxState::Pending, limit);
}

Result<QList<InboxEvent>> Inbox::byState(InboxState state, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM webhook_inbox WHERE state = ? ORDER BY id LIMIT ?"),
                       {toString(state), limit});
    if (!q)
        return q.error();
    QList<InboxEvent> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Result<bool> Inbox::markDone(qint64 id, std::optional<int> coalescedSeen)
{
    auto q = coalescedSeen
                 ? m_db.exec(QStringLiteral("UPDATE webhook_inbox SET state = ?, attempts = attempts + 1, "
                                            "last_error = NULL, processed_at = ? WHERE id = ? AND coalesced = ?"),
                             {toString(InboxState::Done), toStoreTime(m_clock.nowUtc()), id, *coalescedSeen})
                 : m_db.exec(QStringLiteral("UPDATE webhook_inbox SET state = ?, attempts = attempts + 1, "
                                            "last_error = NULL, processed_at = ? WHERE id = ?"),
                             {toString(InboxState::Done), toStoreTime(m_clock.nowUtc()), id});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Status Inbox::markFailed(qint64 id, const QString &error, bool dead)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE webhook_inbox SET state = ?, attempts = attempts + 1, last_error = ?, "
                                 "processed_at = ? WHERE id = ?"),
                  {toString(dead ? InboxState::Dead : InboxState::Failed), error, toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Status Inbox::recordAttempt(qint64 id, const QString &error)
{
    auto q =
        m_db.exec(QStringLiteral("UPDATE webhook_inbox SET attempts = attempts + 1, last_error = ?, processed_at = ? "
                                 "WHERE id = ?"),
                  {error, toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Result<int> Inbox::replay(std::optional<qint64> id)
{
    const QVariantList states{toString(InboxState::Pending), toString(InboxState::Failed), toString(InboxState::Dead)};
    Result<QSqlQuery> q = id ? m_db.exec(QStringLiteral("UPDATE webhook_inbox SET state = ?, attempts = 0 "
                                                        "WHERE state IN (?, ?) AND id = ?"),
                                         states + QVariantList{*id})
                             : m_db.exec(QStringLiteral("UPDATE webhook_inbox SET state = ?, attempts = 0 "
                                                        "WHERE state IN (?, ?)"),
                                         states);
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<qint64> Inbox::pendingCount()
{
    auto v = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE state = ?"),
                         {toString(InboxState::Pending)});
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace cb
