#include "clirunner.h"
#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace cb;
using namespace cb::test;

class TestCliCases : public QObject
{
    Q_OBJECT

    TempStore m_store;
    qint64 m_caseId = 0;
    QString m_integration;

    QStringList db(QStringList args) const { return args << QStringLiteral("--database") << m_store.path(); }

private Q_SLOTS:
    void initTestCase()
    {
        auto d = m_store.open();
        QVERIFY(d);
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        IntegrationSettings s;
        s.comments = IntegrationSettings::CommentMode::Private;
        s.footer = QStringLiteral("— sent from Casebridge");
        i.settings = s.toJson();
        QVERIFY(IntegrationStore(*d, Clock::system()).insert(i));
        m_integration = i.id;
        Case c;
        c.integrationId = i.id;
        c.subject = QStringLiteral("VPN down");
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 4242;
        c.remoteState = {{QStringLiteral("status"), 2}, {QStringLiteral("priority"), 1}};
        auto r = CaseStore(*d, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(r);
        m_caseId = r->caseId;
    }

    void casesAndCaseAsJson()
    {
        auto list = runCli(db({QStringLiteral("cases"), QStringLiteral("--json")}));
        QCOMPARE(list.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(arr.size(), 1);
        QCOMPARE(arr[0][QStringLiteral("status")].toString(), QStringLiteral("open"));
        QCOMPARE(arr[0][QStringLiteral("external_ticket_id")].toInteger(), 4242);
        QVERIFY(arr[0].toObject().contains(QStringLiteral("remote_state")));
        auto one = runCli(db({QStringLiteral("case"), QString::number(m_caseId), QStringLiteral("--json")}));
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(one.out).object()[QStringLiteral("subject")].toString(),
                 QStringLiteral("VPN down"));
        QCOMPARE(runCli(db({QStringLiteral("case"), QStringLiteral("99999")})).exitCode, 1);
        QCOMPARE(runCli(db({QStringLiteral("case"), QStringLiteral("abc")})).exitCode, 2);
    }

    void editQueuesOnlyTheChange()
    {
        auto r = runCli(db({QStringLiteral("edit"), QString::number(m_caseId), QStringLiteral("--status"),
                            QStringLiteral("Pending"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("status")].toString(), QStringLiteral("pending"));
        QCOMPARE(o[QStringLiteral("changed")].toArray().size(), 1);
        QVERIFY(o[QStringLiteral("queued")].toBool());
        auto d = m_store.open();
        auto due = Outbox(*d, Clock::system()).due(10);
        QCOMPARE(due->size(), 1);
        QCOMPARE(due->first().payload[QStringLiteral("fields")].toObject(),
                 (QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")}}));
        QCOMPARE(runCli(db({QStringLiteral("edit"), QString::number(m_caseId), QStringLiteral("--status"),
                            QStringLiteral("bogus")}))
                     .exitCode,
                 2);
        QCOMPARE(runCli(db({QStringLiteral("edit"), QString::number(m_caseId)})).exitCode, 2);
        QCOMPARE(runCli(db({QStringLiteral("edit"), QString::number(m_caseId), QStringLiteral("--priority"),
                            QStringLiteral("extreme")}))
                     .exitCode,
                 2);
    }

    void commentFollowsTheIntegrationSetting()
    {
        auto r = runCli(db({QStringLiteral("comment"), QString::number(m_caseId), QStringLiteral("--text"),
                            QStringLiteral("Called <the> customer"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object()[QStringLiteral("private")].toBool());
        auto d = m_store.open();
        auto notes = d->scalar(QStringLiteral("SELECT payload FROM outbox WHERE op = 'note'"));
        QVERIFY(notes->toString().contains(QLatin1String("Called &lt;the&gt; customer")));
        QVERIFY(notes->toString().contains(QLatin1String("sent from Casebridge")));
        QCOMPARE(runCli(db({QStringLiteral("comment"), QString::number(m_caseId)})).exitCode, 2);
    }

    void handoffIsQueued()
    {
        auto r = runCli(db({QStringLiteral("handoff"), QString::number(m_caseId)}));
        QCOMPARE(r.exitCode, 0);
        auto d = m_store.open();
        QCOMPARE(d->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE op = 'handoff'"))->toInt(), 1);
    }

    void logShowsChangesWithTheirSource()
    {
        auto r = runCli(
            db({QStringLiteral("log"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("10")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out).array();
        QVERIFY(arr.size() >= 2);
        bool sawUserEdit = false;
        for (const QJsonValue &v : arr) {
            if (v[QStringLiteral("source")].toString() == QLatin1String("user") &&
                v[QStringLiteral("changes")][QStringLiteral("status")][QStringLiteral("to")].toString() ==
                    QLatin1String("pending"))
                sawUserEdit = true;
        }
        QVERIFY(sawUserEdit);
        QCOMPARE(runCli(db({QStringLiteral("log"), QStringLiteral("--limit"), QStringLiteral("-3")})).exitCode, 2);
    }

    void logFollowPrintsNewRowsAndStopsOnSigterm()
    {
        QProcess follow;
        follow.start(cliPath(), db({QStringLiteral("log"), QStringLiteral("--follow"), QStringLiteral("--json"),
                                    QStringLiteral("--limit"), QStringLiteral("1")}));
        QVERIFY(follow.waitForStarted());
        QTest::qWait(500);
        follow.readAllStandardOutput();
        QVERIFY(runCli(db({QStringLiteral("edit"), QString::number(m_caseId), QStringLiteral("--priority"),
                           QStringLiteral("urgent")}))
                    .exitCode == 0);
        QByteArray seen;
        QTRY_VERIFY2_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).contains("\"urgent\""), seen.constData(),
                                  5000);
        ::kill(pid_t(follow.processId()), SIGTERM);
        QVERIFY(follow.waitForFinished(5000));
        QCOMPARE(follow.exitStatus(), QProcess::NormalExit);
        QCOMPARE(follow.exitCode(), 0);
    }

    void failedAndReplay()
    {
        {
            auto d = m_store.open();
            InboxEvent e;
            e.integrationId = m_integration;
            e.eventKey = QStringLiteral("id:broken");
            e.body = "not json";
            auto inserted = Inbox(*d, Clock::system()).insert(e);
            QVERIFY(inserted);
            QVERIFY(Inbox(*d, Clock::system()).markFailed(inserted->eventId, QStringLiteral("could not parse")));
        }
        auto failed = runCli(db({QStringLiteral("failed"), QStringLiteral("--json")}));
        QCOMPARE(failed.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(failed.out).array();
        QCOMPARE(arr.size(), 1);
        QVERIFY(!arr[0].toObject().contains(QStringLiteral("body")));
        const qint64 id = arr[0][QStringLiteral("id")].toInteger();
        auto replay = runCli(db({QStringLiteral("replay"), QString::number(id), QStringLiteral("--json")}));
        QCOMPARE(replay.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(replay.out).object()[QStringLiteral("replayed")].toInt(), 1);
        QCOMPARE(runCli(db({QStringLiteral("replay"), QString::number(id)})).exitCode, 2); // no longer failed
        QCOMPARE(runCli(db({QStringLiteral("replay")})).exitCode, 2);
        QCOMPARE(runCli(db({QStringLiteral("replay"), QStringLiteral("--all")})).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliCases)
#include "tst_cli_cases.moc"
