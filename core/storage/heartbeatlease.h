#pragma once

#include "storage/synclease.h"

namespace cb {

// The lease as one row per integration in sync_lease, renewed by every acquire(): a holder that stops beating for
// `staleAfterMs` loses it to the next one that asks. Works on SQLite and PostgreSQL; SyncLease::create() uses it
// for SQLite, where every process shares one host.
class HeartbeatLease final : public SyncLease
{
public:
    HeartbeatLease(Database &db, const Clock &clock, QString holder, qint64 staleAfterMs = 10000);

    Result<bool> acquire(const QString &integrationId) override;
    Status release(const QString &integrationId) override;
    Result<QString> holderOf(const QString &integrationId) override;

private:
    Database &m_db;
    const Clock &m_clock;
    qint64 m_staleAfterMs;
};

} // namespace cb
