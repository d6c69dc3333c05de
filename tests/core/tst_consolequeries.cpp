#include "common/clock.h"
#include "storage/casestore.h"
#include "storage/failedeventsquery.h"
#include "storage/failedpushesquery.h"
#include "storage/inbox.h"
#include "storage/integrationchoicesquery.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "storage/synclogquery.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

// The console's typed reads of what went wrong and of the connected helpdesks (failed events, pushes that gave up,
// the tray's failure count, the helpdesk choices), on a real SQLite file written by the stores and read through a
// read-only connection, as the console does.
class TestConsoleQueries : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_readOnly;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC)};
    Integration m_acme;

    Integration integration(const QString &domain, const QString &provider, const QString &state)
    {
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = domain;
        i.provider = provider;
        i.state = state;
        if (!IntegrationStore(*m_db, m_clock).insert(i))
            qWarning("integration not stored");
        return i;
    }

    qint64 event(const QString &integrationId, const QString &key, const QByteArray &body)
    {
        InboxEvent e;
        e.integrationId = integrationId;
        e.eventKey = key;
        e.body = body;
        e.receivedAt = m_clock.nowUtc();
        auto stored = Inbox(*m_db, m_clock).insert(e);
        return stored ? stored->eventId : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_store.open();
        QVERIFY(m_db);
        m_acme =
            integration(QStringLiteral("acme.freshdesk.com"), QStringLiteral("freshdesk"), QStringLiteral("active"));
        m_readOnly = m_store.open(Database::Access::ReadOnly);
        QVERIFY(m_readOnly);
    }

    void failedEventsNewestFirstInPages()
    {
        Inbox inbox(*m_db, m_clock);
        const qint64 pending = event(m_acme.id, QStringLiteral("id:p"), QByteArrayLiteral("{\"p\":1}"));
        const qint64 failed = event(m_acme.id, QStringLiteral("id:f"), QByteArrayLiteral("{\"ticket_id\":7}"));
        m_clock.advanceMs(5000);
        const qint64 dead = event(QStringLiteral("gone"), QStringLiteral("id:d"), QByteArrayLiteral("{\"d\":1}"));
        const qint64 done = event(m_acme.id, QStringLiteral("id:ok"), QByteArrayLiteral("{}"));
        QVERIFY(pending && failed && dead && done);
        QVERIFY(inbox.markFailed(failed, QStringLiteral("could not parse")));
        QVERIFY(inbox.markFailed(dead, QStringLiteral("no such helpdesk"), true));
        QVERIFY(*inbox.markDone(done));

        const FailedEventsQuery query(*m_readOnly);
        auto all = query.page({});
        QVERIFY2(all, qPrintable(all ? QString() : all.error().toLogString()));
        QCOMPARE(all->size(), 2);
        const FailedEvent &d = all->at(0);
        QCOMPARE(d.id, dead);
        QVERIFY(d.dead);
        QCOMPARE(d.helpdeskDomain, QString()); // its integration is gone
        QCOMPARE(d.lastError, QStringLiteral("no such helpdesk"));
        QCOMPARE(d.receivedAt, m_clock.nowUtc());
        const FailedEvent &f = all->at(1);
        QCOMPARE(f.id, failed);
        QVERIFY(!f.dead);
        QCOMPARE(f.helpdeskDomain, m_acme.domain);
        QCOMPARE(f.attempts, inbox.get(failed)->attempts);
        QVERIFY(f.attempts > 0);
        QCOMPARE(f.receivedAt, m_clock.nowUtc().addMSecs(-5000));
        QCOMPARE(*query.count(), qint64(2));

        auto first = query.page({0, 1});
        QCOMPARE(first->size(), 1);
        QCOMPARE(first->at(0).id, dead);
        auto second = query.page({first->at(0).id, 1});
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->at(0).id, failed);
        QVERIFY(query.page({failed, 10})->isEmpty());

        QCOMPARE(*query.body(failed), QByteArrayLiteral("{\"ticket_id\":7}"));
        QCOMPARE(*query.body(dead + 1000), QByteArray());

        QCOMPARE(*inbox.replay(failed), 1); // replayed: no longer listed
        QCOMPARE(*query.count(), qint64(1));
        QCOMPARE(query.page({})->at(0).id, dead);
        QCOMPARE(*inbox.replay(std::nullopt), 1);
        QCOMPARE(*query.count(), qint64(0));
        QVERIFY(query.page({})->isEmpty());
    }

    void failedPushesWithTheirTicketAndFields()
    {
        Case c;
        c.integrationId = m_acme.id;
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 9;
        auto created = CaseStore(*m_db, m_clock).upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(created);
        Outbox outbox(*m_db, m_clock);
        const auto enqueue = [&](const QString &op, const QJsonObject &payload) {
            OutboxItem item;
            item.caseId = created->caseId;
            item.integrationId = m_acme.id;
            item.op = outboxOpFromString(op);
            item.payload = payload;
            auto id = outbox.enqueue(item);
            return id ? *id : 0;
        };
        const QJsonObject fields{{QStringLiteral("status"), QStringLiteral("resolved")}};
        const qint64 update = enqueue(QStringLiteral("update"), {{QStringLiteral("fields"), fields}});
        const qint64 note = enqueue(QStringLiteral("note"), {{QStringLiteral("body"), QStringLiteral("<p>hi</p>")}});
        const qint64 waiting = enqueue(QStringLiteral("update"), {{QStringLiteral("fields"), fields}});
        QVERIFY(update && note && waiting);
        QVERIFY(outbox.markDead(update, QStringLiteral("400: invalid status")));
        m_clock.advanceMs(60000);
        QVERIFY(outbox.markDead(note, QStringLiteral("404: no such ticket")));

        const FailedPushesQuery query(*m_readOnly);
        auto all = query.page({});
        QVERIFY2(all, qPrintable(all ? QString() : all.error().toLogString()));
        QCOMPARE(all->size(), 2);
        const FailedPush &n = all->at(0);
        QCOMPARE(n.id, note);
        QCOMPARE(n.op, QStringLiteral("note"));
        QVERIFY(n.fields.isEmpty());
        QCOMPARE(n.lastError, QStringLiteral("404: no such ticket"));
        QCOMPARE(n.gaveUpAt, m_clock.nowUtc());
        const FailedPush &u = all->at(1);
        QCOMPARE(u.id, update);
        QCOMPARE(u.caseId, created->caseId);
        QCOMPARE(u.ticketId, std::optional<qint64>(9));
        QCOMPARE(u.helpdeskDomain, m_acme.domain);
        QCOMPARE(u.op, QStringLiteral("update"));
        QCOMPARE(u.fields, fields);
        QCOMPARE(u.attempts, outbox.get(update)->attempts);
        QCOMPARE(u.gaveUpAt, m_clock.nowUtc().addMSecs(-60000));
        QCOMPARE(*query.count(), qint64(2));

        auto first = query.page({0, 1});
        QCOMPARE(first->size(), 1);
        QCOMPARE(first->at(0).id, note);
        auto rest = query.page({note, 10});
        QCOMPARE(rest->size(), 1);
        QCOMPARE(rest->at(0).id, update);

        QCOMPARE(*outbox.retryDead(update), 1); // queued again: no longer listed
        QVERIFY(outbox.discardDead(note));
        QCOMPARE(*query.count(), qint64(0));
        QVERIFY(query.page({})->isEmpty());
    }

    void choicesAreTheActiveHelpdesksByDomain()
    {
        const Integration zeta = integration(QStringLiteral("zeta.freshservice.com"), QStringLiteral("freshservice"),
                                             QStringLiteral("active"));
        integration(QStringLiteral("beta.freshdesk.com"), QStringLiteral("freshdesk"), QStringLiteral("disconnected"));
        const Integration alpha =
            integration(QStringLiteral("alpha.freshdesk.com"), QStringLiteral("freshdesk"), QStringLiteral("active"));

        auto active = IntegrationChoicesQuery(*m_readOnly).active();
        QVERIFY2(active, qPrintable(active ? QString() : active.error().toLogString()));
        const QList<IntegrationChoice> expected = {
            {m_acme.id, m_acme.domain, QStringLiteral("freshdesk")}, // "ac" < "al"
            {alpha.id, alpha.domain, QStringLiteral("freshdesk")},
            {zeta.id, zeta.domain, QStringLiteral("freshservice")}};
        QCOMPARE(*active, expected);

        QVERIFY(IntegrationStore(*m_db, m_clock).setState(zeta.id, QStringLiteral("disconnected")));
        QCOMPARE(IntegrationChoicesQuery(*m_readOnly).active()->size(), 2);
    }

    void failureCountCoversOnlyFailedAndDeadInTheRange()
    {
        SyncLog log(*m_db, m_clock);
        const SyncLogQuery query(*m_readOnly);
        const qint64 before = *query.lastId();
        QList<qint64> ids;
        for (const char *result : {"applied", "failed", "conflict", "dead", "unchanged", "failed"}) {
            SyncLogEntry e;
            e.integrationId = m_acme.id;
            e.direction = SyncDirection::Outbound;
            e.source = ChangeSource::User;
            e.event = QStringLiteral("ticket.update");
            e.result = *syncResultFromString(QLatin1String(result));
            auto id = log.append(e);
            QVERIFY(id);
            ids << *id;
        }
        QCOMPARE(*query.lastId(), ids.last());
        QCOMPARE(*query.failureCount({0, -1, before}), qint64(3));
        QCOMPARE(*query.failureCount({0, ids.at(3), before}), qint64(2));    // up to the dead row
        QCOMPARE(*query.failureCount({0, ids.at(3), ids.at(1)}), qint64(1)); // after the first failure
        QCOMPARE(*query.failureCount({0, ids.last(), ids.last()}), qint64(0));
        QCOMPARE(*query.failureCount({ids.at(1), -1, before}), qint64(0)); // below the first failure
    }
};

QTEST_GUILESS_MAIN(TestConsoleQueries)
#include "tst_consolequeries.moc"
