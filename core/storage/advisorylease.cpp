#include "advisorylease.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace cb {

namespace {
// pg_locks shows a bigint advisory key as classid (high 32 bits) and objid (low 32 bits) with objsubid 1.
const char kLockedSql[] = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                          "AND ((classid::bigint << 32) | objid::bigint) = ?";
} // namespace

AdvisoryLease::AdvisoryLease(Database &db, const Clock &clock, QString holder)
    : SyncLease(std::move(holder))
    , m_db(db)
    , m_clock(clock)
{}

AdvisoryLease::~AdvisoryLease()
{
    const QSet<QString> held = m_held;
    for (const QString &id : held)
        logIfFailed(release(id), "lease release");
}

qint64 AdvisoryLease::lockKey(const QString &integrationId)
{
    const QByteArray name = QByteArrayLiteral("casebridge.sync_lease:") + integrationId.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(name, QCryptographicHash::Sha256);
    return qint64(qFromBigEndian<quint64>(digest.constData()) & 0x7fffffffffffffffULL);
}

Result<bool> AdvisoryLease::stillHeld(qint64 key)
{
    auto n = m_db.scalar(QLatin1String(kLockedSql) + QStringLiteral(" AND pid = pg_backend_pid()"), {key});
    if (!n)
        return n.error();
    return n->toLongLong() > 0;
}

Result<bool> AdvisoryLease::acquire(const QString &integrationId)
{
    const qint64 key = lockKey(integrationId);
    if (m_held.contains(integrationId)) {
        // Session locks nest: never take it twice, only check that this session still has it.
        auto held = stillHeld(key);
        if (held && *held)
            return true;
        m_held.remove(integrationId);
        if (!held)
            return held.error();
        qCWarning(lcStorage) << "sync lease of" << integrationId << "was lost with its connection";
    }
    auto got = m_db.scalar(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {key});
    if (!got)
        return got.error();
    if (!got->toBool())
        return false;
    m_held.insert(integrationId);
    auto row =
        m_db.exec(QStringLiteral("INSERT INTO sync_lease (integration_id, holder, heartbeat_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (integration_id) DO UPDATE SET holder = excluded.holder, "
                                 "heartbeat_at = excluded.heartbeat_at"),
                  {integrationId, holder(), toStoreTime(m_clock.nowUtc())});
    if (!row)
        qCWarning(lcStorage) << "sync lease holder not recorded:" << row.error().detail;
    return true;
}

Status AdvisoryLease::release(const QString &integrationId)
{
    if (!m_held.remove(integrationId))
        return Ok{};
    auto row = m_db.exec(QStringLiteral("DELETE FROM sync_lease WHERE integration_id = ? AND holder = ?"),
                         {integrationId, holder()});
    auto unlocked = m_db.scalar(QStringLiteral("SELECT pg_advisory_unlock(?)"), {lockKey(integrationId)});
    if (!unlocked)
        return unlocked.error();
    return row ? Status(Ok{}) : Status(row.error());
}

Result<QString> AdvisoryLease::holderOf(const QString &integrationId)
{
    auto locked = m_db.scalar(QLatin1String(kLockedSql), {lockKey(integrationId)});
    if (!locked)
        return locked.error();
    if (locked->toLongLong() == 0)
        return QString();
    auto v = m_db.scalar(QStringLiteral("SELECT holder FROM sync_lease WHERE integration_id = ?"), {integrationId});
    if (!v)
        return v.error();
    return v->toString();
}

} // namespace cb
