// A Freshservice account end to end through the real binaries: `casebridge-sync sandbox --provider freshservice`
// (the sandbox account under Freshservice's API shapes), `connect freshservice`, import, edit pushed by `serve`,
// reconcile, every call over real loopback HTTP.
#include "clirunner.h"
#include "serveprocess.h"
#include "tempstore.h"

#include <QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

#include <algorithm>

using namespace cb;
using namespace cb::test;

namespace {
QCoro::Task<QJsonDocument> get(QNetworkAccessManager *nam, QUrl url)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Basic " + QByteArray("sandbox-admin-key:X").toBase64());
    QNetworkReply *reply = co_await nam->get(req);
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    co_return doc;
}
} // namespace

class TestCliFreshservice : public QObject
{
    Q_OBJECT

    TempStore m_store;
    ServeProcess m_sandbox;
    ServeProcess m_serve;
    QNetworkAccessManager m_nam;
    QString m_sandboxUrl;
    QString m_domain;
    QString m_integration;
    QString m_secret;
    QString m_webhookUrl;

    void post(const QString &path, const QJsonObject &body, int expectedStatus)
    {
        QNetworkRequest req(QUrl(m_sandboxUrl + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.post(req, QJsonDocument(body).toJson());
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), expectedStatus);
        reply->deleteLater();
    }

    QStringList db(QStringList args) const { return QStringList{QStringLiteral("--database"), m_store.path()} + args; }
    QJsonObject ticket(qint64 id)
    {
        const QUrl url(m_sandboxUrl + QStringLiteral("/api/v2/tickets/%1").arg(id));
        return QCoro::waitFor(get(&m_nam, url)).object().value(QStringLiteral("ticket")).toObject();
    }
    QString caseColumn(qint64 ticketId, const QString &column)
    {
        auto conn = m_store.open(Database::Access::ReadOnly);
        auto v =
            conn->scalar(QStringLiteral("SELECT %1 FROM cases WHERE external_ticket_id = ?").arg(column), {ticketId});
        return v ? v->toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        QVERIFY(
            m_sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("20"),
                                    QStringLiteral("--provider"), QStringLiteral("freshservice")},
                                   QStringLiteral("url")));
        QCOMPARE(m_sandbox.startupJson().value(QStringLiteral("provider")).toString(), QStringLiteral("freshservice"));
        m_sandboxUrl = m_sandbox.startupJson().value(QStringLiteral("url")).toString();
        m_domain = m_sandbox.startupJson().value(QStringLiteral("domain")).toString();
        QVERIFY(!m_domain.isEmpty());
        // Freshservice's own Pro limits (freshdesk-api.md §8), not Freshdesk's.
        const QJsonObject plan =
            QCoro::waitFor(get(&m_nam, QUrl(m_sandboxUrl + QStringLiteral("/_sandbox/plan")))).object();
        QCOMPARE(plan.value(QStringLiteral("calls_per_window")).toInt(), 400);
        QCOMPARE(plan.value(QStringLiteral("tickets_list")).toInt(), 120);
        QCOMPARE(plan.value(QStringLiteral("ticket_update")).toInt(), 140);
    }

    void cleanupTestCase()
    {
        if (m_serve.process().state() != QProcess::NotRunning)
            QCOMPARE(m_serve.terminate(), 0);
        QCOMPARE(m_sandbox.terminate(), 0);
    }

    void sandboxAnswersInFreshserviceShapes()
    {
        const QJsonObject t = ticket(1);
        QCOMPARE(t.value(QStringLiteral("id")).toInt(), 1);
        const QUrl me(m_sandboxUrl + QStringLiteral("/api/v2/agents/me"));
        QVERIFY(QCoro::waitFor(get(&m_nam, me)).object().value(QStringLiteral("agent")).isObject());
    }

    void nonAdminAndUnknownProviderAreRefused()
    {
        auto agent = runCli(db({QStringLiteral("connect"), QStringLiteral("freshservice"), QStringLiteral("--domain"),
                                m_domain, QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")}),
                            "sandbox-agent-key\n");
        QCOMPARE(agent.exitCode, 3);
        QVERIFY2(agent.err.contains("not an administrator"), agent.err.constData());
        auto other = runCli(db({QStringLiteral("connect"), QStringLiteral("zendesk"), QStringLiteral("--domain"),
                                m_domain, QStringLiteral("--api-key-stdin")}),
                            "sandbox-admin-key\n");
        QCOMPARE(other.exitCode, 2);
    }

    void connectImportEditReconcile()
    {
        const CliResult connected = runCli(db({QStringLiteral("--json"), QStringLiteral("connect"),
                                               QStringLiteral("freshservice"), QStringLiteral("--domain"), m_domain,
                                               QStringLiteral("--api-key-stdin"), QStringLiteral("--no-backfill")}),
                                           "sandbox-admin-key\n");
        QVERIFY2(connected.exitCode == 0, connected.err.constData());
        const QJsonObject setup = QJsonDocument::fromJson(connected.out).object();
        m_integration = setup.value(QStringLiteral("integration_id")).toString();
        QVERIFY(!m_integration.isEmpty());
        m_secret = setup.value(QStringLiteral("secret")).toString();
        m_webhookUrl = setup.value(QStringLiteral("webhook_url")).toString();
        QVERIFY(m_webhookUrl.endsWith(QStringLiteral("/api/webhooks/freshservice/") + m_integration));
        QVERIFY(setup.value(QStringLiteral("rule_payloads"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("Workflow Automator")));
        const auto list =
            QJsonDocument::fromJson(runCli(db({QStringLiteral("integrations"), QStringLiteral("--json")})).out);
        QCOMPARE(list.array().first().toObject().value(QStringLiteral("provider")).toString(),
                 QStringLiteral("freshservice"));

        const CliResult imported = runCli(db({QStringLiteral("import"), m_integration, QStringLiteral("--ids"),
                                              QStringLiteral("1,2"), QStringLiteral("--json")}));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(QJsonDocument::fromJson(imported.out).object().value(QStringLiteral("imported")).toInt(), 2);
        QCOMPARE(caseColumn(1, QStringLiteral("external_provider")), QStringLiteral("freshservice"));
        QCOMPARE(caseColumn(1, QStringLiteral("subject")), ticket(1).value(QStringLiteral("subject")).toString());

        // The edit goes to the outbox; serve pushes it to the Freshservice-shaped API.
        const QString caseId = caseColumn(1, QStringLiteral("id"));
        const int target = ticket(1).value(QStringLiteral("status")).toInt() == 3 ? 2 : 3;
        const QString targetName = target == 3 ? QStringLiteral("pending") : QStringLiteral("open");
        const CliResult edited = runCli(db({QStringLiteral("edit"), caseId, QStringLiteral("--status"), targetName}));
        QVERIFY2(edited.exitCode == 0, edited.err.constData());
        QVERIFY2(edited.out.contains("queued for the helpdesk"), edited.out.constData());
        QVERIFY(ticket(1).value(QStringLiteral("status")).toInt() != target); // not pushed until serve runs
        QVERIFY(m_serve.start(m_store.path(), {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")}));
        QTRY_COMPARE_WITH_TIMEOUT(ticket(1).value(QStringLiteral("status")).toInt(), target, 15000);
        QCOMPARE(m_serve.terminate(), 0);

        const CliResult reconciled = runCli(db({QStringLiteral("reconcile"), m_integration, QStringLiteral("--json")}));
        QVERIFY2(reconciled.exitCode == 0, reconciled.err.constData());
        QVERIFY(QJsonDocument::fromJson(reconciled.out).object().value(QStringLiteral("calls")).toInt() >= 1);
        QCOMPARE(caseColumn(1, QStringLiteral("status")), targetName);

        // The other way: an agent changes ticket 2 in "Freshservice"; one reconcile brings it into the case.
        const int priority = ticket(2).value(QStringLiteral("priority")).toInt() == 4 ? 1 : 4;
        QNetworkRequest edit(QUrl(m_sandboxUrl + QStringLiteral("/_sandbox/agent-edit/2")));
        edit.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply =
            m_nam.post(edit, QJsonDocument(QJsonObject{{QStringLiteral("priority"), priority}}).toJson());
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QCOMPARE(ticket(2).value(QStringLiteral("priority")).toInt(), priority);
        QVERIFY(runCli(db({QStringLiteral("reconcile"), m_integration})).exitCode == 0);
        QCOMPARE(caseColumn(2, QStringLiteral("priority")),
                 priority == 4 ? QStringLiteral("urgent") : QStringLiteral("low"));
    }

    void workflowAutomatorWebhooksReachTheCase()
    {
        QVERIFY(!m_integration.isEmpty());
        // Sources arrive as Freshservice numbers them: the case says where the ticket came from.
        const QJsonObject shown =
            QJsonDocument::fromJson(
                runCli(db({QStringLiteral("case"), caseColumn(1, QStringLiteral("id")), QStringLiteral("--json")})).out)
                .object();
        QCOMPARE(shown.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QVERIFY(shown.value(QStringLiteral("remote_state")).toObject().contains(QStringLiteral("urgency")));

        // serve on its own port; the Freshservice sandbox's "Workflow Automator" posts our template to the
        // Freshservice webhook path with the secret header, and the change lands without a reconcile.
        QVERIFY(m_serve.start(m_store.path(), {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")}));
        const QString url = m_serve.baseUrl() + QStringLiteral("/api/webhooks/freshservice/") + m_integration;
        post(QStringLiteral("/_sandbox/rules"),
             {{QStringLiteral("url"), url},
              {QStringLiteral("secret"), m_secret},
              {QStringLiteral("shape"), QStringLiteral("workflow")}},
             201);
        const int status = ticket(2).value(QStringLiteral("status")).toInt() == 4 ? 3 : 4;
        post(QStringLiteral("/_sandbox/agent-edit/2"), {{QStringLiteral("status"), status}}, 200);
        QTRY_COMPARE_WITH_TIMEOUT(caseColumn(2, QStringLiteral("status")),
                                  status == 4 ? QStringLiteral("resolved") : QStringLiteral("pending"), 15000);
        const auto events = m_store.open(Database::Access::ReadOnly)
                                ->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE integration_id = ? "
                                                        "AND CAST(body AS TEXT) LIKE '%#INC-2%'"),
                                         {m_integration});
        QVERIFY2(events, qPrintable(events ? QString() : events.error().toLogString()));
        QVERIFY(events->toInt() >= 1);
        QCOMPARE(m_serve.terminate(), 0);
    }

    void importByStatusGoesThroughTheFilterEndpoint()
    {
        QVERIFY(!m_integration.isEmpty());
        const QJsonArray all =
            QCoro::waitFor(get(&m_nam, QUrl(m_sandboxUrl + QStringLiteral("/api/v2/tickets?per_page=100&updated_since="
                                                                          "2000-01-01T00:00:00Z"))))
                .object()
                .value(QStringLiteral("tickets"))
                .toArray();
        QCOMPARE(all.size(), 20);
        int resolved = 0;
        for (const QJsonValue &t : all)
            resolved += t.toObject().value(QStringLiteral("status")).toInt() == 4 ? 1 : 0;
        QVERIFY(resolved > 1); // the seeded account has some
        const CliResult imported = runCli(db({QStringLiteral("import"), m_integration, QStringLiteral("--status"),
                                              QStringLiteral("resolved"), QStringLiteral("--json")}));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(summary.value(QStringLiteral("imported")).toInt() +
                     summary.value(QStringLiteral("already_linked")).toInt(),
                 resolved);
        const QJsonObject stats = QCoro::waitFor(get(&m_nam, QUrl(m_sandboxUrl + QStringLiteral("/_sandbox/stats"))))
                                      .object()
                                      .value(QStringLiteral("by_endpoint"))
                                      .toObject();
        const QStringList keys = stats.keys();
        QVERIFY2(std::any_of(keys.cbegin(), keys.cend(),
                             [](const QString &k) { return k.contains(QLatin1String("search/tickets")); }),
                 qPrintable(keys.join(QLatin1Char(' '))));
        // Each case knows who asked: the filter embeds no requester, so the client looked them up.
        auto conn = m_store.open(Database::Access::ReadOnly);
        auto unlinked = conn->scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE status = 'resolved' AND "
                                                    "customer_id IS NULL"));
        QVERIFY(unlinked);
        QCOMPARE(unlinked->toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliFreshservice)
#include "tst_cli_freshservice.moc"
