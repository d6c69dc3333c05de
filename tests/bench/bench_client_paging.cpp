// Benchmark: list every ticket of a sandbox account with the project's FreshdeskClient and compare the API calls
// used with the lower bound ⌈N/100⌉ (100 per page). Not a ctest; run by hand:
//   build/bin/bench_client_paging [TICKETS=10000] [PLAN=unlimited|growth|pro|enterprise]
// Exits 1 when the listing is incomplete or uses more than ⌈N/100⌉ + 2 calls, 2 on bad arguments.
#include "helpdesk/freshdesk/freshdeskclient.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTextStream>

#include <cmath>

using namespace cb;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    bool ok = true;
    const int n = args.size() > 1 ? args.at(1).toInt(&ok) : 10000;
    const QString planName = args.size() > 2 ? args.at(2) : QStringLiteral("unlimited");
    std::optional<SandboxHelpdesk::Plan> plan = planName == QLatin1String("unlimited")
                                                    ? SandboxHelpdesk::Plan{planName, 1 << 30, 1 << 30, 1 << 30, 60000}
                                                    : SandboxHelpdesk::Plan::named(planName);
    if (!ok || n < 1 || !plan) {
        err << "usage: bench_client_paging [TICKETS (>= 1, default 10000)] [unlimited|growth|pro|enterprise]\n";
        return 2;
    }

    // the sandbox is served from its own thread, so this thread only does client work
    SandboxService service;
    QElapsedTimer seeding;
    seeding.start();
    const auto started =
        service.start(QHostAddress::LocalHost, 0, n, [&plan](SandboxHelpdesk &s) { s.setPlan(*plan); });
    const qint64 seedMs = seeding.elapsed();
    if (!started) {
        err << "could not start the sandbox: " << started.error().message << '\n';
        return 1;
    }
    const quint16 port = *started;

    QNetworkAccessManager nam;
    auto domain = FreshdeskDomain::normalise(QStringLiteral("127.0.0.1:%1").arg(port));
    FreshdeskClient client(&nam, *domain, "sandbox-admin-key");
    QElapsedTimer timer;
    timer.start();
    auto listing = QCoro::waitFor(client.listTickets({}));
    const qint64 ms = std::max<qint64>(1, timer.elapsed());

    const QJsonObject serverStats = service.stats();
    service.stop();

    if (!listing) {
        err << "listing failed: " << listing.error().toLogString() << '\n';
        return 1;
    }
    QSet<qint64> ids;
    for (const Ticket &t : std::as_const(listing->tickets))
        ids.insert(t.id);
    const qint64 bound = qint64(std::ceil(n / 100.0));
    const qint64 calls = client.usage().callsByEndpoint.value(QStringLiteral("GET /tickets"));
    const qint64 served = serverStats.value(QStringLiteral("by_endpoint"))
                              .toObject()
                              .value(QStringLiteral("GET /tickets"))
                              .toObject()
                              .value(QStringLiteral("calls"))
                              .toInteger();
    const bool complete = ids.size() == n && listing->tickets.size() == n;
    out << "bench_client_paging: " << n << " tickets, plan " << plan->name << " (seeded in " << seedMs << " ms)\n"
        << "  calls used:      " << calls << " HTTP requests (" << listing->pages << " pages; the sandbox served "
        << served << ")\n"
        << "  lower bound:     " << bound << " = ceil(N/100); allowed: " << bound + 2 << '\n'
        << "  tickets listed:  " << listing->tickets.size() << " (" << ids.size() << " distinct)\n"
        << "  time:            " << ms << " ms, " << qint64(double(n) * 1000.0 / double(ms)) << " tickets/s\n";
    if (!complete) {
        out << "FAIL: the listing is incomplete\n";
        return 1;
    }
    if (calls > bound + 2) {
        out << "FAIL: more calls than ceil(N/100) + 2\n";
        return 1;
    }
    out << "OK\n";
    return 0;
}
