#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "fakehelpdeskclient.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/customerstore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "sync/defaultsyncplatform.h"
#include "sync/importer.h"
#include "sync/inboundprocessor.h"
#include "sync/reconciler.h"
#include "sync/ticketmapper.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
// A minimal flat-JSON reader standing in for the webhook payload parser (which has its own table-driven tests).
Result<WebhookPayload> parseFlat(const InboxEvent &e)
{
    const QJsonObject o = QJsonDocument::fromJson(e.body).object();
    if (!o.contains(QStringLiteral("ticket_id")))
        return Error::make(Error::Kind::Usage, QStringLiteral("No ticket id."));
    WebhookPayload p;
    p.ticketId = qint64(o.value(QStringLiteral("ticket_id")).toDouble());
    p.event = o.value(QStringLiteral("event")).toString(QStringLiteral("updated"));
    for (const QString &k : {QStringLiteral("status"), QStringLiteral("priority"), QStringLiteral("responder_id")}) {
        if (o.contains(k))
            p.fields.insert(k, o.value(k));
    }
    if (o.contains(QStringLiteral("updated_at")))
        p.updatedAt = QDateTime::fromString(o.value(QStringLiteral("updated_at")).toString(), Qt::ISODate);
    return p;
}
} // namespace

class TestSyncFlows : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeHelpdeskClient> m_client;
    TicketMapper m_mapper;
    Integration m_integration;
    int m_events = 0;

    void setIntake(const QString &mode)
    {
        IntegrationSettings s;
        s.intake = *IntegrationSettings::parseIntake(mode);
        s.defaultGroupId = 10;
        m_integration.settings = s.toJson();
        QVERIFY(IntegrationStore(*m_db, *m_clock).update(m_integration));
    }

    void webhook(const QJsonObject &body)
    {
        InboxEvent e;
        e.integrationId = m_integration.id;
        e.eventKey = QStringLiteral("id:%1").arg(++m_events);
        e.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QVERIFY(Inbox(*m_db, *m_clock).insert(e));
    }

    InboundReport process()
    {
        InboundProcessor p(
            *m_db, *m_clock, m_mapper, [this](const QString &) { return m_client.get(); }, &parseFlat);
        return QCoro::waitFor(p.processPending());
    }

    std::optional<Case> caseFor(qint64 ticketId)
    {
        auto c = CaseStore(*m_db, *m_clock)
                     .findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), ticketId);
        return c ? *c : std::nullopt;
    }

    ImportSummary import(ImportRequest r)
    {
        Importer importer(*m_db, *m_clock, m_mapper);
        auto s = QCoro::waitFor(importer.run(m_integration, m_client.get(), r));
        return s ? *s : ImportSummary{};
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        m_db = m_store->open();
        QVERIFY(m_db);
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
        m_client = std::make_unique<FakeHelpdeskClient>(*m_clock);
        m_integration = Integration();
        m_integration.id = IntegrationStore::newId();
        m_integration.domain = QStringLiteral("acme.freshdesk.com");
        m_integration.agentId = 100;
        QVERIFY(IntegrationStore(*m_db, *m_clock).insert(m_integration));
    }

    void fullPayloadIsAppliedWithoutAFetch()
    {
        m_client->addTicket(1);
        QCOMPARE(import(ImportRequest{{1}, {}, {}, {}, false}).imported, 1);
        const int callsBefore = int(m_client->calls.size());
        webhook({{QStringLiteral("ticket_id"), 1},
                 {QStringLiteral("status"), 4},
                 {QStringLiteral("updated_at"), m_clock->nowUtc().toString(Qt::ISODate)}});
        const InboundReport r = process();
        QCOMPARE(r.applied, 1);
        QCOMPARE(r.fetches, 0);
        QCOMPARE(m_client->calls.size(), callsBefore);
        QCOMPARE(caseFor(1)->status, QStringLiteral("resolved"));
        QCOMPARE(*Inbox(*m_db, *m_clock).pendingCount(), 0);
        QCOMPARE(*Outbox(*m_db, *m_clock).pendingCount(), 0); // inbound never pushes
    }

    void olderPayloadNeverOverwritesNewer()
    {
        m_client->addTicket(2);
        import(ImportRequest{{2}, {}, {}, {}, false});
        const QString t1 = m_clock->nowUtc().addSecs(-10).toString(Qt::ISODate);
        const QString t2 = m_clock->nowUtc().toString(Qt::ISODate);
        webhook({{QStringLiteral("ticket_id"), 2}, {QStringLiteral("status"), 3}, {QStringLiteral("updated_at"), t2}});
        webhook({{QStringLiteral("ticket_id"), 2}, {QStringLiteral("status"), 4}, {QStringLiteral("updated_at"), t1}});
        process();
        QCOMPARE(caseFor(2)->status, QStringLiteral("pending"));
    }

    void thinPayloadsForOneTicketCoalesceIntoOneFetch()
    {
        m_client->addTicket(3);
        import(ImportRequest{{3}, {}, {}, {}, false});
        m_client->tickets[3].status = 5;
        m_client->tickets[3].updatedAt = m_clock->nowUtc();
        for (int i = 0; i < 5; ++i)
            webhook({{QStringLiteral("ticket_id"), 3}, {QStringLiteral("event"), QStringLiteral("updated")}});
        const int fetchesBefore = m_client->callCount(QStringLiteral("GET /tickets/{id}"));
        const InboundReport r = process();
        QCOMPARE(r.processed, 5);
        QCOMPARE(m_client->callCount(QStringLiteral("GET /tickets/{id}")), fetchesBefore + 1);
        QCOMPARE(caseFor(3)->status, QStringLiteral("closed"));
    }

    void intakeModesDecideWhatBecomesACase()
    {
        m_client->addTicket(40).responderId = 100; // assigned to the integration's agent
        m_client->addTicket(41).responderId = 200; // someone else's
        m_client->addTicket(42).groupId = 10;      // the default group
        setIntake(QStringLiteral("none"));
        webhook({{QStringLiteral("ticket_id"), 40}, {QStringLiteral("event"), QStringLiteral("created")}});
        process();
        QVERIFY(!caseFor(40));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE result = 'ignored'"))->toInt(),
                 1);
        setIntake(QStringLiteral("assigned"));
        for (qint64 id : {40, 41, 42})
            webhook({{QStringLiteral("ticket_id"), id}, {QStringLiteral("event"), QStringLiteral("created")}});
        process();
        QVERIFY(caseFor(40));
        QVERIFY(!caseFor(41));
        QVERIFY(caseFor(42));
        setIntake(QStringLiteral("all"));
        webhook({{QStringLiteral("ticket_id"), 41}, {QStringLiteral("event"), QStringLiteral("created")}});
        QCOMPARE(process().created, 1);
        auto c = caseFor(41);
        QVERIFY(c && c->customerId);
        QCOMPARE(CustomerStore(*m_db, *m_clock).get(*c->customerId)->externalId,
                 QStringLiteral("freshdesk:customer41@example.com"));
    }

    void notesArriveAsCommentsOnce()
    {
        m_client->addTicket(5);
        import(ImportRequest{{5}, {}, {}, {}, false});
        Conversation theirs;
        theirs.id = 777;
        theirs.ticketId = 5;
        theirs.bodyText = QStringLiteral("Customer called back");
        theirs.body = QStringLiteral("<div>Customer called back</div>");
        theirs.isPrivate = true;
        Conversation ours = theirs;
        ours.id = 778;
        ours.body = QStringLiteral("pushed by us<!-- casebridge:outbox:3 -->");
        m_client->conversations[5] = {theirs, ours};
        for (int i = 0; i < 2; ++i) {
            webhook({{QStringLiteral("ticket_id"), 5}, {QStringLiteral("event"), QStringLiteral("note_added")}});
            process();
        }
        auto comments = CommentStore(*m_db, *m_clock).forCase(caseFor(5)->id);
        QCOMPARE(comments->size(), 1);
        QCOMPARE(comments->first().externalId.value_or(0), qint64(777));
        QVERIFY(comments->first().isPrivate);
    }

    void conversationsAreCopiedOnEveryEventThatCanCarryOne_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("conversationCalls");
        // The printed update rule, as Freshdesk renders it for each trigger; Simple mode; a bare thin id.
        QTest::newRow("status change")
            << QByteArray(R"({"ticket_id":"8","event":"updated","triggered_event":"{status:{from:2,to:3}}"})") << 0;
        QTest::newRow("priority change")
            << QByteArray(R"({"ticket_id":"8","event":"updated","triggered_event":"{priority:{from:1,to:3}}"})") << 0;
        QTest::newRow("private note")
            << QByteArray(R"({"ticket_id":"8","event":"updated","triggered_event":"{note_type:private}"})") << 1;
        QTest::newRow("public note, Simple mode")
            << QByteArray(R"({"freshdesk_webhook":{"ticket_id":"8","triggered_event":"{note_type:public}"}})") << 1;
        QTest::newRow("reply sent") << QByteArray(R"({"ticketId":"8","triggered_event":"{reply_sent:sent}"})") << 1;
        QTest::newRow("bare id") << QByteArray(R"({"ticketId":"8"})") << 1;
    }

    void conversationsAreCopiedOnEveryEventThatCanCarryOne()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, conversationCalls);
        m_client->addTicket(8);
        import(ImportRequest{{8}, {}, {}, {}, false});
        const QString op = QStringLiteral("GET /tickets/{id}/conversations");
        const int before = m_client->callCount(op);
        InboxEvent e;
        e.integrationId = m_integration.id;
        e.body = body;
        e.contentType = QStringLiteral("application/json");
        e.eventKey = QStringLiteral("id:conv-%1").arg(++m_events);
        QVERIFY(Inbox(*m_db, *m_clock).insert(e));
        InboundProcessor p(
            *m_db, *m_clock, m_mapper, [this](const QString &) { return m_client.get(); }, makeWebhookParser());
        const InboundReport r = QCoro::waitFor(p.processPending());
        QCOMPARE(r.processed, 1);
        QCOMPARE(r.failed, 0);
        QCOMPARE(m_client->callCount(op) - before, conversationCalls);
    }

    void transientFailuresAreRetriedPermanentOnesKeptForReplay()
    {
        m_client->addTicket(6);
        Error down = Error::make(Error::Kind::Unavailable, QStringLiteral("Server error."));
        m_client->failNext(QStringLiteral("GET /tickets/{id}"), down);
        webhook({{QStringLiteral("ticket_id"), 6}});
        QCOMPARE(process().deferred, 1);
        QCOMPARE(process().processed, 0); // backing off
        m_clock->advanceMs(5000);
        QCOMPARE(process().created, 1);
        webhook({{QStringLiteral("no_ticket"), true}});
        QCOMPARE(process().failed, 1);
        auto failed = Inbox(*m_db, *m_clock).byState(InboxState::Failed);
        QCOMPARE(failed->size(), 1);
        QCOMPARE(*Inbox(*m_db, *m_clock).replay(failed->first().id), 1);
    }

    void importingTheSameIdsThreeTimesChangesNothing()
    {
        for (qint64 id : {11, 12, 13})
            m_client->addTicket(id);
        const ImportSummary first = import(ImportRequest{{11, 12, 13, 404}, {}, {}, {}, false});
        QCOMPARE(first.imported, 3);
        QCOMPARE(first.failed, 1);
        QVERIFY(first.failures.first().startsWith(QLatin1String("Ticket 404:")));
        const qint64 logRows = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log"))->toLongLong();
        for (int run = 0; run < 2; ++run) {
            const ImportSummary again = import(ImportRequest{{11, 12, 13}, {}, {}, {}, false});
            QCOMPARE(again.imported, 0);
            QCOMPARE(again.alreadyLinked, 3);
        }
        QCOMPARE(*CaseStore(*m_db, *m_clock).count(), qint64(3));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE result <> 'unchanged'"))
                     ->toLongLong(),
                 logRows);
        QCOMPARE(*Outbox(*m_db, *m_clock).pendingCount(), 0);
    }

    void importByFilterTakesAllTimeFiltersStatusAndLimits()
    {
        for (int i = 0; i < 250; ++i)
            m_client->addTicket(1000 + i, i % 2 == 0 ? 2 : 4, 1, qint64(i) * 86400 * 2); // up to 500 days old
        ImportRequest r;
        r.statuses = {QStringLiteral("open")};
        const ImportSummary all = import(r);
        QCOMPARE(all.imported, 125);
        QCOMPARE(all.calls, 3);
        ImportRequest limited;
        limited.limit = 10;
        limited.statuses = {QStringLiteral("resolved")};
        QCOMPARE(import(limited).imported, 10);
        const ImportEstimate e = Importer::estimate(limited, 100, 160);
        QCOMPARE(e.calls, 1);
        // Freshservice filters on the server: 10 matches are a filter page and up to 10 requester lookups.
        const ImportEstimate fs = Importer::estimate(limited, QStringLiteral("freshservice"));
        QCOMPARE(fs.calls, 11);
        QVERIFY(fs.upperBound);
        ImportRequest everythingOpen;
        everythingOpen.statuses = {QStringLiteral("open")};
        // Unknown matches: the worse of ten filter pages with 300 requester lookups, or a filter call and the
        // 300-call listing.
        QCOMPARE(Importer::estimate(everythingOpen, QStringLiteral("freshservice")).calls, 310);
        QCOMPARE(Importer::estimate(everythingOpen, QStringLiteral("freshdesk")).calls, 300);
        const ImportRequest backfill = Importer::backfillRequest(m_clock->nowUtc());
        QCOMPARE(backfill.statuses, (QStringList{QStringLiteral("open"), QStringLiteral("pending")}));
        QCOMPARE(backfill.updatedSince, m_clock->nowUtc().addDays(-180));
    }

    void reconcileCatchesChangesCheaplyAndNeverCreates()
    {
        for (int i = 0; i < 300; ++i)
            m_client->addTicket(2000 + i, 2, 1, 7200 + qint64(i) * 60); // one update a minute
        ImportRequest r;
        QCOMPARE(import(r).imported, 300);
        m_integration = *IntegrationStore(*m_db, *m_clock).get(m_integration.id);
        QVERIFY(m_integration.watermark.isValid());
        m_clock->advanceMs(60000);
        for (int i = 0; i < 50; ++i) { // 50 changed remotely while webhooks were off
            m_client->tickets[2000 + i].status = 3;
            m_client->tickets[2000 + i].updatedAt = m_clock->nowUtc();
        }
        m_client->addTicket(9999, 2, 1, 0); // new and unlinked
        m_client->tickets[2299].deleted = true;
        m_client->tickets[2299].updatedAt = m_clock->nowUtc();
        const int callsBefore = int(m_client->calls.size());
        const int conversationsBefore = m_client->callCount(QStringLiteral("GET /tickets/{id}/conversations"));
        Reconciler rec(*m_db, *m_clock, m_mapper);
        auto report = QCoro::waitFor(rec.runCycle(m_integration, m_client.get()));
        QVERIFY(report);
        QCOMPARE(report->applied, 50);
        QCOMPARE(report->notLinked, 1);
        QCOMPARE(report->removed, 1);
        // Three listings (changed, deleted, spam), plus the conversations of each of the 50 the webhooks missed
        // (a missed change may have been a note); the 250 unchanged linked cases cost nothing.
        QCOMPARE(report->calls, 3 + 50);
        QCOMPARE(int(m_client->calls.size()) - callsBefore, 3 + 50);
        QCOMPARE(m_client->callCount(QStringLiteral("GET /tickets/{id}/conversations")) - conversationsBefore, 50);
        QVERIFY(!caseFor(9999));
        QCOMPARE(caseFor(2000)->status, QStringLiteral("pending"));
        QVERIFY(caseFor(2299)->remoteState.value(QStringLiteral("deleted")).toBool());
        QCOMPARE(*Outbox(*m_db, *m_clock).pendingCount(), 0);
        QCOMPARE(IntegrationStore(*m_db, *m_clock).get(m_integration.id)->watermark, m_clock->nowUtc());
    }
};

QTEST_GUILESS_MAIN(TestSyncFlows)
#include "tst_syncflows.moc"
