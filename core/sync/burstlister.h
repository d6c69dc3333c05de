#pragma once

#include "domain/ticket.h"

#include <QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace cb {

class Clock;
class HelpdeskClient;

// When many tickets of one integration wait for a fetch (a burst of thin webhooks), one listing by updated_since —
// ⌈n/100⌉ calls, the API's lower bound — replaces n single GETs. The listing starts a margin before the earliest
// waiting event arrived, stops after ⌈n/100⌉ + 1 pages, and is kept: a listed ticket serves every event that arrived
// before the listing began (the change it announced is in it). Tickets the listing missed (spam, deleted, past the
// page budget) are fetched one by one as before.
class BurstLister
{
public:
    static constexpr int kMinTickets = 3; // fewer are cheaper fetched one by one
    static constexpr int kMarginSeconds = 30;

    struct Wanted
    {
        qint64 ticketId = 0;
        QDateTime receivedAt; // the earliest waiting event of the ticket
    };

    explicit BurstLister(const Clock &clock);

    // Lists what the kept listing cannot serve yet; returns the calls spent (0 when it did not list).
    QCoro::Task<int> list(QString integrationId, HelpdeskClient *client, QList<Wanted> wanted);
    // The listed ticket, when the listing began after `latestEvent` arrived.
    std::optional<Ticket> take(const QString &integrationId, qint64 ticketId, const QDateTime &latestEvent) const;

private:
    struct Listing
    {
        QDateTime startedAt;
        QHash<qint64, Ticket> tickets;
    };
    bool serves(const Listing &listing, qint64 ticketId, const QDateTime &eventAt) const;

    const Clock &m_clock;
    QHash<QString, Listing> m_listings; // the latest listing per integration
};

} // namespace cb
