#include "helpdesk/freshdesk/freshdeskclient.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace cb;

// The console's sandbox runs on its own thread and answers like Freshdesk.
class TestSandboxService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesFromItsOwnThread()
    {
        SandboxService service;
        auto port = service.start(QHostAddress::LocalHost, 0, 50);
        QVERIFY(port && *port > 0);
        QNetworkAccessManager nam;
        FreshdeskClient client(&nam, *FreshdeskDomain::normalise(QStringLiteral("127.0.0.1:%1").arg(*port)),
                               service.adminKey().toUtf8());
        auto agent = QCoro::waitFor(client.verify());
        QVERIFY(agent && agent->isAdmin);
        auto listing = QCoro::waitFor(client.listTickets({}));
        QVERIFY(listing);
        QCOMPARE(listing->tickets.size(), 50);
        service.stop();
        SandboxService second;
        QVERIFY(second.start(QHostAddress::LocalHost, *port, 1)); // the port was released
    }

    void configuresOnItsThreadAndReportsStats()
    {
        SandboxService service;
        QThread *configuredOn = nullptr;
        auto port = service.start(QHostAddress::LocalHost, 0, 5, [&configuredOn](SandboxHelpdesk &s) {
            configuredOn = QThread::currentThread();
            s.setPlan(*SandboxHelpdesk::Plan::named(QStringLiteral("growth")));
        });
        QVERIFY(port);
        QVERIFY(configuredOn && configuredOn != QThread::currentThread());
        QNetworkAccessManager nam;
        FreshdeskClient client(&nam, *FreshdeskDomain::normalise(QStringLiteral("127.0.0.1:%1").arg(*port)),
                               service.adminKey().toUtf8());
        QVERIFY(QCoro::waitFor(client.getTicket(1)));
        QCOMPARE(client.usage().rateLimitTotal, 200);
        const QJsonObject stats = service.stats();
        QCOMPARE(stats.value(QStringLiteral("api_calls")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("rate_limit"))[QStringLiteral("plan")].toString(),
                 QStringLiteral("growth"));
        service.stop();
        QVERIFY(service.stats().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxService)
#include "tst_sandboxservice.moc"
