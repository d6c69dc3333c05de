#include "clirunner.h"
#include "common/clock.h"
#include "httpprobe.h"
#include "storage/casestore.h"
#include "storage/outbox.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace cb::test;

// `configure` and reconnecting, through the real binary against the sandbox helpdesk (also the real binary):
// settings checked against the account's agents and groups, comment push off by default, and a reconnected
// account's cases (and their queued edits) following the new integration.
class TestCliConfigure : public QObject
{
    Q_OBJECT

    QProcess m_sandbox;
    quint16 m_port = 0;
    QString m_domain;
    TempStore m_store;

    QStringList db(QStringList args) const { return args << QStringLiteral("--database") << m_store.path(); }

    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

    QString connect() { return connectSetup()[QStringLiteral("integration_id")].toString(); }

    QJsonObject connectSetup()
    {
        auto r =
            runCli(db({QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"), m_domain,
                       QStringLiteral("--api-key-stdin"), QStringLiteral("--json"), QStringLiteral("--no-backfill")}),
                   "sandbox-admin-key\n");
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out).object();
    }

    bool hasCaseOfTicket(qint64 ticket)
    {
        const QJsonArray cases =
            QJsonDocument::fromJson(runCli(db({QStringLiteral("cases"), QStringLiteral("--json")})).out).array();
        return std::any_of(cases.cbegin(), cases.cend(), [ticket](const QJsonValue &c) {
            return c[QStringLiteral("external_ticket_id")].toInteger() == ticket;
        });
    }

    QJsonObject integration(const QString &id)
    {
        const QJsonArray all =
            QJsonDocument::fromJson(runCli(db({QStringLiteral("integrations"), QStringLiteral("--json")})).out).array();
        for (const QJsonValue &v : all) {
            if (v[QStringLiteral("id")].toString() == id)
                return v.toObject();
        }
        return {};
    }

    static bool postWebhook(quint16 port, const QString &integrationId, const QString &secret, qint64 ticket)
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/webhooks/freshdesk/%2").arg(port).arg(integrationId)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("X-Casebridge-Webhook-Secret", secret.toLatin1());
        QNetworkReply *reply = nam.post(req, QByteArrayLiteral("{\"ticket_id\": ") + QByteArray::number(ticket) +
                                                 QByteArrayLiteral(", \"event\": \"created\"}"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status != 202)
            qWarning() << "webhook answered" << status;
        return status == 202;
    }

    qint64 idNamed(const QString &path, const QString &name, bool agent)
    {
        HttpProbe api(m_port);
        for (const QJsonValue &v : api.get(path).json.array()) {
            const QString n = agent ? v[QStringLiteral("contact")][QStringLiteral("name")].toString()
                                    : v[QStringLiteral("name")].toString();
            if (n == name)
                return v[QStringLiteral("id")].toInteger();
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        m_port = freePort();
        m_domain = QStringLiteral("127.0.0.1:%1").arg(m_port);
        m_sandbox.start(cliPath(), {QStringLiteral("sandbox"), QStringLiteral("--listen"), m_domain,
                                    QStringLiteral("--tickets"), QStringLiteral("20")});
        QVERIFY(m_sandbox.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += m_sandbox.readAllStandardOutput()).contains("Admin API key"), 10000);
    }

    void cleanupTestCase()
    {
        m_sandbox.terminate();
        QVERIFY(m_sandbox.waitForFinished(5000));
    }

    void configureChecksTheAccountAndShowsTheSettings()
    {
        const QString id = connect();
        QVERIFY(!id.isEmpty());
        QJsonObject settings = integration(id)[QStringLiteral("settings")].toObject();
        QCOMPARE(settings[QStringLiteral("comments")].toString(), QStringLiteral("off")); // off for new ones

        const qint64 alex = idNamed(QStringLiteral("/api/v2/agents"), QStringLiteral("Alex Agent"), true);
        const qint64 escalations = idNamed(QStringLiteral("/api/v2/groups"), QStringLiteral("Escalations"), false);
        QVERIFY(alex > 0 && escalations > 0);
        const qint64 sandy = idNamed(QStringLiteral("/api/v2/agents"), QStringLiteral("Sandy Admin"), true);
        QVERIFY(sandy > 0); // the agent whose key Casebridge signs in with

        // Bad input: exit 2, one sentence, nothing changed.
        const QList<QStringList> bad = {
            {QStringLiteral("--comments"), QStringLiteral("loud")},
            {QStringLiteral("--intake"), QStringLiteral("group:x")},
            {QStringLiteral("--handoff"), QStringLiteral("agent:999999")},
            {QStringLiteral("--handoff"), QStringLiteral("agent:%1").arg(sandy)}, // a hand-off goes to people
            {QStringLiteral("--intake"), QStringLiteral("group:424242")},
            {QStringLiteral("--marker-field"), QStringLiteral("not a field")},
            {QStringLiteral("--reconcile-interval"), QStringLiteral("soon")},
            {QStringLiteral("--reconcile-interval"), QStringLiteral("1s")},
        };
        for (const QStringList &flags : bad) {
            auto r = runCli(db(QStringList{QStringLiteral("configure"), id} + flags));
            QVERIFY2(r.exitCode == 2, qPrintable(flags.join(u' ') + QLatin1String(": ") + QString::fromUtf8(r.err)));
            QCOMPARE(r.err.count('\n'), 1);
        }
        QCOMPARE(integration(id)[QStringLiteral("settings")].toObject(), settings);
        QCOMPARE(runCli(db({QStringLiteral("configure"), QStringLiteral("no-such-integration"),
                            QStringLiteral("--comments"), QStringLiteral("private")}))
                     .exitCode,
                 1);

        auto ok = runCli(
            db({QStringLiteral("configure"), id, QStringLiteral("--handoff"), QStringLiteral("agent:%1").arg(alex),
                QStringLiteral("--intake"), QStringLiteral("group:%1").arg(escalations), QStringLiteral("--comments"),
                QStringLiteral("private"), QStringLiteral("--footer"), QStringLiteral("— the desk"),
                QStringLiteral("--reconcile-interval"), QStringLiteral("5m")}));
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY2(ok.out.contains("Alex Agent"), ok.out.constData()); // names, not ids
        QVERIFY2(ok.out.contains("Escalations"), ok.out.constData());
        QVERIFY(ok.out.contains("only agents see them"));
        settings = integration(id)[QStringLiteral("settings")].toObject();
        QCOMPARE(settings[QStringLiteral("handoff")].toString(), QStringLiteral("agent:%1").arg(alex));
        QCOMPARE(settings[QStringLiteral("intake")].toString(), QStringLiteral("group:%1").arg(escalations));
        QCOMPARE(settings[QStringLiteral("default_group_id")].toInteger(), escalations);
        QCOMPARE(settings[QStringLiteral("comments")].toString(), QStringLiteral("private"));
        QCOMPARE(settings[QStringLiteral("footer")].toString(), QStringLiteral("— the desk"));
        QCOMPARE(settings[QStringLiteral("reconcile_interval_s")].toInt(), 300);
        QVERIFY(!settings[QStringLiteral("receiver_base_url")].toString().isEmpty()); // other keys kept

        // A later change that names nobody keeps the agent and group already chosen.
        auto later = runCli(db({QStringLiteral("configure"), id, QStringLiteral("--comments"), QStringLiteral("off"),
                                QStringLiteral("--json")}));
        QVERIFY2(later.exitCode == 0, later.err.constData());
        const QJsonObject shown = QJsonDocument::fromJson(later.out).object()[QStringLiteral("settings")].toObject();
        QCOMPARE(shown[QStringLiteral("comments")].toString(), QStringLiteral("off"));
        QCOMPARE(shown[QStringLiteral("handoff")].toString(), QStringLiteral("agent:%1").arg(alex));
        QVERIFY(runCli(db({QStringLiteral("disconnect"), id})).exitCode == 0);
        QCOMPARE(runCli(db({QStringLiteral("configure"), id, QStringLiteral("--comments"), QStringLiteral("public")}))
                     .exitCode,
                 2); // disconnected
    }

    void reconnectingRelinksCasesAndTheirQueuedEditsGoOut()
    {
        const QString first = connect();
        QVERIFY(!first.isEmpty());
        auto imported = runCli(db({QStringLiteral("import"), first, QStringLiteral("--ids"), QStringLiteral("3,4")}));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonArray cases =
            QJsonDocument::fromJson(runCli(db({QStringLiteral("cases"), QStringLiteral("--json")})).out).array();
        qint64 caseOfTicket3 = 0;
        for (const QJsonValue &c : cases) {
            if (c[QStringLiteral("external_ticket_id")].toInteger() == 3)
                caseOfTicket3 = c[QStringLiteral("id")].toInteger();
        }
        QVERIFY(caseOfTicket3 > 0);
        // Queued while nothing runs; then the admin disconnects and connects the account again.
        QCOMPARE(runCli(db({QStringLiteral("edit"), QString::number(caseOfTicket3), QStringLiteral("--priority"),
                            QStringLiteral("urgent")}))
                     .exitCode,
                 0);
        QCOMPARE(runCli(db({QStringLiteral("disconnect"), first})).exitCode, 0);
        const QJsonObject setup = connectSetup();
        const QString second = setup[QStringLiteral("integration_id")].toString();
        QVERIFY(!second.isEmpty() && second != first);
        const QJsonObject c =
            QJsonDocument::fromJson(
                runCli(db({QStringLiteral("case"), QString::number(caseOfTicket3), QStringLiteral("--json")})).out)
                .object();
        const QJsonObject linked = c.contains(QStringLiteral("case")) ? c[QStringLiteral("case")].toObject() : c;
        QCOMPARE(linked[QStringLiteral("integration_id")].toString(), second);

        // Importing again finds the same cases (no duplicates), and serve pushes the queued edit.
        auto again = runCli(db({QStringLiteral("import"), second, QStringLiteral("--ids"), QStringLiteral("3,4"),
                                QStringLiteral("--json")}));
        QCOMPARE(QJsonDocument::fromJson(again.out).object()[QStringLiteral("already_linked")].toInt(), 2);
        HttpProbe api(m_port);
        QVERIFY(api.get(QStringLiteral("/api/v2/tickets/3")).object()[QStringLiteral("priority")].toInt() != 4);
        QProcess serve;
        const quint16 servePort = freePort();
        serve.start(cliPath(), db({QStringLiteral("serve"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:%1").arg(servePort)}));
        QVERIFY(serve.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(
            api.get(QStringLiteral("/api/v2/tickets/3")).object()[QStringLiteral("priority")].toInt(), 4, 15000);

        // The running serve follows a settings change: intake none, then all.
        QCOMPARE(runCli(db({QStringLiteral("configure"), second, QStringLiteral("--intake"), QStringLiteral("none")}))
                     .exitCode,
                 0);
        QTest::qWait(1500); // a second for serve to follow
        QVERIFY(postWebhook(servePort, second, setup[QStringLiteral("secret")].toString(), 5));
        QTest::qWait(2000);
        QVERIFY(!hasCaseOfTicket(5)); // intake none: the webhook of a new ticket makes no case
        QCOMPARE(runCli(db({QStringLiteral("configure"), second, QStringLiteral("--intake"), QStringLiteral("all")}))
                     .exitCode,
                 0);
        QTest::qWait(1500);
        QVERIFY(postWebhook(servePort, second, setup[QStringLiteral("secret")].toString(), 6));
        QTRY_VERIFY_WITH_TIMEOUT(hasCaseOfTicket(6), 10000);
        QVERIFY(!hasCaseOfTicket(5)); // processed in order: ticket 5's event was seen under intake none
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
    }

    // `failed` lists pushes that gave up with the helpdesk's answer; `replay --push` retries or discards them.
    void failedAndReplayCoverPushes()
    {
        qint64 push = 0;
        {
            auto writer = m_store.open();
            QVERIFY(writer);
            auto anyCase = writer->scalar(QStringLiteral("SELECT id FROM cases WHERE integration_id IS NOT NULL "
                                                         "ORDER BY id LIMIT 1"));
            QVERIFY(anyCase && !anyCase->isNull());
            auto c = cb::CaseStore(*writer, cb::Clock::system()).get(anyCase->toLongLong());
            cb::OutboxItem item;
            item.caseId = c->id;
            item.integrationId = c->integrationId;
            item.op = cb::OutboxOp::Update;
            item.payload = {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("status"), QStringLiteral("x")}}}};
            cb::Outbox outbox(*writer, cb::Clock::system());
            push = *outbox.enqueue(item);
            QVERIFY(outbox.markDead(push, QStringLiteral("Validation failed: status: It should be one of these "
                                                         "values: 2,3,4,5")));
        }
        const auto listed = [&] {
            const QJsonArray all =
                QJsonDocument::fromJson(runCli(db({QStringLiteral("failed"), QStringLiteral("--json")})).out).array();
            for (const QJsonValue &v : all) {
                if (v[QStringLiteral("kind")].toString() == QLatin1String("push") &&
                    v[QStringLiteral("id")].toInteger() == push)
                    return v.toObject();
            }
            return QJsonObject();
        };
        QVERIFY(listed()[QStringLiteral("last_error")].toString().contains(QLatin1String("one of these values")));
        auto text = runCli(db({QStringLiteral("failed")}));
        QVERIFY(text.out.contains("replay --push ID"));
        QCOMPARE(runCli(db({QStringLiteral("replay"), QStringLiteral("--discard")})).exitCode, 2);
        QCOMPARE(runCli(db({QStringLiteral("replay"), QStringLiteral("--push"), QStringLiteral("x")})).exitCode, 2);
        auto retried = runCli(db({QStringLiteral("replay"), QStringLiteral("--push"), QString::number(push)}));
        QVERIFY2(retried.exitCode == 0, retried.err.constData());
        QVERIFY(listed().isEmpty());
        QCOMPARE(runCli(db({QStringLiteral("replay"), QStringLiteral("--push"), QString::number(push)})).exitCode,
                 1); // no longer given up
        {
            auto writer = m_store.open();
            QCOMPARE(cb::toString(cb::Outbox(*writer, cb::Clock::system()).get(push)->state),
                     QStringLiteral("pending"));
            QVERIFY(cb::Outbox(*writer, cb::Clock::system()).markDead(push, QStringLiteral("gave up again")));
        }
        QCOMPARE(runCli(db({QStringLiteral("replay"), QStringLiteral("--push"), QString::number(push),
                            QStringLiteral("--discard")}))
                     .exitCode,
                 0);
        auto reader = m_store.open(cb::Database::Access::ReadOnly);
        QCOMPARE(cb::toString(cb::Outbox(*reader, cb::Clock::system()).get(push)->state), QStringLiteral("discarded"));
        QVERIFY(listed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliConfigure)
#include "tst_cli_configure.moc"
