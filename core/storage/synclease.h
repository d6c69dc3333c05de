#pragma once

#include "common/result.h"

#include <QString>

#include <memory>

namespace cb {

class Clock;
class Database;

// Who runs receiver-side processing, pushing and reconciling for an integration: one holder at a time.
// create() picks the strategy for the store: on PostgreSQL a session-level advisory lock held on the given
// connection (AdvisoryLease: lost the moment that connection or its process dies); on SQLite, a single-host store,
// an OS lock on a file beside the database (FileLockLease: lost the moment its process dies). Neither writes to
// the store while it is held.
class SyncLease
{
public:
    virtual ~SyncLease() = default;
    Q_DISABLE_COPY_MOVE(SyncLease)

    static std::unique_ptr<SyncLease> create(Database &db, const Clock &clock, QString holder);
    static QString makeHolderName(const QString &role);

    // Takes or keeps the lease; true when this holder has it afterwards. Called every engine tick, so keeping a
    // held lease must not write.
    virtual Result<bool> acquire(const QString &integrationId) = 0;
    virtual Status release(const QString &integrationId) = 0;
    // The holder's name (empty when nobody holds the lease).
    virtual Result<QString> holderOf(const QString &integrationId) = 0;
    const QString &holder() const { return m_holder; }

protected:
    explicit SyncLease(QString holder);

private:
    QString m_holder;
};

} // namespace cb
