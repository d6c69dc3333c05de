// A 31,000-ticket account (past Freshdesk's 300-page list cap) imports completely through the CLI against the
// sandbox helpdesk at the Enterprise plan's real rate limits, in ⌈N/100⌉ + a few list calls, idempotently.
#include "clirunner.h"
#include "serveprocess.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestLargeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thirtyOneThousandTicketsImportCompletely()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        constexpr int kTickets = 31000;
        ServeProcess sandbox;
        QVERIFY(
            sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QString::number(kTickets),
                                  QStringLiteral("--plan"), QStringLiteral("enterprise")},
                                 QStringLiteral("url")));
        TempStore store;
        const auto db = [&store](QStringList args) {
            return QStringList{QStringLiteral("--database"), store.path(), QStringLiteral("--json")} + args;
        };
        const CliResult connected =
            runCli(db({QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"),
                       sandbox.startupJson().value(QStringLiteral("domain")).toString(),
                       QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")}),
                   "sandbox-admin-key\n");
        QVERIFY2(connected.exitCode == 0, connected.err);
        const QString id =
            QJsonDocument::fromJson(connected.out).object().value(QStringLiteral("integration_id")).toString();

        const CliResult imported = runCli(db({QStringLiteral("import"), id}), {}, 540000);
        QVERIFY2(imported.exitCode == 0, imported.err);
        const QJsonObject s = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(s.value(QStringLiteral("imported")).toInt(), kTickets);
        QCOMPARE(s.value(QStringLiteral("failed")).toInt(), 0);
        const int calls = s.value(QStringLiteral("calls")).toInt();
        qInfo() << "31,000 tickets imported with" << calls << "API calls; lower bound" << (kTickets + 99) / 100;
        QVERIFY(calls <= (kTickets + 99) / 100 + 3);
        auto conn = store.open(Database::Access::ReadOnly);
        QCOMPARE(conn->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt(), kTickets);
        QCOMPARE(conn->scalar(QStringLiteral("SELECT COUNT(DISTINCT external_ticket_id) FROM cases"))->toInt(),
                 kTickets);
        // The list is asked for descriptions (one include a page): every case has the one its ticket was written with.
        QCOMPARE(
            conn->scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE description IS NULL OR description = ''"))
                ->toInt(),
            0);
        QCOMPARE(sandbox.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLargeImport)
#include "tst_largeimport.moc"
