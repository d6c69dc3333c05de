// Screen-pop benchmark: 100,000 customers (each with a landline and a mobile) and 50,000 open cases in a SQLite
// store; `casebridge-sync serve --receive-only` answers contact events; one keep-alive client sends 5,000 events
// for random callers (known and unknown numbers, mixed formats) and prints p50/p99 of the whole HTTP round trip.
// Target: p99 <= 5 ms on loopback. Figures only; CI does not time. Usage: bench_screen_pop [customers]
#include "common/clock.h"
#include "domain/integration.h"
#include "domain/integrationsettings.h"
#include "serveprocess.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>

#include <algorithm>
#include <cstdio>

using namespace cb;
using namespace cb::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int customers = argc > 1 ? std::max(1000, QByteArray(argv[1]).toInt()) : 100000;
    const QByteArray secret = "bench-telephony";
    TempStore temp;
    QString integrationId;
    {
        auto db = temp.open();
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("127.0.0.1:9");
        i.webhookSecretHash = WebhookSecret::hash(secret);
        IntegrationSettings s;
        s.phoneCallingCode = QStringLiteral("49");
        i.settings = s.toJson();
        if (!db || !IntegrationStore(*db, Clock::system()).insert(i)) {
            std::fprintf(stderr, "bench_screen_pop: cannot prepare the store\n");
            return 1;
        }
        integrationId = i.id;
        QElapsedTimer fill;
        fill.start();
        WriteTransaction tx(*db);
        const QString now = toStoreTime(Clock::system().nowUtc());
        for (int c = 1; c <= customers; ++c) {
            const QString landline = QStringLiteral("4930%1").arg(1000000 + c);
            const QString mobile = QStringLiteral("49171%1").arg(1000000 + c);
            (void)db->exec(QStringLiteral("INSERT INTO customers (id, workspace_id, name, email, external_id, "
                                          "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)"),
                           {c, QStringLiteral("Customer %1").arg(c), QStringLiteral("c%1@example.com").arg(c),
                            QStringLiteral("freshdesk:c%1@example.com").arg(c), now, now});
            for (const QString &e164 : {landline, mobile})
                (void)db->exec(QStringLiteral("INSERT INTO customer_phones (customer_id, workspace_id, e164) "
                                              "VALUES (?, 1, ?)"),
                               {c, e164});
            if (c % 2 == 0)
                (void)db->exec(QStringLiteral("INSERT INTO cases (workspace_id, integration_id, subject, status, "
                                              "priority, customer_id, external_provider, external_ticket_id, "
                                              "created_at, updated_at) VALUES (1, ?, ?, 'open', 'medium', ?, "
                                              "'freshdesk', ?, ?, ?)"),
                               {integrationId, QStringLiteral("Ticket %1").arg(c), c, c, now, now});
        }
        if (!tx.commit()) {
            std::fprintf(stderr, "bench_screen_pop: filling the store failed\n");
            return 1;
        }
        std::printf("store: %d customers, %d phone numbers, %d open cases (filled in %.1f s)\n", customers,
                    customers * 2, customers / 2, fill.elapsed() / 1000.0);
    }
    ServeProcess serve;
    if (!serve.start(temp.path(), {QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--receive-only")})) {
        std::fprintf(stderr, "bench_screen_pop: serve did not start\n");
        return 1;
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, serve.port());
    if (!socket.waitForConnected(5000))
        return 1;
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray path = "/api/telephony/" + integrationId.toLatin1() + "/contact-event";
    QRandomGenerator rng(7);
    QList<double> ms;
    int matched = 0;
    for (int i = 0; i < 5500; ++i) {
        const int c = int(rng.bounded(customers)) + 1;
        QByteArray number;
        switch (i % 4) {
        case 0:
            number = "+49 30 " + QByteArray::number(1000000 + c);
            break;
        case 1:
            number = "030/" + QByteArray::number(1000000 + c);
            break;
        case 2:
            number = "0171 " + QByteArray::number(1000000 + c) + " x12";
            break;
        default:
            number = "+33 1 " + QByteArray::number(10000000 + c);
            break; // nobody
        }
        const QByteArray body = "{\"call_id\":\"call-" + QByteArray::number(i) + "\",\"phone_number\":\"" + number +
                                "\",\"event_type\":\"ringing\",\"timestamp\":\"2026-12-01T10:00:00Z\"}";
        const QByteArray request = "POST " + path +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "X-Casebridge-Webhook-Secret: " +
                                   secret + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                                   body;
        QElapsedTimer t;
        t.start();
        socket.write(request);
        QByteArray answer;
        qsizetype need = -1;
        while (need < 0 || answer.size() < need) {
            if (!socket.waitForReadyRead(5000)) {
                std::fprintf(stderr, "bench_screen_pop: no answer\n");
                return 1;
            }
            answer += socket.readAll();
            const qsizetype end = answer.indexOf("\r\n\r\n");
            if (end >= 0 && need < 0) {
                const QByteArray head = answer.left(end).toLower();
                const qsizetype at = head.indexOf("content-length:");
                need = end + 4 + head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            }
        }
        if (i >= 500) { // after warm-up
            ms << t.nsecsElapsed() / 1e6;
            matched += answer.contains("\"matched\":1");
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("contact-event round trip over loopback (%lld requests, %d matched one customer): p50 %.3f ms, "
                "p99 %.3f ms, max %.3f ms   [target p99 <= 5 ms]\n",
                static_cast<long long>(ms.size()), matched, ms.at(ms.size() / 2), ms.at(ms.size() * 99 / 100),
                ms.constLast());
    return serve.terminate() == 0 ? 0 : 1;
}
