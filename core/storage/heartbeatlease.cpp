#include "heartbeatlease.h"

#include "common/clock.h"
#include "storage/database.h"

namespace cb {

HeartbeatLease::HeartbeatLease(Database &db, const Clock &clock, QString holder, qint64 staleAfterMs)
    : SyncLease(std::move(holder))
    , m_db(db)
    , m_clock(clock)
    , m_staleAfterMs(staleAfterMs)
{}

Result<bool> HeartbeatLease::acquire(const QString &integrationId)
{
    const QDateTime now = m_clock.nowUtc();
    auto held =
        m_db.scalar(QStringLiteral("INSERT INTO sync_lease (integration_id, holder, heartbeat_at) VALUES (?, ?, ?) "
                                   "ON CONFLICT (integration_id) DO UPDATE SET holder = excluded.holder, "
                                   "heartbeat_at = excluded.heartbeat_at "
                                   "WHERE sync_lease.holder = excluded.holder OR sync_lease.heartbeat_at < ? "
                                   "RETURNING holder"),
                    {integrationId, holder(), toStoreTime(now), toStoreTime(now.addMSecs(-m_staleAfterMs))});
    if (!held)
        return held.error();
    return held->isValid() && held->toString() == holder();
}

Status HeartbeatLease::release(const QString &integrationId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM sync_lease WHERE integration_id = ? AND holder = ?"),
                       {integrationId, holder()});
    return q ? Status(Ok{}) : Status(q.error());
}

Result<QString> HeartbeatLease::holderOf(const QString &integrationId)
{
    auto v = m_db.scalar(QStringLiteral("SELECT holder FROM sync_lease WHERE integration_id = ? AND heartbeat_at >= ?"),
                         {integrationId, toStoreTime(m_clock.nowUtc().addMSecs(-m_staleAfterMs))});
    if (!v)
        return v.error();
    return v->toString();
}

} // namespace cb
