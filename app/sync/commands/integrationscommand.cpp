#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "domain/domainjson.h"
#include "storage/integrationstore.h"

namespace cb::cli {

namespace {
int runIntegrations(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(
            QStringLiteral("`integrations` takes no arguments; try `casebridge-sync integrations --json`."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto list = IntegrationStore(**db, Clock::system()).list();
    if (!list)
        return ctx.fail(list.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const Integration &i : std::as_const(*list))
            arr.append(toJson(i));
        ctx.printJson(arr);
        return ExitOk;
    }
    if (list->isEmpty()) {
        ctx.out() << "No integrations yet. Connect one with: casebridge-sync connect freshdesk --domain D "
                     "--api-key-stdin"
                  << Qt::endl;
        return ExitOk;
    }
    for (const Integration &i : std::as_const(*list)) {
        ctx.out() << i.id << "  " << i.provider << "  " << i.domain << "  " << i.state << "  agent: " << i.agentName
                  << " <" << i.agentEmail << ">" << Qt::endl;
    }
    return ExitOk;
}
} // namespace

CliCommand integrationsCommand()
{
    return {QStringLiteral("integrations"),
            QStringLiteral("integrations"),
            QStringLiteral("List the connected helpdesks (never a secret or key)."),
            {},
            &runIntegrations};
}

} // namespace cb::cli
