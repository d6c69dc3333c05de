#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/secretstore.h"
#include "secrets/secretstorefactory.h"
#include "storage/integrationstore.h"
#include "sync/integrationmanager.h"

#include <QJsonArray>
#include <QNetworkAccessManager>

namespace cb::cli {

namespace {

struct Managed
{
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<IntegrationManager> manager;
};

Result<Managed> manager(CliContext &ctx)
{
    auto db = ctx.database();
    if (!db)
        return db.error();
    auto secrets = QCoro::waitFor(SecretStoreFactory::createSandboxAware(**db, Clock::system()));
    if (!secrets)
        return secrets.error();
    Managed m;
    m.secrets = std::move(secrets).value();
    m.nam = std::make_unique<QNetworkAccessManager>();
    m.manager =
        std::make_unique<IntegrationManager>(**db, Clock::system(), *m.secrets, makeHelpdeskClientMaker(m.nam.get()));
    return m;
}

int runRotateSecret(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("`rotate-secret` needs the integration id."));
    qint64 grace = 24 * 3600;
    if (ctx.parser().isSet(QStringLiteral("grace"))) {
        grace = CliContext::parseDuration(ctx.parser().value(QStringLiteral("grace")));
        if (grace < 0)
            return ctx.usage(QStringLiteral("--grace takes a duration such as 30s, 10m or 24h."));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    // Rotating needs no API key: only the secret's hash changes.
    auto info = IntegrationManager::rotateSecret(**db, Clock::system(), ctx.args().first(), grace);
    if (!info)
        return ctx.fail(info.error());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("integration_id"), info->integrationId},
                                  {QStringLiteral("webhook_url"), info->webhookUrl},
                                  {QStringLiteral("header"), info->headerName},
                                  {QStringLiteral("secret"), info->secret},
                                  {QStringLiteral("rule_payloads"), QJsonArray::fromStringList(info->rulePayloads)}});
    } else {
        ctx.out() << "New webhook secret (shown once; the old one stays valid for " << grace << " s):\n"
                  << info->headerName << ": " << info->secret << "\nWebhook URL: " << info->webhookUrl << Qt::endl;
    }
    return ExitOk;
}

int runRotateKey(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("`rotate-key` needs the integration id."));
    auto key = ctx.readApiKey();
    if (!key)
        return ctx.usage(key.error().message);
    auto m = manager(ctx);
    if (!m)
        return ctx.fail(m.error());
    auto st = QCoro::waitFor(m->manager->rotateKey(ctx.args().first(), *key));
    if (!st)
        return ctx.fail(st.error());
    ctx.out() << "The new API key is verified and stored; a running serve or console uses it within a second."
              << Qt::endl;
    return ExitOk;
}

int runDisconnect(CliContext &ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usage(QStringLiteral("`disconnect` needs the integration id."));
    auto m = manager(ctx);
    if (!m)
        return ctx.fail(m.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto integration = IntegrationStore(**db, Clock::system()).get(ctx.args().first());
    if (!integration)
        return ctx.fail(integration.error());
    auto st = QCoro::waitFor(m->manager->disconnect(ctx.args().first()));
    if (!st)
        return ctx.fail(st.error());
    ctx.out() << "Disconnected: the API key and webhook secret are gone; the cases stay (connecting the account "
                 "again re-links them).\nDelete these in the helpdesk, which would otherwise keep calling a webhook "
                 "that no longer answers:"
              << Qt::endl;
    for (const QString &rule : IntegrationManager::rulePayloads(integration->provider))
        ctx.out() << "  " << rule.section(QLatin1Char(':'), 0, 0) << Qt::endl;
    return ExitOk;
}

} // namespace

CliCommand rotateSecretCommand()
{
    return {QStringLiteral("rotate-secret"),
            QStringLiteral("rotate-secret INTEGRATION_ID [--grace DUR]"),
            QStringLiteral("A new webhook secret, shown once; the old one stays valid for DUR (default 24h)."),
            {QCommandLineOption(QStringLiteral("grace"), QStringLiteral("How long the old secret stays valid."),
                                QStringLiteral("DUR"))},
            &runRotateSecret};
}

CliCommand rotateKeyCommand()
{
    return {QStringLiteral("rotate-key"),
            QStringLiteral("rotate-key INTEGRATION_ID (--api-key-file F | --api-key-stdin)"),
            QStringLiteral("Verify and store a new API key."),
            {QCommandLineOption(QStringLiteral("api-key-file"), QStringLiteral("Read the key from a file."),
                                QStringLiteral("F")),
             QCommandLineOption(QStringLiteral("api-key-stdin"), QStringLiteral("Read the key from standard input."))},
            &runRotateKey};
}

CliCommand disconnectCommand()
{
    return {QStringLiteral("disconnect"),
            QStringLiteral("disconnect INTEGRATION_ID"),
            QStringLiteral("Stop syncing: drop the credentials, keep the cases."),
            {},
            &runDisconnect};
}

} // namespace cb::cli
