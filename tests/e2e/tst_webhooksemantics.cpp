// Webhooks as Freshdesk really sends them, end to end in one process over loopback HTTP: the sandbox helpdesk (its
// automation rules firing thin bodies with no event id), the real receiver, a SQLite store, the real Freshdesk
// client, the inbound processor and the reconciler (DESIGN.md §3, issue 16).
#include "common/clock.h"
#include "helpdesk/freshdesk/freshdeskclient.h"
#include "helpdesk/freshdesk/freshdeskjson.h"
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
#include "webhook/webhookpayloadparser.h"
#include "webhook/webhookreceiver.h"
#include "webhook/webhooksecret.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestWebhookSemantics : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_sandbox;
    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FreshdeskClient> m_client;
    QNetworkAccessManager m_nam;
    TicketMapper m_mapper;
    Integration m_integration;

    // A sandbox of `tickets` tickets (last changed two hours ago or earlier), each linked to a case.
    void prepare(int tickets)
    {
        m_sandbox = std::make_unique<LoopbackSandbox>();
        m_sandbox->account().seed(tickets, 42, QDateTime::currentDateTimeUtc().addSecs(-7200));
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
        WriteTransaction tx(*m_db);
        for (const QJsonObject &json : std::as_const(m_sandbox->account().tickets)) {
            const Ticket t = FreshdeskJson::ticket(json);
            QVERIFY(
                applier.applyTicket(m_integration, t, ChangeSource::Import, QStringLiteral("ticket.imported"), true));
            newest = std::max(newest, t.updatedAt);
        }
        QVERIFY(tx.commit());
        QVERIFY(IntegrationStore(*m_db, Clock::system()).setWatermark(m_integration.id, newest));
        m_integration = *IntegrationStore(*m_db, Clock::system()).get(m_integration.id);
    }

    InboundProcessor processor()
    {
        return InboundProcessor(
            *m_db, Clock::system(), m_mapper, [this](const QString &) { return m_client.get(); }, makeWebhookParser());
    }

    // What the receiver stores for a body: its key is the body hash (no event id, no updated_at).
    void deliverThin(qint64 ticketId, const QString &triggered)
    {
        QByteArray contentType;
        const QByteArray body =
            SandboxAutomation::render(QStringLiteral("thin"), m_sandbox->account().tickets.value(ticketId),
                                      QStringLiteral("updated"), triggered, &contentType);
        InboxEvent e;
        e.integrationId = m_integration.id;
        e.contentType = QString::fromLatin1(contentType);
        e.body = body;
        const auto payload = WebhookPayloadParser().parse(body, contentType);
        QVERIFY(payload);
        e.eventKey = WebhookPayloadParser::eventKey(&*payload, body, {});
        QVERIFY(e.eventKey.startsWith(QLatin1String("body:")));
        QVERIFY(Inbox(*m_db, Clock::system()).insert(e));
    }

    qint64 caseOf(qint64 ticketId)
    {
        auto c = CaseStore(*m_db, Clock::system())
                     .findByExternal(1, QStringLiteral("freshdesk"), m_integration.domain, ticketId);
        return c && c->has_value() ? (*c)->id : 0;
    }

    // author → body of the case's comments
    QMultiHash<QString, QString> comments(qint64 caseId)
    {
        QMultiHash<QString, QString> out;
        auto q = m_db->exec(QStringLiteral("SELECT author, body FROM comments WHERE case_id = ?"), {caseId});
        while (q && q->next())
            out.insert(q->value(0).toString(), q->value(1).toString());
        return out;
    }

    QString requesterName(qint64 ticketId)
    {
        const qint64 requester =
            m_sandbox->account().tickets.value(ticketId).value(QStringLiteral("requester_id")).toInteger();
        return m_sandbox->account().contacts.value(requester).value(QStringLiteral("name")).toString();
    }

private Q_SLOTS:
    void twoIdenticalThinNotesTwoSecondsApartBothReachTheCase()
    {
        prepare(10);
        // The receiver as serve runs it, and the processor on the engine's tick.
        WebhookReceiver receiver(*m_db, Clock::system());
        HttpHost server(&receiver);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        SandboxAutomation::Rule rule;
        rule.url =
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/webhooks/freshdesk/%2").arg(port).arg(m_integration.id));
        rule.shape = QStringLiteral("thin");
        rule.headerName = "X-Casebridge-Webhook-Secret";
        rule.headerValue = "hook-secret";
        m_sandbox->helpdesk().automation().addRule(rule);
        InboundProcessor inbound = processor();
        bool busy = false;
        QTimer tick;
        tick.setInterval(250);
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

        const qint64 ticket = 4;
        const qint64 caseId = caseOf(ticket);
        QVERIFY(caseId > 0);
        const qint64 agent = m_sandbox->account().agentId;
        auto note = [&](const QString &text) {
            m_sandbox->helpdesk().agentEdit(
                ticket, {{QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), text}}}}, agent);
        };
        note(QStringLiteral("First note: the printer is back."));
        QTRY_COMPARE_WITH_TIMEOUT(comments(caseId).size(), 1, 10000);
        QTest::qWait(2000);
        note(QStringLiteral("Second note: it jammed again."));
        QTRY_COMPARE_WITH_TIMEOUT(comments(caseId).size(), 2, 10000);
        tick.stop();
        QTRY_VERIFY(!busy);

        const QList<QJsonObject> deliveries = m_sandbox->helpdesk().automation().deliveries();
        QCOMPARE(deliveries.size(), 2);
        // The same thin body both times; the second was a new event, not a duplicate of the processed first one.
        QVERIFY(deliveries.at(1)
                    .value(QStringLiteral("response"))
                    .toString()
                    .contains(QLatin1String("\"duplicate\":false")));
        const auto byAuthor = comments(caseId);
        const QString agentName = m_sandbox->account()
                                      .agents.value(agent)
                                      .value(QStringLiteral("contact"))
                                      .toObject()
                                      .value(QStringLiteral("name"))
                                      .toString();
        QVERIFY(!agentName.isEmpty());
        QCOMPARE(byAuthor.values(agentName).size(), 2);
        QVERIFY(byAuthor.values(agentName).contains(QStringLiteral("Second note: it jammed again.")));
    }

    void aBurstOfThinWebhooksIsListedNotFetchedOneByOne()
    {
        prepare(1000);
        m_sandbox->helpdesk().setPlan(*SandboxHelpdesk::Plan::named(QStringLiteral("growth")));
        QHash<qint64, QString> expected;
        for (qint64 id : m_sandbox->account().tickets.keys()) {
            const int status = m_sandbox->account().tickets.value(id).value(QStringLiteral("status")).toInt();
            const int target = status == 4 ? 5 : 4;
            expected.insert(id, target == 4 ? QStringLiteral("resolved") : QStringLiteral("closed"));
            m_sandbox->helpdesk().agentEdit(id, {{QStringLiteral("status"), target}});
            deliverThin(id, QStringLiteral("{status:{from:%1,to:%2}}").arg(status).arg(target));
        }
        QCOMPARE(*Inbox(*m_db, Clock::system()).pendingCount(), 1000);
        InboundProcessor inbound = processor();
        for (int pass = 0; pass < 5 && *Inbox(*m_db, Clock::system()).pendingCount() > 0; ++pass)
            QCoro::waitFor(inbound.processPending());
        QCOMPARE(*Inbox(*m_db, Clock::system()).pendingCount(), 0);
        const QJsonObject stats = m_sandbox->helpdesk().stats();
        qInfo() << "1000 thin webhooks for 1000 tickets:" << m_client->usage().totalCalls << "API calls,"
                << stats.value(QStringLiteral("rate_limited")).toInteger() << "answered 429";
        QVERIFY2(m_client->usage().totalCalls <= 15, qPrintable(QString::number(m_client->usage().totalCalls)));
        QCOMPARE(stats.value(QStringLiteral("rate_limited")).toInteger(), 0);
        int applied = 0;
        auto q = m_db->exec(QStringLiteral("SELECT external_ticket_id, status FROM cases"));
        while (q && q->next())
            applied += expected.value(q->value(0).toLongLong()) == q->value(1).toString() ? 1 : 0;
        QCOMPARE(applied, 1000);
    }

    void withWebhooksOnReconcilingTenThousandCasesWithFiftyChangedCostsThreeCalls()
    {
        prepare(10000);
        QList<qint64> changed;
        for (qint64 id = 1; changed.size() < 50; id += 197)
            changed << id;
        for (qint64 id : std::as_const(changed)) {
            m_sandbox->helpdesk().agentEdit(id, {{QStringLiteral("priority"), 4}});
            deliverThin(id, QStringLiteral("{priority:{from:1,to:4}}"));
        }
        m_sandbox->helpdesk().agentEdit(
            changed.first(), {{QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), QStringLiteral("n")}}}});
        deliverThin(changed.first(), QStringLiteral("{note_type:private}"));
        InboundProcessor inbound = processor();
        QCoro::waitFor(inbound.processPending());
        QCOMPARE(*Inbox(*m_db, Clock::system()).pendingCount(), 0);
        QCOMPARE(comments(caseOf(changed.first())).values().count(QStringLiteral("n")), 1);

        const qint64 before = m_client->usage().totalCalls;
        Reconciler reconciler(*m_db, Clock::system(), m_mapper);
        auto report = QCoro::waitFor(reconciler.runCycle(m_integration, m_client.get()));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toLogString()));
        qInfo() << "reconcile of 10000 linked cases, 50 changed, webhooks on:" << report->calls << "calls,"
                << report->listed << "listed";
        QVERIFY(report->listed >= 50);
        QVERIFY2(report->calls <= 3, qPrintable(QString::number(report->calls)));
        QCOMPARE(m_client->usage().totalCalls - before, qint64(report->calls));
        QCOMPARE(report->commentsAdded, 0);
    }

    void withWebhooksOffANoteAndACustomerReplyArriveInOneReconcile()
    {
        prepare(20);
        const qint64 ticket = 7;
        const qint64 agent = m_sandbox->account().agentId;
        m_sandbox->helpdesk().agentEdit(
            ticket,
            {{QStringLiteral("note"),
              QJsonObject{{QStringLiteral("body"), QStringLiteral("Agent: replaced the fuser.")}}}},
            agent);
        m_sandbox->helpdesk().agentEdit(
            ticket, {{QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Customer: thanks!")},
                                                          {QStringLiteral("incoming"), true}}}});
        Reconciler reconciler(*m_db, Clock::system(), m_mapper);
        auto report = QCoro::waitFor(reconciler.runCycle(m_integration, m_client.get()));
        QVERIFY(report);
        QVERIFY(report->commentsAdded >= 2);
        const auto byAuthor = comments(caseOf(ticket));
        const QString agentName = m_sandbox->account()
                                      .agents.value(agent)
                                      .value(QStringLiteral("contact"))
                                      .toObject()
                                      .value(QStringLiteral("name"))
                                      .toString();
        QVERIFY(byAuthor.values(agentName).contains(QStringLiteral("Agent: replaced the fuser.")));
        QVERIFY(!requesterName(ticket).isEmpty());
        QVERIFY(byAuthor.values(requesterName(ticket)).contains(QStringLiteral("Customer: thanks!")));

        // A second cycle finds nothing new: no conversations fetched again, no comment twice.
        auto again = QCoro::waitFor(
            reconciler.runCycle(*IntegrationStore(*m_db, Clock::system()).get(m_integration.id), m_client.get()));
        QVERIFY(again);
        QCOMPARE(again->commentsAdded, 0);
        QVERIFY(again->calls <= 3);
    }
};

QTEST_GUILESS_MAIN(TestWebhookSemantics)
#include "tst_webhooksemantics.moc"
