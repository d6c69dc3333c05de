#include "helpdesk/freshdesk/freshdeskclient.h"
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
};

QTEST_GUILESS_MAIN(TestSandboxService)
#include "tst_sandboxservice.moc"
