// The webhook payload parser, table-driven over real-looking bodies of every shape admins configure.
#include "webhook/webhookpayloadparser.h"

#include <QJsonDocument>
#include <QtTest>

using namespace cb;

class TestWebhookPayloadParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void rejects_data();
    void rejects();
    void triggeredEvent_data();
    void triggeredEvent();
    void eventKeys();
    void contentTypes();
};

void TestWebhookPayloadParser::shapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<qint64>("ticketId");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QByteArray>("fieldsJson"); // expected normalised fields (exactly)
    QTest::addColumn<bool>("thin");

    const QByteArray json = "application/json";
    QTest::newRow("simple mode (Zulip fixture: names, string id, HTML, unicode)")
        << QByteArray(R"({"freshdesk_webhook":{"triggered_event":"{ticket_action:created}","ticket_id":"11",
            "ticket_url":"http://test1234zzz.freshdesk.com/helpdesk/tickets/11","ticket_type":"Incident",
            "ticket_subject":"Test ticket subject \u2603","ticket_description":"<div>Test ticket description \u2603.</div>",
            "ticket_status":"Pending","ticket_priority":"High","requester_name":"Requester \u2603 Bob",
            "requester_email":"Requester-Bob@Example.com"}})")
        << json << qint64(11) << QStringLiteral("created")
        << QByteArray(R"({"description":"<div>Test ticket description ☃.</div>","priority":3,
            "requester_email":"requester-bob@example.com","requester_name":"Requester ☃ Bob","status":3,
            "subject":"Test ticket subject ☃"})")
        << true;
    QTest::newRow("thin: ticketId + triggered status change")
        << QByteArray(R"({"ticketId":"42","triggered_event":"{status:{from:4,to:6}}"})") << json << qint64(42)
        << QStringLiteral("status_changed") << QByteArray(R"({"status":6})") << true;
    QTest::newRow("thin: priority change, numeric id")
        << QByteArray(R"({"ticket_id":7,"triggered_event":"{priority:{from:1,to:3}}"})") << json << qint64(7)
        << QStringLiteral("priority_changed") << QByteArray(R"({"priority":3})") << true;
    QTest::newRow("thin: private note") << QByteArray(R"({"ticket_id":"9","triggered_event":"{note_type:private}"})")
                                        << json << qint64(9) << QStringLiteral("note_added") << QByteArray("{}")
                                        << true;
    QTest::newRow("flat custom JSON with ids and updated_at")
        << QByteArray(R"({"ticket_id":123456789012,"event":"updated","status":4,"priority":2,"responder_id":"77",
            "group_id":null,"subject":"Printer","updated_at":"2026-11-20T10:00:00Z"})")
        << json << qint64(123456789012) << QStringLiteral("updated")
        << QByteArray(R"({"group_id":null,"priority":2,"responder_id":77,"status":4,"subject":"Printer"})") << false;
    QTest::newRow("flat: status_id/priority_id as strings, id key, ms time")
        << QByteArray(R"({"id":"5","status_id":"2","priority_id":"4","updated_at":"2026-11-20T10:00:00.250Z"})") << json
        << qint64(5) << QStringLiteral("unknown") << QByteArray(R"({"priority":4,"status":2})") << false;
    QTest::newRow("our own rule payload (Advanced) with names")
        << QByteArray(R"({"ticket_id": "31", "event": "updated", "triggered_event": "{status:{from:2,to:4}}",
            "status": "Resolved", "priority": "Urgent", "agent_email": "a@x.com", "group": "Billing"})")
        << json << qint64(31) << QStringLiteral("updated") << QByteArray(R"({"priority":4,"status":4})") << true;
    QTest::newRow("nested ticket object")
        << QByteArray(R"({"event":"ticket_updated","ticket":{"id":88,"status":5,"updated_at":"2026-11-21T08:00:00Z"}})")
        << json << qint64(88) << QStringLiteral("updated") << QByteArray(R"({"status":5})") << false;
    QTest::newRow("unrendered placeholders count as absent")
        << QByteArray(R"({"ticket_id":"12","status":"{{ticket.status}}","priority":"{{ticket.priority}}"})") << json
        << qint64(12) << QStringLiteral("unknown") << QByteArray("{}") << true;
    QTest::newRow("custom status by name (Waiting on Customer)")
        << QByteArray(R"({"freshdesk_webhook":{"ticket_id":"3","ticket_status":"Waiting on Customer"}})") << json
        << qint64(3) << QStringLiteral("unknown") << QByteArray(R"({"status":6})") << true;
    QTest::newRow("form-encoded simple mode, '+' as space")
        << QByteArray("freshdesk_webhook%5Bticket_id%5D=14&freshdesk_webhook%5Bticket_status%5D=Resolved"
                      "&freshdesk_webhook%5Bticket_subject%5D=Cannot+log+in&freshdesk_webhook%5Btriggered_event%5D="
                      "%7Bticket_action%3Aupdated%7D")
        << QByteArray("application/x-www-form-urlencoded; charset=utf-8") << qint64(14) << QStringLiteral("updated")
        << QByteArray(R"({"status":4,"subject":"Cannot log in"})") << true;
    QTest::newRow("form-encoded flat keys") << QByteArray("ticket_id=15&status=3&updated_at=2026-11-20T10%3A00%3A00Z")
                                            << QByteArray("application/x-www-form-urlencoded") << qint64(15)
                                            << QStringLiteral("unknown") << QByteArray(R"({"status":3})") << false;
    QTest::newRow("broken JSON from an unescaped HTML description is salvaged as thin")
        << QByteArray(
               R"({"ticket_id": "21", "triggered_event": "{ticket_action:created}", "description": "<a href="x">hi</a>"})")
        << json << qint64(21) << QStringLiteral("created") << QByteArray("{}") << true;
    QTest::newRow("pasted ticket URL as id")
        << QByteArray(R"({"ticket_id":"https://acme.freshdesk.com/a/tickets/512"})") << json << qint64(512)
        << QStringLiteral("unknown") << QByteArray("{}") << true;
    QTest::newRow("Freshservice workflow payload, display id #INC-42")
        << QByteArray(R"({"ticket_id": "#INC-42", "event": "updated", "status": "Pending", "priority": "High",
            "agent_email": "", "group": ""})")
        << json << qint64(42) << QStringLiteral("updated") << QByteArray(R"({"priority":3,"status":3})") << true;
    QTest::newRow("Freshservice service request id SR-7")
        << QByteArray(R"({"ticket_id":"SR-7","event":"created"})") << json << qint64(7) << QStringLiteral("created")
        << QByteArray("{}") << true;
    QTest::newRow("Freshservice broken JSON keeps the display id")
        << QByteArray(R"({"ticket_id": "#INC-5", "event": "created", "subject": "say "hi""})") << json << qint64(5)
        << QStringLiteral("unknown") << QByteArray("{}") << true;
    QTest::newRow("no content type, JSON sniffed")
        << QByteArray(R"({"ticket_id":"1","triggered_event":"{ticket_action:created}"})") << QByteArray() << qint64(1)
        << QStringLiteral("created") << QByteArray("{}") << true;
}

void TestWebhookPayloadParser::shapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(qint64, ticketId);
    QFETCH(QString, event);
    QFETCH(QByteArray, fieldsJson);
    QFETCH(bool, thin);
    const auto parsed = WebhookPayloadParser().parse(body, contentType);
    QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->ticketId.value_or(-1), ticketId);
    QCOMPARE(parsed->event, event);
    const QJsonObject expected = QJsonDocument::fromJson(fieldsJson).object();
    QCOMPARE(QJsonDocument(parsed->fields).toJson(QJsonDocument::Compact),
             QJsonDocument(expected).toJson(QJsonDocument::Compact));
    QCOMPARE(parsed->isThin(), thin);
}

void TestWebhookPayloadParser::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray("  ") << QByteArray("application/json") << QStringLiteral("empty");
    QTest::newRow("no ticket id") << QByteArray(R"({"freshdesk_webhook":{"ticket_subject":"x"}})")
                                  << QByteArray("application/json") << QStringLiteral("ticket_id");
    QTest::newRow("id is a placeholder") << QByteArray(R"({"ticket_id":"{{ticket.id}}"})")
                                         << QByteArray("application/json") << QStringLiteral("ticket_id");
    QTest::newRow("JSON array") << QByteArray("[1,2]") << QByteArray("application/json") << QStringLiteral("object");
    QTest::newRow("garbage JSON") << QByteArray("{not json") << QByteArray("application/json")
                                  << QStringLiteral("not valid JSON");
    QTest::newRow("negative id") << QByteArray(R"({"ticket_id":-4})") << QByteArray("application/json")
                                 << QStringLiteral("ticket_id");
    QTest::newRow("xml") << QByteArray("<ticket/>") << QByteArray("application/xml") << QStringLiteral("JSON");
}

void TestWebhookPayloadParser::rejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, mentions);
    const auto parsed = WebhookPayloadParser().parse(body, contentType);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void TestWebhookPayloadParser::triggeredEvent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("created") << QStringLiteral("{ticket_action:created}")
                             << QByteArray(R"({"ticket_action":"created"})");
    QTest::newRow("status") << QStringLiteral("{status:{from:4,to:6}}")
                            << QByteArray(R"({"status":{"from":4,"to":6}})");
    QTest::newRow("spaces") << QStringLiteral(" { priority : { from : 1 , to : 3 } } ")
                            << QByteArray(R"({"priority":{"from":1,"to":3}})");
    QTest::newRow("note") << QStringLiteral("{note_type:public}") << QByteArray(R"({"note_type":"public"})");
    QTest::newRow("real JSON") << QStringLiteral(R"({"ticket_action":"updated"})")
                               << QByteArray(R"({"ticket_action":"updated"})");
    QTest::newRow("unclosed") << QStringLiteral("{status:{from:4") << QByteArray("{}");
    QTest::newRow("deep nesting") << QString(QStringLiteral("{a:").repeated(50)) << QByteArray("{}");
}

void TestWebhookPayloadParser::triggeredEvent()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(QJsonDocument(WebhookPayloadParser::parseTriggeredEvent(text)).toJson(QJsonDocument::Compact), expected);
}

void TestWebhookPayloadParser::eventKeys()
{
    WebhookPayloadParser parser;
    const QByteArray withTime = R"({"ticket_id":5,"event":"updated","updated_at":"2026-11-20T10:00:00Z"})";
    const auto a = parser.parse(withTime, "application/json");
    QVERIFY(a.ok());
    const QString timed = WebhookPayloadParser::eventKey(&*a, withTime, {});
    QVERIFY2(timed.startsWith(QLatin1String("t:5:updated:2026-11-20T10:00:00.000Z:")), qPrintable(timed));
    QCOMPARE(timed.size(), 37 + 32);
    QCOMPARE(WebhookPayloadParser::eventKey(&*a, withTime, {}), timed); // a replay is the same event
    // Two changes within one second (updated_at has whole seconds): status, then priority. Two events, not one.
    const QByteArray statusChange =
        R"({"ticket_id":5,"event":"updated","status":3,"priority":1,"updated_at":"2026-11-20T10:00:00Z"})";
    const QByteArray priorityChange =
        R"({"ticket_id":5,"event":"updated","status":3,"priority":4,"updated_at":"2026-11-20T10:00:00Z"})";
    const auto s1 = parser.parse(statusChange, "application/json");
    const auto s2 = parser.parse(priorityChange, "application/json");
    QVERIFY(s1 && s2);
    QVERIFY(WebhookPayloadParser::eventKey(&*s1, statusChange, {}) !=
            WebhookPayloadParser::eventKey(&*s2, priorityChange, {}));
    QVERIFY(WebhookPayloadParser::eventKey(&*s1, statusChange, {}) != timed);
    QCOMPARE(WebhookPayloadParser::eventKey(&*s2, priorityChange, {}),
             WebhookPayloadParser::eventKey(&*s2, priorityChange, {}));
    // Another triggered event in the same second is another event too.
    const QByteArray triggeredOther =
        R"({"ticket_id":5,"event":"updated","triggered_event":"{priority:{from:1,to:4}}","updated_at":"2026-11-20T10:00:00Z"})";
    const auto t1 = parser.parse(triggeredOther, "application/json");
    QVERIFY(t1);
    QVERIFY(WebhookPayloadParser::eventKey(&*t1, triggeredOther, {}) != timed);
    // The same change with other formatting is the same event.
    const QByteArray reformatted =
        R"({ "updated_at" : "2026-11-20T10:00:00.000Z", "event":"updated", "ticket_id":"5" })";
    const auto b = parser.parse(reformatted, "application/json");
    QCOMPARE(WebhookPayloadParser::eventKey(&*b, reformatted, {}), WebhookPayloadParser::eventKey(&*a, withTime, {}));
    // An explicit id wins: header first, then body.
    const QByteArray withId = R"({"ticket_id":5,"event_id":"ev-9"})";
    const auto c = parser.parse(withId, "application/json");
    QCOMPARE(WebhookPayloadParser::eventKey(&*c, withId, {}), QStringLiteral("id:ev-9"));
    QCOMPARE(WebhookPayloadParser::eventKey(&*c, withId, "hdr-1"), QStringLiteral("id:hdr-1"));
    // Otherwise a hash of the body.
    const QByteArray thin = R"({"ticketId":"5","triggered_event":"{ticket_action:created}"})";
    const auto d = parser.parse(thin, "application/json");
    const QString key = WebhookPayloadParser::eventKey(&*d, thin, {});
    QVERIFY(key.startsWith(QLatin1String("body:")));
    QCOMPARE(key.size(), 5 + 64);
    QVERIFY(key != WebhookPayloadParser::eventKey(&*d, thin + ' ', {}));
}

void TestWebhookPayloadParser::contentTypes()
{
    using K = WebhookPayloadParser::BodyKind;
    QCOMPARE(WebhookPayloadParser::kindOf("application/json; charset=UTF-8", "{}"), K::Json);
    QCOMPARE(WebhookPayloadParser::kindOf("Application/JSON", "{}"), K::Json);
    QCOMPARE(WebhookPayloadParser::kindOf("application/vnd.api+json", "{}"), K::Json);
    QCOMPARE(WebhookPayloadParser::kindOf("application/x-www-form-urlencoded", "a=b"), K::Form);
    QCOMPARE(WebhookPayloadParser::kindOf("text/xml", "<a/>"), K::Unsupported);
    QCOMPARE(WebhookPayloadParser::kindOf("multipart/form-data; boundary=x", "--x"), K::Unsupported);
    QCOMPARE(WebhookPayloadParser::kindOf("", " {\"a\":1}"), K::Json);
}

QTEST_GUILESS_MAIN(TestWebhookPayloadParser)
#include "tst_webhookpayloadparser.moc"
