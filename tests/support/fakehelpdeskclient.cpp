#include "fakehelpdeskclient.h"

#include "common/clock.h"

#include <algorithm>

namespace cb::test {

FakeHelpdeskClient::FakeHelpdeskClient(const Clock &clock, QObject *parent)
    : HelpdeskClient(parent)
    , m_clock(clock)
{}

Ticket &FakeHelpdeskClient::addTicket(qint64 id, int status, int priority, qint64 ageSeconds)
{
    Ticket t;
    t.id = id;
    t.subject = QStringLiteral("Ticket %1").arg(id);
    t.descriptionText = QStringLiteral("Description of %1").arg(id);
    t.status = status;
    t.priority = priority;
    t.requesterId = 5000 + id;
    t.requesterEmail = QStringLiteral("customer%1@example.com").arg(id);
    t.requesterName = QStringLiteral("Customer %1").arg(id);
    t.createdAt = m_clock.nowUtc().addSecs(-ageSeconds - 60);
    t.updatedAt = m_clock.nowUtc().addSecs(-ageSeconds);
    tickets.insert(id, t);
    return tickets[id];
}

void FakeHelpdeskClient::failNext(const QString &op, const Error &error)
{
    m_failures[op].append(error);
}

int FakeHelpdeskClient::callCount(const QString &op) const
{
    return int(std::count_if(calls.cbegin(), calls.cend(), [&](const auto &c) { return c.first == op; }));
}

std::optional<Error> FakeHelpdeskClient::takeFailure(const QString &op)
{
    auto it = m_failures.find(op);
    if (it == m_failures.end() || it->isEmpty())
        return std::nullopt;
    return it->takeFirst();
}

void FakeHelpdeskClient::count(const QString &op, int credits)
{
    m_usage.callsByEndpoint[op] += 1;
    m_usage.creditsByEndpoint[op] += credits;
    m_usage.totalCalls += 1;
    m_usage.totalCredits += credits;
}

QDateTime FakeHelpdeskClient::nextUpdate()
{
    QDateTime t = m_clock.nowUtc();
    if (m_lastUpdate.isValid() && t <= m_lastUpdate)
        t = m_lastUpdate.addSecs(1);
    m_lastUpdate = t;
    return t;
}

QCoro::Task<Result<HelpdeskAgent>> FakeHelpdeskClient::verify()
{
    calls.append({QStringLiteral("GET /agents/me"), {}});
    count(QStringLiteral("GET /agents/me"));
    if (auto f = takeFailure(QStringLiteral("GET /agents/me")))
        co_return *f;
    co_return agent;
}

QCoro::Task<Result<TicketListing>> FakeHelpdeskClient::listTickets(TicketQuery query, TicketPageCallback onPage)
{
    const QString op = QStringLiteral("GET /tickets");
    QList<Ticket> all;
    for (const Ticket &t : std::as_const(tickets)) {
        const bool wantSpecial = query.filter == QLatin1String("spam") || query.filter == QLatin1String("deleted");
        if (wantSpecial && !((query.filter == QLatin1String("spam") && t.spam) ||
                             (query.filter == QLatin1String("deleted") && t.deleted)))
            continue;
        if (!wantSpecial && (t.spam || t.deleted))
            continue;
        if (query.updatedSince.isValid() && t.updatedAt < query.updatedSince)
            continue;
        all << t;
    }
    std::sort(all.begin(), all.end(), [](const Ticket &a, const Ticket &b) { return a.updatedAt < b.updatedAt; });
    if (query.limit && all.size() > *query.limit)
        all = all.mid(0, *query.limit);
    TicketListing listing;
    qsizetype offset = 0;
    do {
        calls.append({op, {{QStringLiteral("filter"), query.filter}}});
        count(op, 1 + 2 * int(query.include.size()));
        if (auto f = takeFailure(op))
            co_return *f;
        const QList<Ticket> page = all.mid(offset, 100);
        offset += 100;
        listing.tickets += page;
        ++listing.pages;
        ++listing.calls;
        if (onPage && !onPage(page, listing.pages)) {
            listing.cancelled = true;
            break;
        }
    } while (offset < all.size());
    co_return listing;
}

QCoro::Task<Result<Ticket>> FakeHelpdeskClient::getTicket(qint64 ticketId, QStringList include)
{
    const QString op = QStringLiteral("GET /tickets/{id}");
    calls.append({op, {{QStringLiteral("id"), ticketId}}});
    count(op, 1 + 2 * int(include.size()));
    if (auto f = takeFailure(op))
        co_return *f;
    if (!tickets.contains(ticketId)) {
        Error e = Error::make(Error::Kind::NotFound, QStringLiteral("Ticket %1 does not exist.").arg(ticketId));
        e.code = QStringLiteral("not_found");
        e.httpStatus = 404;
        co_return e;
    }
    co_return tickets.value(ticketId);
}

QCoro::Task<Result<QList<Conversation>>> FakeHelpdeskClient::listConversations(qint64 ticketId)
{
    const QString op = QStringLiteral("GET /tickets/{id}/conversations");
    calls.append({op, {{QStringLiteral("id"), ticketId}}});
    count(op);
    if (auto f = takeFailure(op))
        co_return *f;
    co_return conversations.value(ticketId);
}

QCoro::Task<Result<Ticket>> FakeHelpdeskClient::updateTicket(qint64 ticketId, QJsonObject fields)
{
    const QString op = QStringLiteral("PUT /tickets");
    calls.append({op, fields});
    count(op);
    if (auto f = takeFailure(op))
        co_return *f;
    if (!tickets.contains(ticketId)) {
        Error e = Error::make(Error::Kind::NotFound, QStringLiteral("Ticket %1 does not exist.").arg(ticketId));
        e.httpStatus = 404;
        co_return e;
    }
    Ticket &t = tickets[ticketId];
    const QJsonValue responder = fields.value(QStringLiteral("responder_id"));
    if (responder.isDouble() && !agentIds.contains(qint64(responder.toDouble()))) {
        Error e = Error::make(Error::Kind::Usage, QStringLiteral("The helpdesk rejected responder_id."));
        e.code = QStringLiteral("validation_failed");
        e.httpStatus = 400;
        co_return e;
    }
    const QJsonValue group = fields.value(QStringLiteral("group_id"));
    if (group.isDouble() && !groupIds.contains(qint64(group.toDouble()))) {
        Error e = Error::make(Error::Kind::Usage, QStringLiteral("The helpdesk rejected group_id."));
        e.code = QStringLiteral("validation_failed");
        e.httpStatus = 400;
        co_return e;
    }
    if (fields.contains(QStringLiteral("status")))
        t.status = fields.value(QStringLiteral("status")).toInt();
    if (fields.contains(QStringLiteral("priority")))
        t.priority = fields.value(QStringLiteral("priority")).toInt();
    if (fields.contains(QStringLiteral("responder_id")))
        t.responderId = responder.isNull() ? std::nullopt : std::optional<qint64>(qint64(responder.toDouble()));
    if (fields.contains(QStringLiteral("group_id")))
        t.groupId = group.isNull() ? std::nullopt : std::optional<qint64>(qint64(group.toDouble()));
    if (fields.contains(QStringLiteral("subject")))
        t.subject = fields.value(QStringLiteral("subject")).toString();
    t.updatedAt = nextUpdate();
    co_return t;
}

QCoro::Task<Result<Conversation>> FakeHelpdeskClient::addNote(qint64 ticketId, QString bodyHtml, bool isPrivate)
{
    const QString op = QStringLiteral("POST /tickets/{id}/notes");
    calls.append({op, {{QStringLiteral("body"), bodyHtml}, {QStringLiteral("private"), isPrivate}}});
    count(op);
    if (auto f = takeFailure(op))
        co_return *f;
    Conversation c;
    c.id = m_nextConversationId++;
    c.ticketId = ticketId;
    c.body = bodyHtml;
    c.isPrivate = isPrivate;
    c.source = 2;
    c.createdAt = c.updatedAt = m_clock.nowUtc();
    conversations[ticketId].append(c);
    if (tickets.contains(ticketId))
        tickets[ticketId].updatedAt = nextUpdate();
    if (postThenTimeout) {
        Error e = Error::make(Error::Kind::Unavailable, QStringLiteral("The helpdesk did not answer in time."));
        e.code = QStringLiteral("timeout");
        co_return e;
    }
    co_return c;
}

QCoro::Task<Result<Conversation>> FakeHelpdeskClient::reply(qint64 ticketId, QString bodyHtml)
{
    const QString op = QStringLiteral("POST /tickets/{id}/reply");
    calls.append({op, {{QStringLiteral("body"), bodyHtml}}});
    count(op);
    if (auto f = takeFailure(op))
        co_return *f;
    Conversation c;
    c.id = m_nextConversationId++;
    c.ticketId = ticketId;
    c.body = bodyHtml;
    c.source = 0;
    c.createdAt = c.updatedAt = m_clock.nowUtc();
    conversations[ticketId].append(c);
    if (tickets.contains(ticketId))
        tickets[ticketId].updatedAt = nextUpdate();
    co_return c;
}

QCoro::Task<Result<std::optional<HelpdeskContact>>> FakeHelpdeskClient::findContactByEmail(QString email)
{
    calls.append({QStringLiteral("GET /contacts"), {{QStringLiteral("email"), email}}});
    count(QStringLiteral("GET /contacts"));
    co_return std::optional<HelpdeskContact>();
}

QCoro::Task<Result<HelpdeskCompany>> FakeHelpdeskClient::getCompany(qint64 companyId)
{
    calls.append({QStringLiteral("GET /companies/{id}"), {{QStringLiteral("id"), companyId}}});
    count(QStringLiteral("GET /companies/{id}"));
    co_return HelpdeskCompany{companyId, QStringLiteral("Company"), {}};
}

QCoro::Task<Result<QList<HelpdeskGroup>>> FakeHelpdeskClient::listGroups()
{
    calls.append({QStringLiteral("GET /groups"), {}});
    count(QStringLiteral("GET /groups"));
    QList<HelpdeskGroup> out;
    for (qint64 id : std::as_const(groupIds))
        out << HelpdeskGroup{id, QStringLiteral("Group %1").arg(id)};
    co_return out;
}

QCoro::Task<Result<QList<HelpdeskAgent>>> FakeHelpdeskClient::listAgents()
{
    calls.append({QStringLiteral("GET /agents"), {}});
    count(QStringLiteral("GET /agents"));
    if (auto f = takeFailure(QStringLiteral("GET /agents")))
        co_return *f;
    QList<HelpdeskAgent> out;
    for (qint64 id : std::as_const(agentIds))
        out << HelpdeskAgent{
            id, QStringLiteral("Agent %1").arg(id), QStringLiteral("agent%1@example.com").arg(id), false, {}, {}};
    co_return out;
}

QCoro::Task<Result<QList<HelpdeskCompany>>> FakeHelpdeskClient::listCompanies()
{
    calls.append({QStringLiteral("GET /companies"), {}});
    count(QStringLiteral("GET /companies"));
    co_return QList<HelpdeskCompany>{};
}

} // namespace cb::test
