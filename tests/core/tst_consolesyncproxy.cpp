#include "common/clock.h"
#include "fakehelpdeskclient.h"
#include "memorysecretstore.h"
#include "pgtestdatabase.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The console's path to the sync thread: everything is asked by queued call and answered by signal.
class TestConsoleSyncProxy : public QObject
{
    Q_OBJECT

    static SyncPlatformMaker runtime()
    {
        return [](Database &, QNetworkAccessManager &) -> Result<SyncPlatform> {
            SyncPlatform r;
            r.secrets = std::make_unique<MemorySecretStore>();
            r.makeClient = [](const QString &, const QString &domain, const QByteArray &key) -> Result<ClientHandle> {
                auto fake = std::make_unique<FakeHelpdeskClient>(Clock::system());
                if (key != "good-key") {
                    Error e = Error::make(Error::Kind::Auth, QStringLiteral("The API key was rejected."));
                    e.code = QStringLiteral("invalid_credentials");
                    fake->failNext(QStringLiteral("GET /agents/me"), e);
                }
                for (qint64 id = 1; id <= 3; ++id)
                    fake->addTicket(id, id == 3 ? 4 : 2, 1, 3600 * id);
                return ClientHandle{std::move(fake), domain};
            };
            r.parser = [](const InboxEvent &) -> Result<WebhookPayload> {
                return Error::make(Error::Kind::Usage, QStringLiteral("unused"));
            };
            return r;
        };
    }

    // No engine in this console (no runtime): whatever it learns of the store comes from other connections'
    // commits, through its ChangeNotifier.
    static void othersCommitsReachTheViews(const DatabaseLocation &location)
    {
        ConsoleSyncProxy service;
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        service.start(location, {});
        QVERIFY(ready.wait(10000));
        QSignalSpy log(&service, &ConsoleSyncProxy::logAppended);
        QSignalSpy cases(&service, &ConsoleSyncProxy::casesChanged);
        QSignalSpy changed(&service, &ConsoleSyncProxy::storeChanged);
        auto other = Database::open(location);
        QVERIFY(other);
        SyncLogEntry e;
        e.direction = SyncDirection::Local;
        e.event = QStringLiteral("case.updated");
        e.result = SyncResult::Applied;
        auto id = SyncLog(**other, Clock::system()).append(e);
        QVERIFY(id);
        QTRY_VERIFY_WITH_TIMEOUT(!log.isEmpty(), 1000);
        QCOMPARE(log.last().at(0).toLongLong(), *id);
        QVERIFY((*other)->exec(QStringLiteral("INSERT INTO cases (workspace_id, subject, created_at, updated_at) "
                                              "VALUES (1, 'from elsewhere', 'x', 'x')")));
        QTRY_VERIFY_WITH_TIMEOUT(!cases.isEmpty(), 1000);
        QVERIFY(!changed.isEmpty());
        service.stop();
    }

private Q_SLOTS:
    void otherProcessesCommitsReachTheViewsOnSqlite()
    {
        TempStore store;
        QVERIFY(store.open());
        othersCommitsReachTheViews(store.location());
    }

    void otherProcessesCommitsReachTheViewsOnPostgres()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        othersCommitsReachTheViews(*DatabaseLocation::parse(pg.url()));
    }

    void connectImportEditOverTheSyncThread()
    {
        TempStore store;
        ConsoleSyncProxy service(runtime());
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        service.start(store.location(), {});
        QVERIFY(ready.wait(10000));

        QSignalSpy failed(&service, &ConsoleSyncProxy::verifyFailed);
        service.verify(QStringLiteral("freshdesk"), QStringLiteral("acme"), "bad-key");
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("invalid_credentials"));

        QSignalSpy verified(&service, &ConsoleSyncProxy::verified);
        service.verify(QStringLiteral("freshdesk"), QStringLiteral("acme"), "good-key");
        QVERIFY(verified.wait(10000));
        QCOMPARE(verified.first().at(0).toString(), QStringLiteral("Sandy Admin"));

        QSignalSpy connected(&service, &ConsoleSyncProxy::connected);
        QSignalSpy imported(&service, &ConsoleSyncProxy::importFinished);
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "good-key";
        service.connectIntegration(req, true);
        QVERIFY(connected.wait(10000));
        const WebhookSetupInfo setup = connected.first().at(0).value<WebhookSetupInfo>();
        QVERIFY(!setup.secret.isEmpty());
        QVERIFY(setup.webhookUrl.endsWith(setup.integrationId));
        // The backfill takes open and pending tickets only: 1 and 2, not the resolved 3.
        QVERIFY(imported.wait(10000));
        const ImportSummary summary = imported.first().at(0).value<ImportSummary>();
        QCOMPARE(summary.imported, 2);

        auto db = store.open();
        const qint64 caseId = db->scalar(QStringLiteral("SELECT MIN(id) FROM cases"))->toLongLong();
        QSignalSpy done(&service, &ConsoleSyncProxy::actionDone);
        service.editCase(caseId, {{QLatin1String(CaseField::Priority), QStringLiteral("Urgent")}});
        QVERIFY(done.wait(10000));
        // The engine on the sync thread pushes it within a tick or two.
        QTRY_COMPARE_WITH_TIMEOUT(
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'done'"))->toInt(), 1, 5000);
        QSignalSpy actionFailed(&service, &ConsoleSyncProxy::actionFailed);
        service.editCase(caseId, {{QLatin1String(CaseField::Status), QStringLiteral("bogus")}});
        QVERIFY(actionFailed.wait(10000));
        QVERIFY(actionFailed.first().at(0).toString().contains(QLatin1String("not a status")));

        QSignalSpy health(&service, &ConsoleSyncProxy::healthChanged);
        QVERIFY(health.wait(5000));
        const auto list = health.last().at(0).value<IntegrationHealthList>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().domain, QStringLiteral("acme.freshdesk.com"));
        QVERIFY(list.first().eventsLastHour >= 3);
        QCOMPARE(list.first().activity.size(), 12);
        service.stop();
    }
};

QTEST_GUILESS_MAIN(TestConsoleSyncProxy)
#include "tst_consolesyncproxy.moc"
