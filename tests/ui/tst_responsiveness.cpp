// The console stays responsive under a webhook storm: 2,000 webhooks arrive at the console's own receiver (on the
// sync thread) from 16 connections while the GUI thread's event-loop latency is sampled every 10 ms. Every webhook
// is acknowledged and stored; the GUI thread is never blocked (figures are printed; only a freeze fails the test).
#include "common/clock.h"
#include "domain/integration.h"
#include "mainwindow.h"
#include "storage/integrationstore.h"
#include "sync/consolesyncproxy.h"
#include "sync/defaultsyncplatform.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"
#include "webhookloadclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QThread>
#include <QtTest>

#include <algorithm>

using namespace cb;
using namespace cb::test;

class TestResponsiveness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guiStaysResponsiveWhile2000WebhooksArrive()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const QByteArray secret = "storm-secret";
        TempStore store;
        QString integrationId;
        {
            auto db = store.open();
            Integration i;
            i.id = IntegrationStore::newId();
            i.domain = QStringLiteral("127.0.0.1:9"); // nothing there: inbound fetches fail on the sync thread
            i.webhookSecretHash = WebhookSecret::hash(secret);
            QVERIFY(IntegrationStore(*db, Clock::system()).insert(i).ok());
            integrationId = i.id;
        }
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ReceiverOptions options;
        options.ratePerSecond = 0;
        ConsoleSyncProxy service(makeDefaultSyncPlatform(options));
        ui::MainWindow window(&service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        QSignalSpy warnings(&service, &ConsoleSyncProxy::runtimeWarning);
        window.openStore(store.location(), QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(ready.wait(10000));
        for (const QList<QVariant> &w :
             std::as_const(warnings)) // "no API key stored" is expected here; no receiver is not
            QVERIFY2(!w.first().toString().contains(QLatin1String("listen")), qPrintable(w.first().toString()));

        // The senders run on their own thread, so only the console's work is on the GUI thread.
        QThread senders;
        auto *load = new WebhookLoadClient({port, QStringLiteral("/api/webhooks/freshdesk/") + integrationId, secret,
                                            16, 2000, 0, QStringLiteral("storm")});
        load->moveToThread(&senders);
        connect(&senders, &QThread::finished, load, &QObject::deleteLater);
        senders.start();
        QElapsedTimer clock;
        clock.start();
        QList<qint64> lateness;
        qint64 expected = 10;
        QTimer sampler;
        sampler.setTimerType(Qt::PreciseTimer);
        sampler.setInterval(10);
        connect(&sampler, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            lateness << std::max<qint64>(0, now - expected);
            expected = now + 10;
        });
        sampler.start();
        QMetaObject::invokeMethod(load, &WebhookLoadClient::start);
        int acked = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QMetaObject::invokeMethod(
                    load, [load, &acked] { acked = load->running() ? -1 : load->acknowledged(); },
                    Qt::BlockingQueuedConnection);
                return acked >= 0;
            }(),
            120000);
        sampler.stop();
        const double seconds = clock.elapsed() / 1000.0;
        senders.quit();
        senders.wait();
        std::sort(lateness.begin(), lateness.end());
        const qint64 p99 = lateness.isEmpty() ? 0 : lateness.at(lateness.size() * 99 / 100);
        const qint64 worst = lateness.isEmpty() ? 0 : lateness.constLast();
        qInfo("2,000 webhooks in %.1f s; GUI event-loop lateness over %lld samples: p99 %lld ms, max %lld ms", seconds,
              static_cast<long long>(lateness.size()), static_cast<long long>(p99), static_cast<long long>(worst));
        QCOMPARE(acked, 2000);
        auto db = store.open(Database::Access::ReadOnly);
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE event_key LIKE 'id:storm-%'"))->toInt(),
            2000);
        QVERIFY2(worst < 1000, "the GUI thread was blocked for a second or more"); // a freeze, not a speed target
        service.stop();
    }
};

QTEST_MAIN(TestResponsiveness)
#include "tst_responsiveness.moc"
