// Webhook ingest benchmark: `casebridge-sync serve` on a SQLite file (synchronous=FULL, group commit) and a load
// client with 16 keep-alive connections sending unique events with the valid secret. Prints durable acks/s at
// saturation, p50/p99 ack latency at saturation and at a steady 1,000 req/s, and checks stored == acknowledged.
// Targets on a two-core machine: >= 5,000 acks/s; p99 <= 10 ms at 1,000 req/s. Figures only; CI does not time.
//   bench_webhook_ingest [seconds per phase, default 5] [--payload with-id|thin|simple|flat] [--prefill N]
//                        [--with-engine]
// --payload: the bodies sent. with-id (default) carries an event id; thin (the update rule `connect` prints),
// simple (Simple mode) and flat (custom flat JSON) are what Freshdesk really sends — no event id, no updated_at —
// so the receiver keys them by body hash (an indexed equality lookup among pending events).
// --prefill N: first fills the inbox with N retained (processed, not yet pruned) events, in one transaction, to
// show that the figures do not depend on the inbox's size.
// --with-engine: serve also runs its sync engine against a sandbox account whose tickets 1000..5999 are imported
// as cases, so every event is a real update the engine fetches (at the sandbox's Pro limits) and applies in the
// same store and process: the receiver's figures while the engine works. Prints the inbox states afterwards.
#include "clirunner.h"
#include "common/clock.h"
#include "domain/integration.h"
#include "serveprocess.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"
#include "webhookloadclient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

using namespace cb;
using namespace cb::test;

namespace {
const QByteArray kSecret = "bench-secret";

struct Phase
{
    int acked = 0;
    int refused = 0;
    double seconds = 0;
    double p50 = 0;
    double p99 = 0;
};

Phase run(quint16 port, const QString &path, const QString &prefix, double rate, int seconds, const QString &payload,
          qint64 ticketBase, QSet<QString> *ackedIds)
{
    WebhookLoadClient load({port, path, kSecret, 16, 0, rate, prefix, payload, ticketBase});
    QEventLoop loop;
    QObject::connect(&load, &WebhookLoadClient::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(seconds * 1000, &load, &WebhookLoadClient::finish);
    load.start();
    loop.exec();
    Phase p;
    p.acked = load.acknowledged();
    p.refused = load.refused() + load.connectionErrors();
    p.seconds = load.elapsedSeconds();
    const QList<double> lat = load.sortedLatenciesMs();
    p.p50 = WebhookLoadClient::percentile(lat, 50);
    p.p99 = WebhookLoadClient::percentile(lat, 99);
    ackedIds->unite(load.acknowledgedEventIds());
    return p;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const bool withEngine = args.contains(QStringLiteral("--with-engine"));
    auto valueOf = [&args](const QString &flag, const QString &fallback) {
        const qsizetype at = args.indexOf(flag);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const QString payload = valueOf(QStringLiteral("--payload"), QStringLiteral("with-id"));
    const qint64 prefill = valueOf(QStringLiteral("--prefill"), QStringLiteral("0")).toLongLong();
    if (!WebhookLoadClient::knownPayload(payload) || prefill < 0) {
        std::fprintf(stderr, "bench: --payload takes with-id, thin, simple or flat; --prefill a row count\n");
        return 2;
    }
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--payload") || args.at(i) == QLatin1String("--prefill"))
            ++i;
        else
            positional << args.at(i);
    }
    const QStringList numbers = positional.filter(QRegularExpression(QStringLiteral("^\\d+$")));
    const int seconds = numbers.isEmpty() ? 5 : std::max(1, numbers.first().toInt());
    const QByteArray encryptionKey = QByteArray(32, '\x5a').toHex();
    TempStore temp;
    QString id;
    ServeProcess sandbox;
    if (!withEngine) {
        auto db = temp.open();
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("127.0.0.1:9");
        i.webhookSecretHash = WebhookSecret::hash(kSecret);
        if (!db || !IntegrationStore(*db, Clock::system()).insert(i)) {
            std::fprintf(stderr, "bench: cannot prepare the store\n");
            return 1;
        }
        id = i.id;
    } else {
        // A sandbox account whose tickets 1000..5999 (the ones the load client names) are imported as cases: each
        // event is then a real status update for the engine to apply, logged in the same store.
        qputenv("ENCRYPTION_KEY", encryptionKey);
        if (!sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("6000")},
                                  QStringLiteral("url"))) {
            std::fprintf(stderr, "bench: the sandbox did not start\n");
            return 1;
        }
        const QStringList db{QStringLiteral("--database"), temp.path(), QStringLiteral("--json")};
        const CliResult connected =
            runCli(db + QStringList{QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"),
                                    sandbox.startupJson().value(QStringLiteral("domain")).toString(),
                                    QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")},
                   "sandbox-admin-key\n");
        id = QJsonDocument::fromJson(connected.out).object().value(QStringLiteral("integration_id")).toString();
        const CliResult imported = runCli(db + QStringList{QStringLiteral("import"), id}, {}, 300000);
        if (connected.exitCode != 0 || imported.exitCode != 0) {
            std::fprintf(stderr, "bench: connect/import failed: %s%s\n", connected.err.constData(),
                         imported.err.constData());
            return 1;
        }
        auto store = temp.open();
        auto integration = IntegrationStore(*store, Clock::system()).get(id);
        integration->webhookSecretHash = WebhookSecret::hash(kSecret); // the load client's secret
        if (!IntegrationStore(*store, Clock::system()).update(*integration)) {
            std::fprintf(stderr, "bench: cannot set the secret\n");
            return 1;
        }
    }
    if (prefill > 0) {
        // Retained events: processed within the retention period, so still there, each with its own body hash.
        auto db = temp.open();
        QElapsedTimer filling;
        filling.start();
        const bool filled =
            db &&
            db->exec(QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                         "INSERT INTO webhook_inbox (integration_id, event_key, body_hash, received_at, content_type, "
                         "body, state, attempts, processed_at) SELECT ?, 'body:' || printf('%064d', i) || '@1', "
                         "printf('%064d', i), '2026-11-01T00:00:00.000Z', 'application/json', "
                         "CAST('{\"ticket_id\":\"' || i || '\",\"event\":\"updated\"}' AS BLOB), 'done', 1, "
                         "'2026-11-01T00:00:01.000Z' FROM n"),
                     {prefill, id});
        if (!filled) {
            std::fprintf(stderr, "bench: cannot prefill the inbox\n");
            return 1;
        }
        std::printf("prefilled the inbox with %lld retained events in %.1f s\n", static_cast<long long>(prefill),
                    filling.elapsed() / 1000.0);
    }
    const qint64 before = prefill;
    {
        // The store's own cost of identifying and inserting id-less events over this inbox, without fsync or HTTP
        // (rolled back): flat in the inbox's size when the lookup is an indexed equality.
        auto db = temp.open();
        Inbox inbox(*db, Clock::system());
        QElapsedTimer timer;
        int inserted = 0;
        {
            WriteTransaction tx(*db);
            timer.start();
            for (int k = 0; k < 20000; ++k) {
                InboxEvent e;
                e.integrationId = id;
                e.body = WebhookLoadClient::body(QStringLiteral("thin"), 40000000 + k / 2, {});
                e.eventKey = QStringLiteral("body:") +
                             QString::fromLatin1(QCryptographicHash::hash(e.body, QCryptographicHash::Sha256).toHex());
                inserted += inbox.insert(e).ok() ? 1 : 0; // every second one coalesces with its pending twin
            }
        }
        std::printf("inbox identity + insert (id-less, half coalescing), no fsync: %.1f us per event over %lld "
                    "retained rows (%d ok)\n",
                    double(timer.nsecsElapsed()) / 1000.0 / 20000, static_cast<long long>(prefill), inserted);
    }
    // Receiver only by default: the figures are the receiver's; the engine's are bench_sync's.
    ServeProcess serve;
    QStringList serveArgs{QStringLiteral("--rate"), QStringLiteral("0")};
    if (withEngine)
        serveArgs << QStringLiteral("--reconcile-interval") << QStringLiteral("1h");
    else
        serveArgs << QStringLiteral("--receive-only");
    if (!serve.start(temp.path(), serveArgs)) {
        std::fprintf(stderr, "bench: serve did not start\n");
        return 1;
    }
    const QString path = QStringLiteral("/api/webhooks/freshdesk/") + id;
    QSet<QString> acked;
    // Distinct tickets per phase: with no event id, a body repeated while its twin is pending would coalesce.
    run(serve.port(), path, QStringLiteral("warmup"), 0, 1, payload, 10000000, &acked);
    const Phase sat = run(serve.port(), path, QStringLiteral("sat"), 0, seconds, payload, 20000000, &acked);
    const Phase steady = run(serve.port(), path, QStringLiteral("steady"), 1000, seconds, payload, 30000000, &acked);
    const int rc = serve.terminate();

    auto db = temp.open();
    const qint64 stored =
        db ? db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toLongLong() - before : -1;
    std::printf("webhook ingest, SQLite synchronous=FULL, group commit, 16 keep-alive connections, %s, payload %s, "
                "%lld retained rows before\n",
                withEngine ? "engine busy in the same process" : "receive only", qPrintable(payload),
                static_cast<long long>(before));
    std::printf("  saturation : %8.0f durable acks/s  (%d in %.1f s)  p50 %.2f ms  p99 %.2f ms  refused %d"
                "   [target >= 5000/s]\n",
                sat.acked / sat.seconds, sat.acked, sat.seconds, sat.p50, sat.p99, sat.refused);
    std::printf("  steady 1000/s: %6.0f acks/s  p50 %.2f ms  p99 %.2f ms  refused %d   [target p99 <= 10 ms]\n",
                steady.acked / steady.seconds, steady.p50, steady.p99, steady.refused);
    std::printf("  stored %lld, acknowledged %lld: %s; serve exit code %d\n", static_cast<long long>(stored),
                static_cast<long long>(acked.size()), stored == acked.size() ? "equal" : "MISMATCH", rc);
    if (withEngine && db) {
        auto states = db->exec(QStringLiteral("SELECT state, COUNT(*) FROM webhook_inbox GROUP BY state"));
        std::printf("  inbox after the run:");
        while (states && states->next())
            std::printf(" %s %lld", qPrintable(states->value(0).toString()), states->value(1).toLongLong());
        std::printf("\n");
    }
    return stored == acked.size() && rc == 0 ? 0 : 1;
}
