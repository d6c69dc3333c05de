#include "syncworker.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"

namespace cb {

SyncWorker::SyncWorker() = default;
SyncWorker::~SyncWorker() = default;

void SyncWorker::openStore(const DatabaseLocation &location)
{
    auto db = Database::open(location);
    if (!db) {
        qCWarning(lcSync) << "store not opened:" << db.error().detail;
        Q_EMIT storeFailed(db.error().message);
        return;
    }
    m_db = std::move(db).value();
    StoreSummary s;
    s.location = location.displayName();
    s.schemaVersion = m_db->schemaVersion();
    const Clock &clock = Clock::system();
    if (auto list = IntegrationStore(*m_db, clock).list())
        s.integrations = int(list->size());
    if (auto n = CaseStore(*m_db, clock).count())
        s.cases = *n;
    if (auto n = Inbox(*m_db, clock).pendingCount())
        s.inboxPending = *n;
    if (auto n = Outbox(*m_db, clock).pendingCount())
        s.outboxPending = *n;
    Q_EMIT storeReady(s);
}

void SyncWorker::shutdown()
{
    m_db.reset();
}

} // namespace cb
