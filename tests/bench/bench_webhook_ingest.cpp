// Webhook ingest benchmark: `casebridge-sync serve` on a SQLite file (synchronous=FULL, group commit) and a load
// client with 16 keep-alive connections sending unique events with the valid secret. Prints durable acks/s at
// saturation, p50/p99 ack latency at saturation and at a steady 1,000 req/s, and checks stored == acknowledged.
// Targets on a two-core machine: >= 5,000 acks/s; p99 <= 10 ms at 1,000 req/s. Figures only; CI does not time.
//   bench_webhook_ingest [seconds per phase, default 5]
#include "common/clock.h"
#include "domain/integration.h"
#include "serveprocess.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"
#include "webhookloadclient.h"

#include <QCoreApplication>
#include <QEventLoop>
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

Phase run(quint16 port, const QString &path, const QString &prefix, double rate, int seconds, QSet<QString> *ackedIds)
{
    WebhookLoadClient load({port, path, kSecret, 16, 0, rate, prefix});
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
    const int seconds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    TempStore temp;
    QString id;
    {
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
    }
    // Receiver only: the figures are the receiver's; the engine's are bench_sync's.
    ServeProcess serve;
    if (!serve.start(temp.path(), {QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--receive-only")})) {
        std::fprintf(stderr, "bench: serve did not start\n");
        return 1;
    }
    const QString path = QStringLiteral("/api/webhooks/freshdesk/") + id;
    QSet<QString> acked;
    run(serve.port(), path, QStringLiteral("warmup"), 0, 1, &acked);
    const Phase sat = run(serve.port(), path, QStringLiteral("sat"), 0, seconds, &acked);
    const Phase steady = run(serve.port(), path, QStringLiteral("steady"), 1000, seconds, &acked);
    const int rc = serve.terminate();

    auto db = temp.open();
    const qint64 stored = db ? db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toLongLong() : -1;
    std::printf("webhook ingest, SQLite synchronous=FULL, group commit, 16 keep-alive connections\n");
    std::printf("  saturation : %8.0f durable acks/s  (%d in %.1f s)  p50 %.2f ms  p99 %.2f ms  refused %d"
                "   [target >= 5000/s]\n",
                sat.acked / sat.seconds, sat.acked, sat.seconds, sat.p50, sat.p99, sat.refused);
    std::printf("  steady 1000/s: %6.0f acks/s  p50 %.2f ms  p99 %.2f ms  refused %d   [target p99 <= 10 ms]\n",
                steady.acked / steady.seconds, steady.p50, steady.p99, steady.refused);
    std::printf("  stored %lld, acknowledged %lld: %s; serve exit code %d\n", static_cast<long long>(stored),
                static_cast<long long>(acked.size()), stored == acked.size() ? "equal" : "MISMATCH", rc);
    return stored == acked.size() && rc == 0 ? 0 : 1;
}
