#include "freshserviceclient.h"

#include "common/logging.h"
#include "helpdesk/freshdesk/freshdeskjson.h"
#include "helpdesk/freshdesk/freshworkspaging.h"
#include "helpdesk/freshservice/freshservicejson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace cb {

namespace {

// GCC 12 miscompiles string literals inside a co_await expression: named once, here.
const QByteArray kGet("GET");
const QByteArray kPut("PUT");
const QByteArray kPost("POST");
const QString kTicket = QStringLiteral("ticket");
const QString kTickets = QStringLiteral("tickets");
const QString kConversation = QStringLiteral("conversation");
const QString kConversations = QStringLiteral("conversations");
const QString kAgent = QStringLiteral("agent");
const QString kRoles = QStringLiteral("roles");
const QString kRequesters = QStringLiteral("requesters");
const QString kAgents = QStringLiteral("agents");
const QString kDepartment = QStringLiteral("department");
const QString kGroups = QStringLiteral("groups");
const QString kDepartments = QStringLiteral("departments");

} // namespace

Error FreshserviceClient::invalidResponse(const QString &endpoint)
{
    Error e =
        Error::make(Error::Kind::Unavailable,
                    QCoreApplication::translate(
                        "cb::CoreMessages", "Freshservice sent an answer Casebridge cannot read (%1); try again later.")
                        .arg(endpoint));
    e.code = QStringLiteral("invalid_response");
    return e;
}

FreshserviceClient::FreshserviceClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                                       FreshdeskTransport::Options options, QObject *parent)
    : HelpdeskClient(parent)
    , m_domain(std::move(domain))
    , m_transport(nam, m_domain.apiBase, std::move(apiKey), options)
{}

Result<FreshdeskDomain> FreshserviceClient::normaliseDomain(const QString &input)
{
    return FreshdeskDomain::normalise(input, QStringLiteral("Freshservice"), QStringLiteral("freshservice.com"));
}

QCoro::Task<Result<HttpAnswer>> FreshserviceClient::send(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                                         bool idempotent)
{
    auto answer = co_await m_transport.send(method, url, body, endpoint, idempotent);
    if (!answer) {
        Error e = answer.error();
        e.message.replace(QLatin1String("Freshdesk"), QLatin1String("Freshservice"));
        co_return e;
    }
    co_return answer;
}

QCoro::Task<Result<QJsonValue>> FreshserviceClient::call(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                                         bool idempotent, QString key)
{
    auto answer = co_await send(method, url, body, endpoint, idempotent);
    if (!answer)
        co_return answer.error();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(answer->body, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull())
        co_return invalidResponse(endpoint);
    const QJsonValue v = FreshserviceJson::unwrap(doc, key);
    if (!v.isObject() && !v.isArray())
        co_return invalidResponse(endpoint);
    co_return v;
}

QCoro::Task<Result<QJsonArray>> FreshserviceClient::collect(QUrl first, QString endpoint, QString key)
{
    const FreshworksPaging::Send sendPage = [this, endpoint](QUrl url) {
        return send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadItems read = [key](const QByteArray &body) -> std::optional<QJsonArray> {
        const QJsonValue v = FreshserviceJson::unwrap(QJsonDocument::fromJson(body), key);
        return v.isArray() ? std::optional<QJsonArray>(v.toArray()) : std::nullopt;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto all = co_await FreshworksPaging::collect(m_transport, sendPage, read, unreadable, std::move(first));
    co_return all;
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
            unnamed.name = QCoreApplication::translate("cb::CoreMessages", "The API key's agent");
            unnamed.isAdmin = bool(roles);
            co_return unnamed;
        }
        if (roles.error().httpStatus == 401)
            co_return roles.error(); // the route is missing and the key is wrong
    }
    if (!me) {
        Error e = me.error();
        if (e.httpStatus == 404 || e.code == QLatin1String("unreachable")) {
            e.kind = Error::Kind::Auth;
            e.code = QStringLiteral("unknown_domain");
            e.message = QCoreApplication::translate("cb::CoreMessages",
                                                    "No Freshservice account answers at %1; check the domain "
                                                    "(yourcompany.freshservice.com).")
                            .arg(m_domain.domain);
        } else if (e.code == QLatin1String("access_denied")) {
            e.code = QStringLiteral("invalid_credentials");
            e.message = QCoreApplication::translate(
                "cb::CoreMessages", "This API key does not belong to an agent; use an administrator's API key.");
        }
        co_return e;
    }
    const QJsonObject o = me->toObject();
    if (!o.contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    HelpdeskAgent agent = FreshserviceJson::agent(o);
    auto roles = co_await collect(rolesUrl, rolesEndpoint, kRoles);
    if (!roles) {
        if (roles.error().httpStatus == 403)
            co_return agent; // /roles needs admin rights: not an admin
        co_return roles.error();
    }
    for (const QJsonValue &v : *roles) {
        const QJsonObject role = v.toObject();
        if (FreshserviceJson::isAdminRoleName(role.value(QStringLiteral("name")).toString()) &&
            agent.roleIds.contains(role.value(QStringLiteral("id")).toInteger()))
            agent.isAdmin = true;
    }
    co_return agent;
}

QCoro::Task<Result<TicketListing>> FreshserviceClient::listTickets(TicketQuery query, TicketPageCallback onPage)
{
    int filterCalls = 0;
    if (!query.statuses.isEmpty() && query.filter.isEmpty()) {
        auto filtered = co_await filterTickets(query, onPage, &filterCalls);
        if (!filtered)
            co_return filtered.error();
        if (filtered->has_value())
            co_return **filtered;
    }
    const QString endpoint = QStringLiteral("GET /tickets");
    const FreshworksPaging::Send sendPage = [this, endpoint](QUrl url) {
        return send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadPage read = [](const QByteArray &body) -> std::optional<QList<Ticket>> {
        const QJsonValue v = FreshserviceJson::unwrap(QJsonDocument::fromJson(body), kTickets);
        if (!v.isArray())
            return std::nullopt;
        QList<Ticket> page;
        for (const QJsonValue &item : v.toArray())
            page.append(FreshserviceJson::ticket(item.toObject()));
        return page;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto listing = co_await FreshworksPaging::listTickets(m_transport, sendPage, read, unreadable, std::move(query),
                                                          std::move(onPage));
    if (listing)
        listing->calls += filterCalls;
    co_return listing;
}

QCoro::Task<Result<Ticket>> FreshserviceClient::getTicket(qint64 ticketId, QStringList include)
{
    QList<QPair<QString, QString>> q;
    if (!include.isEmpty())
        q.append({QStringLiteral("include"), include.join(QLatin1Char(','))});
    const QString endpoint = QStringLiteral("GET /tickets/{id}");
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1").arg(ticketId), q);
    auto v = co_await call(kGet, url, {}, endpoint, true, kTicket);
    if (!v) {
        Error e = v.error();
        if (e.httpStatus == 404)
            e.message = QCoreApplication::translate("cb::CoreMessages", "Ticket %1 does not exist in Freshservice.")
                            .arg(ticketId);
        co_return e;
    }
    if (!v->toObject().contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    co_return FreshserviceJson::ticket(v->toObject());
}

QCoro::Task<Result<QList<Conversation>>> FreshserviceClient::listConversations(qint64 ticketId)
{
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/conversations").arg(ticketId),
                                     {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /tickets/{id}/conversations");
    auto all = co_await collect(url, endpoint, kConversations);
    if (!all)
        co_return all.error();
    QList<Conversation> out;
    for (const QJsonValue &v : *all)
        out << FreshdeskJson::conversation(v.toObject());
    co_return out;
}

QCoro::Task<Result<Ticket>> FreshserviceClient::updateTicket(qint64 ticketId, QJsonObject fields)
{
    const QString endpoint = QStringLiteral("PUT /tickets/{id}");
    const QByteArray body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1").arg(ticketId));
    auto v = co_await call(kPut, url, body, endpoint, true, kTicket);
    if (!v)
        co_return v.error();
    co_return FreshserviceJson::ticket(v->toObject());
}

QCoro::Task<Result<Conversation>> FreshserviceClient::addNote(qint64 ticketId, QString bodyHtml, bool isPrivate)
{
    const QString endpoint = QStringLiteral("POST /tickets/{id}/notes");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("body"), bodyHtml}, {QStringLiteral("private"), isPrivate}})
            .toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/notes").arg(ticketId));
    auto v = co_await call(kPost, url, body, endpoint, false, kConversation);
    if (!v)
        co_return v.error();
    co_return FreshdeskJson::conversation(v->toObject());
}

QCoro::Task<Result<Conversation>> FreshserviceClient::reply(qint64 ticketId, QString bodyHtml)
{
    const QString endpoint = QStringLiteral("POST /tickets/{id}/reply");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("body"), bodyHtml}}).toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/reply").arg(ticketId));
    auto v = co_await call(kPost, url, body, endpoint, false, kConversation);
    if (!v)
        co_return v.error();
    co_return FreshdeskJson::conversation(v->toObject());
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

QCoro::Task<Result<QList<HelpdeskGroup>>> FreshserviceClient::listGroups()
{
    const QUrl url = m_transport.url(QStringLiteral("groups"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /groups");
    auto all = co_await collect(url, endpoint, kGroups);
    if (!all)
        co_return all.error();
    QList<HelpdeskGroup> out;
    for (const QJsonValue &v : *all)
        out << FreshdeskJson::group(v.toObject());
    co_return out;
}

QCoro::Task<Result<QList<HelpdeskAgent>>> FreshserviceClient::listAgents()
{
    const QUrl url = m_transport.url(QStringLiteral("agents"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /agents");
    auto all = co_await collect(url, endpoint, kAgents);
    if (!all)
        co_return all.error();
    QList<HelpdeskAgent> out;
    for (const QJsonValue &v : *all) {
        HelpdeskAgent a = FreshserviceJson::agent(v.toObject());
        a.email = a.email.toLower();
        if (a.id > 0)
            out << a;
    }
    co_return out;
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
