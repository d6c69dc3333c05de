#include "freshserviceclient.h"

#include "common/logging.h"
#include "helpdesk/freshservice/freshservicejson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cb {

namespace {

// GCC 12 miscompiles string literals inside a co_await expression: named once, here.
const QByteArray kGet("GET");
const QString kAgent = QStringLiteral("agent");
const QString kRoles = QStringLiteral("roles");
const QString kRequesters = QStringLiteral("requesters");
const QString kAgents = QStringLiteral("agents");
const QString kDepartment = QStringLiteral("department");
const QString kDepartments = QStringLiteral("departments");

} // namespace

FreshserviceClient::FreshserviceClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                                       FreshworksTransport::Options options, QObject *parent)
    : FreshworksClient(nam, std::move(domain), std::move(apiKey), options, QStringLiteral("Freshservice"),
                       QStringLiteral("freshservice.com"), parent)
{}

Result<FreshdeskDomain> FreshserviceClient::normaliseDomain(const QString &input)
{
    return FreshdeskDomain::normalise(input, QStringLiteral("Freshservice"), QStringLiteral("freshservice.com"));
}

QJsonValue FreshserviceClient::unwrap(const QJsonDocument &doc, const QString &key) const
{
    return FreshserviceJson::unwrap(doc, key);
}

Ticket FreshserviceClient::ticketFrom(const QJsonObject &o) const
{
    return FreshserviceJson::ticket(o);
}

HelpdeskAgent FreshserviceClient::agentFrom(const QJsonObject &o) const
{
    return FreshserviceJson::agent(o);
}

QCoro::Task<Result<HelpdeskAgent>> FreshserviceClient::verify()
{
    const QString endpoint = QStringLiteral("GET /agents/me");
    const QUrl meUrl = m_transport.url(QStringLiteral("agents/me"));
    auto me = co_await call(kGet, meUrl, {}, endpoint, true, kAgent);
    const QUrl rolesUrl =
        m_transport.url(QStringLiteral("roles"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString rolesEndpoint = QStringLiteral("GET /roles");
    if (!me && me.error().httpStatus == 404) {
        // Freshservice does not document /agents/me: where it is missing, /roles (an administrator's view) tells
        // a working admin key from an agent's (403) and from a domain where nothing answers (404 again).
        auto roles = co_await collect(rolesUrl, rolesEndpoint, kRoles);
        if (roles || roles.error().httpStatus == 403) {
            HelpdeskAgent unnamed;
            unnamed.name = QStringLiteral("The API key's agent");
            unnamed.isAdmin = bool(roles);
            co_return unnamed;
        }
        if (roles.error().httpStatus == 401)
            co_return roles.error(); // the route is missing and the key is wrong
    }
    if (!me)
        co_return verifyError(me.error());
    const QJsonObject o = me->toObject();
    if (!o.contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    HelpdeskAgent agent = agentFrom(o);
    auto roles = co_await collect(rolesUrl, rolesEndpoint, kRoles);
    if (!roles) {
        if (roles.error().httpStatus == 403)
            co_return agent; // /roles needs admin rights: not an admin
        co_return roles.error();
    }
    markAdmin(agent, *roles, FreshserviceJson::isAdminRoleName);
    co_return agent;
}

QCoro::Task<Result<TicketListing>> FreshserviceClient::listTickets(TicketQuery query, TicketPageCallback onPage)
{
    // Freshservice's list has no `description` include (it lists descriptions on its own); asking would be a 400.
    query.include.removeAll(QStringLiteral("description"));
    int filterCalls = 0;
    if (!query.statuses.isEmpty() && query.filter.isEmpty()) {
        auto filtered = co_await filterTickets(query, onPage, &filterCalls);
        if (!filtered)
            co_return filtered.error();
        if (filtered->has_value())
            co_return **filtered;
    }
    auto listing = co_await FreshworksClient::listTickets(std::move(query), std::move(onPage));
    if (listing)
        listing->calls += filterCalls;
    co_return listing;
}

QCoro::Task<Result<std::optional<HelpdeskContact>>> FreshserviceClient::findContactByEmail(QString email)
{
    const QUrl url = m_transport.url(QStringLiteral("requesters"), {{QStringLiteral("email"), email}});
    const QString endpoint = QStringLiteral("GET /requesters");
    auto v = co_await call(kGet, url, {}, endpoint, true, kRequesters);
    if (!v)
        co_return v.error();
    if (const QJsonArray arr = v->toArray(); !arr.isEmpty())
        co_return std::optional<HelpdeskContact>(FreshserviceJson::requester(arr.first().toObject()));
    // Agents raise tickets too, and they are not requesters in Freshservice.
    const QUrl agentsUrl = m_transport.url(QStringLiteral("agents"), {{QStringLiteral("email"), email}});
    const QString agentsEndpoint = QStringLiteral("GET /agents");
    auto agents = co_await call(kGet, agentsUrl, {}, agentsEndpoint, true, kAgents);
    if (!agents && agents.error().kind == Error::Kind::Auth)
        co_return agents.error();
    if (!agents) { // a requester was not found; the agents could not be asked: not found either
        qCWarning(lcHelpdesk) << "agent lookup failed:" << agents.error().toLogString();
        co_return std::optional<HelpdeskContact>();
    }
    if (const QJsonArray arr = agents->toArray(); !arr.isEmpty())
        co_return std::optional<HelpdeskContact>(FreshserviceJson::requester(arr.first().toObject()));
    co_return std::optional<HelpdeskContact>();
}

QCoro::Task<Result<HelpdeskCompany>> FreshserviceClient::getCompany(qint64 companyId)
{
    const QUrl url = m_transport.url(QStringLiteral("departments/%1").arg(companyId));
    const QString endpoint = QStringLiteral("GET /departments/{id}");
    auto v = co_await call(kGet, url, {}, endpoint, true, kDepartment);
    if (!v)
        co_return v.error();
    co_return FreshserviceJson::department(v->toObject());
}

QCoro::Task<Result<QList<HelpdeskCompany>>> FreshserviceClient::listCompanies()
{
    const QUrl url =
        m_transport.url(QStringLiteral("departments"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /departments");
    auto all = co_await collect(url, endpoint, kDepartments);
    if (!all)
        co_return all.error();
    QList<HelpdeskCompany> out;
    for (const QJsonValue &v : *all)
        out << FreshserviceJson::department(v.toObject());
    co_return out;
}

} // namespace cb
