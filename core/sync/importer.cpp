#include "importer.h"

#include "common/clock.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"

#include <cmath>

namespace cb {

Importer::Importer(Database &db, const Clock &clock, const TicketMapper &mapper)
    : m_db(db)
    , m_clock(clock)
    , m_mapper(mapper)
{}

ImportEstimate Importer::estimate(const ImportRequest &request, int listPerMinute, int viewPerMinute, bool statusFilter)
{
    ImportEstimate e;
    if (!request.ticketIds.isEmpty()) {
        e.calls = int(request.ticketIds.size());
        e.seconds = viewPerMinute > 0 ? 60.0 * e.calls / viewPerMinute : 0;
        return e;
    }
    const int tickets = request.limit.value_or(30000);
    e.calls = std::max(1, int(std::ceil(tickets / 100.0)));
    e.upperBound = true;
    e.seconds = listPerMinute > 0 ? 60.0 * e.calls / listPerMinute : 0;
    if (statusFilter && !request.statuses.isEmpty()) {
        // The worse of the two paths: ≤ 10 filter pages of 30 and a lookup per requester (view-rate calls), or,
        // with more matches than that, one filter call and then the listing above.
        const int matches = std::min(tickets, 300);
        const int filterCalls = int(std::ceil(matches / 30.0)) + matches;
        if (filterCalls > e.calls + 1) {
            e.calls = filterCalls;
            e.seconds = viewPerMinute > 0 ? 60.0 * filterCalls / viewPerMinute : 0;
        } else {
            e.calls += 1;
            e.seconds += listPerMinute > 0 ? 60.0 / listPerMinute : 0;
        }
    }
    return e;
}

ImportEstimate Importer::estimate(const ImportRequest &request, const QString &provider)
{
    if (provider == QLatin1String("freshservice"))
        return estimate(request, 120, 140, true);
    return estimate(request, 100, 160);
}

ImportRequest Importer::backfillRequest(const QDateTime &now)
{
    ImportRequest r;
    r.backfill = true;
    r.statuses = {QStringLiteral("open"), QStringLiteral("pending")};
    r.updatedSince = now.addDays(-180);
    return r;
}

void Importer::importOne(const Integration &integration, const Ticket &ticket, ImportSummary &summary)
{
    RemoteApplier applier(m_db, m_clock, m_mapper);
    auto applied =
        applier.applyTicket(integration, ticket, ChangeSource::Import, QStringLiteral("ticket.imported"), true);
    if (!applied) {
        ++summary.failed;
        summary.failures << QStringLiteral("Ticket %1: %2").arg(ticket.id).arg(applied.error().message);
    } else if (applied->created) {
        ++summary.imported;
    } else {
        ++summary.alreadyLinked;
    }
}

QCoro::Task<Result<ImportSummary>> Importer::run(Integration integration, HelpdeskClient *client, ImportRequest request,
                                                 Progress progress, CancelFlag cancel)
{
    ImportSummary summary;
    const auto cancelled = [&cancel] { return cancel && cancel->load(); };
    const QStringList include{QStringLiteral("requester")};
    QDateTime newest;

    if (!request.ticketIds.isEmpty()) {
        const int total = int(request.ticketIds.size());
        int done = 0;
        for (qint64 id : std::as_const(request.ticketIds)) {
            if (cancelled()) {
                summary.cancelled = true;
                break;
            }
            auto ticket = co_await client->getTicket(id, include);
            ++summary.calls;
            if (!ticket) {
                ++summary.failed;
                summary.failures << QStringLiteral("Ticket %1: %2").arg(id).arg(ticket.error().message);
                if (ticket.error().kind == Error::Kind::Auth)
                    co_return ticket.error();
            } else {
                importOne(integration, *ticket, summary);
                if (!newest.isValid() || ticket->updatedAt > newest)
                    newest = ticket->updatedAt;
            }
            if (progress)
                progress(++done, total);
        }
    } else {
        TicketQuery query;
        query.updatedSince = request.updatedSince;
        // A list leaves the description out unless asked (Freshdesk accounts since 2018-11-30): one include per
        // page, not a call per ticket; a ticket's view (above) always has it.
        query.include = include + QStringList{QStringLiteral("description")};
        for (const QString &name : std::as_const(request.statuses)) {
            if (const auto id = m_mapper.vocabulary().statusId(name))
                query.statuses << *id;
        }
        if (query.statuses.size() != request.statuses.size())
            query.statuses.clear(); // a name without an id: let the client list everything, filter here
        int matched = 0;
        bool limitReached = false;
        const int total = request.limit.value_or(0);
        auto onPage = [&](const QList<Ticket> &page, int) {
            for (const Ticket &t : page) {
                if (cancelled())
                    return false;
                if (!request.statuses.isEmpty() &&
                    !request.statuses.contains(m_mapper.vocabulary().statusName(t.status)))
                    continue;
                importOne(integration, t, summary);
                if (!newest.isValid() || t.updatedAt > newest)
                    newest = t.updatedAt;
                ++matched;
                if (progress)
                    progress(matched, total);
                if (request.limit && matched >= *request.limit) {
                    limitReached = true;
                    return false;
                }
            }
            return true;
        };
        auto listing = co_await client->listTickets(query, onPage);
        if (!listing)
            co_return listing.error();
        summary.calls += listing->calls;
        summary.cancelled = listing->cancelled && !limitReached;
    }
    // Give the reconciler a starting point if it has none yet.
    if (newest.isValid() && !integration.watermark.isValid())
        logIfFailed(IntegrationStore(m_db, m_clock).setWatermark(integration.id, newest), "watermark");
    co_return summary;
}

} // namespace cb
