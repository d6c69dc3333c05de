#pragma once

#include "common/result.h"
#include "domain/importrequest.h"
#include "domain/integration.h"

#include <QCoroTask>

#include <atomic>
#include <functional>
#include <memory>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
class TicketMapper;

// Imports tickets as cases, idempotently (cases_external_link_uq): by ids (one view call each) or by filter
// (the ticket list, 100 per page, all time unless told otherwise, status filtered locally because the list
// endpoint has none). Customers are linked by e-mail or domain, or created as freshdesk:{email}.
// Imports never push anything back. Cancellable between tickets; running it again resumes (nothing twice).
class Importer
{
public:
    using Progress = std::function<void(int done, int total)>;
    using CancelFlag = std::shared_ptr<std::atomic<bool>>;

    Importer(Database &db, const Clock &clock, const TicketMapper &mapper);

    // listPerMinute / viewPerMinute: the account's per-minute limits for the list and view endpoints.
    // statusFilter: the client may take a status filter through a search endpoint (30 a page, ≤ 10 pages, one
    // requester lookup per distinct requester) before falling back to the listing.
    static ImportEstimate estimate(const ImportRequest &request, int listPerMinute, int viewPerMinute,
                                   bool statusFilter = false);
    // At the Pro plan's limits of the provider (freshdesk-api.md §3, §8): Freshdesk list 100/min, view 160/min;
    // Freshservice list 120/min, view 140/min, with its /tickets/filter.
    static ImportEstimate estimate(const ImportRequest &request, const QString &provider);
    static ImportRequest backfillRequest(const QDateTime &now);

    QCoro::Task<Result<ImportSummary>> run(Integration integration, HelpdeskClient *client, ImportRequest request,
                                           Progress progress = {}, CancelFlag cancel = {});

private:
    void importOne(const Integration &integration, const struct Ticket &ticket, ImportSummary &summary);

    Database &m_db;
    const Clock &m_clock;
    const TicketMapper &m_mapper;
};

} // namespace cb
