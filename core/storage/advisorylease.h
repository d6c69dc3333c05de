#pragma once

#include "storage/synclease.h"

#include <QSet>

namespace cb {

// The lease on PostgreSQL: a session-level advisory lock per integration (pg_try_advisory_lock on lockKey()),
// held on the connection given here, so it is released by release(), by closing that connection, or by the server
// when the holding process dies; no heartbeat, no clock. Each acquire() of a held lease checks pg_locks that this
// session still has it (a lost connection loses the lease). The sync_lease row records who took it, for display.
class AdvisoryLease final : public SyncLease
{
public:
    AdvisoryLease(Database &db, const Clock &clock, QString holder);
    ~AdvisoryLease() override;

    Result<bool> acquire(const QString &integrationId) override;
    Status release(const QString &integrationId) override;
    Result<QString> holderOf(const QString &integrationId) override;

    // A stable, non-negative 64-bit key: the first eight bytes of SHA-256("casebridge.sync_lease:" + id).
    static qint64 lockKey(const QString &integrationId);

private:
    Result<bool> stillHeld(qint64 key);

    Database &m_db;
    const Clock &m_clock;
    QSet<QString> m_held;
};

} // namespace cb
