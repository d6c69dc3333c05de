#include "helpdesk/freshdesk/freshdeskclient.h"
#include "helpdesk/freshservice/freshserviceclient.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace cb;

// The console's sandbox runs on its own thread and answers like Freshdesk, or like Freshservice when asked.
class TestSandboxService : public QObject
{
    Q_OBJECT

    // GET /api/v2/agents/me with the admin key, the JSON body as the sandbox sent it.
    static QJsonObject agentsMe(quint16 port, const QString &key)
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/agents/me").arg(port)));
        request.setRawHeader("Authorization", "Basic " + QString(key + QStringLiteral(":X")).toUtf8().toBase64());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(10000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

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

    void freshserviceModeAnswersLikeFreshservice()
    {
        SandboxService service(QStringLiteral("freshservice"));
        QCOMPARE(service.provider(), QStringLiteral("freshservice"));
        int listLimit = 0;
        auto port = service.start(QHostAddress::LocalHost, 0, 7,
                                  [&listLimit](SandboxHelpdesk &s) { listLimit = s.plan().list; });
        QVERIFY(port && *port > 0);
        QCOMPARE(listLimit, 120); // Freshservice's Pro plan lists 120 a minute (Freshdesk's Pro: 100)
        // Freshservice wraps the agent ({"agent":{…}}) and names it with first_name/last_name.
        const QJsonObject me = agentsMe(*port, service.adminKey());
        QVERIFY2(me.value(QStringLiteral("agent")).isObject(), QJsonDocument(me).toJson().constData());
        QVERIFY(!me.value(QStringLiteral("agent"))[QStringLiteral("first_name")].toString().isEmpty());
        QVERIFY(!me.contains(QStringLiteral("email"))); // not Freshdesk's unwrapped agent

        QNetworkAccessManager nam;
        FreshserviceClient client(&nam, *FreshserviceClient::normaliseDomain(QStringLiteral("127.0.0.1:%1").arg(*port)),
                                  service.adminKey().toUtf8());
        auto agent = QCoro::waitFor(client.verify());
        QVERIFY2(agent, agent ? "" : qPrintable(agent.error().message));
        QVERIFY(agent->isAdmin);
        auto listing = QCoro::waitFor(client.listTickets({}));
        QVERIFY(listing);
        QCOMPARE(listing->tickets.size(), 7);
        service.stop();
    }

    void freshdeskModeStaysUnwrapped()
    {
        SandboxService service;
        QCOMPARE(service.provider(), QStringLiteral("freshdesk"));
        int listLimit = 0;
        auto port = service.start(QHostAddress::LocalHost, 0, 1,
                                  [&listLimit](SandboxHelpdesk &s) { listLimit = s.plan().list; });
        QVERIFY(port);
        QCOMPARE(listLimit, 100);
        const QJsonObject me = agentsMe(*port, service.adminKey());
        QVERIFY(!me.contains(QStringLiteral("agent")));
        QVERIFY(me.value(QStringLiteral("contact")).isObject());
    }

    void refusesAnUnknownProvider()
    {
        SandboxService service(QStringLiteral("zendesk"));
        QVERIFY(!SandboxService::isProvider(QStringLiteral("zendesk")));
        auto port = service.start(QHostAddress::LocalHost, 0, 1);
        QVERIFY(!port);
        QCOMPARE(port.error().kind, Error::Kind::Usage);
        QVERIFY(service.stats().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxService)
#include "tst_sandboxservice.moc"
