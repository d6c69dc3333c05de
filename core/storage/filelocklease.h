#pragma once

#include "storage/synclease.h"

#include <QSet>

namespace cb {

// The lease on SQLite, a single-host store: an exclusive byte-range lock (an open-file-description lock, F_OFD_SETLK)
// on one byte per integration of the file "<store>-lease" beside the database, held for the holder's lifetime.
// Renewing it writes nothing; the kernel drops it the moment the holding process dies (SIGKILL included), so a
// standby takes over on its next tick. Two leases in one process are as separate as two processes. When the lock is
// taken the holder's name is written once into sync_lease, for display; holderOf() trusts that row only while the
// lock is held.
class FileLockLease final : public SyncLease
{
public:
    FileLockLease(Database &db, const Clock &clock, QString holder);
    ~FileLockLease() override;

    Result<bool> acquire(const QString &integrationId) override;
    Status release(const QString &integrationId) override;
    Result<QString> holderOf(const QString &integrationId) override;

    static QString lockFilePath(const QString &sqlitePath);
    // Which byte of the lock file stands for an integration (stable, below 2^40).
    static qint64 lockOffset(const QString &integrationId);

private:
    Status openLockFile();
    Result<bool> isLockedByAnyone(const QString &integrationId);

    Database &m_db;
    const Clock &m_clock;
    QString m_path;
    int m_fd = -1;
    QSet<QString> m_held;
};

} // namespace cb
