#include "common/clock.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/outbox.h"
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

    void bodyHashKeysDeduplicateOnlyWithinTheWindow()
    {
        Inbox inbox(*m_db, m_clock);
        auto first = inbox.insert(event(QStringLiteral("body:abc")));
        QVERIFY(first && !first->duplicate);
        m_clock.advanceMs(59000);
        auto within = inbox.insert(event(QStringLiteral("body:abc")));
        QVERIFY(within->duplicate);
        QCOMPARE(within->eventId, first->eventId);
        m_clock.advanceMs(2000); // 61 s after the first arrival
        auto after = inbox.insert(event(QStringLiteral("body:abc")));
        QVERIFY(!after->duplicate);
        m_clock.advanceMs(1000);
        auto dupOfSecond = inbox.insert(event(QStringLiteral("body:abc")));
        QVERIFY(dupOfSecond->duplicate);
        QCOMPARE(dupOfSecond->eventId, after->eventId);
    }

    void failedEventsCanBeReplayed()
    {
        Inbox inbox(*m_db, m_clock);
        auto e = inbox.insert(event(QStringLiteral("id:replay-me")));
        QVERIFY(inbox.markFailed(e->eventId, QStringLiteral("could not parse")));
        QCOMPARE(inbox.get(e->eventId)->state, QStringLiteral("failed"));
        QCOMPARE(*inbox.replay(e->eventId), 1);
        QCOMPARE(inbox.get(e->eventId)->state, QStringLiteral("pending"));
        QCOMPARE(*inbox.replay(e->eventId), 0);
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
        item.op = QStringLiteral("update");
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
        QCOMPARE(outbox.listByState(QStringLiteral("dead"))->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInboxOutbox)
#include "tst_inboxoutbox.moc"
