#pragma once

#include "common/result.h"

#include <QString>

namespace cb {

class Clock;
class Database;

// Who runs receiver-side processing, pushing and reconciling for an integration: one holder at a time, kept by
// a heartbeat. A holder that stops beating for `staleAfterMs` loses the lease to the next one that asks.
// Works the same on SQLite and PostgreSQL (one row per integration in sync_lease).
class SyncLease
{
public:
    SyncLease(Database &db, const Clock &clock, QString holder);

    // Takes or renews the lease; true when this holder has it afterwards.
    Result<bool> acquire(const QString &integrationId, qint64 staleAfterMs = 10000);
    Status release(const QString &integrationId);
    Result<QString> holderOf(const QString &integrationId);
    const QString &holder() const { return m_holder; }

    static QString makeHolderName(const QString &role);

private:
    Database &m_db;
    const Clock &m_clock;
    QString m_holder;
};

} // namespace cb
