#pragma once

#include "storage/databaselocation.h"
#include "sync/storesummary.h"

#include <QObject>
#include <QThread>

namespace cb {

class SyncWorker;

// The GUI's handle on the sync thread. It owns the thread; everything on it (the writer connection, later the
// engine, receiver and client) is reached only through queued signals carrying value types.
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    explicit SyncService(QObject *parent = nullptr);
    ~SyncService() override;

    void start(const DatabaseLocation &location);
    void stop();

Q_SIGNALS:
    void storeReady(const cb::StoreSummary &summary);
    void storeFailed(const QString &message);

private:
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
};

} // namespace cb
