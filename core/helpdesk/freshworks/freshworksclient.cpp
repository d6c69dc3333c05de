#include "freshworksclient.h"

#include "helpdesk/freshdesk/freshdeskjson.h"
#include "helpdesk/freshworks/freshworkspaging.h"

#include <QCoreApplication>
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
const QString kGroups = QStringLiteral("groups");
const QString kAgents = QStringLiteral("agents");

} // namespace

FreshworksClient::FreshworksClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                                   FreshworksTransport::Options options, QString product, QString rootDomain,
                                   QObject *parent)
    : HelpdeskClient(parent)
    , m_domain(std::move(domain))
    , m_transport(nam, m_domain.apiBase, std::move(apiKey), options, product)
    , m_product(std::move(product))
    , m_rootDomain(std::move(rootDomain))
{}

Error FreshworksClient::invalidResponse(const QString &endpoint) const
{
    // Whole sentences per product, so that a translator sees each one (cb::CoreMessages).
    const QString text =
        m_product == QLatin1String("Freshservice")
            ? QCoreApplication::translate("cb::CoreMessages",
                                          "Freshservice sent an answer Casebridge cannot read (%1); try again later.")
            : QCoreApplication::translate("cb::CoreMessages",
                                          "Freshdesk sent an answer Casebridge cannot read (%1); try again later.");
    Error e = Error::make(Error::Kind::Unavailable, text.arg(endpoint));
    e.code = QStringLiteral("invalid_response");
    return e;
}

Error FreshworksClient::verifyError(Error e) const
{
    if (e.httpStatus == 404 || e.code == QLatin1String("unreachable")) {
        e.kind = Error::Kind::Auth;
        e.code = QStringLiteral("unknown_domain");
        e.message = (m_product == QLatin1String("Freshservice")
                         ? QCoreApplication::translate("cb::CoreMessages",
                                                       "No Freshservice account answers at %1; check the domain "
                                                       "(yourcompany.freshservice.com).")
                         : QCoreApplication::translate(
                               "cb::CoreMessages",
                               "No Freshdesk account answers at %1; check the domain (yourcompany.freshdesk.com)."))
                        .arg(m_domain.domain);
    } else if (e.code == QLatin1String("access_denied")) {
        e.code = QStringLiteral("invalid_credentials");
        e.message = QCoreApplication::translate(
            "cb::CoreMessages", "This API key does not belong to an agent; use an administrator's API key.");
    }
    return e;
}

void FreshworksClient::markAdmin(HelpdeskAgent &agent, const QJsonArray &roles,
                                 const std::function<bool(const QString &)> &isAdminName)
{
    for (const QJsonValue &v : roles) {
        const QJsonObject role = v.toObject();
        if (isAdminName(role.value(QStringLiteral("name")).toString()) &&
            agent.roleIds.contains(role.value(QStringLiteral("id")).toInteger()))
            agent.isAdmin = true;
    }
}

QCoro::Task<Result<QJsonValue>> FreshworksClient::call(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                                       bool idempotent, QString key)
{
    auto answer = co_await m_transport.send(method, url, body, endpoint, idempotent);
    if (!answer)
        co_return answer.error();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(answer->body, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull())
        co_return invalidResponse(endpoint);
    const QJsonValue v = unwrap(doc, key);
    if (!v.isObject() && !v.isArray())
        co_return invalidResponse(endpoint);
    co_return v;
}

QCoro::Task<Result<QJsonArray>> FreshworksClient::collect(QUrl first, QString endpoint, QString key)
{
    const FreshworksPaging::Send sendPage = [this, endpoint](QUrl url) {
        return m_transport.send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadItems read = [this, key](const QByteArray &body) -> std::optional<QJsonArray> {
        const QJsonValue v = unwrap(QJsonDocument::fromJson(body), key);
        return v.isArray() ? std::optional<QJsonArray>(v.toArray()) : std::nullopt;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto all = co_await FreshworksPaging::collect(m_transport, sendPage, read, unreadable, std::move(first));
    co_return all;
}

QCoro::Task<Result<TicketListing>> FreshworksClient::listTickets(TicketQuery query, TicketPageCallback onPage)
{
    const QString endpoint = QStringLiteral("GET /tickets");
    const FreshworksPaging::Send sendPage = [this, endpoint](QUrl url) {
        return m_transport.send(kGet, std::move(url), {}, endpoint, true);
    };
    const FreshworksPaging::ReadPage read = [this](const QByteArray &body) -> std::optional<QList<Ticket>> {
        const QJsonValue v = unwrap(QJsonDocument::fromJson(body), kTickets);
        if (!v.isArray())
            return std::nullopt;
        QList<Ticket> page;
        for (const QJsonValue &item : v.toArray())
            page.append(ticketFrom(item.toObject()));
        return page;
    };
    const Error unreadable = invalidResponse(endpoint);
    auto listing = co_await FreshworksPaging::listTickets(m_transport, sendPage, read, unreadable, std::move(query),
                                                          std::move(onPage));
    co_return listing;
}

QCoro::Task<Result<Ticket>> FreshworksClient::getTicket(qint64 ticketId, QStringList include)
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
            e.message = QStringLiteral("Ticket %1 does not exist in %2.").arg(ticketId).arg(m_product);
        co_return e;
    }
    if (!v->toObject().contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    co_return ticketFrom(v->toObject());
}

QCoro::Task<Result<QList<Conversation>>> FreshworksClient::listConversations(qint64 ticketId)
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

QCoro::Task<Result<Ticket>> FreshworksClient::updateTicket(qint64 ticketId, QJsonObject fields)
{
    const QString endpoint = QStringLiteral("PUT /tickets/{id}");
    const QByteArray body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1").arg(ticketId));
    auto v = co_await call(kPut, url, body, endpoint, true, kTicket);
    if (!v)
        co_return v.error();
    if (!v->isObject())
        co_return invalidResponse(endpoint);
    co_return ticketFrom(v->toObject());
}

QCoro::Task<Result<Conversation>> FreshworksClient::addNote(qint64 ticketId, QString bodyHtml, bool isPrivate)
{
    const QString endpoint = QStringLiteral("POST /tickets/{id}/notes");
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("body"), bodyHtml}, {QStringLiteral("private"), isPrivate}})
            .toJson(QJsonDocument::Compact);
    // Not idempotent: an unknown outcome is returned, and the caller looks before posting again.
    const QUrl url = m_transport.url(QStringLiteral("tickets/%1/notes").arg(ticketId));
    auto v = co_await call(kPost, url, body, endpoint, false, kConversation);
    if (!v)
        co_return v.error();
    co_return FreshdeskJson::conversation(v->toObject());
}

QCoro::Task<Result<Conversation>> FreshworksClient::reply(qint64 ticketId, QString bodyHtml)
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

QCoro::Task<Result<QList<HelpdeskGroup>>> FreshworksClient::listGroups()
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

QCoro::Task<Result<QList<HelpdeskAgent>>> FreshworksClient::listAgents()
{
    const QUrl url = m_transport.url(QStringLiteral("agents"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /agents");
    auto all = co_await collect(url, endpoint, kAgents);
    if (!all)
        co_return all.error();
    QList<HelpdeskAgent> out;
    for (const QJsonValue &v : *all) {
        HelpdeskAgent a = agentFrom(v.toObject());
        a.email = a.email.toLower();
        if (a.id > 0)
            out << a;
    }
    co_return out;
}

} // namespace cb
