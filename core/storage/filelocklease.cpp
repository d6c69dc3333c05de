#include "filelocklease.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cb {

namespace {
Error lockError(const QString &what)
{
    return Error::make(Error::Kind::Storage, QStringLiteral("The sync lease file could not be used."),
                       QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))));
}

struct flock byteLock(short type, qint64 offset)
{
    struct flock l;
    std::memset(&l, 0, sizeof l);
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = off_t(offset);
    l.l_len = 1;
    return l;
}
} // namespace

FileLockLease::FileLockLease(Database &db, const Clock &clock, QString holder)
    : SyncLease(std::move(holder))
    , m_db(db)
    , m_clock(clock)
    , m_path(lockFilePath(db.location().sqlitePath()))
{}

FileLockLease::~FileLockLease()
{
    const QSet<QString> held = m_held;
    for (const QString &id : held)
        logIfFailed(release(id), "lease release");
    if (m_fd >= 0)
        ::close(m_fd);
}

QString FileLockLease::lockFilePath(const QString &sqlitePath)
{
    return sqlitePath + QStringLiteral("-lease");
}

qint64 FileLockLease::lockOffset(const QString &integrationId)
{
    const QByteArray name = QByteArrayLiteral("casebridge.sync_lease:") + integrationId.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(name, QCryptographicHash::Sha256);
    return qint64(qFromBigEndian<quint64>(digest.constData()) & ((quint64(1) << 40) - 1));
}

Status FileLockLease::openLockFile()
{
    if (m_fd >= 0)
        return Ok{};
    const QByteArray path = QFile::encodeName(m_path);
    m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return lockError(QStringLiteral("open %1").arg(m_path));
    return Ok{};
}

Result<bool> FileLockLease::isLockedByAnyone(const QString &integrationId)
{
    if (auto opened = openLockFile(); !opened)
        return opened.error();
    // F_OFD_GETLK reports locks of other open file descriptions only, so ask through a description of its own.
    const QByteArray path = QFile::encodeName(m_path);
    const int probe = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    if (probe < 0)
        return lockError(QStringLiteral("open %1").arg(m_path));
    struct flock l = byteLock(F_WRLCK, lockOffset(integrationId));
    if (::fcntl(probe, F_OFD_GETLK, &l) < 0) {
        Error failed = lockError(QStringLiteral("F_OFD_GETLK"));
        ::close(probe);
        return failed;
    }
    ::close(probe);
    return l.l_type != F_UNLCK;
}

Result<bool> FileLockLease::acquire(const QString &integrationId)
{
    if (m_held.contains(integrationId))
        return true; // the kernel keeps it for as long as this description is open: nothing to renew
    if (auto opened = openLockFile(); !opened)
        return opened.error();
    struct flock l = byteLock(F_WRLCK, lockOffset(integrationId));
    if (::fcntl(m_fd, F_OFD_SETLK, &l) < 0) {
        if (errno == EAGAIN || errno == EACCES)
            return false;
        return lockError(QStringLiteral("F_OFD_SETLK"));
    }
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

Status FileLockLease::release(const QString &integrationId)
{
    if (!m_held.remove(integrationId))
        return Ok{};
    auto row = m_db.exec(QStringLiteral("DELETE FROM sync_lease WHERE integration_id = ? AND holder = ?"),
                         {integrationId, holder()});
    struct flock l = byteLock(F_UNLCK, lockOffset(integrationId));
    if (::fcntl(m_fd, F_OFD_SETLK, &l) < 0)
        return lockError(QStringLiteral("F_OFD_SETLK unlock"));
    return row ? Status(Ok{}) : Status(row.error());
}

Result<QString> FileLockLease::holderOf(const QString &integrationId)
{
    if (!m_held.contains(integrationId)) {
        auto locked = isLockedByAnyone(integrationId);
        if (!locked)
            return locked.error();
        if (!*locked)
            return QString();
    }
    auto v = m_db.scalar(QStringLiteral("SELECT holder FROM sync_lease WHERE integration_id = ?"), {integrationId});
    if (!v)
        return v.error();
    return v->toString();
}

} // namespace cb
