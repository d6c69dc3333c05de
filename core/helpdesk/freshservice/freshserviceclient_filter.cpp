// FreshserviceClient's status filter (/tickets/filter) and the requester-or-agent lookups it needs: the filter
// embeds no requester, and in Freshservice an agent may be a ticket's requester.
#include "common/logging.h"
#include "freshserviceclient.h"
#include "helpdesk/freshservice/freshservicejson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cb {

namespace {
// GCC 12 miscompiles string literals inside a co_await expression: named once, here.
const QByteArray kGet("GET");
const QString kTickets = QStringLiteral("tickets");
const QString kRequester = QStringLiteral("requester");
const QString kAgent = QStringLiteral("agent");
} // namespace

QCoro::Task<Result<std::optional<TicketListing>>>
FreshserviceClient::filterTickets(TicketQuery query, TicketPageCallback onPage, int *spentCalls)
{
    constexpr int kPerPage = 30;
    constexpr int kMaxPages = 10;
    QStringList terms;
    for (int status : std::as_const(query.statuses))
        terms << QStringLiteral("status:%1").arg(status);
    QString q = terms.size() > 1 ? QLatin1Char('(') + terms.join(QStringLiteral(" OR ")) + QLatin1Char(')')
                                 : terms.constFirst();
    // Freshservice's filter fields are workspace_id, requester_id, email, agent_id, group_id, priority, status,
    // impact, urgency, tag, due_by, fr_due_by and created_at: no updated_at. updatedSince is checked here.
    const QString endpoint = QStringLiteral("GET /tickets/filter");
    TicketListing listing;
    QHash<qint64, std::optional<HelpdeskContact>> people;
    QSet<qint64> seen;
    int total = 0;
    for (int page = 1; page <= kMaxPages; ++page) {
        const QUrl url = m_transport.url(QStringLiteral("tickets/filter"),
                                         {{QStringLiteral("query"), QLatin1Char('"') + q + QLatin1Char('"')},
                                          {QStringLiteral("page"), QString::number(page)}});
        auto answer = co_await m_transport.send(kGet, url, {}, endpoint, true);
        ++listing.calls;
        ++*spentCalls;
        if (!answer) {
            const Error &e = answer.error();
            // An account (or a proxy) without a usable filter endpoint: the listing still works.
            if (page == 1 && e.httpStatus >= 400 && e.httpStatus < 500 && e.kind != Error::Kind::Auth &&
                e.kind != Error::Kind::RateLimited) {
                qCInfo(lcHelpdesk) << "ticket filter refused with HTTP" << e.httpStatus << "; listing instead";
                co_return std::optional<TicketListing>();
            }
            co_return e;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(answer->body);
        const QJsonValue rows = FreshserviceJson::unwrap(doc, kTickets);
        if (!rows.isArray()) {
            if (page == 1)
                co_return std::optional<TicketListing>();
            co_return invalidResponse(endpoint);
        }
        const bool counted = doc.object().value(QStringLiteral("total")).isDouble();
        total = doc.object().value(QStringLiteral("total")).toInt();
        if (page == 1 && counted && total > kPerPage * kMaxPages)
            co_return std::optional<TicketListing>(); // more than the filter can page through
        ++listing.pages;
        QList<Ticket> tickets;
        for (const QJsonValue &v : rows.toArray()) {
            Ticket t = FreshserviceJson::ticket(v.toObject());
            if ((query.updatedSince.isValid() && t.updatedAt < query.updatedSince) || seen.contains(t.id))
                continue;
            seen.insert(t.id);
            // The filter embeds no requester: look each one up once (requester, else agent).
            if (t.requesterEmail.isEmpty() && t.requesterId) {
                if (!people.contains(*t.requesterId)) {
                    auto found = co_await person(*t.requesterId, &listing.calls);
                    if (!found && found.error().kind == Error::Kind::Auth)
                        co_return found.error();
                    if (!found) // the ticket still imports, its customer linked by requester id
                        qCWarning(lcHelpdesk) << "requester lookup failed:" << found.error().toLogString();
                    people.insert(*t.requesterId, found ? *found : std::optional<HelpdeskContact>());
                }
                if (const auto &p = people.value(*t.requesterId)) {
                    t.requesterName = p->name;
                    t.requesterEmail = p->email;
                    t.requesterPhone = p->phone.isEmpty() ? p->mobile : p->phone;
                    t.requesterMobile = p->mobile;
                }
            }
            tickets.append(t);
            listing.tickets.append(t);
        }
        if (onPage && !onPage(tickets, listing.pages)) {
            listing.cancelled = true;
            break;
        }
        const bool lastPage = counted ? page * kPerPage >= total : rows.toArray().size() < kPerPage;
        if ((query.limit && listing.tickets.size() >= *query.limit) || lastPage || rows.toArray().isEmpty())
            break;
    }
    if (query.limit && listing.tickets.size() > *query.limit)
        listing.tickets.resize(*query.limit);
    co_return std::optional<TicketListing>(std::move(listing));
}

QCoro::Task<Result<std::optional<HelpdeskContact>>> FreshserviceClient::person(qint64 id, int *calls)
{
    const QString requesterEndpoint = QStringLiteral("GET /requesters/{id}");
    const QUrl requesterUrl = m_transport.url(QStringLiteral("requesters/%1").arg(id));
    auto requester = co_await call(kGet, requesterUrl, {}, requesterEndpoint, true, kRequester);
    ++*calls;
    if (requester)
        co_return std::optional<HelpdeskContact>(FreshserviceJson::requester(requester->toObject()));
    if (requester.error().httpStatus != 404)
        co_return requester.error();
    const QString agentEndpoint = QStringLiteral("GET /agents/{id}");
    const QUrl agentUrl = m_transport.url(QStringLiteral("agents/%1").arg(id));
    auto agent = co_await call(kGet, agentUrl, {}, agentEndpoint, true, kAgent);
    ++*calls;
    if (agent)
        co_return std::optional<HelpdeskContact>(FreshserviceJson::requester(agent->toObject()));
    if (agent.error().httpStatus != 404)
        co_return agent.error();
    co_return std::optional<HelpdeskContact>();
}

} // namespace cb
