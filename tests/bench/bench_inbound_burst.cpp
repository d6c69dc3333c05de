// Inbound burst benchmark: N thin webhooks (no event id, no updated_at: what Freshdesk sends) for N distinct linked
// tickets, each changed in the sandbox helpdesk at the Growth plan's limits, applied by the inbound processor with
// the real Freshdesk client over loopback HTTP. Prints the API calls (target for 1,000: <= 15, the listing by
// updated_since costing ceil(N/100)), the 429s (target 0) and the time. Figures only; CI does not time.
//   bench_inbound_burst [N, default 1000] [plan, default growth]
#include "common/clock.h"
#include "helpdesk/freshdesk/freshdeskclient.h"
#include "helpdesk/freshdesk/freshdeskjson.h"
#include "loopbacksandbox.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "sync/defaultsyncplatform.h"
#include "sync/inboundprocessor.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"
#include "tempstore.h"
#include "webhook/webhookpayloadparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <cstdio>

using namespace cb;
using namespace cb::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const int n = args.isEmpty() ? 1000 : std::max(1, args.at(0).toInt());
    const QString planName = args.size() > 1 ? args.at(1) : QStringLiteral("growth");
    const auto plan = SandboxHelpdesk::Plan::named(planName);
    if (!plan) {
        std::fprintf(stderr, "bench: unknown plan %s\n", qPrintable(planName));
        return 2;
    }
    LoopbackSandbox sandbox;
    sandbox.account().seed(n, 42, QDateTime::currentDateTimeUtc().addSecs(-7200));
    TempStore temp;
    auto db = temp.open();
    Integration integration;
    integration.id = IntegrationStore::newId();
    integration.domain = QStringLiteral("127.0.0.1:%1").arg(sandbox.port());
    if (!db || !IntegrationStore(*db, Clock::system()).insert(integration)) {
        std::fprintf(stderr, "bench: cannot prepare the store\n");
        return 1;
    }
    TicketMapper mapper;
    {
        RemoteApplier applier(*db, Clock::system(), mapper);
        WriteTransaction tx(*db);
        for (const QJsonObject &json : std::as_const(sandbox.account().tickets))
            if (!applier.applyTicket(integration, FreshdeskJson::ticket(json), ChangeSource::Import,
                                     QStringLiteral("ticket.imported"), true)) {
                std::fprintf(stderr, "bench: cannot link the cases\n");
                return 1;
            }
        if (!tx.commit())
            return 1;
    }
    sandbox.helpdesk().setPlan(*plan);
    // Every ticket changes in the helpdesk, and its thin webhook is committed as the receiver would.
    for (qint64 id : sandbox.account().tickets.keys()) {
        const int status = sandbox.account().tickets.value(id).value(QStringLiteral("status")).toInt();
        const int target = status == 4 ? 5 : 4;
        sandbox.helpdesk().agentEdit(id, {{QStringLiteral("status"), target}});
        QByteArray contentType;
        InboxEvent e;
        e.integrationId = integration.id;
        e.body = SandboxAutomation::render(
            QStringLiteral("thin"), sandbox.account().tickets.value(id), QStringLiteral("updated"),
            QStringLiteral("{status:{from:%1,to:%2}}").arg(status).arg(target), &contentType);
        const auto payload = WebhookPayloadParser().parse(e.body, contentType);
        e.eventKey = WebhookPayloadParser::eventKey(payload ? &*payload : nullptr, e.body, {});
        if (!Inbox(*db, Clock::system()).insert(e))
            return 1;
    }
    QNetworkAccessManager nam;
    auto domain = FreshdeskDomain::normalise(QStringLiteral("http://127.0.0.1:%1").arg(sandbox.port()));
    FreshdeskClient client(&nam, *domain, "sandbox-admin-key");
    InboundProcessor inbound(
        *db, Clock::system(), mapper, [&client](const QString &) { return &client; }, makeWebhookParser());
    QElapsedTimer timer;
    timer.start();
    int passes = 0;
    int fetches = 0;
    while (*Inbox(*db, Clock::system()).pendingCount() > 0 && passes < 20) {
        const InboundReport r = QCoro::waitFor(inbound.processPending());
        fetches += r.fetches;
        ++passes;
    }
    const double seconds = timer.elapsed() / 1000.0;
    const QJsonObject stats = sandbox.helpdesk().stats();
    const qint64 pending = *Inbox(*db, Clock::system()).pendingCount();
    std::printf("inbound burst: %d thin webhooks for %d distinct linked tickets, sandbox plan %s\n", n, n,
                qPrintable(planName));
    std::printf("  API calls %lld (single fetches %d)   [target for 1000: <= 15]   429 answers %lld   [target 0]\n",
                static_cast<long long>(client.usage().totalCalls), fetches,
                static_cast<long long>(stats.value(QStringLiteral("rate_limited")).toInteger()));
    std::printf("  applied in %.2f s over %d passes; still pending %lld\n", seconds, passes,
                static_cast<long long>(pending));
    return pending == 0 ? 0 : 1;
}
