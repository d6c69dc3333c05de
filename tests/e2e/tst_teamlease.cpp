// Team mode, every piece a real process: two `casebridge-sync serve` on one store, the sandbox helpdesk and the CLI.
// The first serve holds the sync lease and pushes an edit while the second stands by; SIGKILL the first and the
// second takes the lease over and pushes the next edit exactly once. On PostgreSQL the lease is an advisory lock
// that dies with the process, on SQLite a file lock the kernel drops with it: either way takeover within 10 s.
#include "clirunner.h"
#include "common/clock.h"
#include "pgtestdatabase.h"
#include "serveprocess.h"
#include "storage/database.h"
#include "storage/synclease.h"
#include "tempstore.h"

#include <QCoroNetworkReply>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
QCoro::Task<QJsonDocument> call(QNetworkAccessManager *nam, QByteArray method, QUrl url, QByteArray authorization)
{
    QNetworkRequest req(url);
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = co_await nam->sendCustomRequest(req, method);
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    co_return doc;
}
} // namespace

class TestTeamLease : public QObject
{
    Q_OBJECT

    ServeProcess m_sandbox;
    QNetworkAccessManager m_nam;
    QString m_sandboxUrl;
    QString m_domain;

    QJsonDocument sandbox(const QByteArray &method, const QString &path)
    {
        return QCoro::waitFor(call(&m_nam, method, QUrl(m_sandboxUrl + path),
                                   path.startsWith(QLatin1String("/api/"))
                                       ? "Basic " + QByteArray("sandbox-admin-key:X").toBase64()
                                       : QByteArray()));
    }
    qint64 putCalls()
    {
        return sandbox("GET", QStringLiteral("/_sandbox/stats"))
            .object()
            .value(QStringLiteral("by_endpoint"))
            .toObject()
            .value(QStringLiteral("PUT /tickets/{id}"))
            .toObject()
            .value(QStringLiteral("calls"))
            .toInteger();
    }
    int ticketStatus(qint64 ticket)
    {
        return sandbox("GET", QStringLiteral("/api/v2/tickets/%1").arg(ticket))
            .object()
            .value(QStringLiteral("status"))
            .toInt();
    }
    static std::unique_ptr<Database> open(const QString &database)
    {
        auto location = DatabaseLocation::parse(database);
        if (!location)
            return nullptr;
        auto db = Database::open(*location);
        if (!db) {
            qWarning() << db.error().toLogString();
            return nullptr;
        }
        return std::move(db).value();
    }
    static QString holderOf(const QString &database, const QString &integration)
    {
        auto db = open(database);
        if (!db)
            return QStringLiteral("(store unreadable)");
        auto holder = SyncLease::create(*db, Clock::system(), QStringLiteral("observer"))->holderOf(integration);
        return holder ? *holder : QStringLiteral("(lease unreadable)");
    }
    static bool heldBy(const QString &database, const QString &integration, ServeProcess &serve)
    {
        return holderOf(database, integration).contains(QStringLiteral(":%1:").arg(serve.process().processId()));
    }
    // Edits the case of `ticket` to a status it does not have; returns the sandbox status id to expect.
    int editAway(const QString &database, qint64 ticket)
    {
        auto db = open(database);
        if (!db)
            return -1;
        auto row = db->exec(QStringLiteral("SELECT id, status FROM cases WHERE external_ticket_id = ?"), {ticket});
        if (!row || !row->next())
            return -1;
        const bool pending = row->value(1).toString() == QLatin1String("pending");
        const CliResult r =
            runCli({QStringLiteral("--database"), database, QStringLiteral("edit"), row->value(0).toString(),
                    QStringLiteral("--status"), pending ? QStringLiteral("resolved") : QStringLiteral("pending")});
        if (r.exitCode != 0) {
            qWarning() << "edit failed:" << r.err;
            return -1;
        }
        return pending ? 4 : 3;
    }

    // Connects the sandbox to the store and imports two tickets; the integration id (empty on failure).
    QString connectAndImport(const QString &database, qint64 firstTicket)
    {
        const CliResult connected =
            runCli({QStringLiteral("--database"), database, QStringLiteral("--json"), QStringLiteral("connect"),
                    QStringLiteral("freshdesk"), QStringLiteral("--domain"), m_domain,
                    QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")},
                   "sandbox-admin-key\n");
        const QString integration =
            QJsonDocument::fromJson(connected.out).object().value(QStringLiteral("integration_id")).toString();
        if (connected.exitCode != 0 || integration.isEmpty()) {
            qWarning() << "connect failed:" << connected.err;
            return {};
        }
        const CliResult imported =
            runCli({QStringLiteral("--database"), database, QStringLiteral("import"), integration,
                    QStringLiteral("--ids"), QStringLiteral("%1,%2").arg(firstTicket).arg(firstTicket + 1)});
        if (imported.exitCode != 0) {
            qWarning() << "import failed:" << imported.err;
            return {};
        }
        return integration;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void standbyTakesOverAfterSigkillAndPushesOnce_data();
    void standbyTakesOverAfterSigkillAndPushesOnce();
    void holderThatLosesItsConnectionStepsDownAndComesBack();
};

void TestTeamLease::initTestCase()
{
    qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    QVERIFY(m_sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("20")},
                                   QStringLiteral("url")));
    m_sandboxUrl = m_sandbox.startupJson().value(QStringLiteral("url")).toString();
    m_domain = m_sandbox.startupJson().value(QStringLiteral("domain")).toString();
}

void TestTeamLease::cleanupTestCase()
{
    QCOMPARE(m_sandbox.terminate(), 0);
}

void TestTeamLease::standbyTakesOverAfterSigkillAndPushesOnce_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<qint64>("firstTicket");
    QTest::addColumn<int>("takeoverMs");
    QTest::newRow("postgresql advisory lock") << true << qint64(1) << 5000;
    QTest::newRow("sqlite file lock") << false << qint64(3) << 10000;
}

void TestTeamLease::standbyTakesOverAfterSigkillAndPushesOnce()
{
    QFETCH(bool, postgres);
    QFETCH(qint64, firstTicket);
    QFETCH(int, takeoverMs);
    PgTestDatabase pg;
    TempStore sqlite;
    if (postgres && !pg.available())
        QSKIP(PgTestDatabase::skipReason());
    if (postgres)
        QVERIFY(pg.create());
    const QString database = postgres ? pg.url() : sqlite.path();
    const QString integration = connectAndImport(database, firstTicket);
    QVERIFY(!integration.isEmpty());

    const QStringList serveArgs = {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")};
    ServeProcess first;
    QVERIFY(first.start(database, serveArgs));
    QTRY_VERIFY_WITH_TIMEOUT(heldBy(database, integration, first), 10000);
    ServeProcess second;
    QVERIFY(second.start(database, serveArgs));
    QTest::qWait(1000); // the second has ticked a few times by now, and must have stood by

    sandbox("DELETE", QStringLiteral("/_sandbox/stats"));
    const int firstStatus = editAway(database, firstTicket);
    QVERIFY(firstStatus > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ticketStatus(firstTicket), firstStatus, 10000);
    QTest::qWait(1500);
    QCOMPARE(putCalls(), qint64(1));
    QVERIFY2(heldBy(database, integration, first), qPrintable(holderOf(database, integration)));

    first.kill(); // SIGKILL: no release, no goodbye
    QElapsedTimer takeover;
    takeover.start();
    QTRY_VERIFY_WITH_TIMEOUT(heldBy(database, integration, second), takeoverMs);
    qInfo() << "the standby took the lease over" << takeover.elapsed() << "ms after SIGKILL";

    const int secondStatus = editAway(database, firstTicket + 1);
    QVERIFY(secondStatus > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ticketStatus(firstTicket + 1), secondStatus, 10000);
    QTest::qWait(1500);
    QCOMPARE(putCalls(), qint64(2)); // the second edit went out exactly once, the first was not replayed
    QCOMPARE(ticketStatus(firstTicket), firstStatus);

    QCOMPARE(second.terminate(), 0);
    QCOMPARE(holderOf(database, integration), QString()); // SIGTERM released the lease
}

// The server drops the holder's connection while the holder lives (a failover, an administrator): the lock goes
// with the session, the standby takes over and pushes, the old holder stops pushing (no split brain), reconnects
// and stands by, and takes the lease back when the new holder dies.
void TestTeamLease::holderThatLosesItsConnectionStepsDownAndComesBack()
{
    PgTestDatabase pg;
    if (!pg.available())
        QSKIP(PgTestDatabase::skipReason());
    QVERIFY(pg.create());
    const QString database = pg.url();
    const qint64 ticket = 5;
    const QString integration = connectAndImport(database, ticket);
    QVERIFY(!integration.isEmpty());
    const QStringList serveArgs = {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")};
    ServeProcess first;
    QVERIFY(first.start(database, serveArgs));
    QTRY_VERIFY_WITH_TIMEOUT(heldBy(database, integration, first), 10000);
    ServeProcess second;
    QVERIFY(second.start(database, serveArgs));
    QTest::qWait(1000);

    auto admin = open(database);
    QVERIFY(admin);
    auto dropped = admin->scalar(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks "
                                                "WHERE locktype = 'advisory' AND granted AND database = "
                                                "(SELECT oid FROM pg_database WHERE datname = current_database())"));
    QVERIFY(dropped);
    QCOMPARE(dropped->toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(heldBy(database, integration, second), 5000);

    sandbox("DELETE", QStringLiteral("/_sandbox/stats"));
    const int firstStatus = editAway(database, ticket);
    QVERIFY(firstStatus > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ticketStatus(ticket), firstStatus, 10000);
    QTest::qWait(1500);
    QCOMPARE(putCalls(), qint64(1)); // pushed by the new holder alone

    second.kill();
    QTRY_VERIFY_WITH_TIMEOUT(heldBy(database, integration, first), 10000); // reconnected, took the lease back
    const int secondStatus = editAway(database, ticket + 1);
    QVERIFY(secondStatus > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ticketStatus(ticket + 1), secondStatus, 10000);
    QTest::qWait(1500);
    QCOMPARE(putCalls(), qint64(2));
    QCOMPARE(first.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestTeamLease)
#include "tst_teamlease.moc"
