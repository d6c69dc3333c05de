// Caller screen pop over real HTTP: POST /api/telephony/{id}/contact-event answers from the local store with the
// caller's customers (every phone field, any number format) and their open tickets; one pop per call_id;
// the same authentication and refusals as webhooks.
#include "common/clock.h"
#include "domain/case.h"
#include "domain/integrationsettings.h"
#include "storage/casestore.h"
#include "storage/customerstore.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhooksecret.h"

#include <QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace cb;

namespace {
const QByteArray kSecret = "telephony-secret";

struct Answer
{
    int status = 0;
    QJsonObject json;
};

QCoro::Task<Answer> post(QNetworkAccessManager *nam, QUrl url, QByteArray body, QByteArray secret)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("X-Casebridge-Webhook-Secret", secret);
    QNetworkReply *reply = co_await nam->post(req, body);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    co_return a;
}
} // namespace

class TestScreenPop : public QObject
{
    Q_OBJECT

private:
    cb::test::TempStore m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WebhookEndpoint> m_endpoint;
    QNetworkAccessManager m_nam;
    QString m_integration;

    Answer event(const QByteArray &body, const QByteArray &secret = kSecret)
    {
        return QCoro::waitFor(post(&m_nam,
                                   QUrl(m_endpoint->baseUrl() + QStringLiteral("/api/telephony/") + m_integration +
                                        QStringLiteral("/contact-event")),
                                   body, secret));
    }
    qint64 addCase(qint64 ticket, qint64 customer, const QString &status)
    {
        Case c;
        c.integrationId = m_integration;
        c.subject = QStringLiteral("Ticket %1").arg(ticket);
        c.status = status;
        c.priority = QStringLiteral("medium");
        c.customerId = customer;
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = ticket;
        c.externalUpdatedAt = QDateTime::currentDateTimeUtc();
        auto r = CaseStore(*m_db, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
        return r ? r->caseId : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_temp.open();
        QVERIFY(m_db);
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        i.webhookSecretHash = WebhookSecret::hash(kSecret);
        IntegrationSettings s;
        s.phoneCallingCode = QStringLiteral("49");
        i.settings = s.toJson();
        QVERIFY(IntegrationStore(*m_db, Clock::system()).insert(i).ok());
        m_integration = i.id;
        CustomerStore customers(*m_db, Clock::system());
        CustomerLinkRequest anna;
        anna.email = QStringLiteral("anna@example.com");
        anna.name = QStringLiteral("Anna");
        anna.phone = QStringLiteral("030 1234567");             // national German landline
        anna.otherPhones = {QStringLiteral("+49 171 9876543")}; // and her mobile
        anna.phoneCallingCode = QStringLiteral("49");
        auto a = customers.linkOrCreate(anna);
        QVERIFY(a.ok());
        QVERIFY(addCase(101, a->customerId, QStringLiteral("open")) > 0);
        QVERIFY(addCase(102, a->customerId, QStringLiteral("pending")) > 0);
        QVERIFY(addCase(103, a->customerId, QStringLiteral("closed")) > 0); // not open: not shown
        CustomerLinkRequest ben;
        ben.email = QStringLiteral("ben@example.org");
        ben.phone = QStringLiteral("+1 (415) 555-0132 x12");
        ben.phoneCallingCode = QStringLiteral("49");
        auto b = customers.linkOrCreate(ben);
        QVERIFY(b.ok());
        auto ep = WebhookEndpoint::start(*m_db, Clock::system(), {}, QStringLiteral("127.0.0.1:0"));
        QVERIFY(ep.ok());
        m_endpoint = std::move(ep).value();
    }

    void matchesEveryFormatAndPopsOncePerCall()
    {
        QSignalSpy pops(&m_endpoint->receiver(), &WebhookReceiver::screenPop);
        const Answer first = event(R"({"call_id":"c-1","phone_number":"+49 30 1234567","event_type":"ringing",
                                       "timestamp":"2026-12-01T10:00:00Z"})");
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(QStringLiteral("matched")).toInt(), 1);
        QCOMPARE(first.json.value(QStringLiteral("phone_e164")).toString(), QStringLiteral("+49301234567"));
        const QJsonArray tickets = first.json.value(QStringLiteral("tickets")).toArray();
        QCOMPARE(tickets.size(), 2);
        QSet<qint64> ids;
        for (const QJsonValue &t : tickets)
            ids << t.toObject().value(QStringLiteral("ticket_id")).toInteger();
        QCOMPARE(ids, (QSet<qint64>{101, 102}));
        QCOMPARE(first.json.value(QStringLiteral("pop")).toBool(), true);
        QCOMPARE(pops.size(), 1);
        // The same call transferred or put on hold: the same answer, no second pop.
        const Answer transfer =
            event(R"({"call_id":"c-1","phone_number":"004930 123 4567","event_type":"transferred"})");
        QCOMPARE(transfer.json.value(QStringLiteral("matched")).toInt(), 1);
        QCOMPARE(transfer.json.value(QStringLiteral("pop")).toBool(), false);
        QCOMPARE(pops.size(), 1);
        // The mobile matches too; a US number in its own format; an unknown number matches nothing.
        QCOMPARE(
            event(R"({"call_id":"c-2","phone_number":"0171/987 65 43"})").json.value(QStringLiteral("matched")).toInt(),
            1);
        QCOMPARE(
            event(R"({"call_id":"c-3","phone_number":"+14155550132"})").json.value(QStringLiteral("matched")).toInt(),
            1);
        const Answer none = event(R"({"call_id":"c-4","phone_number":"+33 1 23 45 67 89"})");
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json.value(QStringLiteral("matched")).toInt(), 0);
        QCOMPARE(none.json.value(QStringLiteral("pop")).toBool(), false);
        QCOMPARE(pops.size(), 3);
    }

    void refusals()
    {
        QCOMPARE(event(R"({"call_id":"c-9","phone_number":"+49301234567"})", "wrong").status, 401);
        QCOMPARE(event(R"({"phone_number":"+49301234567"})").status, 400);
        QCOMPARE(event(R"({"call_id":"c-9"})").status, 400);
        QCOMPARE(event("not json").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestScreenPop)
#include "tst_screenpop.moc"
