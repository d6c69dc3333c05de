// Receiver under a flood of slow connections: `casebridge-sync serve --receive-only` on a SQLite file, and webhooks
// from 127.0.0.1 sent one by one on fresh connections (Connection: close) while other loopback aliases hold
// connections that each sent half a request head and wait. Prints the webhooks' ack latency (p50/p99/max) with no
// flood, with 2,000 slow connections from one address (127.0.0.2), with 2,548 from 125 addresses (over the total
// cap) and while new slow connections keep arriving; how many slow connections the server still kept open; and
// checks every webhook was acknowledged and stored. Figures only; CI does not time.
//   bench_receiver_flood [webhooks per phase, default 200]
#include "common/clock.h"
#include "domain/integration.h"
#include "rawpeer.h"
#include "serveprocess.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace cb;
using namespace cb::test;

namespace {
const QByteArray kSecret = "bench-secret";

struct Figures
{
    int acked = 0;
    int failed = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

using Peers = std::vector<std::unique_ptr<RawPeer>>;

// Opens `count` slow connections spread over `addresses` aliases from 127.0.0.2, in waves of 100.
void openSlow(Peers &peers, quint16 port, const QByteArray &halfHead, int count, int addresses)
{
    for (int i = 0; i < count; ++i) {
        peers.push_back(std::make_unique<RawPeer>(port, halfHead,
                                                  QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i % addresses))));
        if (i % 100 == 99)
            (void)QTest::qWaitFor(
                [&] { return std::all_of(peers.begin(), peers.end(), [](auto &p) { return p->settled(); }); },
                RawPeer::kWaitMs);
    }
    (void)QTest::qWaitFor([&] { return std::all_of(peers.begin(), peers.end(), [](auto &p) { return p->settled(); }); },
                          RawPeer::kWaitMs);
    QTest::qWait(500); // let the shed ones see their close
}

int openCount(const Peers &peers)
{
    return int(std::count_if(peers.begin(), peers.end(), [](auto &p) { return !p->closed(); }));
}

// `n` webhooks one after another from 127.0.0.1; `between` runs before each (e.g. more slow connections).
template<typename Between>
Figures measure(quint16 port, const QByteArray &path, int n, int *serial, Between between)
{
    Figures f;
    QList<double> ms;
    for (int i = 0; i < n; ++i) {
        between();
        const QByteArray body = R"({"ticket_id":)" + QByteArray::number(++*serial) + R"(,"status":"Open"})";
        const QByteArray request =
            "POST " + path +
            " HTTP/1.1\r\nHost: casebridge\r\nContent-Type: application/json\r\n"
            "X-Casebridge-Webhook-Secret: " +
            kSecret + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        QElapsedTimer t;
        t.start();
        RawPeer sender(port, request, QHostAddress(QStringLiteral("127.0.0.1")));
        if (sender.waitAnswers(1) && sender.answers().value(0) == 202) {
            ++f.acked;
            ms.append(double(t.nsecsElapsed()) / 1e6);
        } else {
            ++f.failed;
        }
    }
    std::sort(ms.begin(), ms.end());
    if (!ms.isEmpty()) {
        f.p50 = ms.at(ms.size() / 2);
        f.p99 = ms.at(std::min<qsizetype>(ms.size() - 1, ms.size() * 99 / 100));
        f.max = ms.constLast();
    }
    return f;
}

void print(const char *name, const Figures &f, int slowOpen)
{
    std::printf("  %-34s acked %4d  failed %d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  slow still open %d\n", name,
                f.acked, f.failed, f.p50, f.p99, f.max, slowOpen);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    TempStore temp;
    auto db = temp.open();
    Integration i;
    i.id = IntegrationStore::newId();
    i.domain = QStringLiteral("127.0.0.1:9");
    i.webhookSecretHash = WebhookSecret::hash(kSecret);
    if (!db || !IntegrationStore(*db, Clock::system()).insert(i)) {
        std::fprintf(stderr, "bench: cannot prepare the store\n");
        return 1;
    }
    ServeProcess serve;
    if (!serve.start(temp.path(), {QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--receive-only")})) {
        std::fprintf(stderr, "bench: serve did not start\n");
        return 1;
    }
    const quint16 port = serve.port();
    const QByteArray path = "/api/webhooks/freshdesk/" + i.id.toLatin1();
    const QByteArray halfHead = "POST " + path + " HTTP/1.1\r\nHost: casebridge\r\nContent-Type: appl";
    int serial = 0;
    const auto nothing = [] {};

    std::printf("receiver under slow-connection floods, serve --receive-only, SQLite synchronous=FULL, %d webhooks "
                "per phase, each on a new connection from 127.0.0.1\n",
                n);
    measure(port, path, 20, &serial, nothing); // warm-up
    print("no flood", measure(port, path, n, &serial, nothing), 0);
    {
        Peers peers;
        openSlow(peers, port, halfHead, 2000, 1);
        print("2,000 slow from 127.0.0.2", measure(port, path, n, &serial, nothing), openCount(peers));
    }
    QTest::qWait(500);
    {
        Peers peers;
        openSlow(peers, port, halfHead, 2548, 125);
        print("2,548 slow from 125 addresses", measure(port, path, n, &serial, nothing), openCount(peers));
        // The attacker keeps opening: 20 more slow connections before every webhook.
        int next = 0;
        const Figures churn = measure(port, path, n, &serial, [&] {
            for (int k = 0; k < 20; ++k, ++next)
                peers.push_back(std::make_unique<RawPeer>(
                    port, halfHead, QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + next % 125))));
        });
        print("+20 new slow before each webhook", churn, openCount(peers));
    }
    const int rc = serve.terminate();
    const qint64 stored = db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toLongLong();
    std::printf("  stored %lld of %d sent; serve exit code %d\n", static_cast<long long>(stored), serial, rc);
    return stored == serial && rc == 0 ? 0 : 1;
}
