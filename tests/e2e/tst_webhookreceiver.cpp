// The webhook receiver over real HTTP (WebhookEndpoint on loopback, a real SQLite file): every answer of
// DESIGN.md §5.1 and §4 — 202/duplicate, 200 test, 400 kept as failed, 401, 403 allowlist and ban, 404, 405, 413
// from the announced length, 411 for a chunked body, 415, 429 + Retry-After, rotation grace, health, metrics, TLS.
#include "common/clock.h"
#include "domain/integration.h"
#include "rawpeer.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhooksecret.h"

#include <QCoroNetworkReply>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QtTest>

using namespace cb;

namespace {
const QByteArray kSecret = "s3cret-value-for-tests";
const QByteArray kOldSecret = "previous-secret";

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QCoro::Task<Answer> send(QNetworkAccessManager *nam, QByteArray method, QUrl url, QByteArray body,
                         QList<QPair<QByteArray, QByteArray>> headers)
{
    QNetworkRequest req(url);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = co_await nam->sendCustomRequest(req, method, body);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    co_return a;
}

// Raw bytes over a socket, the answer's status line and body (for what QNAM cannot send).
QByteArray raw(quint16 port, const QByteArray &bytes, int waitMs = 5000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(waitMs))
        return {};
    s.write(bytes);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < waitMs && !got.contains("\r\n\r\n")) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        s.waitForReadyRead(20);
        got += s.readAll();
    }
    // the rest of the body
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        s.waitForReadyRead(10);
        got += s.readAll();
    }
    return got;
}
} // namespace

class TestWebhookReceiver : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebhookEndpoint> start(ReceiverOptions options = {}, const Clock *clock = nullptr);
    Answer post(const QString &path, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers,
                const QByteArray &method = "POST");
    static QList<QPair<QByteArray, QByteArray>> auth(const QByteArray &secret = kSecret)
    {
        return {{"Content-Type", "application/json"}, {"X-Casebridge-Webhook-Secret", secret}};
    }
    QString hook() const { return QStringLiteral("/api/webhooks/freshdesk/") + m_integration; }

    std::unique_ptr<cb::test::TempStore> m_temp;
    std::unique_ptr<Database> m_db;
    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_integration;
    ManualClock m_clock;

private Q_SLOTS:
    void init();
    void acceptsCommitsAndDedupes();
    void basicAuthAndRotationGrace();
    void refusesStrangers();
    void providerPaths();
    void badBodyIsKeptAndAnswered400();
    void unsupportedMediaType();
    void bodyLimitEarlyAndLate();
    void rateLimitAnswers429WithRetryAfter();
    void allowlistAndBan();
    void testRouteHealthAndMetrics();
    void tls();
};

std::unique_ptr<WebhookEndpoint> TestWebhookReceiver::start(ReceiverOptions options, const Clock *clock)
{
    auto ep = WebhookEndpoint::start(*m_db, clock ? *clock : Clock::system(), options, QStringLiteral("127.0.0.1:0"));
    if (!ep)
        qWarning() << ep.error().message;
    m_base = ep ? (*ep)->baseUrl() : QString();
    return ep ? std::move(ep).value() : nullptr;
}

Answer TestWebhookReceiver::post(const QString &path, const QByteArray &body,
                                 QList<QPair<QByteArray, QByteArray>> headers, const QByteArray &method)
{
    return QCoro::waitFor(send(&m_nam, method, QUrl(m_base + path), body, headers));
}

void TestWebhookReceiver::init()
{
    m_db.reset();
    m_temp = std::make_unique<cb::test::TempStore>();
    m_db = m_temp->open();
    QVERIFY(m_db);
    Integration i;
    i.id = IntegrationStore::newId();
    i.domain = QStringLiteral("acme.freshdesk.com");
    i.webhookSecretHash = WebhookSecret::hash(kSecret);
    i.previousSecretHash = WebhookSecret::hash(kOldSecret);
    i.previousSecretExpiresAt = m_clock.nowUtc().addSecs(3600);
    QVERIFY(IntegrationStore(*m_db, m_clock).insert(i).ok());
    m_integration = i.id;
}

void TestWebhookReceiver::acceptsCommitsAndDedupes()
{
    auto ep = start();
    QVERIFY(ep);
    const QByteArray body =
        R"({"ticket_id":"5","event":"updated","status":"Open","updated_at":"2026-11-20T10:00:00Z"})";
    const Answer a = post(hook(), body, auth());
    QCOMPARE(a.status, 202);
    QCOMPARE(a.json().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(a.json().value(QStringLiteral("duplicate")).toBool(), false);
    const qint64 id = a.json().value(QStringLiteral("event")).toInteger();
    QVERIFY(id > 0);
    // Committed before the answer: another connection sees it at once.
    auto other = m_temp->open();
    auto stored = Inbox(*other, m_clock).get(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->body, body);
    QCOMPARE(toString(stored->state), QStringLiteral("pending"));
    QCOMPARE(stored->remoteAddr, QStringLiteral("127.0.0.1"));
    // Freshdesk's retry of the same change: 202, duplicate, naming the original event; nothing new stored.
    const Answer again = post(hook(), body, auth());
    QCOMPARE(again.status, 202);
    QCOMPARE(again.json().value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(again.json().value(QStringLiteral("event")).toInteger(), id);
    // X-Event-Id is an explicit key.
    QCOMPARE(
        post(hook(), R"({"ticketId":"6"})", auth() << qMakePair(QByteArray("X-Event-Id"), QByteArray("e1"))).status,
        202);
    const Answer dupId =
        post(hook(), R"({"ticketId":"7"})", auth() << qMakePair(QByteArray("X-Event-Id"), QByteArray("e1")));
    QCOMPARE(dupId.json().value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 2);
    QCOMPARE(ep->receiver().metrics().duplicateCount(), 2);
}

void TestWebhookReceiver::basicAuthAndRotationGrace()
{
    auto ep = start({}, &m_clock);
    QVERIFY(ep);
    const QByteArray basic = "Basic " + QByteArray("freshdesk:" + kSecret).toBase64();
    QCOMPARE(
        post(hook(), R"({"ticket_id":1})", {{"Content-Type", "application/json"}, {"Authorization", basic}}).status,
        202);
    const QByteArray keyStyle = "Basic " + QByteArray(kSecret + ":X").toBase64();
    QCOMPARE(
        post(hook(), R"({"ticket_id":2})", {{"Content-Type", "application/json"}, {"Authorization", keyStyle}}).status,
        202);
    // The previous secret works during the grace period, and not after it.
    QCOMPARE(post(hook(), R"({"ticket_id":3})", auth(kOldSecret)).status, 202);
    m_clock.advanceMs(3601 * 1000);
    QCOMPARE(post(hook(), R"({"ticket_id":4})", auth(kOldSecret)).status, 401);
    QCOMPARE(post(hook(), R"({"ticket_id":4})", auth()).status, 202);
    // A rotation without grace in this process: the very next webhook sees it (the integration cache is dropped).
    auto rotated = IntegrationStore(*m_db, m_clock).get(m_integration);
    QVERIFY(rotated);
    rotated->webhookSecretHash = WebhookSecret::hash("rotated-secret");
    rotated->previousSecretHash.clear();
    QVERIFY(IntegrationStore(*m_db, m_clock).update(*rotated));
    QCOMPARE(post(hook(), R"({"ticket_id":5})", auth()).status, 401);
    QCOMPARE(post(hook(), R"({"ticket_id":5})", auth("rotated-secret")).status, 202);
}

void TestWebhookReceiver::refusesStrangers()
{
    auto ep = start();
    QVERIFY(ep);
    const Answer none = post(hook(), R"({"ticket_id":1})", {{"Content-Type", "application/json"}});
    QCOMPARE(none.status, 401);
    QCOMPARE(none.body, QByteArray(R"({"error":"unauthorized"})")); // no detail
    QCOMPARE(post(hook(), R"({"ticket_id":1})", auth("wrong")).status, 401);
    const QByteArray basic = "Basic " + QByteArray("freshdesk:wrong").toBase64();
    QCOMPARE(
        post(hook(), R"({"ticket_id":1})", {{"Content-Type", "application/json"}, {"Authorization", basic}}).status,
        401);
    QCOMPARE(post(QStringLiteral("/api/webhooks/freshdesk/0b5c1c56-0000-4000-8000-000000000000"), R"({"ticket_id":1})",
                  auth())
                 .status,
             404);
    QCOMPARE(post(QStringLiteral("/api/elsewhere"), "{}", auth()).status, 404);
    QCOMPARE(post(hook(), {}, auth(), "GET").status, 405);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0);
    QCOMPARE(ep->receiver().metrics().rejectedCount(QStringLiteral("unauthorized")), 3);
}

void TestWebhookReceiver::providerPaths()
{
    auto ep = start();
    QVERIFY(ep);
    // A Freshdesk integration's URL pasted into Freshservice: refused, and the answer says which path is right.
    const QString freshservicePath = QStringLiteral("/api/webhooks/freshservice/") + m_integration;
    const Answer wrong = post(freshservicePath, R"({"ticket_id":"#INC-3"})", auth());
    QCOMPARE(wrong.status, 404);
    QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(), QStringLiteral("wrong_provider"));
    QVERIFY(
        wrong.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("/api/webhooks/freshdesk/")));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0);

    // A Freshservice integration: its own path and the /freshdesk/ path (URLs handed out earlier) both take it.
    QVERIFY(
        m_db->exec(QStringLiteral("UPDATE integrations SET provider = 'freshservice' WHERE id = ?"), {m_integration})
            .ok());
    ep->receiver().forgetIntegrations(); // as serve does when the change notifier reports the edit
    const Answer own = post(freshservicePath, R"({"ticket_id":"#INC-3","event":"updated","status":"Pending"})", auth());
    QCOMPARE(own.status, 202);
    QCOMPARE(post(freshservicePath + QStringLiteral("/test"), "{}", auth()).status, 200);
    QCOMPARE(post(hook(), R"({"ticket_id":"SR-4","event":"created"})", auth()).status, 202);
    QCOMPARE(post(freshservicePath, R"({"ticket_id":"#INC-3"})", auth("wrong")).status, 401);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 2);
}

void TestWebhookReceiver::badBodyIsKeptAndAnswered400()
{
    auto ep = start();
    QVERIFY(ep);
    const Answer a = post(hook(), R"({"freshdesk_webhook":{"ticket_subject":"no id"}})", auth());
    QCOMPARE(a.status, 400);
    QVERIFY2(a.json().value(QStringLiteral("message")).toString().contains(QLatin1String("ticket_id")), a.body);
    const qint64 id = a.json().value(QStringLiteral("event")).toInteger();
    auto stored = Inbox(*m_db, m_clock).get(id);
    QVERIFY(stored.ok());
    QCOMPARE(toString(stored->state), QStringLiteral("failed"));
    QVERIFY(stored->lastError.contains(QLatin1String("ticket_id")));
    // Form-encoded Simple mode is understood.
    QCOMPARE(post(hook(), "freshdesk_webhook%5Bticket_id%5D=9&freshdesk_webhook%5Bticket_status%5D=Open",
                  {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Casebridge-Webhook-Secret", kSecret}})
                 .status,
             202);
}

void TestWebhookReceiver::unsupportedMediaType()
{
    auto ep = start();
    QVERIFY(ep);
    QCOMPARE(post(hook(), "<ticket id='1'/>",
                  {{"Content-Type", "application/xml"}, {"X-Casebridge-Webhook-Secret", kSecret}})
                 .status,
             415);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0);
}

void TestWebhookReceiver::bodyLimitEarlyAndLate()
{
    ReceiverOptions o;
    o.maxBodyBytes = 1000;
    auto ep = start(o);
    QVERIFY(ep);
    // Early: the headers announce too much; the answer comes before a byte of the body is sent.
    const QByteArray early = raw(ep->port(), "POST " + hook().toLatin1() +
                                                 " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                 "X-Casebridge-Webhook-Secret: " +
                                                 kSecret + "\r\nContent-Length: 5000000\r\n\r\n");
    QVERIFY2(early.startsWith("HTTP/1.1 413"), early.left(200));
    // A chunked body has no length to check in advance: the sender is asked for one (411) and nothing is kept.
    const QByteArray big(1500, 'a');
    const QByteArray chunked =
        "POST " + hook().toLatin1() +
        " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        "X-Casebridge-Webhook-Secret: " +
        kSecret + "\r\n\r\n" + QByteArray::number(big.size(), 16) + "\r\n" + big + "\r\n0\r\n\r\n";
    const QByteArray late = raw(ep->port(), chunked);
    QVERIFY2(late.startsWith("HTTP/1.1 411"), late.left(200));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0);
    QCOMPARE(post(hook(), QByteArray(R"({"ticket_id":1,"pad":")") + QByteArray(990, 'x') + "\"}", auth()).status, 413);
    QCOMPARE(post(hook(), R"({"ticket_id":1})", auth()).status, 202); // the receiver still serves
}

void TestWebhookReceiver::rateLimitAnswers429WithRetryAfter()
{
    ReceiverOptions o;
    o.ratePerSecond = 0.5;
    o.burst = 3;
    auto ep = start(o);
    QVERIFY(ep);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(post(hook(), QStringLiteral(R"({"ticket_id":%1})").arg(i).toUtf8(), auth()).status, 202);
    const Answer limited = post(hook(), R"({"ticket_id":4})", auth());
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.retryAfter.toInt() >= 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 3);
}

void TestWebhookReceiver::allowlistAndBan()
{
    {
        ReceiverOptions o;
        QString why;
        QVERIFY(o.parseAllowList(QStringLiteral("10.0.0.0/8, 192.168.1.7"), &why));
        QVERIFY(!ReceiverOptions().parseAllowList(QStringLiteral("10.0.0.0/99"), &why));
        QVERIFY(why.contains(QLatin1String("10.0.0.0/99")));
        auto ep = start(o);
        QCOMPARE(post(hook(), R"({"ticket_id":1})", auth()).status, 403);
    }
    ReceiverOptions o;
    o.banAfterFailures = 3;
    auto ep = start(o);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post(hook(), R"({"ticket_id":1})", auth("guess")).status, 401);
    // Banned now: even the right secret is refused, with how long to wait.
    const Answer banned = post(hook(), R"({"ticket_id":1})", auth());
    QCOMPARE(banned.status, 403);
    QVERIFY(banned.retryAfter.toInt() > 500);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0);
}

void TestWebhookReceiver::testRouteHealthAndMetrics()
{
    auto ep = start();
    QVERIFY(ep);
    const Answer t = post(hook() + QStringLiteral("/test"), "{}", auth());
    QCOMPARE(t.status, 200);
    QCOMPARE(t.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(t.json().value(QStringLiteral("source_ip")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(!t.json().value(QStringLiteral("timestamp")).toString().isEmpty());
    QCOMPARE(post(hook() + QStringLiteral("/test"), "{}", auth("bad")).status, 401);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(), 0); // a test stores nothing

    QCOMPARE(post(hook(), R"({"ticket_id":1})", auth()).status, 202);
    const Answer h = post(QStringLiteral("/api/health"), {}, {}, "GET");
    QCOMPARE(h.status, 200);
    QCOMPARE(h.json().value(QStringLiteral("integrations")).toInt(), 1);
    QCOMPARE(h.json().value(QStringLiteral("inbox_pending")).toInt(), 1);
    QVERIFY(!h.body.contains(kSecret));
    const Answer m = post(QStringLiteral("/metrics"), {}, {}, "GET");
    QCOMPARE(m.status, 200);
    QVERIFY(m.body.contains("casebridge_webhooks_received_total 1\n"));
    QVERIFY(m.body.contains("casebridge_webhooks_rejected_total{reason=\"unauthorized\"} 1\n"));
    QVERIFY(m.body.contains("casebridge_webhook_ack_seconds_count 1\n"));
    QVERIFY(m.body.contains("casebridge_inbox_pending 1\n"));
    QVERIFY(!m.body.contains(kSecret));
}

void TestWebhookReceiver::tls()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"),
                   dir.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"),
                   dir.filePath(QStringLiteral("c.pem"))});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
             "openssl (scripts/install-deps.sh installs it)");
    auto ep = WebhookEndpoint::start(
        *m_db, Clock::system(), {}, QStringLiteral("127.0.0.1:0"),
        HttpHost::TlsFiles{dir.filePath(QStringLiteral("c.pem")), dir.filePath(QStringLiteral("k.pem"))});
    QVERIFY(ep.ok());
    QVERIFY((*ep)->baseUrl().startsWith(QLatin1String("https://")));
    m_base = (*ep)->baseUrl();
    connect(&m_nam, &QNetworkAccessManager::sslErrors, this,
            [](QNetworkReply *reply, const QList<QSslError> &) { reply->ignoreSslErrors(); });
    QCOMPARE(post(hook(), R"({"ticket_id":1})", auth()).status, 202);
    // The handshake is under the head deadline: a client that connects and never starts TLS is closed, and plain
    // HTTP on the TLS port gets no answer.
    HttpLimits limits = (*ep)->server().limits();
    limits.headTimeoutMs = 500;
    (*ep)->server().setLimits(limits);
    cb::test::RawPeer silent((*ep)->port());
    cb::test::RawPeer plain((*ep)->port(), "GET /api/health HTTP/1.1\r\nHost: a\r\n\r\n");
    QVERIFY(silent.waitClosed());
    QVERIFY(plain.waitClosed());
    QVERIFY(!plain.got().contains("HTTP/1.1 200"));
    QCOMPARE(post(hook(), R"({"ticket_id":2})", auth()).status, 202);
    auto bad = WebhookEndpoint::start(
        *m_db, Clock::system(), {}, QStringLiteral("127.0.0.1:0"),
        HttpHost::TlsFiles{dir.filePath(QStringLiteral("none.pem")), dir.filePath(QStringLiteral("k.pem"))});
    QVERIFY(!bad.ok());
}

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
