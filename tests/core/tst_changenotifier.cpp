// ChangeNotifier sees a commit made on another connection within a second: on PostgreSQL through the schema-2
// NOTIFY triggers (only at commit, never for a rolled-back write), on SQLite by polling PRAGMA data_version.
#include "common/clock.h"
#include "pgtestdatabase.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/synclog.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestChangeNotifier : public QObject
{
    Q_OBJECT

    static Result<qint64> appendLog(Database &db)
    {
        SyncLogEntry e;
        e.direction = SyncDirection::Local;
        e.source = ChangeSource::User;
        e.event = QStringLiteral("case.updated");
        e.result = SyncResult::Applied;
        return SyncLog(db, Clock::system()).append(e);
    }
    static bool sawTable(const QSignalSpy &spy, const QString &table)
    {
        for (const QList<QVariant> &args : spy)
            if (args.value(0).toString() == table)
                return true;
        return false;
    }

    // Runs the same checks on any store; `location` has been created and migrated.
    void seesOtherConnectionsCommits(const DatabaseLocation &location)
    {
        auto writer = Database::open(location);
        QVERIFY(writer);
        ChangeNotifier notifier(location);
        QVERIFY(notifier.start(250));
        QSignalSpy spy(&notifier, &ChangeNotifier::changed);
        QTest::qWait(600);
        QCOMPARE(spy.count(), 0); // nothing happened: nothing is reported

        QElapsedTimer t;
        t.start();
        QVERIFY(appendLog(**writer));
        QTRY_VERIFY_WITH_TIMEOUT(sawTable(spy, QStringLiteral("ticket_sync_log")), 1000);
        qInfo() << "seen after" << t.elapsed() << "ms";

        // An uncommitted write is not a change; a rolled-back one never becomes one.
        spy.clear();
        {
            WriteTransaction tx(**writer);
            QVERIFY(tx.started());
            QVERIFY(appendLog(**writer));
            QTest::qWait(600);
            QCOMPARE(spy.count(), 0);
        }
        QTest::qWait(600);
        QVERIFY2(spy.count() == 0 || !sawTable(spy, QStringLiteral("ticket_sync_log")), "a rollback was reported");

        spy.clear();
        QVERIFY((*writer)->exec(QStringLiteral("UPDATE workspaces SET name = name WHERE id = 1")));
        QVERIFY((*writer)->exec(QStringLiteral("INSERT INTO customers (workspace_id, name, created_at, updated_at) "
                                               "VALUES (1, 'n', 'x', 'x')")));
        if (notifier.usesNotify()) {
            // Tables no viewer shows send nothing; cases do, by name.
            QTest::qWait(500);
            QCOMPARE(spy.count(), 0);
            QVERIFY(
                (*writer)->exec(QStringLiteral("INSERT INTO cases (workspace_id, subject, status, priority, "
                                               "created_at, updated_at) VALUES (1, 's', 'open', 'low', 'x', 'x')")));
            QTRY_VERIFY_WITH_TIMEOUT(sawTable(spy, QStringLiteral("cases")), 1000);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(sawTable(spy, QString()), 1000); // SQLite: some table changed
            QVERIFY(!sawTable(spy, QStringLiteral("ticket_sync_log")));
        }
    }

private Q_SLOTS:
    void sqlitePollsDataVersion()
    {
        TempStore store;
        QVERIFY(store.open());
        seesOtherConnectionsCommits(store.location());
    }

    void postgresListensForNotify()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        auto location = DatabaseLocation::parse(pg.url());
        QVERIFY(location);
        QVERIFY(Database::open(*location)); // migrates: the triggers exist
        seesOtherConnectionsCommits(*location);
    }

    // The server drops the listening connection (a restart, a failover, an administrator): within the notifier's
    // 5 s check it reconnects, says changed("") once (something may have been missed), and hears commits again.
    void postgresListenerReconnectsAfterLosingItsConnection()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        auto location = DatabaseLocation::parse(pg.url());
        QVERIFY(location);
        auto writer = Database::open(*location);
        QVERIFY(writer);
        ChangeNotifier notifier(*location);
        QVERIFY(notifier.start());
        QSignalSpy spy(&notifier, &ChangeNotifier::changed);
        auto killed =
            (*writer)->scalar(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                             "WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        QVERIFY(killed);
        QCOMPARE(killed->toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(sawTable(spy, QString()), 8000);
        spy.clear();
        QVERIFY(appendLog(**writer));
        QTRY_VERIFY_WITH_TIMEOUT(sawTable(spy, QStringLiteral("ticket_sync_log")), 1000);
    }
};

QTEST_GUILESS_MAIN(TestChangeNotifier)
#include "tst_changenotifier.moc"
