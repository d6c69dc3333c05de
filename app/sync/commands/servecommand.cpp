#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/sandboxawaresecretstore.h"
#include "secrets/secretstore.h"
#include "secrets/secretstorefactory.h"
#include "signalwatcher.h"
#include "sync/defaultsyncplatform.h"
#include "sync/syncengine.h"
#include "sync/synchost.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace cb::cli {

namespace {

Result<ReceiverOptions> receiverOptions(CliContext &ctx)
{
    const auto &p = ctx.parser();
    ReceiverOptions o;
    bool ok = true;
    if (p.isSet(QStringLiteral("max-body"))) {
        o.maxBodyBytes = p.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || o.maxBodyBytes < 1)
            return Error::make(Error::Kind::Usage, QStringLiteral("--max-body takes a number of bytes, e.g. 1048576."));
    }
    if (p.isSet(QStringLiteral("rate"))) {
        o.ratePerSecond = p.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || o.ratePerSecond < 0)
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("--rate takes requests per second per client (0 = unlimited)."));
        o.burst = std::max(o.burst, o.ratePerSecond * 10);
    }
    if (p.isSet(QStringLiteral("allow"))) {
        QString why;
        if (!o.parseAllowList(p.value(QStringLiteral("allow")), &why))
            return Error::make(Error::Kind::Usage, QStringLiteral("--allow: ") + why);
    }
    return o;
}

// Stops accepting, lets the webhooks in flight commit and answer, then leaves the event loop with 0.
QCoro::Task<> shutDown(WebhookEndpoint *endpoint, SyncEngine *engine)
{
    endpoint->server().close();
    co_await endpoint->receiver().drain();
    if (engine)
        engine->stop();
    QCoreApplication::exit(ExitOk);
}

int runServe(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("`serve` takes options only; see `casebridge-sync serve --help`."));
    const auto &p = ctx.parser();
    const QString listen =
        p.isSet(QStringLiteral("listen")) ? p.value(QStringLiteral("listen")) : QStringLiteral("127.0.0.1:8780");
    if (auto where = WebhookEndpoint::parseListen(listen); !where)
        return ctx.usage(where.error().message);
    qint64 reconcileSec = 0;
    if (p.isSet(QStringLiteral("reconcile-interval"))) {
        reconcileSec = CliContext::parseDuration(p.value(QStringLiteral("reconcile-interval")));
        if (reconcileSec < 1)
            return ctx.usage(QStringLiteral("--reconcile-interval takes a duration such as 5m or 30s."));
    }
    RetentionPruner::Options retention;
    for (const auto &[flag, target] : {std::pair{QStringLiteral("inbox-retention"), &retention.inboxSeconds},
                                       std::pair{QStringLiteral("log-retention"), &retention.logSeconds}}) {
        if (!p.isSet(flag))
            continue;
        *target = CliContext::parseDuration(p.value(flag));
        if (*target < 1)
            return ctx.usage(QStringLiteral("--%1 takes a duration such as 30d or 12h.").arg(flag));
    }
    auto options = receiverOptions(ctx);
    if (!options)
        return ctx.usage(options.error().message);
    std::optional<HttpHost::TlsFiles> tls;
    if (p.isSet(QStringLiteral("tls-cert")) != p.isSet(QStringLiteral("tls-key")))
        return ctx.usage(QStringLiteral("--tls-cert and --tls-key go together."));
    if (p.isSet(QStringLiteral("tls-cert")))
        tls = HttpHost::TlsFiles{p.value(QStringLiteral("tls-cert")), p.value(QStringLiteral("tls-key"))};

    // Handlers first: a SIGTERM that arrives right after the startup line must still end gracefully.
    SignalWatcher signals;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const bool receiveOnly = p.isSet(QStringLiteral("receive-only"));

    // Webhooks are received even when no key store answers: they wait in the inbox, nothing is lost.
    SyncPlatformMaker runtime = [&ctx, receiveOnly, receiver = *options,
                                 tls](Database &store, QNetworkAccessManager &nam) -> Result<SyncPlatform> {
        SyncPlatform r;
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        r.startReceiver = makeReceiverStarter(receiver, tls);
        if (receiveOnly)
            return r; // another process (the console, or serve on another host in team mode) processes the inbox
        auto secrets = QCoro::waitFor(SecretStoreFactory::createSandboxAware(store, Clock::system()));
        if (!secrets) {
            ctx.err() << "casebridge-sync: " << secrets.error().message
                      << " Webhooks are received and kept, but not processed until keys can be read." << Qt::endl;
            return r;
        }
        // With no keychain and no ENCRYPTION_KEY only the built-in sandbox's key (kept in the store) is readable:
        // a sandbox the console connected syncs, other integrations report why their key cannot be read.
        if (auto *layered = dynamic_cast<SandboxAwareSecretStore *>(secrets->get());
            layered && !layered->hasRealStore())
            ctx.err() << "casebridge-sync: " << QCoro::waitFor(layered->checkWritable()).error().message
                      << " Only the built-in sandbox's integrations sync until then." << Qt::endl;
        r.secrets = std::move(secrets).value();
        return r;
    };
    SyncHostOptions hostOptions;
    hostOptions.role = QStringLiteral("serve");
    hostOptions.listen = listen;
    hostOptions.receiverRequired = true;
    hostOptions.runEngine = !receiveOnly;
    hostOptions.reconcileIntervalSec = int(reconcileSec);
    hostOptions.retention = retention;
    SyncHost host(std::move(runtime), hostOptions);
    if (auto opened = host.open(**db); !opened)
        return ctx.fail(opened.error());
    WebhookEndpoint *endpoint = host.endpoint();
    SyncEngine *engine = host.engine();
    if (engine)
        QObject::connect(
            engine, &SyncEngine::clientError, qApp,
            [&ctx, reported = QHash<QString, QString>()](const QString &id, const QString &message) mutable {
                // Said once per integration and message, not on every attempt that retries.
                if (reported.value(id) == message)
                    return;
                reported.insert(id, message);
                ctx.err() << "casebridge-sync: integration " << id << ": " << message << Qt::endl;
            });
    const QString base = endpoint->baseUrl();
    if (ctx.json()) {
        ctx.printJson(QJsonObject{
            {QStringLiteral("listen"), base},
            {QStringLiteral("webhook_url"), QString(base + QStringLiteral("/api/webhooks/freshdesk/{integration_id}"))},
            {QStringLiteral("health_url"), QString(base + QStringLiteral("/api/health"))},
            {QStringLiteral("engine"), engine != nullptr}});
    } else {
        ctx.out() << "Receiving webhooks at " << base << "/api/webhooks/freshdesk/{integration id}"
                  << (engine ? "; syncing inbound events, pushing edits and reconciling."
                             : (receiveOnly ? "; receive only: events wait in the inbox for another process."
                                            : "; not syncing (no key store)."))
                  << "\nHealth: " << base << "/api/health  Metrics: " << base << "/metrics\nStop with Ctrl+C."
                  << Qt::endl;
    }
    host.start();

    bool stopping = false;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, qApp, [&stopping, endpoint, engine] {
        if (stopping)
            return;
        stopping = true;
        shutDown(endpoint, engine);
    });
    const int rc = QCoreApplication::exec();
    endpoint->receiver().drain(0); // anything still queued is committed before the store closes
    return rc;
}

} // namespace

CliCommand serveCommand()
{
    return {QStringLiteral("serve"),
            QStringLiteral("serve [--listen ADDR:PORT] [--reconcile-interval DUR] [--max-body BYTES] [--rate PER_S] "
                           "[--allow CIDR,…] [--tls-cert F --tls-key F] [--receive-only] [--inbox-retention DUR] "
                           "[--log-retention DUR]"),
            QStringLiteral("Receive webhooks and sync both ways (inbound, outbound, reconciler) until SIGTERM."),
            {QCommandLineOption(QStringLiteral("listen"), QStringLiteral("Address and port (default 127.0.0.1:8780)."),
                                QStringLiteral("ADDR:PORT")),
             QCommandLineOption(QStringLiteral("reconcile-interval"),
                                QStringLiteral("How often to reconcile (default: the integration's, 10m)."),
                                QStringLiteral("DUR")),
             QCommandLineOption(QStringLiteral("max-body"), QStringLiteral("Largest webhook body (default 1048576)."),
                                QStringLiteral("BYTES")),
             QCommandLineOption(QStringLiteral("rate"),
                                QStringLiteral("Requests per second per client (default 100, burst 1000; 0 = off)."),
                                QStringLiteral("PER_S")),
             QCommandLineOption(QStringLiteral("allow"), QStringLiteral("Only these CIDR subnets may send webhooks."),
                                QStringLiteral("CIDR,…")),
             QCommandLineOption(QStringLiteral("inbox-retention"),
                                QStringLiteral("Keep processed webhooks this long (default 30d; failed ones stay)."),
                                QStringLiteral("DUR")),
             QCommandLineOption(QStringLiteral("log-retention"),
                                QStringLiteral("Keep sync-log rows this long (default 90d)."), QStringLiteral("DUR")),
             QCommandLineOption(QStringLiteral("receive-only"),
                                QStringLiteral("Only receive and store webhooks; another process syncs them.")),
             QCommandLineOption(QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate."),
                                QStringLiteral("F")),
             QCommandLineOption(QStringLiteral("tls-key"), QStringLiteral("The PEM private key for --tls-cert."),
                                QStringLiteral("F"))},
            &runServe};
}

} // namespace cb::cli
