#include "common/clock.h"
#include "storage/advisorylease.h"
#include "storage/casestore.h"
#include "storage/customerstore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/migrations.h"
#include "storage/outbox.h"
#include "storage/retentionpruner.h"
#include "storage/synclog.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace cb;

// The same migrations and SQL on a real PostgreSQL (started by scripts/test-services.sh as CB_TEST_PG_URL).
class TestPostgresStore : public QObject
{
    Q_OBJECT

    QString m_dbName;
    QUrl m_admin;

    static bool adminExec(const QUrl &url, const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgadmin"));
            raw.setHostName(url.host());
            raw.setPort(url.port(5432));
            raw.setUserName(url.userName());
            raw.setDatabaseName(url.path().mid(1));
            ok = raw.open() && QSqlQuery(raw).exec(sql);
            if (!ok)
                qWarning() << raw.lastError().text();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pgadmin"));
        return ok;
    }

    DatabaseLocation location() const
    {
        QUrl u = m_admin;
        u.setPath(QLatin1Char('/') + m_dbName);
        return *DatabaseLocation::parse(u.toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = qEnvironmentVariable("CB_TEST_PG_URL");
        if (url.isEmpty())
            QSKIP("No PostgreSQL in this environment (scripts/test-services.sh starts one as CB_TEST_PG_URL)");
        m_admin = QUrl(url);
        m_dbName = QStringLiteral("cb_t_%1").arg(QRandomGenerator::global()->generate());
        QVERIFY(adminExec(m_admin, QStringLiteral("CREATE DATABASE ") + m_dbName));
    }

    void cleanupTestCase()
    {
        if (!m_dbName.isEmpty())
            adminExec(m_admin, QStringLiteral("DROP DATABASE IF EXISTS ") + m_dbName + QStringLiteral(" WITH (FORCE)"));
    }

    void migratesOnceAndRefusesNewerSchemas()
    {
        {
            auto db = Database::open(location());
            QVERIFY2(db, db ? "" : qPrintable(db.error().toLogString()));
            QVERIFY((*db)->isPostgres());
        }
        auto again = Database::open(location());
        QVERIFY(again);
        QCOMPARE((*again)->scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"))->toInt(),
                 Migrations::currentVersion());
        QCOMPARE((*again)->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version"))->toInt(),
                 (*again)->scalar(QStringLiteral("SELECT COUNT(DISTINCT version) FROM schema_version"))->toInt());
        QVERIFY((*again)->exec(QStringLiteral("SELECT 1 FROM pg_indexes WHERE indexname = 'cases_external_link_uq'")));
    }

    void storeOperationsBehaveAsOnSqlite()
    {
        auto db = Database::open(location());
        QVERIFY(db);
        Database &d = **db;
        const Clock &clock = Clock::system();
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(d, clock).insert(i));
        Case c;
        c.integrationId = i.id;
        c.subject = QStringLiteral("VPN");
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 153075655125;
        for (int run = 0; run < 3; ++run)
            QVERIFY(CaseStore(d, clock).upsertByExternalLink(c, ChangeSource::Import));
        QCOMPARE(*CaseStore(d, clock).count(), qint64(1));
        auto found = CaseStore(d, clock).findByExternal(1, QStringLiteral("freshdesk"),
                                                        QStringLiteral("acme.freshdesk.com"), 153075655125);
        QVERIFY(found && found->has_value());
        auto edited = CaseStore(d, clock).updateCase(
            (*found)->id, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}}, ChangeSource::User);
        QVERIFY(edited && edited->outboxId > 0);
        QCOMPARE(*Outbox(d, clock).pendingFields((*found)->id), QSet<QString>{QStringLiteral("status")});
        auto created = CustomerStore(d, clock).linkOrCreate(
            {1, QStringLiteral("freshdesk"), QStringLiteral("A@B.com"), {}, {}, {}, {}});
        QVERIFY(created);
        QCOMPARE(CustomerStore(d, clock)
                     .linkOrCreate({1, QStringLiteral("freshdesk"), QStringLiteral("a@b.com"), {}, {}, {}, {}})
                     ->customerId,
                 created->customerId);
        InboxEvent e;
        e.integrationId = i.id;
        e.eventKey = QStringLiteral("id:1");
        e.body = QByteArray("{\"ticket_id\":1}\x00binary", 23);
        auto first = Inbox(d, clock).insert(e);
        QVERIFY(first && !first->duplicate);
        QVERIFY(Inbox(d, clock).insert(e)->duplicate);
        QCOMPARE(Inbox(d, clock).get(first->eventId)->body, e.body);
        // A body-hash key (no event id): coalesces while pending, a new event once processed.
        e.eventKey = QStringLiteral("body:") + QString(64, QLatin1Char('c'));
        auto thin = Inbox(d, clock).insert(e);
        QVERIFY(thin && !thin->duplicate);
        QCOMPARE(Inbox(d, clock).insert(e)->eventId, thin->eventId);
        QCOMPARE(*Inbox(d, clock).markDone(thin->eventId, 0), false); // the duplicate arrived meanwhile
        QVERIFY(*Inbox(d, clock).markDone(thin->eventId, 1));
        auto next = Inbox(d, clock).insert(e);
        QVERIFY(next && !next->duplicate && next->eventId != thin->eventId);
        QVERIFY(SyncLog(d, clock).page(0, 10)->size() >= 2);
        // Retention on PostgreSQL: nothing is old enough yet, and pruning a year later removes the done rows only.
        QCOMPARE(RetentionPruner(d, clock).pruneBatch()->inboxRows, 0);
        ManualClock later(clock.nowUtc().addDays(365));
        auto pruned = RetentionPruner(d, later).pruneBatch();
        QVERIFY2(pruned, qPrintable(pruned ? QString() : pruned.error().toLogString()));
        QVERIFY(pruned->inboxRows >= 1 && pruned->logRows >= 2);
        QVERIFY(Inbox(d, clock).get(next->eventId)); // still pending: kept
    }

    // The advisory lease belongs to a connection: a second connection cannot take it, asking again every tick does
    // not nest it (one release frees it), and closing the holder's connection frees it without a release.
    void advisoryLeaseIsPerConnectionAndDiesWithIt()
    {
        const QString id = QStringLiteral("4b1f0c4e-team-lease");
        QCOMPARE(AdvisoryLease::lockKey(id), AdvisoryLease::lockKey(id));
        QVERIFY(AdvisoryLease::lockKey(id) >= 0);
        QVERIFY(AdvisoryLease::lockKey(id) != AdvisoryLease::lockKey(id + QLatin1Char('x')));
        auto a = Database::open(location());
        auto b = Database::open(location());
        QVERIFY(a && b);
        const Clock &clock = Clock::system();
        auto leaseA = SyncLease::create(**a, clock, QStringLiteral("a"));
        auto leaseB = SyncLease::create(**b, clock, QStringLiteral("b"));
        QVERIFY(dynamic_cast<AdvisoryLease *>(leaseA.get()));
        for (int tick = 0; tick < 3; ++tick)
            QVERIFY(*leaseA->acquire(id));
        QVERIFY(!*leaseB->acquire(id));
        QCOMPARE(*leaseB->holderOf(id), QStringLiteral("a"));
        QVERIFY(leaseA->release(id));
        QCOMPARE(*leaseB->holderOf(id), QString());
        QVERIFY(*leaseB->acquire(id));
        QVERIFY(!*leaseA->acquire(id));
        (*b)->handle().close(); // the holder's connection goes without a release: the server drops its lock
        QTRY_VERIFY_WITH_TIMEOUT(*leaseA->acquire(id), 2000); // once the server has noticed
        (*a)->handle().close(); // the holder's own connection goes: it notices on the next acquire
        QVERIFY(!leaseA->acquire(id));
    }
};

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
