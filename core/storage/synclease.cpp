#include "synclease.h"

#include "common/clock.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace cb {

SyncLease::SyncLease(Database &db, const Clock &clock, QString holder)
    : m_db(db)
    , m_clock(clock)
    , m_holder(std::move(holder))
{}

QString SyncLease::makeHolderName(const QString &role)
{
    return QStringLiteral("%1@%2:%3:%4")
        .arg(role, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

Result<bool> SyncLease::acquire(const QString &integrationId, qint64 staleAfterMs)
{
    const QDateTime now = m_clock.nowUtc();
    auto held =
        m_db.scalar(QStringLiteral("INSERT INTO sync_lease (integration_id, holder, heartbeat_at) VALUES (?, ?, ?) "
                                   "ON CONFLICT (integration_id) DO UPDATE SET holder = excluded.holder, "
                                   "heartbeat_at = excluded.heartbeat_at "
                                   "WHERE sync_lease.holder = excluded.holder OR sync_lease.heartbeat_at < ? "
                                   "RETURNING holder"),
                    {integrationId, m_holder, toStoreTime(now), toStoreTime(now.addMSecs(-staleAfterMs))});
    if (!held)
        return held.error();
    return held->isValid() && held->toString() == m_holder;
}

Status SyncLease::release(const QString &integrationId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM sync_lease WHERE integration_id = ? AND holder = ?"),
                       {integrationId, m_holder});
    return q ? Status(Ok{}) : Status(q.error());
}

Result<QString> SyncLease::holderOf(const QString &integrationId)
{
    auto v = m_db.scalar(QStringLiteral("SELECT holder FROM sync_lease WHERE integration_id = ?"), {integrationId});
    if (!v)
        return v.error();
    return v->toString();
}

} // namespace cb
