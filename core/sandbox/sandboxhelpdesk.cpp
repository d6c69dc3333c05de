#include "sandboxhelpdesk.h"

#include "common/logging.h"
#include "sandbox/sandboxsearch.h"

#include <QCoroTimer>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include <chrono>

namespace cb {

namespace {
const QRegularExpression kTicketPath(QStringLiteral("^/api/v2/tickets/(\\d+)(/(notes|reply|conversations))?$"));

QString nowStamp()
{
    return SandboxAccount::stamp(QDateTime::currentDateTimeUtc());
}
} // namespace

std::optional<SandboxHelpdesk::Plan> SandboxHelpdesk::Plan::named(const QString &name)
{
    if (name == QLatin1String("growth"))
        return Plan{name, 200, 20, 80, 60000};
    if (name == QLatin1String("pro"))
        return Plan{name, 400, 100, 160, 60000};
    if (name == QLatin1String("enterprise"))
        return Plan{name, 700, 200, 280, 60000};
    return std::nullopt;
}

std::optional<SandboxHelpdesk::Plan> SandboxHelpdesk::Plan::named(const QString &name, const QString &provider)
{
    if (provider != QLatin1String("freshservice"))
        return named(name);
    // Per minute: all calls, the ticket list, and view/create/update of a ticket.
    if (name == QLatin1String("starter"))
        return Plan{name, 100, 40, 50, 60000};
    if (name == QLatin1String("growth"))
        return Plan{name, 200, 70, 80, 60000};
    if (name == QLatin1String("pro"))
        return Plan{name, 400, 120, 140, 60000};
    if (name == QLatin1String("enterprise"))
        return Plan{name, 500, 140, 160, 60000};
    return std::nullopt;
}

SandboxHelpdesk::SandboxHelpdesk(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_automation(nam, this)
{}

void SandboxHelpdesk::setPlan(const Plan &plan)
{
    m_plan = plan;
    m_used.clear();
    m_windowStart = 0;
}

HttpResponse SandboxHelpdesk::error(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status,
                              QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

HttpResponse SandboxHelpdesk::validation(const QJsonArray &errors)
{
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("description"), QStringLiteral("Validation failed")},
                                               {QStringLiteral("errors"), errors}});
}

std::optional<HttpResponse> SandboxHelpdesk::rateLimit(const QString &bucket, int credits)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_windowStart == 0 || now - m_windowStart >= m_plan.windowMs) {
        m_windowStart = now;
        m_used.clear();
    }
    const int bucketLimit = bucket == QLatin1String("list")     ? m_plan.list
                            : bucket == QLatin1String("update") ? m_plan.update
                                                                : 0;
    if (m_used.value(QStringLiteral("total")) + credits > m_plan.total ||
        (bucketLimit > 0 && m_used.value(bucket) + 1 > bucketLimit)) {
        const qint64 left = m_plan.windowMs - (now - m_windowStart);
        HttpResponse r = HttpResponse::json(
            429, QJsonObject{{QStringLiteral("message"),
                              QStringLiteral("You have exceeded the limit of requests per minute")}});
        r.withHeader("Retry-After", QByteArray::number(std::max<qint64>(1, (left + 999) / 1000)));
        return r;
    }
    m_used[QStringLiteral("total")] += credits;
    if (bucketLimit > 0)
        m_used[bucket] += 1;
    return std::nullopt;
}

QCoro::Task<HttpResponse> SandboxHelpdesk::handle(HttpRequest request)
{
    if (request.path == QLatin1String("/_sandbox") || request.path.startsWith(QLatin1String("/_sandbox/"))) {
        HttpResponse control = co_await m_control.handle(request);
        co_return control;
    }
    const QList<Fault> faults = m_faults; // a control call may change them while this request sleeps
    for (const Fault &f : faults) {
        if ((!f.method.isEmpty() && f.method != request.method) || !request.path.startsWith(f.pathPrefix))
            continue;
        if (f.latencyMs > 0)
            co_await QCoro::sleepFor(std::chrono::milliseconds(f.latencyMs));
        if (f.rate > 0 && m_rng.generateDouble() < f.rate && (f.status != 200)) {
            if (f.status == 0)
                co_return HttpResponse::dropConnection();
            co_return error(f.status, QStringLiteral("injected_fault"),
                            QStringLiteral("We're sorry, but something went wrong."));
        }
    }
    // Authentication: Basic with the API key as user name (any password).
    const QByteArray auth = request.header("Authorization");
    const QString key = auth.startsWith("Basic ")
                            ? QString::fromUtf8(QByteArray::fromBase64(auth.mid(6))).section(QLatin1Char(':'), 0, 0)
                            : QString();
    const auto agent = m_account.agentForKey(key);
    if (!agent) {
        co_return error(401, QStringLiteral("invalid_credentials"),
                        QStringLiteral("You have to be logged in to perform this action."));
    }
    m_currentAgent = *agent;
    ++m_apiCalls;
    int credits = 1;
    const QStringList include = includesOf(request);
    credits += 2 * int(include.size());
    const QString bucket = request.method == "GET" && request.path == QLatin1String("/api/v2/tickets")
                               ? QStringLiteral("list")
                           : request.method == "PUT" ? QStringLiteral("update")
                                                     : QStringLiteral("other");
    static const QRegularExpression idSegment(QStringLiteral("/\\d+(?=/|$)"));
    const QString endpoint =
        QString::fromLatin1(request.method) + QLatin1Char(' ') +
        QString(request.path).remove(QStringLiteral("/api/v2")).replace(idSegment, QStringLiteral("/{id}"));
    EndpointStats &stats = m_stats[endpoint];
    ++stats.calls;
    if (auto limited = rateLimit(bucket, credits)) {
        ++stats.rateLimited;
        co_return *limited;
    }
    HttpResponse r = dispatch(request, &credits);
    stats.credits += credits;
    r.withHeader("X-Freshdesk-API-Version", "latest=v2; requested=v2");
    if (r.status != 429) {
        r.withHeader("X-RateLimit-Total", QByteArray::number(m_plan.total));
        r.withHeader("X-RateLimit-Remaining",
                     QByteArray::number(std::max(0, m_plan.total - m_used.value(QStringLiteral("total")))));
        r.withHeader("X-RateLimit-Used-CurrentRequest", QByteArray::number(credits));
    }
    co_return r;
}

HttpResponse SandboxHelpdesk::dispatch(const HttpRequest &r, int *credits)
{
    const QString &p = r.path;
    if ((r.method == "POST" || r.method == "PUT") && !r.header("Content-Type").startsWith("application/json") &&
        !r.header("Content-Type").startsWith("multipart/form-data"))
        return error(415, QStringLiteral("invalid_content_type"),
                     QStringLiteral("Content-Type header is set to %1. It should be set to application/json")
                         .arg(QString::fromLatin1(r.header("Content-Type"))));
    if (p == QLatin1String("/api/v2/agents/me") && r.method == "GET")
        return HttpResponse::json(200, m_account.agents.value(m_currentAgent));
    if (p == QLatin1String("/api/v2/roles") && r.method == "GET") {
        if (m_currentAgent != m_account.adminId)
            return error(403, QStringLiteral("access_denied"),
                         QStringLiteral("You are not authorized to perform this action."));
        QJsonArray arr;
        for (const QJsonObject &role : std::as_const(m_account.roles))
            arr.append(role);
        return HttpResponse::json(200, arr);
    }
    if (p == QLatin1String("/api/v2/groups") && r.method == "GET") {
        QJsonArray arr;
        for (const QJsonObject &g : std::as_const(m_account.groups))
            arr.append(g);
        return HttpResponse::json(200, arr);
    }
    if (p == QLatin1String("/api/v2/contacts") && r.method == "GET") {
        const QString email = r.query.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded).toLower();
        QJsonArray arr;
        for (const QJsonObject &c : std::as_const(m_account.contacts)) {
            if (email.isEmpty() || c.value(QStringLiteral("email")).toString().toLower() == email)
                arr.append(c);
        }
        return HttpResponse::json(200, arr);
    }
    if (r.method == "GET") {
        static const QRegularExpression person(QStringLiteral("^/api/v2/(contacts|agents)/(\\d+)$"));
        if (const auto m = person.match(p); m.hasMatch()) {
            const auto &people = m.captured(1) == QLatin1String("agents") ? m_account.agents : m_account.contacts;
            const auto it = people.constFind(m.captured(2).toLongLong());
            return it == people.cend() ? HttpResponse::empty(404) : HttpResponse::json(200, *it);
        }
    }
    if (p == QLatin1String("/api/v2/agents") && r.method == "GET") {
        const QString email = r.query.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded).toLower();
        QJsonArray arr;
        for (const QJsonObject &a : std::as_const(m_account.agents)) {
            const QString own = a.value(QStringLiteral("contact")).toObject().value(QStringLiteral("email")).toString();
            if (email.isEmpty() || own.toLower() == email)
                arr.append(a);
        }
        return HttpResponse::json(200, arr);
    }
    if (p.startsWith(QLatin1String("/api/v2/companies")) && r.method == "GET")
        return companies(r);
    if (p.startsWith(QLatin1String("/api/v2/search/")) && r.method == "GET") {
        *credits = 1; // search takes no include
        if (p == QLatin1String("/api/v2/search/tickets"))
            return SandboxSearch(m_account).tickets(r);
        if (p == QLatin1String("/api/v2/search/companies"))
            return SandboxSearch(m_account).companies(r);
    }
    if (p == QLatin1String("/api/v2/tickets")) {
        if (r.method == "GET")
            return listTickets(r, credits);
        return HttpResponse::json(
                   405, QJsonObject{{QStringLiteral("message"),
                                     QStringLiteral(
                                         "%1 method is not allowed. It should be one of these method(s): GET, POST")
                                         .arg(QString::fromLatin1(r.method))}})
            .withHeader("Allow", "GET, POST");
    }
    if (const auto m = kTicketPath.match(p); m.hasMatch()) {
        const qint64 id = m.captured(1).toLongLong();
        const QString sub = m.captured(3);
        if (sub.isEmpty() && r.method == "GET")
            return viewTicket(id, r, credits);
        if (sub.isEmpty() && r.method == "PUT")
            return updateTicket(id, r);
        if (sub.isEmpty() && r.method == "DELETE") {
            if (!m_account.tickets.contains(id))
                return HttpResponse::empty(404);
            m_account.tickets[id].insert(QStringLiteral("deleted"), true);
            m_account.tickets[id].insert(QStringLiteral("updated_at"), nowStamp());
            return HttpResponse::empty(204);
        }
        if (sub == QLatin1String("notes") && r.method == "POST")
            return addConversation(id, r, true);
        if (sub == QLatin1String("reply") && r.method == "POST")
            return addConversation(id, r, false);
        if (sub == QLatin1String("conversations") && r.method == "GET")
            return listConversations(id, r);
        if (sub.isEmpty())
            return HttpResponse::json(
                       405,
                       QJsonObject{
                           {QStringLiteral("message"),
                            QStringLiteral(
                                "%1 method is not allowed. It should be one of these method(s): GET, PUT, DELETE")
                                .arg(QString::fromLatin1(r.method))}})
                .withHeader("Allow", "GET, PUT, DELETE");
    }
    return HttpResponse::empty(404);
}

HttpResponse SandboxHelpdesk::companies(const HttpRequest &r)
{
    static const QRegularExpression view(QStringLiteral("^/api/v2/companies/(\\d+)$"));
    if (const auto m = view.match(r.path); m.hasMatch()) {
        const auto it = m_account.companies.constFind(m.captured(1).toLongLong());
        return it == m_account.companies.cend() ? HttpResponse::empty(404) : HttpResponse::json(200, *it);
    }
    if (r.path == QLatin1String("/api/v2/companies/autocomplete")) {
        // prefix match on the name, case-insensitive: {"companies":[{"id","name"}]}
        const QString prefix = r.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
        if (prefix.isEmpty())
            return validation({fieldError(QStringLiteral("name"), QStringLiteral("Mandatory attribute missing"),
                                          QStringLiteral("missing_field"))});
        QJsonArray found;
        for (const QJsonObject &c : std::as_const(m_account.companies)) {
            if (c.value(QStringLiteral("name")).toString().startsWith(prefix, Qt::CaseInsensitive))
                found.append(QJsonObject{{QStringLiteral("id"), c.value(QStringLiteral("id"))},
                                         {QStringLiteral("name"), c.value(QStringLiteral("name"))}});
        }
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("companies"), found}});
    }
    if (r.path != QLatin1String("/api/v2/companies"))
        return HttpResponse::empty(404);
    int page = 1;
    int perPage = 30;
    if (const QJsonArray errors = pagingErrors(r, &page, &perPage); !errors.isEmpty())
        return validation(errors);
    const QList<QJsonObject> all = m_account.companies.values(); // by id
    QJsonArray out;
    const qsizetype from = qsizetype(page - 1) * perPage;
    for (qsizetype i = from; i < std::min<qsizetype>(all.size(), from + perPage); ++i)
        out.append(all.at(i));
    HttpResponse resp = HttpResponse::json(200, out);
    if (all.size() > from + perPage)
        resp.withHeader("Link", nextPageLink(r, page + 1));
    return resp;
}

QStringList SandboxHelpdesk::includesOf(const HttpRequest &r)
{
    return r.query.queryItemValue(QStringLiteral("include"), QUrl::FullyDecoded)
        .split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QJsonArray SandboxHelpdesk::pagingErrors(const HttpRequest &r, int *page, int *perPage)
{
    QJsonArray errors;
    bool ok = true;
    if (r.query.hasQueryItem(QStringLiteral("per_page")))
        *perPage = r.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
    if (!ok || *perPage < 1 || *perPage > 100)
        errors.append(fieldError(QStringLiteral("per_page"),
                                 QStringLiteral("It should be a Positive Integer less than or equal to 100"),
                                 QStringLiteral("invalid_value")));
    ok = true;
    if (r.query.hasQueryItem(QStringLiteral("page")))
        *page = r.query.queryItemValue(QStringLiteral("page")).toInt(&ok);
    if (!ok || *page < 1)
        errors.append(fieldError(QStringLiteral("page"), QStringLiteral("It should be a Positive Integer"),
                                 QStringLiteral("invalid_value")));
    return errors;
}

QByteArray SandboxHelpdesk::nextPageLink(const HttpRequest &r, int nextPage)
{
    // The request's own query in order, with page set to the next one (appended when absent).
    QUrl next = r.url;
    QList<QPair<QString, QString>> items = r.query.queryItems(QUrl::FullyEncoded);
    bool replaced = false;
    for (auto &item : items) {
        if (item.first == QLatin1String("page")) {
            item.second = QString::number(nextPage);
            replaced = true;
        }
    }
    if (!replaced)
        items.append({QStringLiteral("page"), QString::number(nextPage)});
    QUrlQuery q;
    q.setQueryItems(items);
    next.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return "<" + next.toEncoded() + ">; rel=\"next\"";
}

QJsonObject SandboxHelpdesk::fieldError(const QString &field, const QString &message, const QString &code)
{
    return {{QStringLiteral("field"), field}, {QStringLiteral("message"), message}, {QStringLiteral("code"), code}};
}

} // namespace cb
