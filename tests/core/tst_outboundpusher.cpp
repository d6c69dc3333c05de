#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "fakehelpdeskclient.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "sync/outboundpusher.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestOutboundPusher : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeHelpdeskClient> m_client;
    TicketMapper m_mapper;
    Integration m_integration;

    std::unique_ptr<OutboundPusher> pusher()
    {
        auto p = std::make_unique<OutboundPusher>(*m_db, *m_clock, m_mapper,
                                                  [this](const QString &) { return m_client.get(); });
        p->setBackoff(1000, 60000);
        return p;
    }

    // Imports a ticket from the fake helpdesk and returns its case id.
    qint64 importTicket(qint64 id, int status = 2)
    {
        Ticket &t = m_client->addTicket(id, status);
        auto r = RemoteApplier(*m_db, *m_clock, m_mapper)
                     .applyTicket(m_integration, t, ChangeSource::Import, QStringLiteral("import"), true);
        return r ? r->caseId : 0;
    }

    int countLog(SyncResult result)
    {
        return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE result = ?"), {toString(result)})
            ->toInt();
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

    void userEditBecomesOnePutWithOnlyTheChangedField()
    {
        const qint64 caseId = importTicket(7);
        QVERIFY(CaseStore(*m_db, *m_clock)
                    .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}},
                                ChangeSource::User));
        const PushReport r = QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(r.pushed, 1);
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 1);
        QCOMPARE(m_client->calls.last().second, (QJsonObject{{QStringLiteral("status"), 3}}));
        QCOMPARE(m_client->tickets[7].status, 3);
        QCOMPARE(*Outbox(*m_db, *m_clock).pendingCount(), 0);
        auto c = CaseStore(*m_db, *m_clock).get(caseId);
        QCOMPARE(c->remoteState.value(QStringLiteral("status")).toInt(), 3);
        QCOMPARE(QCoro::waitFor(pusher()->pushDue()).pushed, 0); // nothing twice
    }

    void importAndWebhookChangesNeverPush()
    {
        const qint64 caseId = importTicket(8);
        QVERIFY(CaseStore(*m_db, *m_clock)
                    .updateCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("urgent")}},
                                ChangeSource::Webhook));
        QVERIFY(CaseStore(*m_db, *m_clock)
                    .updateCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("low")}},
                                ChangeSource::Reconciler));
        QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 0);
    }

    void echoOfARecentInboundChangeIsDropped()
    {
        const qint64 caseId = importTicket(9);
        // The user sets pending; before the push goes out, the helpdesk reports the ticket pending (a webhook).
        QVERIFY(CaseStore(*m_db, *m_clock)
                    .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}},
                                ChangeSource::User));
        auto c = CaseStore(*m_db, *m_clock).get(caseId);
        QVERIFY(RemoteApplier(*m_db, *m_clock, m_mapper)
                    .applyRemoteFields(*c, {{QStringLiteral("status"), 3}}, m_clock->nowUtc(), ChangeSource::Webhook,
                                       QStringLiteral("ticket.updated")));
        m_clock->advanceMs(2000);
        const PushReport r = QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(r.echoDropped, 1);
        QCOMPARE(countLog(SyncResult::EchoDropped), 1);
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 0);
    }

    void aChangeBackAfterOurOwnPushIsNotMistakenForAnEcho()
    {
        const qint64 caseId = importTicket(19);
        auto c = CaseStore(*m_db, *m_clock).get(caseId);
        QVERIFY(RemoteApplier(*m_db, *m_clock, m_mapper)
                    .applyRemoteFields(*c, {{QStringLiteral("status"), 3}}, m_clock->nowUtc(), ChangeSource::Webhook,
                                       QStringLiteral("ticket.updated")));
        QVERIFY(
            CaseStore(*m_db, *m_clock)
                .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("open")}}, ChangeSource::User));
        QVERIFY(CaseStore(*m_db, *m_clock)
                    .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}},
                                ChangeSource::User));
        QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 2);
        QCOMPARE(m_client->tickets[19].status, 3); // both sides agree in the end
    }

    void afterTheEchoWindowTheSameValueIsPushed()
    {
        const qint64 caseId = importTicket(10);
        auto c = CaseStore(*m_db, *m_clock).get(caseId);
        QVERIFY(RemoteApplier(*m_db, *m_clock, m_mapper)
                    .applyRemoteFields(*c, {{QStringLiteral("priority"), 4}}, m_clock->nowUtc(), ChangeSource::Webhook,
                                       QStringLiteral("ticket.updated")));
        m_clock->advanceMs(11000);
        // Someone changed it back remotely without us hearing, and the user sets urgent again: it must go out.
        m_client->tickets[10].priority = 1;
        (void)CaseStore(*m_db, *m_clock).setRemoteState(caseId, TicketMapper::remoteState(m_client->tickets[10]), {});
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("low")}},
                        ChangeSource::Reconciler);
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("urgent")}}, ChangeSource::User);
        const PushReport r = QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(r.pushed, 1);
        QCOMPARE(m_client->tickets[10].priority, 4);
    }

    void editBackToTheRemoteValueSendsNothing()
    {
        const qint64 caseId = importTicket(11);
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}}, ChangeSource::User);
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("open")}}, ChangeSource::User);
        // first item pushes pending; second (open) now differs from remote pending and goes too: 2 PUTs.
        // An edit equal to the remote value is suppressed:
        QCoro::waitFor(pusher()->pushDue());
        const int puts = m_client->callCount(QStringLiteral("PUT /tickets"));
        QCOMPARE(puts, 2);
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::AssigneeId), qint64(200)}}, ChangeSource::User);
        m_client->tickets[11].responderId = 200; // already so remotely
        (void)CaseStore(*m_db, *m_clock).setRemoteState(caseId, TicketMapper::remoteState(m_client->tickets[11]), {});
        const PushReport r = QCoro::waitFor(pusher()->pushDue());
        QCOMPARE(r.unchanged, 1);
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), puts);
    }

    void transientFailuresRetryHonouringRetryAfterThenDie()
    {
        const qint64 caseId = importTicket(12);
        (void)CaseStore(*m_db, *m_clock)
            .updateCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("high")}}, ChangeSource::User);
        Error limited = Error::make(Error::Kind::RateLimited, QStringLiteral("Rate limited."));
        limited.retryAfterSeconds = 30;
        m_client->failNext(QStringLiteral("PUT /tickets"), limited);
        auto p = pusher();
        p->setMaxAttempts(3);
        QCOMPARE(QCoro::waitFor(p->pushDue()).retried, 1);
        m_clock->advanceMs(29000);
        QCOMPARE(QCoro::waitFor(p->pushDue()).retried, 0); // not before Retry-After
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 1);
        m_clock->advanceMs(1500);
        Error down = Error::make(Error::Kind::Unavailable, QStringLiteral("Server error."));
        m_client->failNext(QStringLiteral("PUT /tickets"), down);
        m_client->failNext(QStringLiteral("PUT /tickets"), down);
        QCOMPARE(QCoro::waitFor(p->pushDue()).retried, 1);
        m_clock->advanceMs(120000);
        QCOMPARE(QCoro::waitFor(p->pushDue()).dead, 1);
        QCOMPARE(Outbox(*m_db, *m_clock).listByState(OutboxState::Dead)->size(), 1);
        QCOMPARE(countLog(SyncResult::Dead), 1);
    }

    void noteWithUnknownOutcomeIsNotPostedTwice()
    {
        const qint64 caseId = importTicket(13);
        Comment comment;
        comment.caseId = caseId;
        comment.body = QStringLiteral("Called the customer.");
        comment.isPrivate = true;
        comment.source = QStringLiteral("user");
        auto inserted = CommentStore(*m_db, *m_clock).insert(comment);
        QVERIFY(inserted);
        OutboxItem item;
        item.caseId = caseId;
        item.integrationId = m_integration.id;
        item.op = OutboxOp::Note;
        item.payload = {{QStringLiteral("comment_id"), inserted->first},
                        {QStringLiteral("body"), comment.body},
                        {QStringLiteral("private"), true}};
        QVERIFY(Outbox(*m_db, *m_clock).enqueue(item));
        m_client->postThenTimeout = true; // reaches the helpdesk, but we hear a timeout
        QCOMPARE(QCoro::waitFor(pusher()->pushDue()).retried, 1);
        m_client->postThenTimeout = false;
        m_clock->advanceMs(600000);
        QCOMPARE(QCoro::waitFor(pusher()->pushDue()).pushed, 1);
        QCOMPARE(m_client->callCount(QStringLiteral("POST /tickets/{id}/notes")), 1);
        QCOMPARE(m_client->conversations[13].size(), 1);
        QVERIFY(m_client->conversations[13].first().isPrivate);
        auto comments = CommentStore(*m_db, *m_clock).forCase(caseId);
        QCOMPARE(comments->first().externalId.value_or(0), m_client->conversations[13].first().id);
    }

    void handoffToAGoneAgentFallsBackToUnassign()
    {
        const qint64 caseId = importTicket(14);
        m_client->tickets[14].responderId = 100; // the integration's agent holds it
        (void)CaseStore(*m_db, *m_clock).setRemoteState(caseId, TicketMapper::remoteState(m_client->tickets[14]), {});
        IntegrationSettings s;
        QVERIFY(IntegrationSettings::parseHandoff(QStringLiteral("agent:999"), s));
        m_integration.settings = s.toJson();
        QVERIFY(IntegrationStore(*m_db, *m_clock).update(m_integration));
        OutboxItem item;
        item.caseId = caseId;
        item.integrationId = m_integration.id;
        item.op = OutboxOp::Handoff;
        QVERIFY(Outbox(*m_db, *m_clock).enqueue(item));
        QCOMPARE(QCoro::waitFor(pusher()->pushDue()).pushed, 1);
        QCOMPARE(m_client->callCount(QStringLiteral("PUT /tickets")), 2); // agent:999 refused, then fallback
        QVERIFY(!m_client->tickets[14].responderId.has_value());
        QVERIFY(!CaseStore(*m_db, *m_clock).get(caseId)->assigneeId.has_value());
        QCOMPARE(*Outbox(*m_db, *m_clock).pendingCount(), 0); // the case update did not queue another push
    }
};

QTEST_GUILESS_MAIN(TestOutboundPusher)
#include "tst_outboundpusher.moc"
