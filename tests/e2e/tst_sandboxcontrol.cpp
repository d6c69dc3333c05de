#include "loopbacksandbox.h"
#include "recordinghandler.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The sandbox's control API under /_sandbox/ over loopback HTTP (docs/sandbox.md).
class TestSandboxControl : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_s;
    RecordingHandler m_receiver;
    std::unique_ptr<HttpHost> m_receiverServer;
    QString m_receiverUrl;

    static QString code(const ProbeReply &r) { return r.object().value(QStringLiteral("code")).toString(); }

private Q_SLOTS:
    void init()
    {
        m_s = std::make_unique<LoopbackSandbox>(SandboxHelpdesk::Plan::named(QStringLiteral("pro")));
        m_s->helpdesk().automation().setRetryScale(0.0001);
        m_receiver.requests.clear();
        m_receiverServer = std::make_unique<HttpHost>(&m_receiver);
        m_receiverUrl =
            QStringLiteral("http://127.0.0.1:%1/hook").arg(*m_receiverServer->listen(QHostAddress::LocalHost, 0));
    }

    void indexUnknownRoutesAndMethods()
    {
        auto index = m_s->control().get(QStringLiteral("/_sandbox"));
        QCOMPARE(index.status, 200);
        QVERIFY(index.object().value(QStringLiteral("routes")).toArray().size() >= 8);
        auto unknown = m_s->control().get(QStringLiteral("/_sandbox/nope"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(code(unknown), QStringLiteral("not_found"));
        QVERIFY(unknown.object().value(QStringLiteral("message")).toString().contains(QLatin1String("/_sandbox/nope")));
        auto wrong = m_s->control().send("PUT", QStringLiteral("/_sandbox/seed"), QJsonObject{});
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("Allow"), QByteArray("POST"));
        auto badJson = m_s->control().send("POST", QStringLiteral("/_sandbox/seed"), QByteArray("{nope"));
        QCOMPARE(badJson.status, 400);
        QCOMPARE(code(badJson), QStringLiteral("invalid_json"));
        // loopback only
        SandboxControl control(m_s->helpdesk());
        HttpRequest remote;
        remote.method = "GET";
        remote.path = QStringLiteral("/_sandbox/stats");
        remote.remoteAddress = QHostAddress(QStringLiteral("192.0.2.7"));
        QCOMPARE(control.route(remote).status, 403);
    }

    void seedIsDeterministicAndValidated()
    {
        const auto subjects = [this] {
            QStringList out;
            const auto list =
                m_s->api().get(QStringLiteral("/api/v2/tickets?updated_since=2000-01-01T00:00:00Z&per_page=100"
                                              "&order_by=created_at&order_type=asc"));
            for (const QJsonValue &t : list.json.array())
                out.append(t[QStringLiteral("subject")].toString() + t[QStringLiteral("created_at")].toString());
            return out;
        };
        auto seeded = m_s->control().send("POST", QStringLiteral("/_sandbox/seed"),
                                          QJsonObject{{QStringLiteral("tickets"), 40}, {QStringLiteral("seed"), 7}});
        QCOMPARE(seeded.status, 200);
        QCOMPARE(seeded.object().value(QStringLiteral("tickets")).toInt(), 40);
        const QStringList first = subjects();
        QCOMPARE(first.size(), 40);
        QVERIFY(m_s->control()
                    .send("POST", QStringLiteral("/_sandbox/seed"),
                          QJsonObject{{QStringLiteral("tickets"), 40}, {QStringLiteral("seed"), 8}})
                    .status == 200);
        QVERIFY(subjects() != first);
        m_s->control().send("POST", QStringLiteral("/_sandbox/seed"),
                            QJsonObject{{QStringLiteral("tickets"), 40}, {QStringLiteral("seed"), 7}});
        QCOMPARE(subjects().size(), 40);
        for (const QJsonObject &bad : {QJsonObject{{QStringLiteral("tickets"), -1}},
                                       QJsonObject{{QStringLiteral("tickets"), QStringLiteral("many")}},
                                       QJsonObject{{QStringLiteral("tickets"), 2.5}}}) {
            auto r = m_s->control().send("POST", QStringLiteral("/_sandbox/seed"), bad);
            QCOMPARE(r.status, 400);
            QCOMPARE(code(r), QStringLiteral("invalid_value"));
            QVERIFY(r.object().value(QStringLiteral("message")).toString().contains(QLatin1String("tickets")));
        }
    }

    void faultsInjectAndClear()
    {
        auto added = m_s->control().send("POST", QStringLiteral("/_sandbox/faults"),
                                         QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                                     {QStringLiteral("path_prefix"), QStringLiteral("/api/v2/agents")},
                                                     {QStringLiteral("status"), 503},
                                                     {QStringLiteral("rate"), 1}});
        QCOMPARE(added.status, 201);
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/agents/me")).status, 503);
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/groups")).status, 200);
        QCOMPARE(m_s->control().get(QStringLiteral("/_sandbox/stats")).status, 200); // control routes never fault
        auto slow = m_s->control().send("POST", QStringLiteral("/_sandbox/faults"),
                                        QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("/api/v2/groups")},
                                                    {QStringLiteral("status"), 200},
                                                    {QStringLiteral("rate"), 0},
                                                    {QStringLiteral("latency_ms"), 300}});
        QVERIFY2(slow.status == 201, slow.body.constData());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/groups")).status, 200);
        QVERIFY2(timer.elapsed() >= 250,
                 qPrintable(QString::number(timer.elapsed()))); // coarse timers may fire 5% early
        auto listed = m_s->control().get(QStringLiteral("/_sandbox/faults"));
        const QJsonArray faults = listed.object().value(QStringLiteral("faults")).toArray();
        QCOMPARE(faults.size(), 2);
        QCOMPARE(faults.at(1)[QStringLiteral("method")].toString(), QStringLiteral("*"));
        QCOMPARE(faults.at(1)[QStringLiteral("latency_ms")].toInt(), 300);
        m_s->control().send("POST", QStringLiteral("/_sandbox/faults"),
                            QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("/api/v2/roles")},
                                        {QStringLiteral("status"), 0}});
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/roles")).status, 0); // dropped: no HTTP answer
        QCOMPARE(m_s->control().send("DELETE", QStringLiteral("/_sandbox/faults")).status, 200);
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/agents/me")).status, 200);
        for (const QJsonObject &bad :
             {QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("tickets")}},
              QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("/x")}, {QStringLiteral("rate"), 2}},
              QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("/x")}, {QStringLiteral("status"), 42}},
              QJsonObject{{QStringLiteral("path_prefix"), QStringLiteral("/x")},
                          {QStringLiteral("method"), QStringLiteral("FETCH")}}})
            QCOMPARE(m_s->control().send("POST", QStringLiteral("/_sandbox/faults"), bad).status, 400);
    }

    void rulesFireWebhooksInTheirShape()
    {
        m_s->helpdesk().account().seed(5);
        auto added =
            m_s->control().send("POST", QStringLiteral("/_sandbox/rules"),
                                QJsonObject{{QStringLiteral("url"), m_receiverUrl},
                                            {QStringLiteral("secret"), QStringLiteral("s3cret-value")},
                                            {QStringLiteral("shape"), QStringLiteral("thin")},
                                            {QStringLiteral("events"), QJsonArray{QStringLiteral("updated")}}});
        QCOMPARE(added.status, 201);
        QVERIFY(!added.body.contains("s3cret-value"));
        auto listed = m_s->control().get(QStringLiteral("/_sandbox/rules"));
        const QJsonObject rule = listed.object().value(QStringLiteral("rules")).toArray().first().toObject();
        QCOMPARE(rule.value(QStringLiteral("secret_set")).toBool(), true);
        QCOMPARE(rule.value(QStringLiteral("shape")).toString(), QStringLiteral("thin"));
        QVERIFY(!listed.body.contains("s3cret-value"));

        m_s->helpdesk().account().tickets[2].insert(QStringLiteral("priority"), 1);
        QCOMPARE(m_s->api()
                     .send("PUT", QStringLiteral("/api/v2/tickets/2"), QJsonObject{{QStringLiteral("priority"), 4}})
                     .status,
                 200);
        QTRY_COMPARE(m_receiver.requests.size(), 1);
        const HttpRequest hook = m_receiver.requests.first();
        QCOMPARE(hook.header("X-Casebridge-Webhook-Secret"), QByteArray("s3cret-value"));
        const QJsonObject thin = QJsonDocument::fromJson(hook.body).object();
        QCOMPARE(thin.value(QStringLiteral("ticketId")).toString(), QStringLiteral("2"));
        QVERIFY(thin.value(QStringLiteral("triggered_event")).toString().contains(QLatin1String("priority")));
        // a note is not an "updated" event for this rule
        m_s->api().send("POST", QStringLiteral("/api/v2/tickets/2/notes"),
                        QJsonObject{{QStringLiteral("body"), QStringLiteral("x")}});
        QTest::qWait(200);
        QCOMPARE(m_receiver.requests.size(), 1);

        for (const QJsonObject &bad :
             {QJsonObject{{QStringLiteral("url"), QStringLiteral("not a url")}},
              QJsonObject{{QStringLiteral("url"), m_receiverUrl}, {QStringLiteral("shape"), QStringLiteral("xml")}},
              QJsonObject{{QStringLiteral("url"), m_receiverUrl},
                          {QStringLiteral("events"), QJsonArray{QStringLiteral("deleted")}}}}) {
            auto r = m_s->control().send("POST", QStringLiteral("/_sandbox/rules"), bad);
            QCOMPARE(r.status, 400);
            QVERIFY(!r.object().value(QStringLiteral("message")).toString().isEmpty());
        }
        QCOMPARE(m_s->control().send("DELETE", QStringLiteral("/_sandbox/rules")).status, 200);
        QCOMPARE(m_s->helpdesk().automation().ruleCount(), 0);
    }

    void planSwitchesRateLimits()
    {
        auto growth = m_s->control().send("POST", QStringLiteral("/_sandbox/plan"),
                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("growth")}});
        QCOMPARE(growth.status, 200);
        QCOMPARE(growth.object().value(QStringLiteral("calls_per_window")).toInt(), 200);
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/agents/me")).header("X-RateLimit-Total"), QByteArray("200"));
        QCOMPARE(m_s->control().get(QStringLiteral("/_sandbox/plan")).object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("growth"));
        auto bad = m_s->control().send("POST", QStringLiteral("/_sandbox/plan"),
                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("free-lunch")}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(code(bad), QStringLiteral("invalid_value"));
    }

    void agentEditFiresWebhooksWithoutCredits()
    {
        m_s->helpdesk().account().seed(3);
        m_s->control().send(
            "POST", QStringLiteral("/_sandbox/rules"),
            QJsonObject{{QStringLiteral("url"), m_receiverUrl}, {QStringLiteral("secret"), QStringLiteral("s")}});
        auto edited = m_s->control().send(
            "POST", QStringLiteral("/_sandbox/agent-edit/1"),
            QJsonObject{{QStringLiteral("status"), 4},
                        {QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), QStringLiteral("done")}}}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.object().value(QStringLiteral("status")).toInt(), 4);
        QTRY_COMPARE(m_receiver.requests.size(), 2); // the status change and the note
        const QJsonObject simple = QJsonDocument::fromJson(m_receiver.requests.first().body)
                                       .object()
                                       .value(QStringLiteral("freshdesk_webhook"))
                                       .toObject();
        QCOMPARE(simple.value(QStringLiteral("ticket_status")).toString(), QStringLiteral("Resolved"));
        QCOMPARE(m_s->helpdesk().account().conversations.value(1).size(), 1);
        QVERIFY(m_s->helpdesk().account().conversations.value(1).first()[QStringLiteral("private")].toBool());
        auto stats = m_s->control().get(QStringLiteral("/_sandbox/stats")).object();
        QCOMPARE(stats.value(QStringLiteral("api_calls")).toInt(), 0);
        QCOMPARE(stats.value(QStringLiteral("credits_used")).toInt(), 0);

        QCOMPARE(
            m_s->control()
                .send("POST", QStringLiteral("/_sandbox/agent-edit/999"), QJsonObject{{QStringLiteral("status"), 3}})
                .status,
            404);
        auto bad = m_s->control().send("POST", QStringLiteral("/_sandbox/agent-edit/1"),
                                       QJsonObject{{QStringLiteral("status"), 99}, {QStringLiteral("spam"), true}});
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.object().value(QStringLiteral("message")).toString().contains(QLatin1String("status")));
        QVERIFY(bad.object().value(QStringLiteral("message")).toString().contains(QLatin1String("spam")));
        QCOMPARE(m_s->control().send("POST", QStringLiteral("/_sandbox/agent-edit/1"), QJsonObject{}).status, 400);
    }

    void statsCountCallsAndCreditsPerEndpoint()
    {
        m_s->helpdesk().account().seed(3);
        m_s->api().get(QStringLiteral("/api/v2/tickets/1?include=stats"));
        m_s->api().get(QStringLiteral("/api/v2/tickets/2"));
        m_s->api().get(QStringLiteral("/api/v2/search/tickets?query=%22status:2%22"));
        const QJsonObject stats = m_s->control().get(QStringLiteral("/_sandbox/stats")).object();
        QCOMPARE(stats.value(QStringLiteral("api_calls")).toInt(), 3);
        QCOMPARE(stats.value(QStringLiteral("credits_used")).toInt(), 5);
        const QJsonObject view =
            stats.value(QStringLiteral("by_endpoint"))[QStringLiteral("GET /tickets/{id}")].toObject();
        QCOMPARE(view.value(QStringLiteral("calls")).toInt(), 2);
        QCOMPARE(view.value(QStringLiteral("credits")).toInt(), 4);
        QVERIFY(stats.value(QStringLiteral("by_endpoint")).toObject().contains(QStringLiteral("GET /search/tickets")));
        auto reset = m_s->control().send("DELETE", QStringLiteral("/_sandbox/stats"));
        QCOMPARE(reset.object().value(QStringLiteral("api_calls")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxControl)
#include "tst_sandboxcontrol.moc"
