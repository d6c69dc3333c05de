// A quiet store: `casebridge-sync serve` with a helpdesk connected (the sandbox, as a child process) and nothing
// happening commits nothing, so `PRAGMA data_version` read on another connection stays the same over seconds of
// real time while the engine ticks four times a second. The SQLite sync lease (a file lock) is held without writing,
// and a dead holder's lock goes with its process: a second serve takes over within 10 s of a SIGKILL.
#include "clirunner.h"
#include "common/clock.h"
#include "serveprocess.h"
#include "storage/database.h"
#include "storage/synclease.h"
#include "tempstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestQuietStore : public QObject
{
    Q_OBJECT

    ServeProcess m_sandbox;
    QString m_domain;

    static QString holderOf(const TempStore &store, const QString &integration)
    {
        auto db = store.open(Database::Access::ReadOnly);
        if (!db)
            return QStringLiteral("(store unreadable)");
        auto holder = SyncLease::create(*db, Clock::system(), QStringLiteral("observer"))->holderOf(integration);
        return holder ? *holder : QStringLiteral("(lease unreadable)");
    }
    static bool heldBy(const TempStore &store, const QString &integration, ServeProcess &serve)
    {
        return holderOf(store, integration).contains(QStringLiteral(":%1:").arg(serve.process().processId()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        QVERIFY(
            m_sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("5")},
                                   QStringLiteral("url")));
        m_domain = m_sandbox.startupJson().value(QStringLiteral("domain")).toString();
    }
    void cleanupTestCase() { QCOMPARE(m_sandbox.terminate(), 0); }

    void idleServeCommitsNothingAndADeadHolderIsReplaced()
    {
        TempStore store;
        const CliResult connected =
            runCli({QStringLiteral("--database"), store.path(), QStringLiteral("--json"), QStringLiteral("connect"),
                    QStringLiteral("freshdesk"), QStringLiteral("--domain"), m_domain,
                    QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")},
                   "sandbox-admin-key\n");
        QCOMPARE(connected.exitCode, 0);
        const QString integration =
            QJsonDocument::fromJson(connected.out).object().value(QStringLiteral("integration_id")).toString();
        QVERIFY(!integration.isEmpty());
        QCOMPARE(runCli({QStringLiteral("--database"), store.path(), QStringLiteral("import"), integration,
                         QStringLiteral("--ids"), QStringLiteral("1,2")})
                     .exitCode,
                 0);

        const QStringList args = {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")};
        ServeProcess first;
        QVERIFY(first.start(store.path(), args));
        QTRY_VERIFY_WITH_TIMEOUT(heldBy(store, integration, first), 10000);

        QSqlDatabase watcher = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("watcher"));
        watcher.setDatabaseName(store.path());
        QVERIFY(watcher.open());
        const auto dataVersion = [&watcher] {
            QSqlQuery q(watcher);
            return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
        };
        // The start-up reconcile cycle writes (watermarks, the log); wait until it is over: one quiet second.
        qint64 version = dataVersion();
        QElapsedTimer settling;
        settling.start();
        for (int quiet = 0; quiet < 4 && settling.elapsed() < 20000;) {
            QTest::qWait(250);
            const qint64 now = dataVersion();
            quiet = now == version ? quiet + 1 : 0;
            version = now;
        }
        QVERIFY(version >= 0);
        QVERIFY2(settling.elapsed() < 20000, "serve never stopped writing");
        // Six seconds of real time, the engine ticking every 250 ms with a helpdesk connected: not one commit.
        for (int i = 0; i < 24; ++i) {
            QTest::qWait(250);
            QCOMPARE(dataVersion(), version);
        }
        QVERIFY(heldBy(store, integration, first));

        // The check above can fail: a commit from anyone else moves data_version.
        {
            auto db = store.open();
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("UPDATE cases SET subject = subject || '.' WHERE external_ticket_id = 1")));
        }
        QVERIFY(dataVersion() != version);

        ServeProcess second;
        QVERIFY(second.start(store.path(), args));
        QTest::qWait(1000);
        QVERIFY(heldBy(store, integration, first)); // the standby stands by
        first.kill();
        QElapsedTimer takeover;
        takeover.start();
        QTRY_VERIFY_WITH_TIMEOUT(heldBy(store, integration, second), 10000);
        qInfo() << "the standby took the lease over" << takeover.elapsed() << "ms after SIGKILL";
        QCOMPARE(second.terminate(), 0);
        QCOMPARE(holderOf(store, integration), QString());
        watcher.close();
        watcher = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("watcher"));
    }
};

QTEST_GUILESS_MAIN(TestQuietStore)
#include "tst_quietstore.moc"
