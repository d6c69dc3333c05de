#include "clicontext.h"
#include "commands.h"
#include "http/httphost.h"
#include "sandbox/sandboxfreshservice.h"
#include "sandbox/sandboxhelpdesk.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace cb::cli {

namespace {
int runSandbox(CliContext &ctx)
{
    const auto &p = ctx.parser();
    const QString listen =
        p.isSet(QStringLiteral("listen")) ? p.value(QStringLiteral("listen")) : QStringLiteral("127.0.0.1:8765");
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    const QHostAddress address(listen.left(colon));
    const int port = listen.mid(colon + 1).toInt();
    if (colon <= 0 || address.isNull() || port < 0 || port > 65535)
        return ctx.usage(QStringLiteral("--listen takes ADDR:PORT, e.g. 127.0.0.1:8765."));
    bool ok = true;
    const int tickets = p.isSet(QStringLiteral("tickets")) ? p.value(QStringLiteral("tickets")).toInt(&ok) : 200;
    if (!ok || tickets < 0)
        return ctx.usage(QStringLiteral("--tickets takes a number."));
    const int activity = p.isSet(QStringLiteral("activity")) ? p.value(QStringLiteral("activity")).toInt(&ok) : 0;
    if (!ok || activity < 0 || activity > 6000)
        return ctx.usage(QStringLiteral("--activity takes edits per minute, from 0 to 6000."));
    const QString provider =
        p.isSet(QStringLiteral("provider")) ? p.value(QStringLiteral("provider")) : QStringLiteral("freshdesk");
    if (provider != QLatin1String("freshdesk") && provider != QLatin1String("freshservice"))
        return ctx.usage(QStringLiteral("--provider takes freshdesk or freshservice."));
    auto plan = SandboxHelpdesk::Plan::named(
        p.isSet(QStringLiteral("plan")) ? p.value(QStringLiteral("plan")) : QStringLiteral("pro"), provider);
    if (!plan)
        return ctx.usage(provider == QLatin1String("freshservice")
                             ? QStringLiteral("--plan takes starter, growth, pro or enterprise.")
                             : QStringLiteral("--plan takes growth, pro or enterprise."));
    if (p.isSet(QStringLiteral("webhook")) != p.isSet(QStringLiteral("secret")))
        return ctx.usage(QStringLiteral("--webhook and --secret go together."));

    SignalWatcher signals; // before the startup line: an early SIGTERM still ends gracefully
    QNetworkAccessManager nam;
    SandboxHelpdesk sandbox(&nam);
    sandbox.setPlan(*plan);
    sandbox.account().seed(tickets);
    if (p.isSet(QStringLiteral("faults"))) {
        // METHOD:PATH_PREFIX:STATUS:RATE[:LATENCY_MS], comma separated, e.g. PUT:/api/v2/tickets:503:0.3
        // (METHOD * = any, STATUS 0 = drop the connection); docs/sandbox.md
        for (const QString &spec : p.value(QStringLiteral("faults")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList f = spec.split(QLatin1Char(':'));
            bool statusOk = false;
            bool rateOk = false;
            bool latencyOk = true;
            const int status = f.size() >= 4 ? f.at(2).toInt(&statusOk) : 0;
            const double rate = f.size() >= 4 ? f.at(3).toDouble(&rateOk) : 0;
            const int latency = f.size() == 5 ? f.at(4).toInt(&latencyOk) : 0;
            if (f.size() < 4 || f.size() > 5 || !f.at(1).startsWith(QLatin1Char('/')) || !statusOk || !rateOk ||
                !latencyOk || rate < 0 || rate > 1 || latency < 0)
                return ctx.usage(QStringLiteral("--faults takes METHOD:PATH:STATUS:RATE[:LATENCY_MS] items, e.g. "
                                                "PUT:/api/v2/tickets:503:0.3 or *:/api/v2/:200:0:1500."));
            sandbox.addFault({f.at(0) == QLatin1String("*") ? QByteArray() : f.at(0).toUpper().toLatin1(), f.at(1),
                              status, rate, latency});
        }
    }
    if (p.isSet(QStringLiteral("webhook"))) {
        SandboxAutomation::Rule rule;
        rule.url = QUrl(p.value(QStringLiteral("webhook")));
        rule.headerName = "X-Casebridge-Webhook-Secret";
        rule.headerValue = p.value(QStringLiteral("secret")).toUtf8();
        sandbox.automation().addRule(rule);
    }
    sandbox.activity().start(activity);
    // Freshservice mode: the same account under Freshservice's API shapes (wrapped bodies, /requesters, …).
    SandboxFreshservice freshservice(sandbox);
    const bool isFreshservice = provider == QLatin1String("freshservice");
    HttpHost server(isFreshservice ? static_cast<HttpRequestHandler *>(&freshservice)
                                   : static_cast<HttpRequestHandler *>(&sandbox));
    auto bound = server.listen(address, quint16(port));
    if (!bound)
        return ctx.fail(bound.error());
    const QString base = QStringLiteral("http://%1:%2").arg(address.toString()).arg(*bound);
    if (ctx.json()) {
        ctx.printJson(
            QJsonObject{{QStringLiteral("url"), base},
                        {QStringLiteral("domain"), QStringLiteral("%1:%2").arg(address.toString()).arg(*bound)},
                        {QStringLiteral("admin_api_key"), sandbox.account().adminKey},
                        {QStringLiteral("agent_api_key"), sandbox.account().agentKey},
                        {QStringLiteral("tickets"), tickets},
                        {QStringLiteral("control_url"), QString(base + QStringLiteral("/_sandbox"))},
                        {QStringLiteral("activity_per_minute"), activity},
                        {QStringLiteral("plan"), plan->name},
                        {QStringLiteral("provider"), provider}});
    } else {
        ctx.out() << "Sandbox helpdesk (" << (isFreshservice ? "Freshservice" : "Freshdesk") << " API v2) at " << base
                  << "/api/v2/ with " << tickets << " tickets, " << plan->name
                  << " plan.\nAdmin API key: " << sandbox.account().adminKey
                  << "\nNon-admin API key: " << sandbox.account().agentKey << "\nTry: curl -u "
                  << sandbox.account().adminKey << ":X " << base
                  << "/api/v2/agents/me\nControl API (docs/sandbox.md): " << base << "/_sandbox\nStop with Ctrl+C."
                  << Qt::endl;
    }
    QObject::connect(&signals, &SignalWatcher::terminationRequested, qApp, [] { QCoreApplication::exit(ExitOk); });
    return QCoreApplication::exec();
}
} // namespace

CliCommand sandboxCommand()
{
    return {
        QStringLiteral("sandbox"),
        QStringLiteral("sandbox [--listen ADDR:PORT] [--tickets N] [--plan growth|pro|enterprise] [--faults SPEC] "
                       "[--webhook URL --secret S] [--activity PER_MIN] [--provider freshdesk|freshservice]"),
        QStringLiteral("Run the sandbox helpdesk, a Freshdesk (or Freshservice) API v2 emulator, until interrupted."),
        {QCommandLineOption(QStringLiteral("listen"), QStringLiteral("Address and port (default 127.0.0.1:8765)."),
                            QStringLiteral("ADDR:PORT")),
         QCommandLineOption(QStringLiteral("tickets"), QStringLiteral("Seeded tickets (default 200)."),
                            QStringLiteral("N")),
         QCommandLineOption(QStringLiteral("plan"), QStringLiteral("growth, pro or enterprise rate limits."),
                            QStringLiteral("PLAN")),
         QCommandLineOption(QStringLiteral("faults"), QStringLiteral("METHOD:PATH:STATUS:RATE[:LATENCY_MS],…"),
                            QStringLiteral("SPEC")),
         QCommandLineOption(QStringLiteral("webhook"), QStringLiteral("Send automation webhooks here."),
                            QStringLiteral("URL")),
         QCommandLineOption(QStringLiteral("secret"), QStringLiteral("Webhook secret header value."),
                            QStringLiteral("S")),
         QCommandLineOption(QStringLiteral("activity"),
                            QStringLiteral("Simulated agents and customers editing tickets, edits per minute."),
                            QStringLiteral("PER_MIN")),
         QCommandLineOption(QStringLiteral("provider"),
                            QStringLiteral("The API served: freshdesk (default) or freshservice."),
                            QStringLiteral("P"))},
        &runSandbox};
}

} // namespace cb::cli
