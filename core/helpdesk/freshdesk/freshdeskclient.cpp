#include "freshdeskclient.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/freshdesk/freshdeskjson.h"
#include "helpdesk/freshdesk/freshworkspaging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace cb {

namespace {

Error invalidResponse(const QString &endpoint)
{
    Error e =
        Error::make(Error::Kind::Unavailable,
                    QCoreApplication::translate(
                        "cb::CoreMessages", "Freshdesk sent an answer Casebridge cannot read (%1); try again later.")
                        .arg(endpoint));
    e.code = QStringLiteral("invalid_response");
    return e;
}

// GCC 12 miscompiles string literals inside a co_await expression: the methods are named once, here.
const QByteArray kGet("GET");
const QByteArray kPut("PUT");
const QByteArray kPost("POST");

} // namespace

FreshdeskClient::FreshdeskClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                                 FreshdeskTransport::Options options, QObject *parent)
    : HelpdeskClient(parent)
    , m_domain(std::move(domain))
    , m_transport(nam, m_domain.apiBase, std::move(apiKey), options)
{}

QCoro::Task<Result<QJsonDocument>> FreshdeskClient::json(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                                         bool idempotent)
{
    auto answer = co_await m_transport.send(method, url, body, endpoint, idempotent);
    if (!answer)
        co_return answer.error();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(answer->body, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull())
        co_return invalidResponse(endpoint);
    co_return doc;
}

QCoro::Task<Result<QJsonArray>> FreshdeskClient::collect(QUrl first, QString endpoint)
{
    const FreshworksPaging::Send sendPage = [this, endpoint](QUrl url) {
        return m_transport.send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadItems read = [](const QByteArray &body) -> std::optional<QJsonArray> {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        return doc.isArray() ? std::optional<QJsonArray>(doc.array()) : std::nullopt;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto all = co_await FreshworksPaging::collect(m_transport, sendPage, read, unreadable, std::move(first));
    co_return all;
}

QCoro::Task<Result<HelpdeskAgent>> FreshdeskClient::verify()
{
    const QString endpoint = QStringLiteral("GET /agents/me");
    const QUrl meUrl = m_transport.url(QStringLiteral("agents/me"));
    auto me = co_await json(kGet, meUrl, {}, endpoint, true);
    if (!me) {
        Error e = me.error();
        if (e.httpStatus == 404 || e.code == QLatin1String("unreachable")) {
            e.kind = Error::Kind::Auth;
            e.code = QStringLiteral("unknown_domain");
            e.message = QCoreApplication::translate(
                            "cb::CoreMessages",
                            "No Freshdesk account answers at %1; check the domain (yourcompany.freshdesk.com).")
                            .arg(m_domain.domain);
        } else if (e.code == QLatin1String("access_denied")) {
            e.code = QStringLiteral("invalid_credentials");
            e.message = QCoreApplication::translate(
                "cb::CoreMessages", "This API key does not belong to an agent; use an administrator's API key.");
        }
        co_return e;
    }
    const QJsonObject o = me->object();
    if (!o.contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    HelpdeskAgent agent;
    agent.id = o.value(QStringLiteral("id")).toInteger();
    const QJsonObject contact = o.value(QStringLiteral("contact")).toObject();
    agent.name = contact.value(QStringLiteral("name")).toString();
    agent.email = contact.value(QStringLiteral("email")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("group_ids")).toArray())
        agent.groupIds << v.toInteger();
    for (const QJsonValue &v : o.value(QStringLiteral("role_ids")).toArray())
        agent.roleIds << v.toInteger();

    // Admin: one of the agent's roles is a default "Account Administrator" or "Administrator" role.
    const QUrl rolesUrl = m_transport.url(QStringLiteral("roles"));
    const QString rolesEndpoint = QStringLiteral("GET /roles");
    auto roles = co_await json(kGet, rolesUrl, {}, rolesEndpoint, true);
    if (!roles) {
        if (roles.error().httpStatus == 403)
            co_return agent; // /roles needs admin rights: not an admin
        co_return roles.error();
    }
    for (const QJsonValue &v : roles->array()) {
        const QJsonObject role = v.toObject();
        const QString name = role.value(QStringLiteral("name")).toString();
        const bool adminRole = name == QLatin1String("Account Administrator") || name == QLatin1String("Administrator");
        if (adminRole && agent.roleIds.contains(role.value(QStringLiteral("id")).toInteger()))
            agent.isAdmin = true;
    }
    co_return agent;
}

QCoro::Task<Result<TicketListing>> FreshdeskClient::listTickets(TicketQuery query, TicketPageCallback onPage)
{
    const QString endpoint = QStringLiteral("GET /tickets");
    const FreshworksPaging::Send send = [this, endpoint](QUrl url) {
        return m_transport.send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadPage read = [](const QByteArray &body) -> std::optional<QList<Ticket>> {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isArray())
            return std::nullopt;
        QList<Ticket> page;
        for (const QJsonValue &v : doc.array())
            page.append(FreshdeskJson::ticket(v.toObject()));
        return page;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto listing = co_await FreshworksPaging::listTickets(m_transport, send, read, unreadable, std::move(query),
                                                          std::move(onPage));
    co_return listing;
}

QCoro::Task<Result<Ticket>> FreshdeskClient::getTicket(qint64 ticketId, QStringList include)
{
    QList<QPair<QString, QString>> q;
    if (!include.isEmpty())
        q.append({QStringLiteral("include"), include.join(QLatin1Char(','))});
    const QString endpoint = QStringLiteral("GET /tickets/{id}");
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1").arg(ticketId), q);
    auto doc = co_await json(kGet, url, {}, endpoint, true);
    if (!doc) {
        Error e = doc.error();
        if (e.httpStatus == 404)
            e.message =
                QCoreApplication::translate("cb::CoreMessages", "Ticket %1 does not exist in Freshdesk.").arg(ticketId);
        co_return e;
    }
    if (!doc->isObject() || !doc->object().contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    co_return FreshdeskJson::ticket(doc->object());
}

QCoro::Task<Result<QList<Conversation>>> FreshdeskClient::listConversations(qint64 ticketId)
{
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/conversations").arg(ticketId),
                                     {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /tickets/{id}/conversations");
    auto all = co_await collect(url, endpoint);
    if (!all)
        co_return all.error();
    QList<Conversation> out;
    for (const QJsonValue &v : *all)
        out << FreshdeskJson::conversation(v.toObject());
    co_return out;
}

QCoro::Task<Result<Ticket>> FreshdeskClient::updateTicket(qint64 ticketId, QJsonObject fields)
{
    const QString endpoint = QStringLiteral("PUT /tickets/{id}");
    const QByteArray body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1").arg(ticketId));
    auto doc = co_await json(kPut, url, body, endpoint, true);
    if (!doc)
        co_return doc.error();
    if (!doc->isObject())
        co_return invalidResponse(endpoint);
    co_return FreshdeskJson::ticket(doc->object());
}

QCoro::Task<Result<Conversation>> FreshdeskClient::addNote(qint64 ticketId, QString bodyHtml, bool isPrivate)
{
    const QString endpoint = QStringLiteral("POST /tickets/{id}/notes");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("body"), bodyHtml}, {QStringLiteral("private"), isPrivate}})
            .toJson(QJsonDocument::Compact);
    // Not idempotent: an unknown outcome is returned, and the caller looks before posting again.
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/notes").arg(ticketId));
    auto doc = co_await json(kPost, url, body, endpoint, false);
    if (!doc)
        co_return doc.error();
    co_return FreshdeskJson::conversation(doc->object());
}

QCoro::Task<Result<Conversation>> FreshdeskClient::reply(qint64 ticketId, QString bodyHtml)
{
    const QString endpoint = QStringLiteral("POST /tickets/{id}/reply");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("body"), bodyHtml}}).toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/reply").arg(ticketId));
    auto doc = co_await json(kPost, url, body, endpoint, false);
    if (!doc)
        co_return doc.error();
    co_return FreshdeskJson::conversation(doc->object());
}

QCoro::Task<Result<std::optional<HelpdeskContact>>> FreshdeskClient::findContactByEmail(QString email)
{
    const QUrl url = m_transport.url(QStringLiteral("contacts"), {{QStringLiteral("email"), email}});
    const QString endpoint = QStringLiteral("GET /contacts");
    auto doc = co_await json(kGet, url, {}, endpoint, true);
    if (!doc)
        co_return doc.error();
    const QJsonArray arr = doc->array();
    if (arr.isEmpty())
        co_return std::optional<HelpdeskContact>();
    co_return std::optional<HelpdeskContact>(FreshdeskJson::contact(arr.first().toObject()));
}

QCoro::Task<Result<HelpdeskCompany>> FreshdeskClient::getCompany(qint64 companyId)
{
    const QUrl url = m_transport.url(QStringLiteral("companies/%1").arg(companyId));
    const QString endpoint = QStringLiteral("GET /companies/{id}");
    auto doc = co_await json(kGet, url, {}, endpoint, true);
    if (!doc)
        co_return doc.error();
    co_return FreshdeskJson::company(doc->object());
}

QCoro::Task<Result<QList<HelpdeskGroup>>> FreshdeskClient::listGroups()
{
    const QUrl url = m_transport.url(QStringLiteral("groups"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /groups");
    auto all = co_await collect(url, endpoint);
    if (!all)
        co_return all.error();
    QList<HelpdeskGroup> out;
    for (const QJsonValue &v : *all)
        out << FreshdeskJson::group(v.toObject());
    co_return out;
}

QCoro::Task<Result<QList<HelpdeskAgent>>> FreshdeskClient::listAgents()
{
    const QUrl url = m_transport.url(QStringLiteral("agents"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /agents");
    auto all = co_await collect(url, endpoint);
    if (!all)
        co_return all.error();
    QList<HelpdeskAgent> out;
    for (const QJsonValue &v : *all) {
        const QJsonObject o = v.toObject();
        HelpdeskAgent a;
        a.id = o.value(QStringLiteral("id")).toInteger();
        const QJsonObject contact = o.value(QStringLiteral("contact")).toObject();
        a.name = contact.value(QStringLiteral("name")).toString();
        a.email = contact.value(QStringLiteral("email")).toString().toLower();
        for (const QJsonValue &g : o.value(QStringLiteral("group_ids")).toArray())
            a.groupIds << g.toInteger();
        if (a.id > 0)
            out << a;
    }
    co_return out;
}

QCoro::Task<Result<QList<HelpdeskCompany>>> FreshdeskClient::listCompanies()
{
    const QUrl url =
        m_transport.url(QStringLiteral("companies"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /companies");
    auto all = co_await collect(url, endpoint);
    if (!all)
        co_return all.error();
    QList<HelpdeskCompany> out;
    for (const QJsonValue &v : *all)
        out << FreshdeskJson::company(v.toObject());
    co_return out;
}

QCoro::Task<Result<QString>> FreshdeskClient::personName(qint64 userId, bool likelyContact)
{
    const QStringList kinds = likelyContact ? QStringList{QStringLiteral("contacts"), QStringLiteral("agents")}
                                            : QStringList{QStringLiteral("agents"), QStringLiteral("contacts")};
    for (const QString &kind : kinds) {
        const QUrl url = m_transport.url(QStringLiteral("%1/%2").arg(kind).arg(userId));
        const QString endpoint = QStringLiteral("GET /%1/{id}").arg(kind);
        auto doc = co_await json(kGet, url, {}, endpoint, true);
        if (!doc) {
            if (doc.error().kind == Error::Kind::NotFound)
                continue;
            co_return doc.error();
        }
        const QJsonObject o = doc->object();
        // An agent's name is in its contact; a contact has its own.
        const QString name =
            o.contains(QStringLiteral("contact"))
                ? o.value(QStringLiteral("contact")).toObject().value(QStringLiteral("name")).toString()
                : o.value(QStringLiteral("name")).toString();
        co_return name;
    }
    co_return QString();
}

} // namespace cb
