#include "freshdeskclient.h"

#include "helpdesk/freshdesk/freshdeskjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cb {

namespace {

// GCC 12 miscompiles string literals inside a co_await expression: named once, here.
const QByteArray kGet("GET");
const QString kBare; // Freshdesk's bodies are not wrapped

bool isAdminRoleName(const QString &name)
{
    return name == QLatin1String("Account Administrator") || name == QLatin1String("Administrator");
}

} // namespace

FreshdeskClient::FreshdeskClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                                 FreshworksTransport::Options options, QObject *parent)
    : FreshworksClient(nam, std::move(domain), std::move(apiKey), options, QStringLiteral("Freshdesk"),
                       QStringLiteral("freshdesk.com"), parent)
{}

QJsonValue FreshdeskClient::unwrap(const QJsonDocument &doc, const QString &key) const
{
    Q_UNUSED(key);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

Ticket FreshdeskClient::ticketFrom(const QJsonObject &o) const
{
    return FreshdeskJson::ticket(o);
}

HelpdeskAgent FreshdeskClient::agentFrom(const QJsonObject &o) const
{
    return FreshdeskJson::agent(o);
}

QCoro::Task<Result<HelpdeskAgent>> FreshdeskClient::verify()
{
    const QString endpoint = QStringLiteral("GET /agents/me");
    const QUrl meUrl = m_transport.url(QStringLiteral("agents/me"));
    auto me = co_await call(kGet, meUrl, {}, endpoint, true, kBare);
    if (!me)
        co_return verifyError(me.error());
    const QJsonObject o = me->toObject();
    if (!o.contains(QStringLiteral("id")))
        co_return invalidResponse(endpoint);
    HelpdeskAgent agent = agentFrom(o);

    // Admin: one of the agent's roles is a default "Account Administrator" or "Administrator" role.
    const QUrl rolesUrl = m_transport.url(QStringLiteral("roles"));
    const QString rolesEndpoint = QStringLiteral("GET /roles");
    auto roles = co_await call(kGet, rolesUrl, {}, rolesEndpoint, true, kBare);
    if (!roles) {
        if (roles.error().httpStatus == 403)
            co_return agent; // /roles needs admin rights: not an admin
        co_return roles.error();
    }
    markAdmin(agent, roles->toArray(), isAdminRoleName);
    co_return agent;
}

QCoro::Task<Result<std::optional<HelpdeskContact>>> FreshdeskClient::findContactByEmail(QString email)
{
    const QUrl url = m_transport.url(QStringLiteral("contacts"), {{QStringLiteral("email"), email}});
    const QString endpoint = QStringLiteral("GET /contacts");
    auto v = co_await call(kGet, url, {}, endpoint, true, kBare);
    if (!v)
        co_return v.error();
    const QJsonArray arr = v->toArray();
    if (arr.isEmpty())
        co_return std::optional<HelpdeskContact>();
    co_return std::optional<HelpdeskContact>(FreshdeskJson::contact(arr.first().toObject()));
}

QCoro::Task<Result<HelpdeskCompany>> FreshdeskClient::getCompany(qint64 companyId)
{
    const QUrl url = m_transport.url(QStringLiteral("companies/%1").arg(companyId));
    const QString endpoint = QStringLiteral("GET /companies/{id}");
    auto v = co_await call(kGet, url, {}, endpoint, true, kBare);
    if (!v)
        co_return v.error();
    co_return FreshdeskJson::company(v->toObject());
}

QCoro::Task<Result<QList<HelpdeskCompany>>> FreshdeskClient::listCompanies()
{
    const QUrl url =
        m_transport.url(QStringLiteral("companies"), {{QStringLiteral("per_page"), QStringLiteral("100")}});
    const QString endpoint = QStringLiteral("GET /companies");
    auto all = co_await collect(url, endpoint, kBare);
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
        auto v = co_await call(kGet, url, {}, endpoint, true, kBare);
        if (!v) {
            if (v.error().kind == Error::Kind::NotFound)
                continue;
            co_return v.error();
        }
        const QJsonObject o = v->toObject();
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
