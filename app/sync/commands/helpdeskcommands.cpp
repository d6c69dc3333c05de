#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "helpdesk/helpdeskclient.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/secretstore.h"
#include "secrets/secretstorefactory.h"
#include "storage/integrationstore.h"
#include "sync/importer.h"
#include "sync/integrationmanager.h"
#include "sync/reconciler.h"
#include "sync/ticketmapper.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace cb::cli {

namespace {

Result<std::unique_ptr<SecretStore>> secretStore(Database &db)
{
    return QCoro::waitFor(SecretStoreFactory::createSandboxAware(db, Clock::system()));
}

// The integration's client, with its key from the secret store.
Result<std::unique_ptr<HelpdeskClient>> clientFor(Database &db, QNetworkAccessManager &nam, const Integration &i)
{
    auto secrets = secretStore(db);
    if (!secrets)
        return secrets.error();
    auto key = QCoro::waitFor((*secrets)->read(i.id));
    if (!key)
        return key.error();
    auto made = makeHelpdeskClientMaker(&nam)(i.provider, i.domain, *key);
    if (!made)
        return made.error();
    return std::move(made->client);
}

void printSummary(CliContext &ctx, const ImportSummary &s)
{
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("imported"), s.imported},
                                  {QStringLiteral("already_linked"), s.alreadyLinked},
                                  {QStringLiteral("failed"), s.failed},
                                  {QStringLiteral("failures"), QJsonArray::fromStringList(s.failures)},
                                  {QStringLiteral("calls"), s.calls},
                                  {QStringLiteral("cancelled"), s.cancelled}});
        return;
    }
    ctx.out() << "Imported " << s.imported << ", already linked " << s.alreadyLinked << ", failed " << s.failed << " ("
              << s.calls << " API calls)." << Qt::endl;
    for (const QString &f : s.failures)
        ctx.out() << "  " << f << Qt::endl;
}

int runConnect(CliContext &ctx)
{
    const QString provider = ctx.args().value(0);
    const bool isFreshservice = provider == QLatin1String("freshservice");
    if ((provider != QLatin1String("freshdesk") && !isFreshservice) || ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("Use `connect freshdesk|freshservice --domain D --api-key-stdin`."));
    if (!ctx.parser().isSet(QStringLiteral("domain")))
        return ctx.usage(QStringLiteral("`connect` needs --domain (yourcompany.%1.com).").arg(provider));
    auto key = ctx.readApiKey();
    if (!key)
        return ctx.fail(key.error());
    ConnectRequest req;
    req.provider = provider;
    req.domain = ctx.parser().value(QStringLiteral("domain"));
    req.apiKey = *key;
    const auto &p = ctx.parser();
    if (p.isSet(QStringLiteral("intake"))) {
        auto intake = IntegrationSettings::parseIntake(p.value(QStringLiteral("intake")));
        if (!intake)
            return ctx.usage(QStringLiteral("--intake takes all, assigned or none."));
        req.settings.intake = *intake;
    }
    if (p.isSet(QStringLiteral("handoff")) &&
        !IntegrationSettings::parseHandoff(p.value(QStringLiteral("handoff")), req.settings))
        return ctx.usage(QStringLiteral("--handoff takes unassign, marker, agent:ID or group:ID."));
    if (p.isSet(QStringLiteral("marker-field")))
        req.settings.markerField = p.value(QStringLiteral("marker-field"));
    if (p.isSet(QStringLiteral("comments"))) {
        auto comments = IntegrationSettings::parseComments(p.value(QStringLiteral("comments")));
        if (!comments)
            return ctx.usage(QStringLiteral("--comments takes public, private or off."));
        req.settings.comments = *comments;
    }
    if (p.isSet(QStringLiteral("footer")))
        req.settings.footer = p.value(QStringLiteral("footer"));
    if (p.isSet(QStringLiteral("calling-code"))) {
        static const QRegularExpression code(QStringLiteral("^\\+?([1-9][0-9]{0,2})$"));
        const auto m = code.match(p.value(QStringLiteral("calling-code")).trimmed());
        if (!m.hasMatch())
            return ctx.usage(QStringLiteral("--calling-code takes a country calling code such as 1, 44 or 49."));
        req.settings.phoneCallingCode = m.captured(1);
    }
    if (p.isSet(QStringLiteral("public-url")))
        req.receiverBaseUrl = p.value(QStringLiteral("public-url"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto secrets = secretStore(**db);
    if (!secrets)
        return ctx.fail(secrets.error());
    QNetworkAccessManager nam;
    IntegrationManager manager(**db, Clock::system(), **secrets, makeHelpdeskClientMaker(&nam));
    auto out = QCoro::waitFor(manager.connect(req));
    if (!out)
        return ctx.fail(out.error());
    const WebhookSetupInfo &s = out->setup;
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("integration_id"), s.integrationId},
                                  {QStringLiteral("webhook_url"), s.webhookUrl},
                                  {QStringLiteral("header"), s.headerName},
                                  {QStringLiteral("secret"), s.secret},
                                  {QStringLiteral("rule_payloads"), QJsonArray::fromStringList(s.rulePayloads)}});
    } else {
        ctx.out() << "Connected to " << out->integration.domain << " as " << out->agent.name << " <" << out->agent.email
                  << ">.\nIntegration: " << s.integrationId << "\n\nPaste these into two "
                  << (isFreshservice ? "Freshservice Workflow Automator rules (Trigger Webhook node"
                                     : "Freshdesk automation rules (Trigger webhook")
                  << ", POST, JSON). The secret is shown ONCE; only its hash is kept.\n\n"
                  << "Webhook URL: " << s.webhookUrl << "\nHeader:      " << s.headerName << ": " << s.secret << "\n\n"
                  << s.rulePayloads.join(QStringLiteral("\n\n")) << Qt::endl;
    }
    if (!p.isSet(QStringLiteral("no-backfill"))) {
        TicketMapper mapper;
        auto client = clientFor(**db, nam, out->integration);
        if (!client)
            return ctx.fail(client.error());
        auto summary = QCoro::waitFor(
            Importer(**db, Clock::system(), mapper)
                .run(out->integration, client->get(), Importer::backfillRequest(Clock::system().nowUtc())));
        if (!summary)
            return ctx.fail(summary.error());
        if (!ctx.json())
            ctx.err() << "Backfill: imported " << summary->imported
                      << " open and pending tickets from the last 180 days." << Qt::endl;
    }
    return ExitOk;
}

int runImport(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(
            QStringLiteral("`import` needs the integration id; list them with `casebridge-sync integrations`."));
    ImportRequest req;
    const auto &p = ctx.parser();
    if (p.isSet(QStringLiteral("ids"))) {
        // Ids or ticket URLs, separated by anything.
        static const QRegularExpression token(QStringLiteral("[^\\s,;]+"));
        static const QRegularExpression url(QStringLiteral("/tickets/(\\d+)"));
        auto it = token.globalMatch(p.value(QStringLiteral("ids")));
        while (it.hasNext()) {
            const QString t = it.next().captured();
            bool ok = false;
            qint64 id = t.toLongLong(&ok);
            if (!ok) {
                const auto m = url.match(t);
                ok = m.hasMatch();
                id = m.captured(1).toLongLong();
            }
            if (!ok || id <= 0)
                return ctx.usage(QStringLiteral("'%1' is not a ticket id or ticket URL.").arg(t));
            req.ticketIds << id;
        }
        if (req.ticketIds.isEmpty())
            return ctx.usage(QStringLiteral("--ids needs at least one ticket id."));
    } else {
        if (p.isSet(QStringLiteral("status")))
            req.statuses = p.value(QStringLiteral("status")).toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (p.isSet(QStringLiteral("updated-since"))) {
            req.updatedSince = QDateTime::fromString(p.value(QStringLiteral("updated-since")), Qt::ISODate);
            if (!req.updatedSince.isValid())
                return ctx.usage(
                    QStringLiteral("--updated-since takes an ISO date such as 2026-01-31 or 2026-01-31T12:00:00Z."));
        }
        if (p.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            req.limit = p.value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || *req.limit <= 0)
                return ctx.usage(QStringLiteral("--limit takes a positive number."));
        }
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto integration = IntegrationStore(**db, Clock::system()).get(ctx.args().first());
    if (!integration)
        return ctx.fail(integration.error());
    QNetworkAccessManager nam;
    auto client = clientFor(**db, nam, *integration);
    if (!client)
        return ctx.fail(client.error());
    const ImportEstimate e = Importer::estimate(req, integration->provider);
    if (!ctx.json())
        ctx.err() << "Estimated " << (e.upperBound ? "up to " : "") << e.calls << " API calls (~" << qRound(e.seconds)
                  << " s at the Pro plan's limits)." << Qt::endl;
    TicketMapper mapper;
    auto summary = QCoro::waitFor(Importer(**db, Clock::system(), mapper).run(*integration, client->get(), req));
    if (!summary)
        return ctx.fail(summary.error());
    printSummary(ctx, *summary);
    return summary->failed > 0 && summary->imported + summary->alreadyLinked == 0 ? ExitFailure : ExitOk;
}

int runReconcile(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("`reconcile` needs the integration id."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto integration = IntegrationStore(**db, Clock::system()).get(ctx.args().first());
    if (!integration)
        return ctx.fail(integration.error());
    QNetworkAccessManager nam;
    auto client = clientFor(**db, nam, *integration);
    if (!client)
        return ctx.fail(client.error());
    TicketMapper mapper;
    auto report = QCoro::waitFor(Reconciler(**db, Clock::system(), mapper).runCycle(*integration, client->get()));
    if (!report)
        return ctx.fail(report.error());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("calls"), report->calls},
                                  {QStringLiteral("changed"), report->listed},
                                  {QStringLiteral("applied"), report->applied},
                                  {QStringLiteral("unchanged"), report->unchanged},
                                  {QStringLiteral("not_linked"), report->notLinked},
                                  {QStringLiteral("removed"), report->removed}});
    } else {
        ctx.out() << report->calls << " API calls; " << report->listed << " changed tickets, " << report->applied
                  << " cases updated, " << report->removed << " deleted or spam." << Qt::endl;
    }
    return ExitOk;
}

} // namespace

CliCommand connectCommand()
{
    return {
        QStringLiteral("connect"),
        QStringLiteral("connect freshdesk|freshservice --domain D (--api-key-file F | --api-key-stdin) [options]"),
        QStringLiteral("Verify an administrator's key, save the integration, print the webhook secret once."),
        {QCommandLineOption(QStringLiteral("domain"), QStringLiteral("yourcompany.freshdesk.com or .freshservice.com"),
                            QStringLiteral("D")),
         QCommandLineOption(QStringLiteral("api-key-file"), QStringLiteral("Read the API key from a file."),
                            QStringLiteral("F")),
         QCommandLineOption(QStringLiteral("api-key-stdin"), QStringLiteral("Read the API key from standard input.")),
         QCommandLineOption(QStringLiteral("intake"), QStringLiteral("all, assigned or none."), QStringLiteral("MODE")),
         QCommandLineOption(QStringLiteral("handoff"), QStringLiteral("unassign, marker, agent:ID or group:ID."),
                            QStringLiteral("H")),
         QCommandLineOption(QStringLiteral("marker-field"), QStringLiteral("The custom field set on hand-off."),
                            QStringLiteral("NAME")),
         QCommandLineOption(QStringLiteral("comments"), QStringLiteral("public, private or off."),
                            QStringLiteral("MODE")),
         QCommandLineOption(QStringLiteral("calling-code"),
                            QStringLiteral("Country calling code for national phone numbers (default 1)."),
                            QStringLiteral("CC")),
         QCommandLineOption(QStringLiteral("footer"), QStringLiteral("Appended to pushed comments."),
                            QStringLiteral("TEXT")),
         QCommandLineOption(QStringLiteral("public-url"),
                            QStringLiteral("The receiver's public base URL (tunnel or proxy)."), QStringLiteral("URL")),
         QCommandLineOption(QStringLiteral("no-backfill"),
                            QStringLiteral("Skip importing open and pending tickets of the last 180 days."))},
        &runConnect};
}

CliCommand importCommand()
{
    return {
        QStringLiteral("import"),
        QStringLiteral("import INTEGRATION_ID (--ids 1,2,…|URLs | [--status S] [--updated-since ISO] [--limit N])"),
        QStringLiteral("Import tickets as cases (idempotent; all time unless --updated-since)."),
        {QCommandLineOption(QStringLiteral("ids"), QStringLiteral("Ticket ids or ticket URLs."), QStringLiteral("IDS")),
         QCommandLineOption(QStringLiteral("status"), QStringLiteral("open, pending, resolved, closed (comma list)."),
                            QStringLiteral("S")),
         QCommandLineOption(QStringLiteral("updated-since"), QStringLiteral("Only tickets updated since."),
                            QStringLiteral("ISO")),
         QCommandLineOption(QStringLiteral("limit"), QStringLiteral("At most this many."), QStringLiteral("N"))},
        &runImport};
}

CliCommand reconcileCommand()
{
    return {QStringLiteral("reconcile"),
            QStringLiteral("reconcile INTEGRATION_ID"),
            QStringLiteral("Run one reconcile cycle now; prints calls used and changes made."),
            {},
            &runReconcile};
}

} // namespace cb::cli
