#include "clirunner.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestCliBasics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp()
    {
        auto v = runCli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("casebridge-sync " CASEBRIDGE_VERSION));
        auto h = runCli({QStringLiteral("--help")});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("integrations"));
        QVERIFY(h.out.contains("Exit codes"));
        auto none = runCli({});
        QCOMPARE(none.exitCode, 2);
    }

    void integrationsJsonOnFreshStore()
    {
        TempStore store;
        auto r = runCli(
            {QStringLiteral("integrations"), QStringLiteral("--json"), QStringLiteral("--database"), store.path()});
        QCOMPARE(r.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 0);
        QVERIFY(QFile::exists(store.path()));
        // Common options are accepted before the command too.
        auto before = runCli(
            {QStringLiteral("--json"), QStringLiteral("--database"), store.path(), QStringLiteral("integrations")});
        QCOMPARE(before.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(before.out).isArray());
    }

    void integrationsListsRowsWithoutSecrets()
    {
        TempStore store;
        {
            auto db = store.open();
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO integrations (id, workspace_id, provider, domain, agent_name, "
                                            "webhook_secret_hash, created_at, updated_at) VALUES ('abc', 1, "
                                            "'freshdesk', 'acme.freshdesk.com', 'Clark Kent', 'deadbeef', 'x', 'x')")));
        }
        auto r = runCli(
            {QStringLiteral("integrations"), QStringLiteral("--database"), store.path(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(arr.size(), 1);
        QCOMPARE(arr[0][QStringLiteral("domain")].toString(), QStringLiteral("acme.freshdesk.com"));
        QCOMPARE(arr[0][QStringLiteral("agent_name")].toString(), QStringLiteral("Clark Kent"));
        QVERIFY(!r.out.contains("deadbeef"));
        QVERIFY(!r.out.contains("secret_hash"));
    }

    void newerSchemaExitsOneAndLeavesFileAlone()
    {
        TempStore store;
        {
            auto db = store.open();
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')")));
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = fileDigest(store.path());
        auto r = runCli({QStringLiteral("integrations"), QStringLiteral("--database"), store.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("newer Casebridge"));
        QCOMPARE(r.err.count('\n'), 1); // one sentence
        QCOMPARE(fileDigest(store.path()), before);
    }

    void unopenableStoreExitsOne()
    {
        QTemporaryDir dir;
        auto r = runCli({QStringLiteral("integrations"), QStringLiteral("--database"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a file"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({QStringLiteral("no-such-command")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("integrations"), QStringLiteral("--no-such-option")}).exitCode, 2);
        TempStore store;
        QCOMPARE(runCli({QStringLiteral("integrations"), QStringLiteral("extra"), QStringLiteral("--database"),
                         store.path()})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
