#include "reconciler.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/synclog.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"

namespace cb {

Reconciler::Reconciler(Database &db, const Clock &clock, const TicketMapper &mapper)
    : m_db(db)
    , m_clock(clock)
    , m_mapper(mapper)
    , m_conversations(db, clock)
{}

QCoro::Task<Result<ReconcileReport>> Reconciler::runCycle(Integration integration, HelpdeskClient *client)
{
    ReconcileReport report;
    // Without a watermark (nothing imported yet) look back one day: older changes of linked cases were
    // imported with them.
    const QDateTime since = integration.watermark.isValid() ? integration.watermark.addSecs(-m_overlapSeconds)
                                                            : m_clock.nowUtc().addDays(-1);
    QDateTime newest = integration.watermark;
    RemoteApplier applier(m_db, m_clock, m_mapper);
    CaseStore cases(m_db, m_clock);

    TicketQuery query;
    query.updatedSince = since;
    auto listing = co_await client->listTickets(query);
    if (!listing)
        co_return listing.error();
    report.calls += listing->calls;
    report.listed = int(listing->tickets.size());
    for (const Ticket &t : std::as_const(listing->tickets)) {
        if (!newest.isValid() || t.updatedAt > newest)
            newest = t.updatedAt;
        auto before = cases.findByExternal(integration.workspaceId, integration.provider, integration.domain, t.id);
        if (!before)
            co_return before.error();
        const bool unseen = before->has_value() && t.updatedAt.isValid() &&
                            (!(*before)->externalUpdatedAt.isValid() || t.updatedAt > (*before)->externalUpdatedAt);
        auto applied =
            applier.applyTicket(integration, t, ChangeSource::Reconciler, QStringLiteral("ticket.reconciled"), false);
        if (!applied)
            co_return applied.error();
        if (unseen && applied->linked) {
            const qint64 callsBefore = client->usage().totalCalls; // the conversations, and any author name lookups
            auto copied =
                co_await m_conversations.copy(integration, client, applied->caseId, t.id, ChangeSource::Reconciler);
            report.calls += int(std::max<qint64>(1, client->usage().totalCalls - callsBefore));
            if (!copied)
                qCWarning(lcSync) << "reconcile: the conversations of ticket" << t.id
                                  << "could not be copied:" << copied.error().detail;
            else
                report.commentsAdded += *copied;
        }
        if (!applied->linked)
            ++report.notLinked;
        else if (applied->applied.isEmpty())
            ++report.unchanged;
        else
            ++report.applied;
    }

    // Deleted and spam tickets drop out of the normal list: look at those views too.
    for (const QString &view : {QStringLiteral("deleted"), QStringLiteral("spam")}) {
        TicketQuery special;
        special.updatedSince = since;
        special.filter = view;
        auto gone = co_await client->listTickets(special);
        if (!gone) {
            qCWarning(lcSync) << "reconcile: the" << view << "view failed:" << gone.error().detail;
            ++report.calls;
            continue;
        }
        report.calls += gone->calls;
        for (const Ticket &t : std::as_const(gone->tickets)) {
            auto existing =
                cases.findByExternal(integration.workspaceId, integration.provider, integration.domain, t.id);
            if (!existing)
                co_return existing.error();
            if (!existing->has_value())
                continue;
            const Case &c = **existing;
            if (c.remoteState.value(view).toBool())
                continue; // already known
            QJsonObject state = c.remoteState;
            state.insert(view, true);
            logIfFailed(cases.setRemoteState(c.id, state, t.updatedAt), "remote state");
            SyncLogEntry e;
            e.integrationId = integration.id;
            e.caseId = c.id;
            e.ticketId = t.id;
            e.direction = SyncDirection::Reconcile;
            e.source = ChangeSource::Reconciler;
            e.event = QStringLiteral("ticket.") +
                      (view == QLatin1String("deleted") ? QStringLiteral("deleted") : QStringLiteral("spam"));
            e.changes = {{view, QJsonObject{{QStringLiteral("from"), false}, {QStringLiteral("to"), true}}}};
            e.result = SyncResult::Applied;
            logIfFailed(SyncLog(m_db, m_clock).append(e), "sync log");
            ++report.removed;
        }
    }
    if (newest.isValid() && newest != integration.watermark) {
        if (auto st = IntegrationStore(m_db, m_clock).setWatermark(integration.id, newest); !st)
            co_return st.error();
    }
    report.watermark = newest;
    co_return report;
}

} // namespace cb
