#pragma once

#include "common/result.h"
#include "helpdesk/freshworks/freshworkstransport.h"
#include "helpdesk/helpdeskclient.h"

#include <QCoroTask>
#include <QJsonArray>

#include <functional>
#include <optional>

namespace cb {

// Paging as Freshdesk and Freshservice (one API family) both do it: rel="next" Link headers, and the ticket list
// walked with per_page=100 in updated_at order from `updated_since`, re-windowed at the newest updated_at seen when
// the API's 300-page cap is reached, tickets de-duplicated by (id, updated_at). The products differ only in how a
// page's body is wrapped and how errors are worded, which the caller supplies.
class FreshworksPaging
{
public:
    using Send = std::function<QCoro::Task<Result<HttpAnswer>>(QUrl url)>;
    // The page's tickets from its body (unwrapped and parsed the provider's way); nullopt when the body is not
    // what the API sends.
    using ReadPage = std::function<std::optional<QList<Ticket>>(const QByteArray &body)>;

    static QCoro::Task<Result<TicketListing>> listTickets(FreshworksTransport &transport, Send send, ReadPage read,
                                                          Error unreadable, TicketQuery query,
                                                          TicketPageCallback onPage);
    // A collection's items from a page body; nullopt when the body is not what the API sends.
    using ReadItems = std::function<std::optional<QJsonArray>(const QByteArray &body)>;
    // Every item of a collection: follows rel="next" (same host only, never sending the key elsewhere) for at most
    // 300 pages.
    static QCoro::Task<Result<QJsonArray>> collect(FreshworksTransport &transport, Send send, ReadItems read,
                                                   Error unreadable, QUrl first);
    // rel="next" from a Link header, e.g. <https://acme.freshdesk.com/api/v2/tickets?page=2>; rel="next".
    static QUrl nextLink(const QByteArray &link);
    // The API's time format for query parameters (UTC, seconds).
    static QString apiTime(const QDateTime &t);
};

} // namespace cb
