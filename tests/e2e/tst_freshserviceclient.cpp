#include "helpdesk/freshdesk/freshdeskjson.h"
#include "helpdesk/freshservice/freshserviceclient.h"
#include "helpdesk/freshservice/freshservicejson.h"
#include "http/httphost.h"
#include "http/httprequesthandler.h"
#include "httpprobe.h"
#include "sandbox/sandboxfreshservice.h"
#include "sandbox/sandboxhelpdesk.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

#include <algorithm>

using namespace cb;

namespace {
// An account that documents only order_type for its ticket list, and refuses order_by as Freshworks refuses an
// unknown query field.
class RefusesOrderBy final : public HttpRequestHandler
{
public:
    explicit RefusesOrderBy(HttpRequestHandler &inner)
        : m_inner(inner)
    {}
    QCoro::Task<HttpResponse> handle(HttpRequest request) override
    {
        if (request.query.hasQueryItem(QStringLiteral("order_by"))) {
            ++refused;
            const QJsonObject error{{QStringLiteral("field"), QStringLiteral("order_by")},
                                    {QStringLiteral("message"), QStringLiteral("Unexpected/invalid field in request")},
                                    {QStringLiteral("code"), QStringLiteral("invalid_field")}};
            co_return HttpResponse::json(
                400, QJsonObject{{QStringLiteral("description"), QStringLiteral("Validation failed")},
                                 {QStringLiteral("errors"), QJsonArray{error}}});
        }
        co_return co_await m_inner.handle(std::move(request));
    }
    int refused = 0;

private:
    HttpRequestHandler &m_inner;
};

// An account without /agents/me (Freshservice does not document it): 404 there, the rest as usual.
class WithoutAgentsMe final : public HttpRequestHandler
{
public:
    explicit WithoutAgentsMe(HttpRequestHandler &inner)
        : m_inner(inner)
    {}
    QCoro::Task<HttpResponse> handle(HttpRequest request) override
    {
        if (request.path == QLatin1String("/api/v2/agents/me"))
            co_return HttpResponse::empty(404);
        co_return co_await m_inner.handle(std::move(request));
    }

private:
    HttpRequestHandler &m_inner;
};
} // namespace

// The Freshservice client against the sandbox in Freshservice mode (SandboxFreshservice) over real loopback HTTP.
class TestFreshserviceClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<SandboxHelpdesk> m_sandbox;
    std::unique_ptr<SandboxFreshservice> m_freshservice;
    std::unique_ptr<HttpHost> m_server;
    quint16 m_port = 0;
    struct NothingHere final : HttpRequestHandler
    {
        QCoro::Task<HttpResponse> handle(HttpRequest) override { co_return HttpResponse::empty(404); }
    } m_nothing;

    std::unique_ptr<FreshserviceClient> client(const QByteArray &key = "sandbox-admin-key")
    {
        FreshworksTransport::Options o;
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
        m_server = std::make_unique<HttpHost>(m_freshservice.get());
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
        // Agents are not requesters in Freshservice: an agent's address is found among the agents.
        auto agent = QCoro::waitFor(c->findContactByEmail(QStringLiteral("sandy@sandbox.test")));
        QVERIFY(agent && agent->has_value());
        QCOMPARE((*agent)->id, m_sandbox->account().adminId);
        QCOMPARE((*agent)->name, QStringLiteral("Sandy Admin"));
    }

    void ticketsCarryFreshserviceSourcesAndFields()
    {
        QJsonObject &chat = m_sandbox->account().createTicket(QStringLiteral("chat"), QStringLiteral("a@x.example"),
                                                              QDateTime::currentDateTimeUtc());
        chat.insert(QStringLiteral("source"), 7); // Freshdesk's chat: Freshservice numbers it 4
        chat.insert(QStringLiteral("company_id"), 77);
        chat.insert(QStringLiteral("priority"), 4);
        auto c = client();
        auto got = QCoro::waitFor(c->getTicket(1));
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toLogString()));
        QCOMPARE(got->source, 4);
        QCOMPARE(got->channel, QStringLiteral("chat"));
        QCOMPARE(got->companyId, std::optional<qint64>(77)); // department_id
        QCOMPARE(got->providerFields.value(QStringLiteral("urgency")).toInt(), 3);
        QVERIFY(got->providerFields.value(QStringLiteral("impact")).toInt() >= 1);
        QCOMPARE(got->providerFields.value(QStringLiteral("department_id")).toInteger(), 77);
        QVERIFY(!got->raw.contains(QStringLiteral("company_id")));
        auto listed = QCoro::waitFor(c->listTickets({}));
        QVERIFY(listed);
        QCOMPARE(listed->tickets.constFirst().channel, QStringLiteral("chat"));
        QCOMPARE(FreshserviceJson::channelOf(10), QStringLiteral("slack"));
        QCOMPARE(FreshserviceJson::channelOf(9), QStringLiteral("walkup"));
        QCOMPARE(FreshdeskJson::channelOf(10), QStringLiteral("outbound_email"));
        QCOMPARE(FreshserviceJson::channelOf(42), QStringLiteral("source-42"));
    }

    void statusFilterUsesTheFilterEndpointAndLooksUpRequesters()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        SandboxAccount &account = m_sandbox->account();
        for (int i = 0; i < 120; ++i)
            account.createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c%1@x.example").arg(i % 4),
                                 now.addSecs(-7200 + i));
        for (qint64 id : {5, 6, 7, 8, 9, 10, 11})
            account.tickets[id].insert(QStringLiteral("status"), 3);
        account.tickets[11].insert(QStringLiteral("requester_id"), account.agentId); // an agent raised it
        auto c = client();
        TicketQuery pending;
        pending.statuses = {3};
        pending.updatedSince = now.addDays(-1);
        auto listing = QCoro::waitFor(c->listTickets(pending));
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().toLogString()));
        QCOMPARE(listing->tickets.size(), 7);
        for (const Ticket &t : std::as_const(listing->tickets)) {
            QCOMPARE(t.status, 3);
            QVERIFY2(!t.requesterEmail.isEmpty(), qPrintable(QString::number(t.id)));
        }
        const QHash<QString, qint64> calls = c->usage().callsByEndpoint;
        QCOMPARE(calls.value(QStringLiteral("GET /tickets/filter")), 1);
        QCOMPARE(calls.value(QStringLiteral("GET /tickets")), 0);
        // Four distinct requesters among tickets 5-10, and the agent behind ticket 11 (a 404 among requesters
        // first): each looked up once.
        QCOMPARE(calls.value(QStringLiteral("GET /requesters/{id}")), 5);
        QCOMPARE(calls.value(QStringLiteral("GET /agents/{id}")), 1);
        QCOMPARE(listing->calls, 7);
        const auto byAgent = std::find_if(listing->tickets.cbegin(), listing->tickets.cend(),
                                          [](const Ticket &t) { return t.id == 11; });
        QVERIFY(byAgent != listing->tickets.cend());
        QCOMPARE(byAgent->requesterEmail, account.agents.value(account.agentId)
                                              .value(QStringLiteral("contact"))
                                              .toObject()
                                              .value(QStringLiteral("email"))
                                              .toString());
        // The instant matters, not only the day the filter compares.
        TicketQuery later = pending;
        later.updatedSince = now.addSecs(-7200 + 8);
        auto fewer = QCoro::waitFor(c->listTickets(later));
        QVERIFY(fewer);
        QCOMPARE(fewer->tickets.size(), 3); // tickets 9, 10 and 11; 5-8 were updated earlier that day
    }

    void refusedFilterOrLookupsDoNotStopTheImport()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i)
            m_sandbox->account().createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c%1@x.example").arg(i),
                                              now.addSecs(-60 + i));
        m_sandbox->account().tickets[2].insert(QStringLiteral("status"), 3);
        TicketQuery pending;
        pending.statuses = {3};
        // Requester lookups failing: the ticket still comes, without the requester's address.
        m_sandbox->addFault({"GET", QStringLiteral("/api/v2/contacts/"), 500, 1.0, 0});
        auto c = client();
        auto filtered = QCoro::waitFor(c->listTickets(pending));
        QVERIFY2(filtered, qPrintable(filtered ? QString() : filtered.error().toLogString()));
        QCOMPARE(filtered->tickets.size(), 1);
        QCOMPARE(filtered->tickets.constFirst().id, 2);
        QVERIFY(filtered->tickets.constFirst().requesterEmail.isEmpty());
        QCOMPARE(filtered->tickets.constFirst().requesterId,
                 m_sandbox->account().tickets.value(2).value(QStringLiteral("requester_id")).toInteger());
        // No filter endpoint at all (404): the listing serves, and the caller filters.
        m_sandbox->clearFaults();
        m_sandbox->addFault({"GET", QStringLiteral("/api/v2/search/tickets"), 404, 1.0, 0});
        auto c2 = client();
        auto listed = QCoro::waitFor(c2->listTickets(pending));
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().toLogString()));
        QCOMPARE(listed->tickets.size(), 5);
        QCOMPARE(listed->calls, 2);
        QCOMPARE(c2->usage().callsByEndpoint.value(QStringLiteral("GET /tickets")), 1);
    }

    void verifiesThroughRolesWhereAgentsMeIsMissing()
    {
        WithoutAgentsMe account(*m_freshservice);
        HttpHost server(&account);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        const auto verify = [&](const QByteArray &key) {
            auto d = FreshserviceClient::normaliseDomain(QStringLiteral("http://127.0.0.1:%1").arg(port));
            FreshserviceClient c(&m_nam, *d, key, {});
            return QCoro::waitFor(c.verify());
        };
        auto admin = verify("sandbox-admin-key");
        QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().toLogString()));
        QVERIFY(admin->isAdmin);
        auto agent = verify("sandbox-agent-key");
        QVERIFY(agent);
        QVERIFY(!agent->isAdmin);
        auto bad = verify("wrong-key-XYZ");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("invalid_credentials"));
        // Nothing answers at all: still an unknown domain, not a key problem.
        HttpHost nothing(&m_nothing);
        const quint16 empty = *nothing.listen(QHostAddress::LocalHost, 0);
        auto d = FreshserviceClient::normaliseDomain(QStringLiteral("http://127.0.0.1:%1").arg(empty));
        FreshserviceClient c(&m_nam, *d, "sandbox-admin-key", {});
        auto none = QCoro::waitFor(c.verify());
        QVERIFY(!none);
        QCOMPARE(none.error().code, QStringLiteral("unknown_domain"));
    }

    void listsWithoutOrderByWhenTheAccountRefusesIt()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 150; ++i)
            m_sandbox->account().createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c@x.example"),
                                              now.addSecs(-3600 + i));
        RefusesOrderBy strict(*m_freshservice);
        HttpHost server(&strict);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        FreshworksTransport::Options o;
        o.timeoutMs = 2000;
        auto d = FreshserviceClient::normaliseDomain(QStringLiteral("http://127.0.0.1:%1").arg(port));
        FreshserviceClient c(&m_nam, *d, "sandbox-admin-key", o);
        auto listing = QCoro::waitFor(c.listTickets({}));
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().toLogString()));
        QCOMPARE(listing->tickets.size(), 150);
        QCOMPARE(strict.refused, 1); // asked once, then never again
        QCOMPARE(listing->calls, 3);
    }

    void broadStatusFilterFallsBackToTheListing()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 310; ++i)
            m_sandbox->account().createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c@x.example"),
                                              now.addSecs(-3600 + i));
        auto c = client();
        TicketQuery open;
        open.statuses = {2};
        auto listing = QCoro::waitFor(c->listTickets(open));
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().toLogString()));
        QCOMPARE(listing->tickets.size(), 310); // more than the filter's 10 pages of 30: listed instead
        QCOMPARE(c->usage().callsByEndpoint.value(QStringLiteral("GET /tickets/filter")), 1);
        QCOMPARE(c->usage().callsByEndpoint.value(QStringLiteral("GET /tickets")), 4);
        QCOMPARE(listing->calls, 5);
    }
};

QTEST_GUILESS_MAIN(TestFreshserviceClient)
#include "tst_freshserviceclient.moc"
