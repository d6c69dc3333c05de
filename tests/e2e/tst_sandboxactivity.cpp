#include "clirunner.h"
#include "loopbacksandbox.h"
#include "recordinghandler.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The activity simulator: agents and customers editing tickets on a timer, driven over the control API.
class TestSandboxActivity : public QObject
{
    Q_OBJECT

    // id → (status, priority, responder, group, conversations) of every ticket, through the API.
    static QStringList snapshot(SandboxHelpdesk &sandbox)
    {
        QStringList out;
        for (const QJsonObject &t : std::as_const(sandbox.account().tickets)) {
            const qint64 id = t.value(QStringLiteral("id")).toInteger();
            out.append(QStringLiteral("%1:%2:%3:%4:%5:%6")
                           .arg(id)
                           .arg(t.value(QStringLiteral("status")).toInt())
                           .arg(t.value(QStringLiteral("priority")).toInt())
                           .arg(t.value(QStringLiteral("responder_id")).toInteger())
                           .arg(t.value(QStringLiteral("group_id")).toInteger())
                           .arg(sandbox.account().conversations.value(id).size()));
        }
        return out;
    }

private Q_SLOTS:
    void runsOnATimerAndFiresWebhooks()
    {
        LoopbackSandbox s;
        RecordingHandler receiver;
        HttpHost receiverServer(&receiver);
        const quint16 hookPort = *receiverServer.listen(QHostAddress::LocalHost, 0);
        s.control().send("POST", QStringLiteral("/_sandbox/seed"), QJsonObject{{QStringLiteral("tickets"), 30}});
        s.control().send("POST", QStringLiteral("/_sandbox/rules"),
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/h").arg(hookPort)},
                                     {QStringLiteral("secret"), QStringLiteral("s")},
                                     {QStringLiteral("shape"), QStringLiteral("flat")}});
        auto started = s.control().send("POST", QStringLiteral("/_sandbox/activity"),
                                        QJsonObject{{QStringLiteral("per_minute"), 6000}, {QStringLiteral("seed"), 3}});
        QCOMPARE(started.status, 200);
        QCOMPARE(started.object().value(QStringLiteral("running")).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.requests.size() >= 10, 10000);
        const QJsonObject flat = QJsonDocument::fromJson(receiver.requests.first().body).object();
        QVERIFY(flat.contains(QStringLiteral("ticket_id")));
        auto state = s.control().get(QStringLiteral("/_sandbox/activity")).object();
        QVERIFY(state.value(QStringLiteral("edits")).toInt() >= 10);
        QVERIFY(!state.value(QStringLiteral("by_kind")).toObject().isEmpty());
        // no API credits were spent
        QCOMPARE(s.control().get(QStringLiteral("/_sandbox/stats")).object().value(QStringLiteral("api_calls")).toInt(),
                 0);
        auto stopped = s.control().send("DELETE", QStringLiteral("/_sandbox/activity"));
        QCOMPARE(stopped.object().value(QStringLiteral("running")).toBool(), false);
        const int edits = stopped.object().value(QStringLiteral("edits")).toInt();
        QTest::qWait(200);
        QCOMPARE(s.control().get(QStringLiteral("/_sandbox/activity")).object().value(QStringLiteral("edits")).toInt(),
                 edits);
        // per_minute 0 also stops
        s.control().send("POST", QStringLiteral("/_sandbox/activity"), QJsonObject{{QStringLiteral("per_minute"), 60}});
        QVERIFY(s.helpdesk().activity().isRunning());
        s.control().send("POST", QStringLiteral("/_sandbox/activity"), QJsonObject{{QStringLiteral("per_minute"), 0}});
        QVERIFY(!s.helpdesk().activity().isRunning());
        QCOMPARE(
            s.control()
                .send("POST", QStringLiteral("/_sandbox/activity"), QJsonObject{{QStringLiteral("per_minute"), 99999}})
                .status,
            400);
        QCOMPARE(s.control().send("POST", QStringLiteral("/_sandbox/activity"), QJsonObject{}).status, 400);
    }

    void theSameSeedMakesTheSameEdits()
    {
        LoopbackSandbox a;
        LoopbackSandbox b;
        const QJsonObject seed{{QStringLiteral("tickets"), 50}, {QStringLiteral("seed"), 9}};
        const QJsonObject steps{{QStringLiteral("steps"), 300}, {QStringLiteral("seed"), 5}};
        a.control().send("POST", QStringLiteral("/_sandbox/seed"), seed);
        b.control().send("POST", QStringLiteral("/_sandbox/seed"), seed);
        const QStringList before = snapshot(a.helpdesk());
        auto ra = a.control().send("POST", QStringLiteral("/_sandbox/activity"), steps);
        auto rb = b.control().send("POST", QStringLiteral("/_sandbox/activity"), steps);
        QCOMPARE(ra.object().value(QStringLiteral("edits")).toInt(), 300);
        QCOMPARE(ra.object().value(QStringLiteral("running")).toBool(), false);
        QCOMPARE(ra.object().value(QStringLiteral("by_kind")), rb.object().value(QStringLiteral("by_kind")));
        const QJsonObject kinds = ra.object().value(QStringLiteral("by_kind")).toObject();
        for (const char *kind : {"status", "priority", "assign", "note", "customer_reply", "new_ticket"})
            QVERIFY2(kinds.value(QLatin1String(kind)).toInt() > 0, kind);
        QCOMPARE(snapshot(a.helpdesk()), snapshot(b.helpdesk()));
        QVERIFY(snapshot(a.helpdesk()) != before);
        QVERIFY(a.helpdesk().account().tickets.size() > 50); // customers opened tickets
    }

    void cliOptionStartsTheSimulator()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess p;
        p.start(cliPath(), {QStringLiteral("sandbox"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--tickets"), QStringLiteral("20"),
                            QStringLiteral("--activity"), QStringLiteral("600")});
        QVERIFY(p.waitForStarted());
        HttpProbe control(port, QByteArray());
        QTRY_VERIFY_WITH_TIMEOUT(control.get(QStringLiteral("/_sandbox/activity")).status == 200, 10000);
        auto state = control.get(QStringLiteral("/_sandbox/activity")).object();
        QCOMPARE(state.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(state.value(QStringLiteral("per_minute")).toInt(), 600);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QProcess bad;
        bad.start(cliPath(), {QStringLiteral("sandbox"), QStringLiteral("--activity"), QStringLiteral("lots")});
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSandboxActivity)
#include "tst_sandboxactivity.moc"
