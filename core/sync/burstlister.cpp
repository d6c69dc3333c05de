#include "burstlister.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"

namespace cb {

BurstLister::BurstLister(const Clock &clock)
    : m_clock(clock)
{}

bool BurstLister::serves(const Listing &listing, qint64 ticketId, const QDateTime &eventAt) const
{
    return listing.startedAt.isValid() && eventAt.isValid() && eventAt <= listing.startedAt &&
           listing.tickets.contains(ticketId);
}

QCoro::Task<int> BurstLister::list(QString integrationId, HelpdeskClient *client, QList<Wanted> wanted)
{
    const auto kept = m_listings.constFind(integrationId);
    QDateTime earliest;
    int open = 0;
    for (const Wanted &w : std::as_const(wanted)) {
        if (kept != m_listings.cend() && serves(*kept, w.ticketId, w.receivedAt))
            continue;
        ++open;
        if (!earliest.isValid() || w.receivedAt < earliest)
            earliest = w.receivedAt;
    }
    if (open < kMinTickets || !earliest.isValid())
        co_return 0;

    Listing listing;
    listing.startedAt = m_clock.nowUtc();
    TicketQuery query;
    query.updatedSince = earliest.addSecs(-kMarginSeconds);
    query.include = QStringList{QStringLiteral("requester")}; // a new ticket becomes a case with its customer
    const int pageBudget = (open + 99) / 100 + 1;
    auto listed = co_await client->listTickets(
        query, [pageBudget](const QList<Ticket> &, int pages) { return pages < pageBudget; });
    if (!listed) {
        // Nothing lost: the tickets are fetched one by one instead.
        qCInfo(lcSync) << "burst listing failed, fetching one by one:" << listed.error().detail;
        co_return 1;
    }
    for (const Ticket &t : std::as_const(listed->tickets))
        listing.tickets.insert(t.id, t);
    qCInfo(lcSync) << "listed" << listing.tickets.size() << "tickets changed since" << query.updatedSince << "for"
                   << open << "waiting fetches in" << listed->calls << "calls";
    const int calls = listed->calls;
    m_listings.insert(integrationId, std::move(listing));
    co_return calls;
}

std::optional<Ticket> BurstLister::take(const QString &integrationId, qint64 ticketId,
                                        const QDateTime &latestEvent) const
{
    const auto kept = m_listings.constFind(integrationId);
    if (kept == m_listings.cend() || !serves(*kept, ticketId, latestEvent))
        return std::nullopt;
    return kept->tickets.value(ticketId);
}

} // namespace cb
