// Two agent edits of one ticket within one second (Freshdesk's updated_at has whole seconds): both reach the case,
// by webhook (the sandbox's automation rule with updated_at in the body, the real receiver over loopback HTTP, the
// inbound processor) and by a reconcile; an identical replay is still absorbed.
#include "common/clock.h"
#include "domain/ticketvocabulary.h"
#include "helpdesk/freshdesk/freshdeskclient.h"
#include "helpdesk/freshdesk/freshdeskjson.h"
#include "http/httphost.h"
#include "loopbacksandbox.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "sync/defaultsyncplatform.h"
#include "sync/inboundprocessor.h"
#include "sync/reconciler.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"
#include "tempstore.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhooksecret.h"

#include <QNetworkReply>
#include <QTimer>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestSameSecondUpdates : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_sandbox;
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FreshdeskClient> m_client;
    QNetworkAccessManager m_nam;
    TicketMapper m_mapper;
    Integration m_integration;
    const qint64 m_ticket = 4;

    void prepare()
    {
        m_sandbox = std::make_unique<LoopbackSandbox>();
        m_sandbox->account().seed(10, 42, QDateTime::currentDateTimeUtc().addSecs(-7200));
        m_store = std::make_unique<TempStore>();
        m_db = m_store->open();
        QVERIFY(m_db);
        m_integration = Integration();
        m_integration.id = IntegrationStore::newId();
        m_integration.domain = QStringLiteral("127.0.0.1:%1").arg(m_sandbox->port());
        m_integration.webhookSecretHash = WebhookSecret::hash("hook-secret");
        QVERIFY(IntegrationStore(*m_db, Clock::system()).insert(m_integration));
        auto domain = FreshdeskDomain::normalise(QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox->port()));
        QVERIFY(domain);
        m_client = std::make_unique<FreshdeskClient>(&m_nam, *domain, "sandbox-admin-key");
        RemoteApplier applier(*m_db, Clock::system(), m_mapper);
        QDateTime newest;
        for (const QJsonObject &json : std::as_const(m_sandbox->account().tickets)) {
            const Ticket t = FreshdeskJson::ticket(json);
            QVERIFY(
                applier.applyTicket(m_integration, t, ChangeSource::Import, QStringLiteral("ticket.imported"), true));
            newest = std::max(newest, t.updatedAt);
        }
        QVERIFY(IntegrationStore(*m_db, Clock::system()).setWatermark(m_integration.id, newest));
        m_integration = *IntegrationStore(*m_db, Clock::system()).get(m_integration.id);
    }

    Case theCase()
    {
        auto c = CaseStore(*m_db, Clock::system())
                     .findByExternal(1, QStringLiteral("freshdesk"), m_integration.domain, m_ticket);
        return c && c->has_value() ? **c : Case();
    }

    int ticketValue(const char *field) const
    {
        return m_sandbox->account().tickets.value(m_ticket).value(QLatin1String(field)).toInt();
    }

    qint64 pending()
    {
        auto n = Inbox(*m_db, Clock::system()).pendingCount();
        return n ? *n : -1;
    }

    // Waits for the start of a second, so that the two edits that follow share their updated_at.
    static void waitForASecondToBegin()
    {
        const QTime now = QDateTime::currentDateTimeUtc().time();
        QTest::qWait(1000 - now.msec() + 20);
    }

    // An agent edit in the sandbox's UI: its automation rules fire. Returns the ticket's updated_at afterwards.
    QString agentEdit(const QJsonObject &fields)
    {
        const auto t = m_sandbox->helpdesk().agentEdit(m_ticket, fields, m_sandbox->account().agentId);
        return t ? t->value(QStringLiteral("updated_at")).toString() : QString();
    }

private Q_SLOTS:
    void twoEditsInOneSecondBothArriveByWebhookAndAReplayIsAbsorbed()
    {
        prepare();
        WebhookReceiver receiver(*m_db, Clock::system());
        HttpHost server(&receiver);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        SandboxAutomation::Rule rule;
        rule.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/webhooks/freshdesk/%2").arg(port).arg(m_integration.id));
        rule.shape = QStringLiteral("flat"); // ticket fields and updated_at in the body: applied without a fetch
        rule.headerName = "X-Casebridge-Webhook-Secret";
        rule.headerValue = "hook-secret";
        m_sandbox->helpdesk().automation().addRule(rule);
        InboundProcessor inbound(
            *m_db, Clock::system(), m_mapper, [this](const QString &) { return m_client.get(); }, makeWebhookParser());
        bool busy = false;
        QTimer tick;
        tick.setInterval(200);
        connect(&tick, &QTimer::timeout, this, [&] {
            if (busy)
                return;
            busy = true;
            [](InboundProcessor *p, bool *flag) -> QCoro::Task<> {
                co_await p->processPending();
                *flag = false;
            }(&inbound, &busy);
        });
        tick.start();

        const int status = ticketValue("status") == 3 ? 2 : 3;
        const int priority = ticketValue("priority") == 4 ? 1 : 4;
        waitForASecondToBegin();
        const QString first = agentEdit({{QStringLiteral("status"), status}});
        const QString second = agentEdit({{QStringLiteral("priority"), priority}});
        QCOMPARE(second, first); // one second, one updated_at

        const TicketVocabulary vocabulary;
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->helpdesk().automation().deliveries().size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(theCase().priority, TicketVocabulary::priorityName(priority), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(theCase().status, vocabulary.statusName(status), 10000);
        for (const QJsonObject &d : m_sandbox->helpdesk().automation().deliveries())
            QVERIFY2(d.value(QStringLiteral("response")).toString().contains(QLatin1String("\"duplicate\":false")),
                     qPrintable(d.value(QStringLiteral("response")).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(pending(), qint64(0), 10000);
        tick.stop();
        QTRY_VERIFY(!busy);
        QCOMPARE(theCase().remoteState.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(theCase().remoteState.value(QStringLiteral("priority")).toInt(), priority);

        // Freshdesk retrying the second delivery: the identical body is the same event, absorbed.
        QByteArray contentType;
        const QByteArray body =
            SandboxAutomation::render(QStringLiteral("flat"), m_sandbox->account().tickets.value(m_ticket),
                                      QStringLiteral("updated"), {}, &contentType);
        QNetworkRequest req(rule.url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        req.setRawHeader(rule.headerName, rule.headerValue);
        std::unique_ptr<QNetworkReply> reply(m_nam.post(req, body));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        const QByteArray answer = reply->readAll();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
        QVERIFY2(answer.contains("\"duplicate\":true"), answer.constData());
        auto all = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"));
        QVERIFY(all && all->next());
        QCOMPARE(all->value(0).toInt(), 2);
    }

    void twoEditsInOneSecondBothArriveByReconcile()
    {
        prepare();
        Reconciler reconciler(*m_db, Clock::system(), m_mapper);
        const int status = ticketValue("status") == 3 ? 2 : 3;
        const int priority = ticketValue("priority") == 4 ? 1 : 4;
        waitForASecondToBegin();
        const QString first = agentEdit({{QStringLiteral("status"), status}});
        // The reconciler sees the first edit before the second is made.
        auto one = QCoro::waitFor(reconciler.runCycle(m_integration, m_client.get()));
        QVERIFY(one);
        QCOMPARE(theCase().status, TicketVocabulary().statusName(status));
        const QString second = agentEdit({{QStringLiteral("priority"), priority}});
        if (second != first)
            QSKIP("the reconcile took the edits into two seconds; nothing to show on this run");
        auto two = QCoro::waitFor(
            reconciler.runCycle(*IntegrationStore(*m_db, Clock::system()).get(m_integration.id), m_client.get()));
        QVERIFY(two);
        QCOMPARE(theCase().priority, TicketVocabulary::priorityName(priority));
        QCOMPARE(theCase().status, TicketVocabulary().statusName(status));
        QCOMPARE(theCase().remoteState.value(QStringLiteral("priority")).toInt(), priority);
        QVERIFY(two->applied >= 1);
    }
};

QTEST_GUILESS_MAIN(TestSameSecondUpdates)
#include "tst_samesecondupdates.moc"
