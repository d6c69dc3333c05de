#include "helpdesk/freshservice/freshserviceclient.h"
#include "httpprobe.h"
#include "sandbox/sandboxfreshservice.h"
#include "sandbox/sandboxhelpdesk.h"
#include "webhook/webhookserver.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace cb;

// The Freshservice client against the sandbox in Freshservice mode (SandboxFreshservice) over real loopback HTTP.
class TestFreshserviceClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<SandboxHelpdesk> m_sandbox;
    std::unique_ptr<SandboxFreshservice> m_freshservice;
    std::unique_ptr<WebhookServer> m_server;
    quint16 m_port = 0;

    std::unique_ptr<FreshserviceClient> client(const QByteArray &key = "sandbox-admin-key")
    {
        FreshdeskTransport::Options o;
        o.timeoutMs = 2000;
        o.backoffBaseMs = 20;
        o.backoffMaxMs = 100;
        auto d = FreshserviceClient::normaliseDomain(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        return std::make_unique<FreshserviceClient>(&m_nam, *d, key, o);
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxHelpdesk>(&m_nam);
        m_sandbox->setPlan({QStringLiteral("test"), 1000000, 1000000, 1000000, 60000});
        m_freshservice = std::make_unique<SandboxFreshservice>(*m_sandbox);
        m_server = std::make_unique<WebhookServer>(m_freshservice.get());
        m_port = *m_server->listen(QHostAddress::LocalHost, 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_freshservice.reset();
        m_sandbox.reset();
    }

    void domainNormalisation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("base");
        QTest::newRow("bare") << QStringLiteral("acme") << QStringLiteral("https://acme.freshservice.com/api/v2/");
        QTest::newRow("host") << QStringLiteral("Acme.Freshservice.com")
                              << QStringLiteral("https://acme.freshservice.com/api/v2/");
        QTest::newRow("pasted url") << QStringLiteral("https://acme.freshservice.com/a/tickets/12")
                                    << QStringLiteral("https://acme.freshservice.com/api/v2/");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1:8765")
                                  << QStringLiteral("http://127.0.0.1:8765/api/v2/");
        QTest::newRow("http elsewhere") << QStringLiteral("http://acme.freshservice.com") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a domain!") << QString();
    }

    void domainNormalisation()
    {
        QFETCH(QString, input);
        QFETCH(QString, base);
        auto d = FreshserviceClient::normaliseDomain(input);
        if (base.isEmpty()) {
            QVERIFY(!d);
            QCOMPARE(d.error().code, QStringLiteral("invalid_domain"));
            QVERIFY(d.error().message.contains(QLatin1String("Freshservice")));
            return;
        }
        QVERIFY(d);
        QCOMPARE(d->apiBase.toString(), base);
    }

    void sandboxServesFreshserviceShapes()
    {
        m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                          QDateTime::currentDateTimeUtc());
        test::HttpProbe api(m_port);
        const auto one = api.get(QStringLiteral("/api/v2/tickets/1"));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.object().value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toInt(), 1);
        const auto list = api.get(QStringLiteral("/api/v2/tickets?updated_since=2000-01-01T00:00:00Z"));
        QCOMPARE(list.object().value(QStringLiteral("tickets")).toArray().size(), 1);
        const auto me = api.get(QStringLiteral("/api/v2/agents/me")).object().value(QStringLiteral("agent")).toObject();
        QCOMPARE(me.value(QStringLiteral("first_name")).toString(), QStringLiteral("Sandy"));
        const auto requesters = api.get(QStringLiteral("/api/v2/requesters?email=a@x.example"));
        QCOMPARE(requesters.object().value(QStringLiteral("requesters")).toArray().size(), 1);
        const auto filter = api.get(QStringLiteral("/api/v2/tickets/filter?query=%22status:2%22"));
        QCOMPARE(filter.status, 200);
        QVERIFY(filter.object().value(QStringLiteral("tickets")).isArray());
        QCOMPARE(api.get(QStringLiteral("/api/v2/tickets/99")).status, 404);
    }

    void verifiesAdminNonAdminAndBadKey()
    {
        auto admin = QCoro::waitFor(client()->verify());
        QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().toLogString()));
        QVERIFY(admin->isAdmin);
        QCOMPARE(admin->name, QStringLiteral("Sandy Admin"));
        QCOMPARE(admin->email, QStringLiteral("sandy@sandbox.test"));
        QCOMPARE(admin->id, qint64(153022557183));
        auto agent = QCoro::waitFor(client("sandbox-agent-key")->verify());
        QVERIFY(agent);
        QVERIFY(!agent->isAdmin);
        auto bad = QCoro::waitFor(client("wrong-key-XYZ")->verify());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("invalid_credentials"));
        QVERIFY(bad.error().message.contains(QLatin1String("Freshservice")));
        QVERIFY(!bad.error().message.contains(QLatin1String("wrong-key-XYZ")));
    }

    void pagesExactlyWithWrappedBodies()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 250; ++i)
            m_sandbox->account().createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c%1@x.example").arg(i),
                                              now.addSecs(-3600 + i));
        auto c = client();
        int pages = 0;
        auto listing = QCoro::waitFor(c->listTickets({}, [&](const QList<Ticket> &, int) {
            ++pages;
            return true;
        }));
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().toLogString()));
        QCOMPARE(listing->tickets.size(), 250);
        QCOMPARE(listing->calls, 3);
        QCOMPARE(pages, 3);
        QCOMPARE(c->usage().callsByEndpoint.value(QStringLiteral("GET /tickets")), 3);
        for (int i = 1; i < listing->tickets.size(); ++i)
            QVERIFY(listing->tickets.at(i - 1).updatedAt <= listing->tickets.at(i).updatedAt);
        TicketQuery recent;
        recent.updatedSince = now.addSecs(-3600 + 200);
        auto since = QCoro::waitFor(c->listTickets(recent));
        QVERIFY(since);
        QCOMPARE(since->tickets.size(), 50);
    }

    void updatesOnlyTheGivenFieldsAndPostsNotes()
    {
        QJsonObject &t = m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                                           QDateTime::currentDateTimeUtc());
        t.insert(QStringLiteral("priority"), 3);
        auto c = client();
        auto got = QCoro::waitFor(c->getTicket(1));
        QVERIFY(got);
        QCOMPARE(got->subject, QStringLiteral("a"));
        auto updated = QCoro::waitFor(c->updateTicket(1, {{QStringLiteral("status"), 3}}));
        QVERIFY(updated);
        QCOMPARE(updated->status, 3);
        QCOMPARE(updated->priority, 3);
        QCOMPARE(m_sandbox->account().tickets.value(1).value(QStringLiteral("status")).toInt(), 3);
        auto invalid = QCoro::waitFor(c->updateTicket(1, {{QStringLiteral("status"), 99}}));
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code, QStringLiteral("validation_failed"));
        QVERIFY(invalid.error().message.contains(QLatin1String("Freshservice")));
        auto note = QCoro::waitFor(c->addNote(1, QStringLiteral("<p>internal</p>"), true));
        QVERIFY(note && note->isPrivate && note->id > 0);
        auto reply = QCoro::waitFor(c->reply(1, QStringLiteral("<p>hello</p>")));
        QVERIFY(reply && !reply->isPrivate);
        auto conversations = QCoro::waitFor(c->listConversations(1));
        QVERIFY(conversations);
        QCOMPARE(conversations->size(), 2);
        auto missing = QCoro::waitFor(c->getTicket(424242));
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }

    void requestersAndGroups()
    {
        m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("Ann@X.example"),
                                          QDateTime::currentDateTimeUtc());
        auto c = client();
        auto found = QCoro::waitFor(c->findContactByEmail(QStringLiteral("ann@x.example")));
        QVERIFY(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->email, QStringLiteral("ann@x.example"));
        auto none = QCoro::waitFor(c->findContactByEmail(QStringLiteral("nobody@x.example")));
        QVERIFY(none && !none->has_value());
        auto groups = QCoro::waitFor(c->listGroups());
        QVERIFY(groups);
        QCOMPARE(groups->size(), 2);
        QCOMPARE(groups->first().name, QStringLiteral("Support"));
    }
};

QTEST_GUILESS_MAIN(TestFreshserviceClient)
#include "tst_freshserviceclient.moc"
