#include "common/clock.h"
#include "fakehelpdeskclient.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/filelocklease.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "sync/syncengine.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
Result<WebhookPayload> parseFlat(const InboxEvent &e)
{
    const QJsonObject o = QJsonDocument::fromJson(e.body).object();
    WebhookPayload p;
    p.ticketId = qint64(o.value(QStringLiteral("ticket_id")).toDouble());
    p.event = QStringLiteral("updated");
    return p;
}
} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

    TempStore m_store;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC)};
    QString m_integrationId;
    QList<FakeHelpdeskClient *> m_fakes; // owned by the engines

    SyncEngine::ClientFactory factory()
    {
        return [this](Integration) -> QCoro::Task<Result<std::unique_ptr<HelpdeskClient>>> {
            auto fake = std::make_unique<FakeHelpdeskClient>(m_clock);
            fake->addTicket(1, 2);
            m_fakes << fake.get();
            co_return std::unique_ptr<HelpdeskClient>(std::move(fake));
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto db = m_store.open();
        QVERIFY(db);
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(*db, m_clock).insert(i));
        m_integrationId = i.id;
    }

    // The receiver's parse is used as it is (one parse per webhook); only an event without one is parsed from its
    // stored body. Started, the engine sleeps until something falls due (no tick): a wake runs a pass at once, and
    // an outbox retry sets the timer to its due time.
    void takesTheReceiversParseAndSleepsUntilSomethingIsDue()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(*db, clock).insert(i));
        int parses = 0;
        auto counting = [&parses](const InboxEvent &e) {
            ++parses;
            return parseFlat(e);
        };
        QList<qint64> ids;
        for (int k = 0; k < 2; ++k) {
            InboxEvent e;
            e.integrationId = i.id;
            e.eventKey = QStringLiteral("id:parse-%1").arg(k);
            e.body = "{\"ticket_id\":1}";
            ids << Inbox(*db, clock).insert(e)->eventId;
        }
        SyncEngine engine(*db, clock, factory(), counting, QStringLiteral("serve"));
        engine.setReconcileOnStart(false);
        WebhookPayload handed;
        handed.ticketId = 1;
        handed.event = QStringLiteral("updated");
        engine.inbound().handOver(ids.first(), handed);
        QCOMPARE(engine.inbound().handedOver(), 1);
        QCoro::waitFor(engine.tick());
        QCOMPARE(parses, 1); // the second event only: the first came parsed
        QCOMPARE(*Inbox(*db, clock).pendingCount(), 0);
        QCOMPARE(engine.inbound().handedOver(), 0); // forgotten once done

        QVERIFY(!engine.nextPassAt().isValid()); // not started: tick() alone schedules nothing
        engine.start();
        QTRY_VERIFY(engine.nextPassAt().isValid() && engine.nextPassAt() > clock.nowUtc());
        QVERIFY2(clock.nowUtc().msecsTo(engine.nextPassAt()) >= 59000, "idle: the next pass is the prune look");
        auto found = CaseStore(*db, clock).findByExternal(1, QStringLiteral("freshdesk"), i.domain, 1);
        QVERIFY(found && found->has_value());
        OutboxItem item;
        item.caseId = (*found)->id;
        item.integrationId = i.id;
        item.op = OutboxOp::Update;
        item.nextAttemptAt = clock.nowUtc().addSecs(30);
        QVERIFY(Outbox(*db, clock).enqueue(item));
        engine.wake();
        QCOMPARE(engine.nextPassAt(), clock.nowUtc());                 // at once
        QTRY_COMPARE(engine.nextPassAt(), clock.nowUtc().addSecs(30)); // then the retry's due time
        engine.stop();
        QVERIFY(!engine.nextPassAt().isValid());
    }

    void oneEngineWorksTheOtherStandsBy()
    {
        auto dbA = m_store.open();
        auto dbB = m_store.open();
        SyncEngine a(*dbA, m_clock, factory(), &parseFlat, QStringLiteral("console"));
        SyncEngine b(*dbB, m_clock, factory(), &parseFlat, QStringLiteral("serve"));
        a.setReconcileOnStart(false);
        b.setReconcileOnStart(false);
        QCoro::waitFor(a.tick());
        QCoro::waitFor(b.tick());
        QVERIFY(a.holdsLease(m_integrationId));
        QVERIFY(!b.holdsLease(m_integrationId));

        // A webhook is processed by the holder only: the standby makes no API call.
        InboxEvent e;
        e.integrationId = m_integrationId;
        e.eventKey = QStringLiteral("id:1");
        e.body = "{\"ticket_id\":1}";
        QVERIFY(Inbox(*dbA, m_clock).insert(e));
        QCoro::waitFor(b.tick());
        QCOMPARE(*Inbox(*dbA, m_clock).pendingCount(), 1);
        QCoro::waitFor(a.tick());
        QCOMPARE(*Inbox(*dbA, m_clock).pendingCount(), 0);
        auto c = CaseStore(*dbA, m_clock)
                     .findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), 1);
        QVERIFY(c && c->has_value());

        // A user edit is pushed by the holder within a tick.
        QVERIFY(CaseStore(*dbA, m_clock)
                    .updateCase((*c)->id, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}},
                                ChangeSource::User));
        QCoro::waitFor(a.tick());
        QCOMPARE(*Outbox(*dbA, m_clock).pendingCount(), 0);
        QCOMPARE(a.client(m_integrationId)->usage().callsByEndpoint.value(QStringLiteral("PUT /tickets")), 1);

        // A holder that is alive keeps the lease however long it is quiet (no heartbeat to miss); once it stops
        // (or its process dies: the kernel drops the file lock) the standby takes over on its next tick.
        m_clock.advanceMs(60000);
        QCoro::waitFor(b.tick());
        QVERIFY(!b.holdsLease(m_integrationId));
        a.stop();
        QCoro::waitFor(b.tick());
        QVERIFY(b.holdsLease(m_integrationId));
        QCoro::waitFor(a.tick());
        QVERIFY(!a.holdsLease(m_integrationId));
    }

    void prunesPastRetentionInSmallBatchesUntilCaughtUp()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        ManualClock clock(QDateTime(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC));
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(*db, clock).insert(i));
        Inbox inbox(*db, clock);
        for (int k = 0; k < 3; ++k) {
            InboxEvent e;
            e.integrationId = i.id;
            e.eventKey = QStringLiteral("id:old-%1").arg(k);
            e.body = "{\"ticket_id\":1}";
            QVERIFY(*inbox.markDone(inbox.insert(e)->eventId));
        }
        InboxEvent failed;
        failed.integrationId = i.id;
        failed.eventKey = QStringLiteral("id:unreadable");
        failed.body = "{";
        QVERIFY(inbox.markFailed(inbox.insert(failed)->eventId, QStringLiteral("unreadable")));
        clock.advanceMs(31LL * 86400 * 1000);
        auto count = [&db] { return db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox"))->toInt(); };

        SyncEngine engine(*db, clock, factory(), &parseFlat, QStringLiteral("serve"));
        engine.setReconcileOnStart(false);
        engine.setRetention({30 * 86400, 90 * 86400, 2});
        QCoro::waitFor(engine.tick());
        QCOMPARE(count(), 2); // one batch of two per tick while there is a backlog
        QCoro::waitFor(engine.tick());
        QCOMPARE(count(), 1); // the failed event stays until it is resolved
        QCoro::waitFor(engine.tick());
        QCOMPARE(count(), 1);
        QCOMPARE(inbox.byState(InboxState::Failed)->size(), 1);
    }

    void reconcilesAtStartAndOnItsInterval()
    {
        auto db = m_store.open();
        SyncEngine engine(*db, m_clock, factory(), &parseFlat);
        engine.setReconcileIntervalSec(300);
        m_clock.advanceMs(20000); // earlier engines' leases are stale by now
        QCoro::waitFor(engine.tick());
        FakeHelpdeskClient *fake = m_fakes.last();
        const int lists = fake->callCount(QStringLiteral("GET /tickets"));
        QCOMPARE(lists, 3); // the start-up cycle: changed tickets + deleted + spam views
        QCoro::waitFor(engine.tick());
        QCOMPARE(fake->callCount(QStringLiteral("GET /tickets")), lists);
        m_clock.advanceMs(301000);
        QCoro::waitFor(engine.tick());
        QCOMPARE(fake->callCount(QStringLiteral("GET /tickets")), 2 * lists);
    }

    // Leases are per integration and so is the work: an engine that holds one integration's lease leaves another
    // integration's inbox and outbox to that integration's holder.
    void worksOnlyTheIntegrationsWhoseLeaseItHolds()
    {
        auto db = m_store.open();
        QVERIFY(db);
        Integration other;
        other.id = IntegrationStore::newId();
        other.domain = QStringLiteral("other.freshdesk.com");
        QVERIFY(IntegrationStore(*db, m_clock).insert(other));
        FileLockLease elsewhere(*db, m_clock, QStringLiteral("serve@elsewhere:1:x"));
        QVERIFY(*elsewhere.acquire(other.id));
        Case c;
        c.integrationId = other.id;
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 99;
        QVERIFY(CaseStore(*db, m_clock).upsertByExternalLink(c, ChangeSource::Import));
        auto found = CaseStore(*db, m_clock)
                         .findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("other.freshdesk.com"), 99);
        QVERIFY(found && found->has_value());
        QVERIFY(CaseStore(*db, m_clock)
                    .updateCase((*found)->id, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}},
                                ChangeSource::User));
        for (const QString &id : {m_integrationId, other.id}) {
            InboxEvent e;
            e.integrationId = id;
            e.eventKey = QStringLiteral("id:lease-") + id;
            e.body = "{\"ticket_id\":1}";
            QVERIFY(Inbox(*db, m_clock).insert(e));
        }

        SyncEngine engine(*db, m_clock, factory(), &parseFlat);
        engine.setReconcileOnStart(false);
        QCoro::waitFor(engine.tick());
        QCoro::waitFor(engine.tick());
        QVERIFY(engine.holdsLease(m_integrationId));
        QVERIFY(!engine.holdsLease(other.id));
        const auto untouched = [&db](const char *table, const QString &id) {
            return db
                ->scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE integration_id = ? AND state = 'pending' "
                                        "AND attempts = 0")
                             .arg(QLatin1String(table)),
                         {id})
                ->toInt();
        };
        QCOMPARE(untouched("webhook_inbox", m_integrationId), 0); // its own: processed
        QCOMPARE(untouched("webhook_inbox", other.id), 1);        // the other holder's: left alone
        QCOMPARE(untouched("outbox", other.id), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
