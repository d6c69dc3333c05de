#pragma once

#include "storage/databaselocation.h"
#include "sync/storesummary.h"

#include <QObject>

#include <memory>

namespace cb {

class Database;

// Lives on the sync thread: opens the writer connection and answers for the store.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    SyncWorker();
    ~SyncWorker() override;

public Q_SLOTS:
    void openStore(const cb::DatabaseLocation &location);
    void shutdown();

Q_SIGNALS:
    void storeReady(const cb::StoreSummary &summary);
    void storeFailed(const QString &message);

private:
    std::unique_ptr<Database> m_db;
};

} // namespace cb

Q_DECLARE_METATYPE(cb::DatabaseLocation)
