#include "syncservice.h"

#include "sync/syncworker.h"

namespace cb {

SyncService::SyncService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<cb::StoreSummary>();
    qRegisterMetaType<cb::DatabaseLocation>();
    m_thread.setObjectName(QStringLiteral("casebridge-sync"));
    m_worker = new SyncWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::storeReady, this, &SyncService::storeReady);
    connect(m_worker, &SyncWorker::storeFailed, this, &SyncService::storeFailed);
    m_thread.start();
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::start(const DatabaseLocation &location)
{
    QMetaObject::invokeMethod(m_worker, "openStore", Qt::QueuedConnection, Q_ARG(cb::DatabaseLocation, location));
}

void SyncService::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, "shutdown", Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace cb
