#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/secretstore.h"
#include "secrets/secretstorefactory.h"
#include "storage/namedirectory.h"
#include "sync/integrationconfigurator.h"
#include "sync/integrationmanager.h"

#include <QNetworkAccessManager>

namespace cb::cli {

namespace {

// Applies the flags to `s`; an empty string when they are all readable, else the usage message.
QString applyFlags(const QCommandLineParser &p, IntegrationSettings &s)
{
    if (p.isSet(QStringLiteral("intake")) && !IntegrationSettings::parseIntake(p.value(QStringLiteral("intake")), s))
        return QStringLiteral("--intake takes all, assigned, group:ID or none.");
    if (p.isSet(QStringLiteral("handoff")) && !IntegrationSettings::parseHandoff(p.value(QStringLiteral("handoff")), s))
        return QStringLiteral("--handoff takes unassign, marker, agent:ID or group:ID.");
    if (p.isSet(QStringLiteral("marker-field")))
        s.markerField = p.value(QStringLiteral("marker-field")).trimmed();
    if (p.isSet(QStringLiteral("comments"))) {
        auto comments = IntegrationSettings::parseComments(p.value(QStringLiteral("comments")));
        if (!comments)
            return QStringLiteral("--comments takes off, private (only agents see them) or public (the customer "
                                  "sees them).");
        s.comments = *comments;
    }
    if (p.isSet(QStringLiteral("footer")))
        s.footer = p.value(QStringLiteral("footer")).trimmed();
    if (p.isSet(QStringLiteral("reconcile-interval"))) {
        const qint64 sec = CliContext::parseDuration(p.value(QStringLiteral("reconcile-interval")));
        if (sec < 0)
            return QStringLiteral("--reconcile-interval takes a duration such as 5m or 1h.");
        s.reconcileIntervalSec = int(std::min<qint64>(sec, 365LL * 24 * 3600));
    }
    return {};
}

bool namesAccount(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("intake")) || p.isSet(QStringLiteral("handoff"));
}

QString commentsAudience(IntegrationSettings::CommentMode m)
{
    switch (m) {
    case IntegrationSettings::CommentMode::Off:
        return QStringLiteral("off (comments stay in Casebridge; nobody in the helpdesk sees them)");
    case IntegrationSettings::CommentMode::Private:
        return QStringLiteral("private notes (only agents see them)");
    case IntegrationSettings::CommentMode::Public:
        return QStringLiteral("public replies (the customer sees them)");
    }
    return {};
}

int runConfigure(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("`configure` needs the integration id; list them with `casebridge-sync "
                                        "integrations`."));
    const QString id = ctx.args().first();
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    IntegrationConfigurator configurator(**db, Clock::system());
    auto settings = configurator.current(id);
    if (!settings)
        return ctx.fail(settings.error());
    if (const QString bad = applyFlags(ctx.parser(), *settings); !bad.isEmpty())
        return ctx.usage(bad);

    if (namesAccount(ctx.parser())) {
        // Agents and groups are checked against the account as it is now.
        auto secrets = QCoro::waitFor(SecretStoreFactory::createSandboxAware(**db, Clock::system()));
        if (!secrets)
            return ctx.fail(secrets.error());
        QNetworkAccessManager nam;
        IntegrationManager manager(**db, Clock::system(), **secrets, makeHelpdeskClientMaker(&nam));
        auto refreshed = QCoro::waitFor(manager.refreshDirectory(id));
        if (!refreshed) {
            auto stored = NameDirectory(**db, Clock::system()).forIntegration(id);
            if (!stored || stored->isEmpty())
                return ctx.fail(refreshed.error());
            ctx.err() << "The account could not be read (" << refreshed.error().message
                      << "); checking against the names read earlier." << Qt::endl;
        }
    }
    if (auto st = configurator.save(id, *settings); !st) {
        if (st.error().kind == Error::Kind::Usage) {
            ctx.err() << st.error().message << Qt::endl;
            return ExitUsage;
        }
        return ctx.fail(st.error());
    }
    auto saved = configurator.current(id);
    if (!saved)
        return ctx.fail(saved.error());
    if (ctx.json()) {
        ctx.printJson(
            QJsonObject{{QStringLiteral("integration_id"), id}, {QStringLiteral("settings"), saved->toJson()}});
        return ExitOk;
    }
    auto names = NameDirectory(**db, Clock::system()).forIntegration(id);
    const DirectoryNames directory = names ? *names : DirectoryNames();
    QString intake = saved->intakeSpelling();
    if (saved->intake == IntegrationSettings::Intake::Group)
        intake += QStringLiteral(" (") + directory.name(DirectoryKind::Group, saved->defaultGroupId) + QLatin1Char(')');
    QString handoff = saved->handoffSpelling();
    if (saved->handoff == IntegrationSettings::HandoffMode::AssignAgent)
        handoff +=
            QStringLiteral(" (") + directory.name(DirectoryKind::Agent, saved->handoffTargetId) + QLatin1Char(')');
    else if (saved->handoff == IntegrationSettings::HandoffMode::AssignGroup)
        handoff +=
            QStringLiteral(" (") + directory.name(DirectoryKind::Group, saved->handoffTargetId) + QLatin1Char(')');
    ctx.out() << "Saved; a running serve or console follows within a second.\n"
              << "  intake: " << intake << "\n  handoff: " << handoff << "\n  marker field: " << saved->markerField
              << "\n  comments: " << commentsAudience(saved->comments) << "\n  footer: " << saved->footer
              << "\n  reconcile interval: " << saved->reconcileIntervalSec << " s" << Qt::endl;
    return ExitOk;
}

} // namespace

CliCommand configureCommand()
{
    return {
        QStringLiteral("configure"),
        QStringLiteral("configure INTEGRATION_ID [--intake all|assigned|group:ID|none] [--handoff "
                       "unassign|marker|agent:ID|group:ID] [--marker-field NAME] [--comments off|private|public] "
                       "[--footer TEXT] [--reconcile-interval DUR]"),
        QStringLiteral("Change an integration's settings (agents and groups checked against the account); a running "
                       "serve or console follows within a second."),
        {QCommandLineOption(QStringLiteral("intake"), QStringLiteral("all, assigned, group:ID or none."),
                            QStringLiteral("MODE")),
         QCommandLineOption(QStringLiteral("handoff"), QStringLiteral("unassign, marker, agent:ID or group:ID."),
                            QStringLiteral("H")),
         QCommandLineOption(QStringLiteral("marker-field"), QStringLiteral("The custom field set on hand-off."),
                            QStringLiteral("NAME")),
         QCommandLineOption(QStringLiteral("comments"),
                            QStringLiteral("off, private (agents see them) or public (the customer sees them)."),
                            QStringLiteral("MODE")),
         QCommandLineOption(QStringLiteral("footer"), QStringLiteral("Appended to pushed comments."),
                            QStringLiteral("TEXT")),
         QCommandLineOption(QStringLiteral("reconcile-interval"), QStringLiteral("How often to reconcile (e.g. 5m)."),
                            QStringLiteral("DUR"))},
        &runConfigure};
}

} // namespace cb::cli
