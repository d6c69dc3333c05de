#include "sandboxcontrol.h"

#include "sandbox/sandboxhelpdesk.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace cb {

namespace {
const QString kDefaultHeader = QStringLiteral("X-Casebridge-Webhook-Secret");

// An integer member in [min, max] (`fallback` when absent); nullopt with `*problem` set otherwise.
std::optional<qint64> integer(const QJsonObject &o, const QString &key, qint64 min, qint64 max, qint64 fallback,
                              QString *problem)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble() || v.toDouble() != double(v.toInteger()) || v.toInteger() < min || v.toInteger() > max) {
        *problem = QStringLiteral("%1 must be a whole number from %2 to %3.").arg(key).arg(min).arg(max);
        return std::nullopt;
    }
    return v.toInteger();
}
} // namespace

SandboxControl::SandboxControl(SandboxHelpdesk &helpdesk)
    : m_helpdesk(helpdesk)
{}

HttpResponse SandboxControl::error(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status,
                              QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

QJsonArray SandboxControl::routes()
{
    return {QStringLiteral("GET /_sandbox"),
            QStringLiteral("POST /_sandbox/seed {\"tickets\":N,\"seed\":S}"),
            QStringLiteral("GET|POST|DELETE /_sandbox/faults {method,path_prefix,status,rate,latency_ms}"),
            QStringLiteral("GET|POST|DELETE /_sandbox/rules {url,secret,header,shape,events}"),
            QStringLiteral("GET|POST /_sandbox/plan {\"name\":\"growth|pro|enterprise\"}"),
            QStringLiteral("POST /_sandbox/agent-edit/{ticketId} {fields…, note:{body,private,incoming}}"),
            QStringLiteral("GET|POST|DELETE /_sandbox/activity {\"per_minute\":N,\"seed\":S,\"steps\":K}"),
            QStringLiteral("GET|DELETE /_sandbox/stats")};
}

QCoro::Task<HttpResponse> SandboxControl::handle(HttpRequest request)
{
    co_return route(request);
}

HttpResponse SandboxControl::route(const HttpRequest &r)
{
    if (!r.remoteAddress.isLoopback())
        return error(403, QStringLiteral("access_denied"),
                     QStringLiteral("The sandbox control API answers loopback clients only."));
    QJsonObject body;
    if (r.method == "POST" && !r.body.trimmed().isEmpty()) {
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject())
            return error(400, QStringLiteral("invalid_json"),
                         QStringLiteral("The body must be a JSON object: %1.").arg(perr.errorString()));
        body = doc.object();
    }
    QString path = r.path;
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const auto allow = [&r](const QByteArray &methods) {
        return error(405, QStringLiteral("method_not_allowed"),
                     QStringLiteral("%1 is not allowed here; use %2.")
                         .arg(QString::fromLatin1(r.method), QString::fromLatin1(methods)))
            .withHeader("Allow", methods);
    };
    if (path == QLatin1String("/_sandbox"))
        return r.method == "GET" ? HttpResponse::json(200, QJsonObject{{QStringLiteral("routes"), routes()}})
                                 : allow("GET");
    if (path == QLatin1String("/_sandbox/seed"))
        return r.method == "POST" ? seed(body) : allow("POST");
    if (path == QLatin1String("/_sandbox/faults")) {
        if (r.method == "GET")
            return HttpResponse::json(200, faults());
        if (r.method == "POST")
            return addFault(body);
        if (r.method == "DELETE") {
            m_helpdesk.clearFaults();
            return HttpResponse::json(200, faults());
        }
        return allow("GET, POST, DELETE");
    }
    if (path == QLatin1String("/_sandbox/rules")) {
        if (r.method == "GET")
            return HttpResponse::json(200, rules());
        if (r.method == "POST")
            return addRule(body);
        if (r.method == "DELETE") {
            m_helpdesk.automation().clearRules();
            return HttpResponse::json(200, rules());
        }
        return allow("GET, POST, DELETE");
    }
    if (path == QLatin1String("/_sandbox/plan"))
        return r.method == "GET"    ? HttpResponse::json(200, plan())
               : r.method == "POST" ? setPlan(body)
                                    : allow("GET, POST");
    static const QRegularExpression edit(QStringLiteral("^/_sandbox/agent-edit/(\\d+)$"));
    if (const auto m = edit.match(path); m.hasMatch())
        return r.method == "POST" ? agentEdit(m.captured(1).toLongLong(), body) : allow("POST");
    if (path == QLatin1String("/_sandbox/activity")) {
        if (r.method == "GET")
            return HttpResponse::json(200, m_helpdesk.activity().state());
        if (r.method == "POST")
            return activity(body);
        if (r.method == "DELETE") {
            m_helpdesk.activity().stop();
            return HttpResponse::json(200, m_helpdesk.activity().state());
        }
        return allow("GET, POST, DELETE");
    }
    if (path == QLatin1String("/_sandbox/stats")) {
        if (r.method == "GET")
            return HttpResponse::json(200, m_helpdesk.stats());
        if (r.method == "DELETE") {
            m_helpdesk.resetStats();
            return HttpResponse::json(200, m_helpdesk.stats());
        }
        return allow("GET, DELETE");
    }
    return error(404, QStringLiteral("not_found"),
                 QStringLiteral("There is no sandbox control route %1 %2; GET /_sandbox lists them.")
                     .arg(QString::fromLatin1(r.method), r.path));
}

HttpResponse SandboxControl::seed(const QJsonObject &body)
{
    QString problem;
    const auto tickets = integer(body, QStringLiteral("tickets"), 0, 200000, 200, &problem);
    const auto seed = tickets ? integer(body, QStringLiteral("seed"), 0, 0xffffffffLL, 42, &problem) : std::nullopt;
    if (!tickets || !seed)
        return error(400, QStringLiteral("invalid_value"), problem);
    SandboxAccount fresh;
    fresh.seed(int(*tickets), quint32(*seed));
    m_helpdesk.account() = fresh;
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("tickets"), *tickets},
                                               {QStringLiteral("seed"), *seed},
                                               {QStringLiteral("contacts"), qint64(fresh.contacts.size())},
                                               {QStringLiteral("companies"), qint64(fresh.companies.size())}});
}

HttpResponse SandboxControl::addFault(const QJsonObject &body)
{
    static const QStringList methods = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                        QStringLiteral("DELETE"), QStringLiteral("PATCH")};
    const QString method = body.value(QStringLiteral("method")).toString().toUpper();
    const QString prefix = body.value(QStringLiteral("path_prefix")).toString();
    const auto bad = [](const QString &problem) { return error(400, QStringLiteral("invalid_value"), problem); };
    if (!method.isEmpty() && method != QLatin1String("*") && !methods.contains(method))
        return bad(QStringLiteral("method must be GET, POST, PUT, DELETE, PATCH or * (any)."));
    if (!prefix.startsWith(QLatin1Char('/')))
        return bad(QStringLiteral("path_prefix is required and starts with /, e.g. /api/v2/tickets."));
    QString problem;
    const qint64 status = integer(body, QStringLiteral("status"), 0, 599, 503, &problem).value_or(-1);
    if (!problem.isEmpty())
        return bad(problem);
    if (status != 0 && status < 100)
        return bad(QStringLiteral("status must be 0 (drop the connection) or an HTTP status from 100 to 599."));
    const qint64 latency = integer(body, QStringLiteral("latency_ms"), 0, 600000, 0, &problem).value_or(-1);
    if (!problem.isEmpty())
        return bad(problem);
    const QJsonValue rate = body.value(QStringLiteral("rate"));
    if (!rate.isUndefined() && (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1))
        return bad(QStringLiteral("rate must be a number from 0 to 1 (the share of matching requests that fail)."));
    m_helpdesk.addFault({method == QLatin1String("*") ? QByteArray() : method.toLatin1(), prefix, int(status),
                         rate.toDouble(1.0), int(latency)});
    return HttpResponse::json(201, faults());
}

HttpResponse SandboxControl::addRule(const QJsonObject &body)
{
    static const QStringList shapes = {QStringLiteral("simple"), QStringLiteral("thin"), QStringLiteral("flat"),
                                       QStringLiteral("form"), QStringLiteral("workflow")};
    static const QStringList events = {QStringLiteral("created"), QStringLiteral("updated"),
                                       QStringLiteral("note_added")};
    SandboxAutomation::Rule rule;
    rule.url = QUrl(body.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    rule.shape = body.value(QStringLiteral("shape")).toString(QStringLiteral("simple"));
    const QString secret = body.value(QStringLiteral("secret")).toString();
    const QString header = body.value(QStringLiteral("header")).toString(kDefaultHeader);
    for (const QJsonValue &e : body.value(QStringLiteral("events")).toArray())
        rule.events.append(e.toString());
    QString problem;
    if (!rule.url.isValid() ||
        (rule.url.scheme() != QLatin1String("http") && rule.url.scheme() != QLatin1String("https")) ||
        rule.url.host().isEmpty())
        problem = QStringLiteral("url is required: the http(s) URL webhooks are sent to.");
    else if (!shapes.contains(rule.shape))
        problem = QStringLiteral("shape must be simple, thin, flat, form or workflow.");
    else if (body.contains(QStringLiteral("events")) &&
             (!body.value(QStringLiteral("events")).isArray() ||
              std::any_of(rule.events.cbegin(), rule.events.cend(),
                          [](const QString &e) { return !events.contains(e); })))
        problem = QStringLiteral("events must be a list of created, updated and note_added.");
    else if (header.isEmpty() || header.contains(QLatin1Char(':')) || header.contains(QLatin1Char(' ')))
        problem = QStringLiteral("header must be a header name, e.g. %1.").arg(kDefaultHeader);
    if (!problem.isEmpty())
        return error(400, QStringLiteral("invalid_value"), problem);
    if (!secret.isEmpty()) {
        rule.headerName = header.toLatin1();
        rule.headerValue = secret.toUtf8();
    }
    m_helpdesk.automation().addRule(rule);
    return HttpResponse::json(201, rules());
}

HttpResponse SandboxControl::setPlan(const QJsonObject &body)
{
    const auto named = SandboxHelpdesk::Plan::named(body.value(QStringLiteral("name")).toString());
    if (!named)
        return error(400, QStringLiteral("invalid_value"), QStringLiteral("name must be growth, pro or enterprise."));
    m_helpdesk.setPlan(*named);
    return HttpResponse::json(200, plan());
}

HttpResponse SandboxControl::agentEdit(qint64 ticketId, const QJsonObject &body)
{
    if (!m_helpdesk.account().tickets.contains(ticketId))
        return error(404, QStringLiteral("not_found"), QStringLiteral("There is no ticket %1.").arg(ticketId));
    if (body.isEmpty())
        return error(400, QStringLiteral("missing_params"),
                     QStringLiteral("Give at least one ticket field to change, e.g. {\"status\":3}, or a note."));
    if (const QJsonArray errors = m_helpdesk.validateUpdate(body, true); !errors.isEmpty()) {
        QStringList fields;
        for (const QJsonValue &e : errors)
            fields.append(e[QStringLiteral("field")].toString());
        return HttpResponse::json(
            400, QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_value")},
                             {QStringLiteral("message"),
                              QStringLiteral("Invalid fields: %1.").arg(fields.join(QStringLiteral(", ")))},
                             {QStringLiteral("errors"), errors}});
    }
    return HttpResponse::json(200, *m_helpdesk.agentEdit(ticketId, body));
}

HttpResponse SandboxControl::activity(const QJsonObject &body)
{
    QString problem;
    const auto perMinute = integer(body, QStringLiteral("per_minute"), 0, 6000, -1, &problem);
    const auto seed = perMinute ? integer(body, QStringLiteral("seed"), 0, 0xffffffffLL, 42, &problem) : std::nullopt;
    const auto steps = seed ? integer(body, QStringLiteral("steps"), 0, 100000, 0, &problem) : std::nullopt;
    if (!steps)
        return error(400, QStringLiteral("invalid_value"), problem);
    if (*perMinute < 0 && *steps == 0)
        return error(400, QStringLiteral("missing_field"),
                     QStringLiteral("Give per_minute (0 stops) and/or steps (edits to make now)."));
    SandboxActivity &a = m_helpdesk.activity();
    if (*perMinute >= 0 || body.contains(QStringLiteral("seed")))
        a.start(int(std::max<qint64>(0, *perMinute)), quint32(*seed));
    for (qint64 i = 0; i < *steps; ++i)
        a.step();
    return HttpResponse::json(200, a.state());
}

QJsonObject SandboxControl::faults() const
{
    QJsonArray out;
    for (const SandboxHelpdesk::Fault &f : m_helpdesk.faults())
        out.append(QJsonObject{
            {QStringLiteral("method"), f.method.isEmpty() ? QStringLiteral("*") : QString::fromLatin1(f.method)},
            {QStringLiteral("path_prefix"), f.pathPrefix},
            {QStringLiteral("status"), f.status},
            {QStringLiteral("rate"), f.rate},
            {QStringLiteral("latency_ms"), f.latencyMs}});
    return {{QStringLiteral("faults"), out}};
}

QJsonObject SandboxControl::rules() const
{
    QJsonArray out;
    for (const SandboxAutomation::Rule &rule : m_helpdesk.automation().rules())
        out.append(QJsonObject{{QStringLiteral("url"), rule.url.toString()},
                               {QStringLiteral("shape"), rule.shape},
                               {QStringLiteral("header"), QString::fromLatin1(rule.headerName)},
                               {QStringLiteral("secret_set"), !rule.headerValue.isEmpty()}, // never the secret itself
                               {QStringLiteral("events"), QJsonArray::fromStringList(rule.events)}});
    return {{QStringLiteral("rules"), out}};
}

QJsonObject SandboxControl::plan() const
{
    const SandboxHelpdesk::Plan &p = m_helpdesk.plan();
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("calls_per_window"), p.total},
            {QStringLiteral("tickets_list"), p.list},
            {QStringLiteral("ticket_update"), p.update},
            {QStringLiteral("window_seconds"), p.windowMs / 1000}};
}

} // namespace cb
