// A sandbox the console connected on a first run (no keyring, no ENCRYPTION_KEY: its published key kept in the
// store by SandboxAwareSecretStore) is synced by `casebridge-sync serve` and read by the other CLI commands, which
// find that key through the same layered store (DESIGN.md §4.1, issue 14.3).
#include "clirunner.h"
#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/sandboxawaresecretstore.h"
#include "serveprocess.h"
#include "sync/integrationmanager.h"
#include "tempstore.h"

#include <QCoroNetworkReply>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
QCoro::Task<QJsonObject> getTicket(QNetworkAccessManager *nam, QUrl url)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Basic " + QByteArray("sandbox-admin-key:X").toBase64());
    QNetworkReply *reply = co_await nam->get(req);
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    co_return o;
}

QProcessEnvironment withoutAnyKeyStore()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ENCRYPTION_KEY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return env;
}
} // namespace

class TestServeSandboxKey : public QObject
{
    Q_OBJECT

    TempStore m_store;
    ServeProcess m_sandbox;
    ServeProcess m_serve;
    QNetworkAccessManager m_nam;

    QStringList db(QStringList args) const { return QStringList{QStringLiteral("--database"), m_store.path()} + args; }

private Q_SLOTS:
    void initTestCase()
    {
        // runCli's children inherit this process's environment: no key store for anyone.
        qunsetenv("ENCRYPTION_KEY");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QVERIFY(
            m_sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("5")},
                                   QStringLiteral("url"), withoutAnyKeyStore()));
    }

    void cleanupTestCase()
    {
        if (m_serve.process().state() != QProcess::NotRunning)
            QCOMPARE(m_serve.terminate(), 0);
        QCOMPARE(m_sandbox.terminate(), 0);
    }

    void serveSyncsTheSandboxTheConsoleConnected()
    {
        const QString domain = m_sandbox.startupJson().value(QStringLiteral("domain")).toString();
        QString integrationId;
        {
            // The console's way: its runtime's store with no real store behind it.
            auto conn = m_store.open();
            QVERIFY(conn);
            SandboxAwareSecretStore secrets(*conn, Clock::system(), nullptr);
            IntegrationManager manager(*conn, Clock::system(), secrets, makeHelpdeskClientMaker(&m_nam));
            ConnectRequest req;
            req.domain = domain;
            req.apiKey = "sandbox-admin-key";
            auto out = QCoro::waitFor(manager.connect(req));
            QVERIFY2(out, qPrintable(out ? QString() : out.error().message));
            integrationId = out->integration.id;
            QCOMPARE(conn->scalar(QStringLiteral("SELECT backend FROM credentials WHERE integration_id = ?"),
                                  {integrationId})
                         ->toString(),
                     QStringLiteral("sandbox"));
        }

        // Another CLI command reads the key the same way: import fetches ticket 1.
        const CliResult imported =
            runCli(db({QStringLiteral("import"), integrationId, QStringLiteral("--ids"), QStringLiteral("1")}));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        auto conn = m_store.open(Database::Access::ReadOnly);
        const auto caseId = conn->scalar(QStringLiteral("SELECT id FROM cases WHERE external_ticket_id = 1"));
        QVERIFY(caseId && caseId->isValid());

        QVERIFY(m_serve.start(m_store.path(), {}, withoutAnyKeyStore()));
        const QUrl ticketUrl(m_sandbox.startupJson().value(QStringLiteral("url")).toString() +
                             QStringLiteral("/api/v2/tickets/1"));
        const int before = QCoro::waitFor(getTicket(&m_nam, ticketUrl)).value(QStringLiteral("status")).toInt();
        const bool toPending = before != 3;
        const CliResult edited = runCli(db({QStringLiteral("edit"), caseId->toString(), QStringLiteral("--status"),
                                            toPending ? QStringLiteral("pending") : QStringLiteral("open")}));
        QVERIFY2(edited.exitCode == 0, edited.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(QCoro::waitFor(getTicket(&m_nam, ticketUrl)).value(QStringLiteral("status")).toInt(),
                                  toPending ? 3 : 2, 15000);
        QCOMPARE(m_serve.terminate(), 0);
        const QByteArray said = m_serve.process().readAllStandardError();
        QVERIFY2(!said.contains("could not be read"), said.constData());
        QVERIFY(!said.contains("sandbox-admin-key"));
    }
};

QTEST_GUILESS_MAIN(TestServeSandboxKey)
#include "tst_servesandboxkey.moc"
