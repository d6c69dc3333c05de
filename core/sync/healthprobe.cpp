#include "healthprobe.h"

#include "common/clock.h"
#include "domain/syncvocabulary.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/sqlvalues.h"
#include "sync/syncengine.h"

namespace cb {

HealthProbe::HealthProbe(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<IntegrationHealthList> HealthProbe::probe(const SyncEngine *engine) const
{
    auto integrations = IntegrationStore(m_db, m_clock).list();
    if (!integrations)
        return integrations.error();
    const QDateTime now = m_clock.nowUtc();
    const QString hourAgo = toStoreTime(now.addSecs(-3600));
    IntegrationHealthList out;
    for (const Integration &i : std::as_const(*integrations)) {
        IntegrationHealth h;
        h.integrationId = i.id;
        h.domain = i.domain;
        h.agentName = i.agentName;
        h.state = i.state;
        // The newest row's arrival (ids grow with arrivals): a walk back from the end, not over every retained row.
        auto last = m_db.scalar(
            QStringLiteral("SELECT received_at FROM webhook_inbox WHERE integration_id = ? ORDER BY id DESC LIMIT 1"),
            {i.id});
        if (!last)
            return last.error();
        h.lastWebhookAt = sql::toTime(*last);
        // The state written into the statement: the partial index of pending events (migration step 7) counts them.
        static const QString pendingCount =
            QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE integration_id = ? AND state = '%1'")
                .arg(toString(InboxState::Pending));
        h.inboxPending = m_db.scalar(pendingCount, {i.id}).value().toLongLong();
        h.outboxPending =
            m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE integration_id = ? AND state IN "
                                       "(?, ?)"),
                        {i.id, toString(OutboxState::Pending), toString(OutboxState::Inflight)})
                .value()
                .toLongLong();
        // The last hour of the log, in 5-minute buckets (the log's `at` grows with its id).
        h.activity = QList<int>(12, 0);
        auto rows = m_db.exec(QStringLiteral("SELECT at, result FROM ticket_sync_log WHERE integration_id = ? AND "
                                             "id >= COALESCE((SELECT MIN(id) FROM ticket_sync_log WHERE at >= ?), 0)"),
                              {i.id, hourAgo});
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const QDateTime at = sql::toTime(rows->value(0));
            const qint64 ago = at.secsTo(now);
            if (ago < 0 || ago >= 3600)
                continue;
            ++h.eventsLastHour;
            h.activity[11 - int(ago / 300)] += 1;
            const auto result = syncResultFromString(rows->value(1).toString());
            if (result == SyncResult::Failed || result == SyncResult::Dead)
                ++h.failuresLastHour;
        }
        if (engine) {
            h.lastReconcileAt = engine->lastReconcileAt(i.id);
            h.holdsLease = engine->holdsLease(i.id);
            if (const HelpdeskClient *c = engine->client(i.id)) {
                const ApiUsage u = c->usage();
                h.apiRemaining = u.rateLimitRemaining;
                h.apiTotal = u.rateLimitTotal;
            }
        }
        out << h;
    }
    return out;
}

} // namespace cb
