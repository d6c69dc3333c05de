// `casebridge-sync serve` as a child process under load from 16 parallel senders: SIGKILL mid-load loses no
// acknowledged event and stores none twice; SIGTERM finishes what is in flight and exits 0.
#include "common/clock.h"
#include "domain/integration.h"
#include "serveprocess.h"
#include "storage/integrationstore.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"
#include "webhookloadclient.h"

#include <QSqlQuery>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
const QByteArray kSecret = "crash-test-secret";
}

class TestServeCrash : public QObject
{
    Q_OBJECT

private:
    QString makeIntegration(TempStore &temp)
    {
        auto db = temp.open();
        if (!db)
            return {};
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("127.0.0.1:9"); // nothing listens: the engine's fetches fail, the inbox keeps all
        i.webhookSecretHash = WebhookSecret::hash(kSecret);
        if (!IntegrationStore(*db, Clock::system()).insert(i))
            return {};
        return i.id;
    }
    static QProcessEnvironment env()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ENCRYPTION_KEY"), QString(64, QLatin1Char('c')));
        return e;
    }
    // Every acknowledged event is stored exactly once; returns the number of stored load events.
    static int verifyStore(TempStore &temp, const QSet<QString> &acked)
    {
        auto db = temp.open();
        if (!db)
            return -1;
        auto q = db->exec(QStringLiteral("SELECT event_key FROM webhook_inbox"));
        if (!q)
            return -1;
        QHash<QString, int> seen;
        while (q->next())
            ++seen[q->value(0).toString()];
        for (const QString &id : acked) {
            const int n = seen.value(QStringLiteral("id:") + id);
            if (n != 1) {
                qWarning() << "acknowledged event" << id << "stored" << n << "times";
                return -1;
            }
        }
        return int(seen.size());
    }

private Q_SLOTS:
    void sigkillLosesNothingAcknowledged();
    void sigtermFinishesInFlightAndExits0();
};

void TestServeCrash::sigkillLosesNothingAcknowledged()
{
    TempStore temp;
    const QString id = makeIntegration(temp);
    QVERIFY(!id.isEmpty());
    ServeProcess serve;
    QVERIFY(serve.start(temp.path(), {QStringLiteral("--rate"), QStringLiteral("0")}, env()));
    WebhookLoadClient load(
        {serve.port(), QStringLiteral("/api/webhooks/freshdesk/") + id, kSecret, 16, 0, 0, QStringLiteral("kill")});
    load.start();
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged() >= 1500, 60000);
    serve.kill(); // SIGKILL, mid-load: requests are in flight, a batch may be half written
    QTRY_VERIFY_WITH_TIMEOUT(load.connectionErrors() + load.refused() > 0 || load.sent() > load.acknowledged(), 5000);
    load.stop();
    const QSet<QString> acked = load.acknowledgedEventIds();
    qInfo() << "sent" << load.sent() << "acknowledged" << acked.size() << "before SIGKILL";
    const int stored = verifyStore(temp, acked);
    QVERIFY(stored >= acked.size());
    QVERIFY(stored <= load.sent()); // an unanswered request may or may not have been stored, never more
}

void TestServeCrash::sigtermFinishesInFlightAndExits0()
{
    TempStore temp;
    const QString id = makeIntegration(temp);
    QVERIFY(!id.isEmpty());
    ServeProcess serve;
    QVERIFY(serve.start(temp.path(), {QStringLiteral("--rate"), QStringLiteral("0")}, env()));
    WebhookLoadClient load(
        {serve.port(), QStringLiteral("/api/webhooks/freshdesk/") + id, kSecret, 16, 0, 0, QStringLiteral("term")});
    load.start();
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged() >= 500, 60000);
    QCOMPARE(serve.terminate(), 0); // SIGTERM: a normal exit with 0 (what serve said is printed otherwise)
    QTest::qWait(100);
    load.stop();
    const int stored = verifyStore(temp, load.acknowledgedEventIds());
    QVERIFY(stored >= load.acknowledged());
}

QTEST_GUILESS_MAIN(TestServeCrash)
#include "tst_servecrash.moc"
