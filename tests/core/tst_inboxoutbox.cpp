#include "common/clock.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/outbox.h"
#include "storage/retentionpruner.h"
#include "storage/synclog.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestInboxOutbox : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC)};

    InboxEvent event(const QString &key) const
    {
        InboxEvent e;
        e.integrationId = QStringLiteral("int-1");
        e.eventKey = key;
        e.body = QByteArrayLiteral("{\"ticket_id\":1}");
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_store.open();
        QVERIFY(m_db);
    }

    void explicitKeysDeduplicate()
    {
        Inbox inbox(*m_db, m_clock);
        auto first = inbox.insert(event(QStringLiteral("id:evt-1")));
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toLogString()));
        QVERIFY(!first->duplicate);
        auto again = inbox.insert(event(QStringLiteral("id:evt-1")));
        QVERIFY(again && again->duplicate);
        QCOMPARE(again->eventId, first->eventId);
        auto other = inbox.insert(event(QStringLiteral("id:evt-2")));
        QVERIFY(!other->duplicate);
        QVERIFY(other->eventId != first->eventId);
    }

    void bodyHashKeysCoalesceOnlyWhilePending()
    {
        Inbox inbox(*m_db, m_clock);
        const QString key = QStringLiteral("body:") + QString(64, QLatin1Char('a'));
        auto first = inbox.insert(event(key));
        QVERIFY(first && !first->duplicate);
        m_clock.advanceMs(2000);
        auto whilePending = inbox.insert(event(key)); // coalesces: one fetch serves both
        QVERIFY(whilePending && whilePending->duplicate);
        QCOMPARE(whilePending->eventId, first->eventId);
        QCOMPARE(inbox.get(first->eventId)->coalesced, 1);
        auto otherIntegration = event(key);
        otherIntegration.integrationId = QStringLiteral("int-2");
        QVERIFY(!inbox.insert(otherIntegration)->duplicate);

        QVERIFY(*inbox.markDone(first->eventId, 1));
        m_clock.advanceMs(2000); // seconds later, not minutes: a genuine new event with the same thin body
        auto afterDone = inbox.insert(event(key));
        QVERIFY(afterDone && !afterDone->duplicate);
        QVERIFY(afterDone->eventId != first->eventId);
        QCOMPARE(toString(inbox.get(afterDone->eventId)->state), QStringLiteral("pending"));
        auto dupOfSecond = inbox.insert(event(key));
        QVERIFY(dupOfSecond->duplicate);
        QCOMPARE(dupOfSecond->eventId, afterDone->eventId);

        // Processing began before the duplicate arrived (it saw coalesced 0): the event stays pending for another
        // pass instead of being marked done with the second change unseen.
        QCOMPARE(*inbox.markDone(afterDone->eventId, 0), false);
        QCOMPARE(toString(inbox.get(afterDone->eventId)->state), QStringLiteral("pending"));
        QVERIFY(*inbox.markDone(afterDone->eventId, 1));

        // Even the same millisecond as its processed twin: a new event, not a duplicate.
        auto sameMs = inbox.insert(event(key));
        QVERIFY(*inbox.markDone(sameMs->eventId));
        auto again = inbox.insert(event(key));
        QVERIFY(!again->duplicate);
        QVERIFY(again->eventId != sameMs->eventId);
    }

    void bodyHashLookupUsesTheIndex()
    {
        auto plan = m_db->exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM webhook_inbox WHERE integration_id = "
                                              "? AND body_hash = ? AND state = 'pending' LIMIT 1"),
                               {QStringLiteral("int-1"), QString(64, QLatin1Char('b'))});
        QVERIFY(plan);
        QStringList steps;
        while (plan->next())
            steps << plan->value(3).toString();
        QVERIFY2(steps.join(QLatin1Char(' ')).contains(QLatin1String("INDEX webhook_inbox_pending_body_ix")),
                 qPrintable(steps.join(QStringLiteral("; "))));
        QVERIFY2(!steps.join(QLatin1Char(' ')).contains(QLatin1String("SCAN")),
                 qPrintable(steps.join(QStringLiteral("; "))));
    }

    void failedEventsCanBeReplayed()
    {
        Inbox inbox(*m_db, m_clock);
        auto e = inbox.insert(event(QStringLiteral("id:replay-me")));
        QVERIFY(inbox.markFailed(e->eventId, QStringLiteral("could not parse")));
        QCOMPARE(toString(inbox.get(e->eventId)->state), QStringLiteral("failed"));
        QCOMPARE(*inbox.replay(e->eventId), 1);
        QCOMPARE(toString(inbox.get(e->eventId)->state), QStringLiteral("pending"));
        QCOMPARE(*inbox.replay(e->eventId), 0);
    }

    void retentionPrunesProcessedRowsInBatchesAndKeepsFailedOnes()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC));
        Inbox inbox(*db, clock);
        SyncLog log(*db, clock);
        auto count = [&](const QString &sql) { return db->scalar(sql)->toInt(); };
        QList<qint64> old;
        for (int i = 0; i < 3; ++i)
            old << inbox.insert(event(QStringLiteral("id:old-%1").arg(i)))->eventId;
        QVERIFY(*inbox.markDone(old.at(0)));
        QVERIFY(*inbox.markDone(old.at(1)));
        QVERIFY(inbox.markFailed(old.at(2), QStringLiteral("unreadable"), true)); // dead: stays until resolved
        const qint64 oldPending = inbox.insert(event(QStringLiteral("id:old-pending")))->eventId;
        SyncLogEntry entry;
        entry.direction = SyncDirection::Inbound;
        entry.event = QStringLiteral("ticket.fetched");
        entry.result = SyncResult::Applied;
        QVERIFY(log.append(entry));
        QVERIFY(log.append(entry));

        clock.advanceMs(31LL * 86400 * 1000);
        const qint64 recent = inbox.insert(event(QStringLiteral("id:recent")))->eventId;
        QVERIFY(*inbox.markDone(recent));
        QVERIFY(log.append(entry));

        RetentionPruner pruner(*db, clock, {30 * 86400, 90 * 86400, 1});
        auto first = pruner.pruneBatch(); // batches of one: one old done row now, the next one on the next call
        QVERIFY(first);
        QCOMPARE(first->inboxRows, 1);
        QCOMPARE(first->logRows, 0);
        QVERIFY(first->more);
        auto second = pruner.pruneBatch();
        QCOMPARE(second->inboxRows, 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox")), 3); // dead, pending, recent
        QVERIFY(inbox.get(old.at(2)));
        QVERIFY(inbox.get(oldPending));
        QVERIFY(inbox.get(recent));

        // Nothing old enough: the store is only read, nothing is written.
        const int changesBefore = count(QStringLiteral("SELECT total_changes()"));
        auto idle = pruner.pruneBatch();
        QVERIFY(idle && idle->inboxRows == 0 && idle->logRows == 0 && !idle->more);
        QCOMPARE(count(QStringLiteral("SELECT total_changes()")), changesBefore);

        clock.advanceMs(60LL * 86400 * 1000); // 91 days after the first rows, 60 after the recent ones
        RetentionPruner defaults(*db, clock);
        auto late = defaults.pruneBatch();
        QCOMPARE(late->logRows, 2);
        QCOMPARE(late->inboxRows, 1); // the recent done row is now 60 days old
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log")), 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE state IN ('dead', 'pending')")), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox")), 2);
    }

    void outboxRetriesThenDies()
    {
        Case c;
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 9;
        auto created = CaseStore(*m_db, m_clock).upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(created);
        Outbox outbox(*m_db, m_clock);
        OutboxItem item;
        item.caseId = created->caseId;
        item.integrationId = QStringLiteral("int-1");
        item.op = OutboxOp::Update;
        item.payload = {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")}}}};
        const qint64 id = *outbox.enqueue(item);
        QCOMPARE(outbox.due(10)->size(), 1);
        QVERIFY(outbox.markInflight(id));
        QCOMPARE(outbox.due(10)->size(), 0);
        QCOMPARE(*outbox.pendingFields(created->caseId), QSet<QString>{QStringLiteral("status")});
        QVERIFY(outbox.scheduleRetry(id, m_clock.nowUtc().addSecs(30), QStringLiteral("503")));
        QCOMPARE(outbox.due(10)->size(), 0);
        m_clock.advanceMs(31000);
        QCOMPARE(outbox.due(10)->size(), 1);
        QVERIFY(outbox.markInflight(id));
        QCOMPARE(*outbox.recoverInflight(QStringLiteral("int-2")), 0); // another integration's work is left alone
        QCOMPARE(*outbox.recoverInflight(QStringLiteral("int-1")), 1); // as after a crash
        QCOMPARE(outbox.get(id)->attempts, 2);
        QVERIFY(outbox.markDead(id, QStringLiteral("gave up")));
        QCOMPARE(*outbox.pendingCount(), 0);
        QCOMPARE(outbox.listByState(OutboxState::Dead)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInboxOutbox)
#include "tst_inboxoutbox.moc"
