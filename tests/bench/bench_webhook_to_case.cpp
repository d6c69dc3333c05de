// Webhook-to-case latency benchmark: a serve-like SyncHost (receiver, engine, change notifier, role "serve") on a
// SQLite file, with a fake helpdesk client, and webhooks that carry the new state (the flat custom-JSON shape with
// status, priority and updated_at) POSTed one at a time over loopback HTTP. For each one it measures from the
// moment the request is sent to the moment its case holds the new state (read on the engine's logAppended), and
// prints p50/p99/max. Before the engine woke on commit it waited for a 250 ms tick (p50 about 195 ms); target
// p99 <= 50 ms. It also prints whether the engine sleeps while idle (the next pass is seconds away, not a tick).
// Figures only; CI does not time.
//   bench_webhook_to_case [webhooks, default 300] [--gap MS, default 20]
#include "common/clock.h"
#include "domain/integration.h"
#include "fakehelpdeskclient.h"
#include "memorysecretstore.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "sync/defaultsyncplatform.h"
#include "sync/remoteapplier.h"
#include "sync/syncengine.h"
#include "sync/synchost.h"
#include "sync/ticketmapper.h"
#include "tempstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhooksecret.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace cb;
using namespace cb::test;

namespace {
const QByteArray kSecret = "bench-secret";
constexpr int kTickets = 50;

double percentile(QList<double> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype at = std::min<qsizetype>(sorted.size() - 1, qsizetype(p / 100.0 * double(sorted.size())));
    return sorted.at(at);
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int gapMs = 20;
    if (const qsizetype at = args.indexOf(QStringLiteral("--gap")); at >= 0 && at + 1 < args.size()) {
        gapMs = std::max(0, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    const int n = args.isEmpty() ? 300 : std::max(1, args.first().toInt());

    TempStore temp;
    Integration integration;
    integration.id = IntegrationStore::newId();
    integration.domain = QStringLiteral("bench.freshdesk.com");
    integration.webhookSecretHash = WebhookSecret::hash(kSecret);
    {
        // The tickets are linked cases already (imported), so a webhook that carries fields is applied directly.
        auto db = temp.open();
        if (!db || !IntegrationStore(*db, Clock::system()).insert(integration)) {
            std::fprintf(stderr, "bench: cannot prepare the store\n");
            return 1;
        }
        FakeHelpdeskClient fake(Clock::system());
        TicketMapper mapper;
        RemoteApplier applier(*db, Clock::system(), mapper);
        for (qint64 id = 1; id <= kTickets; ++id)
            if (!applier.applyTicket(integration, fake.addTicket(id, 2, 1, 7200), ChangeSource::Import,
                                     QStringLiteral("ticket.imported"), true)) {
                std::fprintf(stderr, "bench: cannot link the cases\n");
                return 1;
            }
    }

    SyncPlatformMaker runtime = [](Database &, QNetworkAccessManager &) -> Result<SyncPlatform> {
        SyncPlatform r;
        auto secrets = std::make_unique<MemorySecretStore>();
        r.secrets = std::move(secrets);
        r.makeClient = [](const QString &, const QString &domain, const QByteArray &) -> Result<ClientHandle> {
            auto fake = std::make_unique<FakeHelpdeskClient>(Clock::system());
            for (qint64 id = 1; id <= kTickets; ++id)
                fake->addTicket(id, 2, 1, 7200);
            return ClientHandle{std::move(fake), domain};
        };
        r.parser = makeWebhookParser();
        r.startReceiver = makeReceiverStarter();
        return r;
    };
    SyncHostOptions options;
    options.role = QStringLiteral("serve");
    options.listen = QStringLiteral("127.0.0.1:0");
    options.receiverRequired = true;
    SyncHost host(runtime, options);
    if (auto opened = host.open(*DatabaseLocation::parse(temp.path())); !opened) {
        std::fprintf(stderr, "bench: the host did not open: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    if (!QCoro::waitFor(host.platform().secrets->write(integration.id, "bench-key"))) {
        std::fprintf(stderr, "bench: cannot store the key\n");
        return 1;
    }
    host.start();
    SyncEngine *engine = host.engine();
    spin(1500); // the start-up pass (lease, client, reconcile) is over
    const QDateTime idleNext = engine->nextPassAt();
    const qint64 idleSleepMs = QDateTime::currentDateTimeUtc().msecsTo(idleNext);

    QNetworkAccessManager nam;
    const QUrl url(host.endpoint()->baseUrl() + QStringLiteral("/api/webhooks/freshdesk/") + integration.id);
    CaseStore cases(*host.database(), Clock::system());
    const QDateTime base = // whole seconds, as updated_at is sent
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 3600, Qt::UTC);
    QList<double> latencies;
    int refused = 0;
    int missed = 0;
    for (int i = 0; i < n; ++i) {
        const qint64 ticket = 1 + i % kTickets;
        const QDateTime updatedAt = base.addSecs(i + 1);
        const QJsonObject body{{QStringLiteral("ticket_id"), ticket},
                               {QStringLiteral("event"), QStringLiteral("status_changed")},
                               {QStringLiteral("status"), i % 2 ? 2 : 3},
                               {QStringLiteral("priority"), 1 + i % 4},
                               {QStringLiteral("updated_at"), updatedAt.toString(Qt::ISODate)}};
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArrayLiteral("X-Casebridge-Webhook-Secret"), kSecret);
        QElapsedTimer timer;
        timer.start();
        bool done = false;
        QEventLoop loop;
        auto check = [&] {
            auto c = cases.findByExternal(integration.workspaceId, integration.provider, integration.domain, ticket);
            if (c && c->has_value() && (*c)->externalUpdatedAt == updatedAt) {
                done = true;
                loop.quit();
            }
        };
        const auto watch = QObject::connect(engine, &SyncEngine::logAppended, &loop, check);
        QNetworkReply *reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 202) {
                ++refused;
                loop.quit();
            }
            reply->deleteLater();
        });
        QTimer::singleShot(2000, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(watch);
        if (done)
            latencies << double(timer.nsecsElapsed()) / 1e6;
        else
            ++missed;
        if (gapMs > 0)
            spin(gapMs);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("webhook -> case: %d flat webhooks carrying status/priority/updated_at, one at a time, %d ms apart, "
                "serve-like host on SQLite\n",
                n, gapMs);
    std::printf("  receipt -> case updated: p50 %.1f ms  p99 %.1f ms  max %.1f ms   [target p99 <= 50 ms]\n",
                percentile(latencies, 50), percentile(latencies, 99), latencies.isEmpty() ? 0.0 : latencies.last());
    std::printf("  applied %lld, refused %d, not applied within 2 s %d\n", static_cast<long long>(latencies.size()),
                refused, missed);
    std::printf("  idle engine: next pass %.1f s away (no 250 ms tick)\n", double(idleSleepMs) / 1000.0);
    host.stop();
    return refused == 0 && missed == 0 ? 0 : 1;
}
