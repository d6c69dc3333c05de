// The receiver on the open internet, over raw sockets (WebhookEndpoint on loopback, a real SQLite file): slow heads,
// bodies and idle keep-alives are closed; floods of slow connections from one or many addresses are shed while a
// webhook from elsewhere is acknowledged; oversized heads answer 431; Content-Length + Transfer-Encoding and bad
// lengths answer 400 and close with nothing after them served; pipelined answers come back in request order; the
// sandbox helpdesk's server gets the same protection. Distinct clients are 127.0.0.x loopback aliases.
#include "common/clock.h"
#include "domain/integration.h"
#include "rawpeer.h"
#include "sandbox/sandboxservice.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhooksecret.h"

#include <QtTest>

#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace cb;
using cb::test::RawPeer;

namespace {
const QByteArray kSecret = "s3cret-value-for-tests";
constexpr int kWaitMs = RawPeer::kWaitMs;
} // namespace

class TestReceiverHardening : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebhookEndpoint> start();
    QByteArray hook() const { return "/api/webhooks/freshdesk/" + m_integration.toLatin1(); }
    QByteArray webhook(int ticket, const QByteArray &connection = "keep-alive") const;
    QByteArray halfHead() const { return "POST " + hook() + " HTTP/1.1\r\nHost: casebridge\r\nContent-Type: appl"; }
    int stored() const { return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(); }
    // `count` connections that each send half a head and wait, spread over `addresses` loopback aliases from
    // 127.0.0.2 on; returns once every one is connected (or already shed).
    std::vector<std::unique_ptr<RawPeer>> flood(quint16 port, int count, int addresses) const;

    std::unique_ptr<cb::test::TempStore> m_temp;
    std::unique_ptr<Database> m_db;
    QString m_integration;

private Q_SLOTS:
    void initTestCase();
    void init();
    void slowHeadsBodiesAndIdleConnectionsAreClosed();
    void floodFromOneAddressIsShedAndWebhooksStillAcknowledged();
    void floodFromManyAddressesIsShedAndWebhooksStillAcknowledged();
    void oversizedHeadsAnswer431();
    void ambiguousLengthsAnswer400AndClose();
    void pipelinedAnswersComeInRequestOrder();
    void sandboxGetsTheSameProtection();
};

void TestReceiverHardening::initTestCase()
{
    // Thousands of client sockets and their server ends live in this one process.
    rlimit limit{};
    QVERIFY(getrlimit(RLIMIT_NOFILE, &limit) == 0);
    limit.rlim_cur = limit.rlim_max;
    QVERIFY(setrlimit(RLIMIT_NOFILE, &limit) == 0);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < 6000)
        QSKIP("the open-file hard limit is below 6000; the flood tests need more");
    // 127.0.0.2 is another client only where all of 127/8 is routed to loopback (Linux).
    QTcpSocket probe;
    QVERIFY2(probe.bind(QHostAddress(QStringLiteral("127.0.0.2")), 0), "127.0.0.2 is not a loopback alias here");
}

void TestReceiverHardening::init()
{
    m_db.reset();
    m_temp = std::make_unique<cb::test::TempStore>();
    m_db = m_temp->open();
    QVERIFY(m_db);
    Integration i;
    i.id = IntegrationStore::newId();
    i.domain = QStringLiteral("acme.freshdesk.com");
    i.webhookSecretHash = WebhookSecret::hash(kSecret);
    QVERIFY(IntegrationStore(*m_db, Clock::system()).insert(i).ok());
    m_integration = i.id;
}

std::unique_ptr<WebhookEndpoint> TestReceiverHardening::start()
{
    ReceiverOptions options;
    options.ratePerSecond = 0; // the caps are under test here, not the per-request rate limit
    auto ep = WebhookEndpoint::start(*m_db, Clock::system(), options, QStringLiteral("127.0.0.1:0"));
    if (!ep)
        qWarning() << ep.error().message;
    return ep ? std::move(ep).value() : nullptr;
}

QByteArray TestReceiverHardening::webhook(int ticket, const QByteArray &connection) const
{
    const QByteArray body = R"({"ticket_id":)" + QByteArray::number(ticket) + R"(,"status":"Open"})";
    return "POST " + hook() + " HTTP/1.1\r\nHost: casebridge\r\nContent-Type: application/json\r\n" +
           "X-Casebridge-Webhook-Secret: " + kSecret + "\r\nConnection: " + connection +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

std::vector<std::unique_ptr<RawPeer>> TestReceiverHardening::flood(quint16 port, int count, int addresses) const
{
    std::vector<std::unique_ptr<RawPeer>> peers;
    const auto allSettled = [&] {
        return std::all_of(peers.begin(), peers.end(), [](auto &p) { return p->settled(); });
    };
    for (int i = 0; i < count; ++i) {
        const QHostAddress from(QStringLiteral("127.0.0.%1").arg(2 + i % addresses));
        peers.push_back(std::make_unique<RawPeer>(port, halfHead(), from));
        if (i % 100 == 99 && !QTest::qWaitFor(allSettled, kWaitMs)) // in waves, as a client would open them
            qWarning() << "connections still pending after a wave";
    }
    if (!QTest::qWaitFor(allSettled, kWaitMs))
        qWarning() << "connections still pending";
    return peers;
}

void TestReceiverHardening::slowHeadsBodiesAndIdleConnectionsAreClosed()
{
    auto ep = start();
    QVERIFY(ep);
    HttpLimits limits;
    limits.headTimeoutMs = 1000;
    limits.bodyTimeoutMs = 1000;
    limits.idleTimeoutMs = 1000;
    ep->server().setLimits(limits);
    const quint16 port = ep->port();

    RawPeer silent(port);
    RawPeer half(port, halfHead());
    RawPeer trickle(port, "P");
    const QByteArray rest = webhook(1).mid(1);
    RawPeer slowBody(port, webhook(2).chopped(10));
    RawPeer idle(port, webhook(3));
    QVERIFY(trickle.waitConnected());
    // One byte every 100 ms: the head's deadline runs from its start, so trickling does not keep it open.
    qsizetype sent = 0;
    while (!trickle.closed() && sent < rest.size()) {
        trickle.send(rest.mid(sent++, 1));
        QTest::qWait(100);
    }
    QVERIFY2(trickle.closed() && sent < rest.size(), "a trickled head was let through");
    QCOMPARE(trickle.answers(), QList<int>{408});
    QVERIFY(silent.waitClosed());
    QCOMPARE(silent.answers(), QList<int>{}); // it said nothing; nothing to answer
    QVERIFY(half.waitClosed());
    QCOMPARE(half.answers(), QList<int>{408});
    QVERIFY(slowBody.waitClosed());
    QCOMPARE(slowBody.answers(), QList<int>{408});
    // A served keep-alive connection that asks nothing more is closed too.
    QVERIFY(idle.waitAnswers(1));
    QCOMPARE(idle.answers(), QList<int>{202});
    QVERIFY(idle.waitClosed());
    QCOMPARE(stored(), 1);
    QCOMPARE(ep->server().connectionCount(), 0);
}

void TestReceiverHardening::floodFromOneAddressIsShedAndWebhooksStillAcknowledged()
{
    auto ep = start();
    QVERIFY(ep);
    const HttpLimits limits = ep->server().limits();
    QCOMPARE(limits.headTimeoutMs, 10'000); // the default, but not what keeps the webhook's way clear:
    HttpLimits patient = limits;
    patient.headTimeoutMs = 600'000; // the cap alone must do it
    ep->server().setLimits(patient);
    auto peers = flood(ep->port(), 2000, 1);
    const auto open = [&] { return std::count_if(peers.begin(), peers.end(), [](auto &p) { return !p->closed(); }); };
    QVERIFY(QTest::qWaitFor([&] { return open() <= limits.maxConnectionsPerClient; }, kWaitMs));
    QVERIFY(ep->server().connectionCount() <= limits.maxConnectionsPerClient);

    RawPeer sender(ep->port(), webhook(7, "close"), QHostAddress(QStringLiteral("127.0.0.1")));
    QVERIFY(sender.waitAnswers(1));
    QCOMPARE(sender.answers(), QList<int>{202});
    QCOMPARE(stored(), 1);
    QVERIFY(open() > 0); // the newest slow ones are still there: the webhook needed no timeout to pass
}

void TestReceiverHardening::floodFromManyAddressesIsShedAndWebhooksStillAcknowledged()
{
    auto ep = start();
    QVERIFY(ep);
    HttpLimits patient = ep->server().limits();
    patient.headTimeoutMs = 600'000;
    ep->server().setLimits(patient);
    const int cap = ep->server().connectionCap();
    QVERIFY(cap > 0 && cap <= patient.maxConnections);
    // Each address under its own cap, together over the total.
    auto peers = flood(ep->port(), cap + 500, 125);
    const auto open = [&] {
        return int(std::count_if(peers.begin(), peers.end(), [](auto &p) { return !p->closed(); }));
    };
    QVERIFY(QTest::qWaitFor([&] { return open() <= cap; }, kWaitMs));
    QVERIFY(ep->server().connectionCount() <= cap);
    // The oldest were shed: the first peer is gone, the last one is still waiting.
    QVERIFY(peers.front()->closed());
    QVERIFY(!peers.back()->closed());

    for (int i = 0; i < 3; ++i) {
        RawPeer sender(ep->port(), webhook(10 + i, "close"), QHostAddress(QStringLiteral("127.0.0.1")));
        QVERIFY(sender.waitAnswers(1));
        QCOMPARE(sender.answers(), QList<int>{202});
    }
    QCOMPARE(stored(), 3);
}

void TestReceiverHardening::oversizedHeadsAnswer431()
{
    auto ep = start();
    QVERIFY(ep);
    const QByteArray start = "POST " + hook() + " HTTP/1.1\r\nHost: casebridge\r\n";
    RawPeer longLine(ep->port(), start + "X-Long: " + QByteArray(200 * 1024, 'a') + "\r\n\r\n");
    QVERIFY(longLine.waitClosed());
    QCOMPARE(longLine.answers(), QList<int>{431});
    QByteArray many = start;
    for (int i = 0; i < 5000; ++i)
        many += "X-F" + QByteArray::number(i) + ": 1\r\n";
    RawPeer manyFields(ep->port(), many + "\r\n");
    QVERIFY(manyFields.waitClosed());
    QCOMPARE(manyFields.answers(), QList<int>{431});
    // Within the limits, 101 short fields are still too many; 90 are fine.
    QByteArray hundredOne = start;
    for (int i = 0; i < 101; ++i)
        hundredOne += "X-F" + QByteArray::number(i) + ": 1\r\n";
    RawPeer overCount(ep->port(), hundredOne + "Content-Length: 0\r\n\r\n");
    QVERIFY(overCount.waitClosed());
    QCOMPARE(overCount.answers(), QList<int>{431});
    QCOMPARE(stored(), 0);
    RawPeer fine(ep->port(), webhook(1, "close"));
    QVERIFY(fine.waitAnswers(1));
    QCOMPARE(fine.answers(), QList<int>{202});
}

void TestReceiverHardening::ambiguousLengthsAnswer400AndClose()
{
    auto ep = start();
    QVERIFY(ep);
    // The issue's smuggling attempt: a body of 4 by Content-Length, or a chunked body hiding a second request.
    const QByteArray hidden = "GET /metrics HTTP/1.1\r\nHost: casebridge\r\n\r\n";
    RawPeer smuggler(ep->port(),
                     "POST " + hook() +
                         " HTTP/1.1\r\nHost: casebridge\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n"
                         "X-Casebridge-Webhook-Secret: " +
                         kSecret + "\r\n\r\n0\r\n\r\n" + hidden);
    QVERIFY(smuggler.waitClosed());
    QCOMPARE(smuggler.answers(), QList<int>{400});
    QVERIFY(!smuggler.got().contains("casebridge_webhooks_received_total"));

    const QList<QByteArray> lengths = {"Content-Length: 2\r\nContent-Length: 2",
                                       "Content-Length: 2\r\nContent-length: 3",
                                       "Content-Length: 2, 2",
                                       "Content-Length: -2",
                                       "Content-Length: +2",
                                       "Content-Length: 0x2",
                                       "Content-Length:",
                                       "Content-Length: 99999999999999999999"};
    for (const QByteArray &length : lengths) {
        RawPeer bad(ep->port(),
                    "POST " + hook() + " HTTP/1.1\r\nHost: casebridge\r\n" + length + "\r\n\r\n{}" + hidden);
        QVERIFY(bad.waitClosed());
        QVERIFY2(bad.answers() == QList<int>{400}, length);
    }
    // A body framed only by Transfer-Encoding: asked for a length instead, and closed.
    RawPeer chunked(ep->port(), "POST " + hook() +
                                    " HTTP/1.1\r\nHost: casebridge\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                    "2\r\n{}\r\n0\r\n\r\n" + hidden);
    QVERIFY(chunked.waitClosed());
    QCOMPARE(chunked.answers(), QList<int>{411});
    // Other malformed heads: a bare LF, a folded line, a space before the colon, no Host, HTTP/2.0.
    const QList<QByteArray> heads = {"POST /x HTTP/1.1\nHost: a\r\n\r\n",
                                     "GET /x HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
                                     "GET /x HTTP/1.1\r\nHost : a\r\n\r\n", "GET /x HTTP/1.1\r\n\r\n",
                                     "GET http://evil/x HTTP/1.1\r\nHost: a\r\n\r\n"};
    for (const QByteArray &head : heads) {
        RawPeer bad(ep->port(), head + hidden);
        QVERIFY(bad.waitClosed());
        QVERIFY2(bad.answers() == QList<int>{400}, head);
    }
    RawPeer http2(ep->port(), "GET /api/health HTTP/2.0\r\nHost: a\r\n\r\n");
    QVERIFY(http2.waitClosed());
    QCOMPARE(http2.answers(), QList<int>{505});
    QCOMPARE(stored(), 0);
    QCOMPARE(ep->receiver().metrics().receivedCount(), 0);
}

void TestReceiverHardening::pipelinedAnswersComeInRequestOrder()
{
    auto ep = start();
    QVERIFY(ep);
    // The webhook's answer waits for its commit; the health check behind it must still come second.
    const QByteArray health = "GET /api/health HTTP/1.1\r\nHost: casebridge\r\n\r\n";
    const QByteArray close = "GET /api/health HTTP/1.1\r\nHost: casebridge\r\nConnection: close\r\n\r\n";
    RawPeer client(ep->port(), webhook(1) + health + webhook(2) + webhook(1) + close);
    QVERIFY(client.waitClosed());
    QCOMPARE(client.answers(), (QList<int>{202, 200, 202, 202, 200}));
    // The second health answer saw both events committed: each request ran after the one before was answered.
    const QByteArray last = client.got().mid(client.got().lastIndexOf("HTTP/1.1 "));
    QVERIFY2(last.contains(R"("inbox_pending":2)"), last);
    const QByteArray firstHealth = client.got().mid(client.got().indexOf("HTTP/1.1 200"));
    QVERIFY2(firstHealth.contains(R"("inbox_pending":1)"), firstHealth.left(400));
    QCOMPARE(stored(), 2);
}

void TestReceiverHardening::sandboxGetsTheSameProtection()
{
    SandboxService sandbox;
    auto port = sandbox.start(QHostAddress::LocalHost, 0, 3);
    QVERIFY(port.ok());
    RawPeer big(*port,
                "GET /api/v2/tickets HTTP/1.1\r\nHost: sandbox\r\nX-Long: " + QByteArray(64 * 1024, 'a') + "\r\n\r\n");
    QVERIFY(big.waitClosed());
    QCOMPARE(big.answers(), QList<int>{431});
    RawPeer smuggler(*port,
                     "POST /api/v2/tickets HTTP/1.1\r\nHost: sandbox\r\nContent-Length: 4\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v2/tickets HTTP/1.1\r\nHost: s\r\n\r\n");
    QVERIFY(smuggler.waitClosed());
    QCOMPARE(smuggler.answers(), QList<int>{400});
    // Its default head timeout (10 s) closes a slow head without any help from the test.
    RawPeer slow(*port, "GET /api/v2/tickets HTTP/1.1\r\nHost: sandbox\r\n");
    QVERIFY(slow.waitClosed());
    QCOMPARE(slow.answers(), QList<int>{408});
    sandbox.stop();
}

QTEST_GUILESS_MAIN(TestReceiverHardening)
#include "tst_receiverhardening.moc"
