#include "sandboxfreshservice.h"

#include "sandbox/sandboxhelpdesk.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace cb {

namespace {

const QString kApi = QStringLiteral("/api/v2/");
const QRegularExpression kTicket(QStringLiteral("^/api/v2/tickets/(\\d+)$"));
const QRegularExpression kTicketSub(QStringLiteral("^/api/v2/tickets/(\\d+)/(notes|reply|conversations)$"));
const QRegularExpression kDepartment(QStringLiteral("^/api/v2/departments/(\\d+)$"));
const QRegularExpression kRequester(QStringLiteral("^/api/v2/requesters/(\\d+)$"));
const QRegularExpression kAgent(QStringLiteral("^/api/v2/agents/(\\d+)$"));

// What Freshservice calls what the emulated Freshdesk account serves.
struct Route
{
    QString freshdeskPath; // empty: pass through unchanged
    QString wrapKey;       // empty: the body is not wrapped
};

Route route(const HttpRequest &r)
{
    const QString &p = r.path;
    if (!p.startsWith(kApi))
        return {};
    if (p == QLatin1String("/api/v2/agents/me"))
        return {p, QStringLiteral("agent")};
    if (p == QLatin1String("/api/v2/roles"))
        return {p, QStringLiteral("roles")};
    if (p == QLatin1String("/api/v2/groups"))
        return {p, QStringLiteral("groups")};
    if (p == QLatin1String("/api/v2/requesters"))
        return {QStringLiteral("/api/v2/contacts"), QStringLiteral("requesters")};
    if (const auto m = kRequester.match(p); m.hasMatch())
        return {QStringLiteral("/api/v2/contacts/") + m.captured(1), QStringLiteral("requester")};
    if (p == QLatin1String("/api/v2/agents"))
        return {p, QStringLiteral("agents")};
    if (kAgent.match(p).hasMatch())
        return {p, QStringLiteral("agent")};
    if (p == QLatin1String("/api/v2/departments"))
        return {QStringLiteral("/api/v2/companies"), QStringLiteral("departments")};
    if (const auto m = kDepartment.match(p); m.hasMatch())
        return {QStringLiteral("/api/v2/companies/") + m.captured(1), QStringLiteral("department")};
    if (p == QLatin1String("/api/v2/tickets/filter"))
        return {QStringLiteral("/api/v2/search/tickets"), QStringLiteral("tickets")};
    if (p == QLatin1String("/api/v2/tickets"))
        return {p, QStringLiteral("tickets")};
    if (kTicket.match(p).hasMatch())
        return {p, QStringLiteral("ticket")};
    if (const auto m = kTicketSub.match(p); m.hasMatch())
        return {p, m.captured(2) == QLatin1String("conversations") ? QStringLiteral("conversations")
                                                                   : QStringLiteral("conversation")};
    return {p, QString()};
}

// Freshdesk's {"contact":{"name","email"}} agent as Freshservice's flat agent with roles [{role_id}].
QJsonObject agent(QJsonObject a)
{
    const QJsonObject contact = a.take(QStringLiteral("contact")).toObject();
    const QString name = contact.value(QStringLiteral("name")).toString();
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    a.insert(QStringLiteral("first_name"), space < 0 ? name : name.left(space));
    a.insert(QStringLiteral("last_name"), space < 0 ? QString() : name.mid(space + 1));
    a.insert(QStringLiteral("email"), contact.value(QStringLiteral("email")));
    QJsonArray roles;
    for (const QJsonValue &id : a.take(QStringLiteral("role_ids")).toArray())
        roles.append(QJsonObject{{QStringLiteral("role_id"), id},
                                 {QStringLiteral("assignment_scope"), QStringLiteral("entire_helpdesk")},
                                 {QStringLiteral("groups"), QJsonArray()}});
    a.insert(QStringLiteral("roles"), roles);
    return a;
}

QJsonObject requester(QJsonObject c)
{
    const QString name = c.take(QStringLiteral("name")).toString();
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    c.insert(QStringLiteral("first_name"), space < 0 ? name : name.left(space));
    c.insert(QStringLiteral("last_name"), space < 0 ? QString() : name.mid(space + 1));
    c.insert(QStringLiteral("primary_email"), c.take(QStringLiteral("email")));
    c.insert(QStringLiteral("work_phone_number"), c.take(QStringLiteral("phone")));
    c.insert(QStringLiteral("mobile_phone_number"), c.take(QStringLiteral("mobile")));
    const QJsonValue company = c.take(QStringLiteral("company_id"));
    c.insert(QStringLiteral("department_ids"),
             company.isNull() || company.isUndefined() ? QJsonArray() : QJsonArray{company});
    return c;
}

// Freshdesk's source codes as Freshservice numbers them (chat 7 → 4, feedback widget 9 → 5, outbound email 10 →
// email 1); Freshservice's own fields (department_id for company_id, urgency, impact, category…).
QJsonObject ticket(QJsonObject t)
{
    static const QHash<int, int> sources = {{1, 1}, {2, 2}, {3, 3}, {7, 4}, {9, 5}, {10, 1}};
    const int source = t.value(QStringLiteral("source")).toInt();
    t.insert(QStringLiteral("source"), sources.value(source, source));
    t.insert(QStringLiteral("department_id"), t.take(QStringLiteral("company_id")));
    const int priority = t.value(QStringLiteral("priority")).toInt(1);
    t.insert(QStringLiteral("urgency"), std::clamp(priority, 1, 3));
    t.insert(QStringLiteral("impact"), int(1 + t.value(QStringLiteral("id")).toInteger() % 3));
    t.insert(QStringLiteral("category"), QJsonValue::Null);
    t.insert(QStringLiteral("sub_category"), QJsonValue::Null);
    t.insert(QStringLiteral("item_category"), QJsonValue::Null);
    t.insert(QStringLiteral("requested_for_id"), t.value(QStringLiteral("requester_id")));
    for (const char *freshdeskOnly : {"product_id", "association_type", "nr_due_by", "nr_escalated", "company"})
        t.remove(QLatin1String(freshdeskOnly));
    return t;
}

QJsonObject role(QJsonObject r)
{
    const QString name = r.value(QStringLiteral("name")).toString();
    if (name == QLatin1String("Account Administrator"))
        r.insert(QStringLiteral("name"), QStringLiteral("Account Admin"));
    else if (name == QLatin1String("Administrator"))
        r.insert(QStringLiteral("name"), QStringLiteral("Admin"));
    return r;
}

QJsonValue reshape(const QString &key, const QJsonDocument &doc)
{
    if (key == QLatin1String("agent"))
        return agent(doc.object());
    if (key == QLatin1String("ticket"))
        return ticket(doc.object());
    if (key == QLatin1String("tickets")) {
        // A list is an array; a search answer {"total","results"}.
        const QJsonArray rows = doc.isObject() ? doc.object().value(QStringLiteral("results")).toArray() : doc.array();
        QJsonArray out;
        for (const QJsonValue &v : rows)
            out.append(ticket(v.toObject()));
        return out;
    }
    if (key == QLatin1String("requester"))
        return requester(doc.object());
    if (key == QLatin1String("agents")) {
        QJsonArray out;
        for (const QJsonValue &v : doc.array())
            out.append(agent(v.toObject()));
        return out;
    }
    if (key == QLatin1String("requesters") || key == QLatin1String("roles")) {
        QJsonArray out;
        for (const QJsonValue &v : doc.array())
            out.append(key == QLatin1String("roles") ? role(v.toObject()) : requester(v.toObject()));
        return out;
    }
    if (doc.isArray())
        return doc.array();
    return doc.object();
}

} // namespace

SandboxFreshservice::SandboxFreshservice(SandboxHelpdesk &helpdesk)
    : m_helpdesk(helpdesk)
{}

QCoro::Task<HttpResponse> SandboxFreshservice::handle(HttpRequest request)
{
    const Route rt = route(request);
    const QString asked = request.path;
    if (!rt.freshdeskPath.isEmpty() && rt.freshdeskPath != asked) {
        request.path = rt.freshdeskPath;
        request.url.setPath(rt.freshdeskPath);
    }
    HttpResponse resp = co_await m_helpdesk.handle(request);
    if (rt.wrapKey.isEmpty() || resp.status < 200 || resp.status >= 300)
        co_return resp;
    const QJsonDocument doc = QJsonDocument::fromJson(resp.body);
    if (doc.isNull())
        co_return resp;
    QJsonObject wrapped{{rt.wrapKey, reshape(rt.wrapKey, doc)}};
    if (rt.wrapKey == QLatin1String("tickets") && doc.isObject())
        wrapped.insert(QStringLiteral("total"), doc.object().value(QStringLiteral("total")));
    resp.body = QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
    for (auto &h : resp.headers) {
        if (h.first.compare("Link", Qt::CaseInsensitive) == 0 && rt.freshdeskPath != asked)
            h.second.replace(rt.freshdeskPath.toUtf8(), asked.toUtf8());
    }
    co_return resp;
}

} // namespace cb
