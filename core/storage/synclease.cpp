#include "synclease.h"

#include "storage/advisorylease.h"
#include "storage/database.h"
#include "storage/filelocklease.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

namespace cb {

SyncLease::SyncLease(QString holder)
    : m_holder(std::move(holder))
{}

std::unique_ptr<SyncLease> SyncLease::create(Database &db, const Clock &clock, QString holder)
{
    if (db.isPostgres())
        return std::make_unique<AdvisoryLease>(db, clock, std::move(holder));
    return std::make_unique<FileLockLease>(db, clock, std::move(holder));
}

QString SyncLease::makeHolderName(const QString &role)
{
    return QStringLiteral("%1@%2:%3:%4")
        .arg(role, QSysInfo::machineHostName())
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

} // namespace cb
