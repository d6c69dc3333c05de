#include "common/clock.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "tempstore.h"

#include <QJsonObject>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestCaseStore : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC)};
    QString m_integration;

    Case linkedCase(qint64 ticketId) const
    {
        Case c;
        c.integrationId = m_integration;
        c.subject = QStringLiteral("Printer on fire");
        c.status = QStringLiteral("open");
        c.priority = QStringLiteral("high");
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = ticketId;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_store.open();
        QVERIFY(m_db);
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(*m_db, m_clock).insert(i));
        m_integration = i.id;
    }

    void uniqueIndexRejectsDuplicateLink()
    {
        const QString sql = QStringLiteral("INSERT INTO cases (workspace_id, external_provider, external_ticket_id, "
                                           "created_at, updated_at) VALUES (1, 'freshdesk', 5000000000001, 'x', 'x')");
        QVERIFY(m_db->exec(sql));
        auto second = m_db->exec(sql);
        QVERIFY(!second);
        QVERIFY(second.error().detail.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive));
    }

    void upsertIsIdempotent()
    {
        CaseStore store(*m_db, m_clock);
        const Case c = linkedCase(153075655125);
        QList<CaseWriteOutcome> outcomes;
        for (int run = 0; run < 3; ++run) {
            auto r = store.upsertByExternalLink(c, ChangeSource::Import);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toLogString()));
            outcomes << *r;
        }
        QVERIFY(outcomes[0].created);
        QVERIFY(!outcomes[1].created && outcomes[1].changedFields.isEmpty());
        QVERIFY(!outcomes[2].created && outcomes[2].changedFields.isEmpty());
        QCOMPARE(outcomes[1].caseId, outcomes[0].caseId);
        auto n = m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE external_ticket_id = ?"),
                              {qint64(153075655125)});
        QCOMPARE(n->toInt(), 1);
        auto found =
            store.findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), 153075655125);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->subject, QStringLiteral("Printer on fire"));
    }

    void upsertWithNewValuesLogsBeforeAndAfter()
    {
        CaseStore store(*m_db, m_clock);
        Case c = linkedCase(42);
        auto first = store.upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(first && first->created);
        c.status = QStringLiteral("pending");
        auto second = store.upsertByExternalLink(c, ChangeSource::Reconciler);
        QVERIFY(second);
        QCOMPARE(second->changedFields, QStringList{QStringLiteral("status")});
        auto log = SyncLog(*m_db, m_clock).page(0, 1);
        QVERIFY(log && log->size() == 1);
        const SyncLogEntry &e = log->first();
        QCOMPARE(e.source ? toString(*e.source) : QString(), QStringLiteral("reconciler"));
        QCOMPARE(toString(e.direction), QStringLiteral("reconcile"));
        QCOMPARE(toString(e.result), QStringLiteral("applied"));
        const QJsonObject status = e.changes.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("from")).toString(), QStringLiteral("open"));
        QCOMPARE(status.value(QStringLiteral("to")).toString(), QStringLiteral("pending"));
    }

    void updateCaseLogsEveryChangeWithItsSource_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("sourceName");
        QTest::addColumn<bool>("queuesPush");
        QTest::newRow("user") << int(ChangeSource::User) << QStringLiteral("user") << true;
        QTest::newRow("import") << int(ChangeSource::Import) << QStringLiteral("import") << false;
        QTest::newRow("webhook") << int(ChangeSource::Webhook) << QStringLiteral("webhook") << false;
        QTest::newRow("reconciler") << int(ChangeSource::Reconciler) << QStringLiteral("reconciler") << false;
    }

    void updateCaseLogsEveryChangeWithItsSource()
    {
        QFETCH(int, source);
        QFETCH(QString, sourceName);
        QFETCH(bool, queuesPush);
        CaseStore store(*m_db, m_clock);
        static qint64 ticket = 1000;
        auto created = store.upsertByExternalLink(linkedCase(++ticket), ChangeSource::Import);
        QVERIFY(created);
        const qint64 pendingBefore = *Outbox(*m_db, m_clock).pendingCount();

        CaseChanges changes{{QLatin1String(CaseField::Priority), QStringLiteral("urgent")},
                            {QLatin1String(CaseField::AssigneeId), qint64(3043029172572)},
                            {QLatin1String(CaseField::Status), QStringLiteral("open")}}; // status unchanged
        auto r = store.updateCase(created->caseId, changes, ChangeSource(source));
        QVERIFY(r);
        QCOMPARE(r->changedFields.size(), 2);
        auto log = SyncLog(*m_db, m_clock).page(0, 1);
        const SyncLogEntry &e = log->first();
        QCOMPARE(e.caseId.value_or(0), created->caseId);
        QCOMPARE(e.ticketId.value_or(0), ticket);
        QCOMPARE(e.source ? toString(*e.source) : QString(), sourceName);
        QCOMPARE(toString(e.result), QStringLiteral("applied"));
        QCOMPARE(e.changes.keys(), (QStringList{QStringLiteral("assignee_id"), QStringLiteral("priority")}));
        QCOMPARE(e.changes[QStringLiteral("assignee_id")].toObject()[QStringLiteral("to")].toInteger(),
                 qint64(3043029172572));
        QVERIFY(e.changes[QStringLiteral("assignee_id")].toObject()[QStringLiteral("from")].isNull());
        QCOMPARE(e.changes[QStringLiteral("priority")].toObject()[QStringLiteral("from")].toString(),
                 QStringLiteral("high"));
        QCOMPARE(*Outbox(*m_db, m_clock).pendingCount(), pendingBefore + (queuesPush ? 1 : 0));
        QCOMPARE(r->outboxId != 0, queuesPush);
        if (queuesPush) {
            auto item = Outbox(*m_db, m_clock).get(r->outboxId);
            const QJsonObject fields = item->payload.value(QStringLiteral("fields")).toObject();
            QCOMPARE(fields.keys(), (QStringList{QStringLiteral("assignee_id"), QStringLiteral("priority")}));
        }
        auto after = store.get(created->caseId);
        QCOMPARE(after->priority, QStringLiteral("urgent"));
        QCOMPARE(after->assigneeId.value_or(0), qint64(3043029172572));
    }

    void unchangedUpdateIsLoggedButNotPushed()
    {
        CaseStore store(*m_db, m_clock);
        auto created = store.upsertByExternalLink(linkedCase(77), ChangeSource::Import);
        const qint64 pendingBefore = *Outbox(*m_db, m_clock).pendingCount();
        auto r = store.updateCase(created->caseId, {{QLatin1String(CaseField::Status), QStringLiteral("open")}},
                                  ChangeSource::User);
        QVERIFY(r);
        QVERIFY(r->changedFields.isEmpty());
        QCOMPARE(toString(SyncLog(*m_db, m_clock).page(0, 1)->first().result), QStringLiteral("unchanged"));
        QCOMPARE(*Outbox(*m_db, m_clock).pendingCount(), pendingBefore);
    }

    void unknownFieldAndCaseAreErrors()
    {
        CaseStore store(*m_db, m_clock);
        auto bad = store.updateCase(1, {{QStringLiteral("nonsense"), 1}}, ChangeSource::User);
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, Error::Kind::Usage);
        auto missing =
            store.updateCase(999999, {{QLatin1String(CaseField::Status), QStringLiteral("open")}}, ChangeSource::User);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }

    void failedWriteLeavesNothingBehind()
    {
        CaseStore store(*m_db, m_clock);
        const qint64 logBefore = *SyncLog(*m_db, m_clock).lastId();
        Case c = linkedCase(88);
        c.customerId = 987654; // no such customer: the foreign key fails the insert
        auto r = store.upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(!r);
        QCOMPARE(*SyncLog(*m_db, m_clock).lastId(), logBefore);
        QVERIFY(!store.findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), 88)
                     ->has_value());
        QVERIFY(!m_db->inTransaction());
    }
};

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
