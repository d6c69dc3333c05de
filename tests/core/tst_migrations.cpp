#include "storage/database.h"
#include "storage/migrations.h"
#include "tempstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFileIsMigrated()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Migrations::currentVersion());
        const QStringList expected = {QStringLiteral("workspaces"),      QStringLiteral("integrations"),
                                      QStringLiteral("credentials"),     QStringLiteral("customers"),
                                      QStringLiteral("cases"),           QStringLiteral("comments"),
                                      QStringLiteral("webhook_inbox"),   QStringLiteral("outbox"),
                                      QStringLiteral("ticket_sync_log"), QStringLiteral("schema_version")};
        const QStringList tables = db->handle().tables();
        for (const QString &t : expected)
            QVERIFY2(tables.contains(t), qPrintable(t));
        auto idx = db->scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'cases_external_link_uq'"));
        QVERIFY(idx);
        QVERIFY(idx->toString().contains(QLatin1String("UNIQUE INDEX")));
        QVERIFY(idx->toString().contains(
            QLatin1String("workspace_id, external_provider, external_account, external_ticket_id")));
        auto ws = db->scalar(QStringLiteral("SELECT name FROM workspaces WHERE id = 1"));
        QCOMPARE(ws->toString(), QStringLiteral("default"));
        QCOMPARE(db->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
        QCOMPARE(db->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("PRAGMA synchronous"))->toInt(), 2); // FULL
        QVERIFY(db->scalar(QStringLiteral("PRAGMA busy_timeout"))->toInt() >= 1000);
    }

    void reopenDoesNotMigrateAgain()
    {
        TempStore store;
        int steps = 0;
        {
            auto db = store.open();
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO customers (workspace_id, name, created_at, updated_at) "
                                            "VALUES (1, 'kept', 'x', 'x')")));
            steps = db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version"))->toInt();
        }
        auto db = store.open();
        QVERIFY(db);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version"))->toInt(), steps);
        QCOMPARE(db->scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"))->toInt(),
                 Migrations::currentVersion());
        QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM customers"))->toString(), QStringLiteral("kept"));
    }

    void newerSchemaIsRefusedAndUntouched()
    {
        TempStore store;
        {
            auto db = store.open();
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')")));
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = fileDigest(store.path());
        auto db = Database::open(store.location());
        QVERIFY(!db);
        QCOMPARE(db.error().kind, Error::Kind::Unsupported);
        QVERIFY(db.error().message.contains(QLatin1String("newer Casebridge")));
        QCOMPARE(fileDigest(store.path()), before);
    }

    void garbageFileIsRefusedAndUntouched()
    {
        TempStore store;
        QFile f(store.path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const QByteArray before = fileDigest(store.path());
        auto db = Database::open(store.location());
        QVERIFY(!db);
        QVERIFY(db.error().message.contains(QLatin1String("not a Casebridge store")));
        QCOMPARE(fileDigest(store.path()), before);
    }

    void foreignDatabaseIsRefusedAndUntouched()
    {
        TempStore store;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(store.path());
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE invoices (id INTEGER)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const QByteArray before = fileDigest(store.path());
        auto db = Database::open(store.location());
        QVERIFY(!db);
        QVERIFY(db.error().message.contains(QLatin1String("not Casebridge's")));
        QCOMPARE(fileDigest(store.path()), before);
    }

    void readOnlyOfMissingFileFails()
    {
        TempStore store;
        auto db = Database::open(store.location(), Database::Access::ReadOnly);
        QVERIFY(!db);
        QVERIFY(!QFile::exists(store.path()));
    }

    void directoryIsRefused()
    {
        QTemporaryDir dir;
        auto loc = DatabaseLocation::parse(dir.path());
        QVERIFY(loc);
        auto db = Database::open(*loc);
        QVERIFY(!db);
        QVERIFY(db.error().message.contains(QLatin1String("not a file")));
    }

    void postgresUrlIsParsedWithoutLeakingPassword()
    {
        auto loc = DatabaseLocation::parse(QStringLiteral("postgresql://cb:s3cret@127.0.0.1:55432/casebridge"));
        QVERIFY(loc);
        QCOMPARE(loc->kind(), DatabaseLocation::Kind::Postgres);
        QVERIFY(!loc->displayName().contains(QLatin1String("s3cret")));
        QVERIFY(!DatabaseLocation::parse(QStringLiteral("postgresql://")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
