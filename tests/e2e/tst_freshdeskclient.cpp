#include "helpdesk/freshdesk/freshdeskclient.h"
#include "http/httphost.h"
#include "sandbox/sandboxhelpdesk.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace cb;

namespace {
class GarbageHandler final : public HttpRequestHandler
{
public:
    QCoro::Task<HttpResponse> handle(HttpRequest) override
    {
        co_return HttpResponse::text(200, "<html>not json", "application/json");
    }
};
// Forwards to the sandbox and notes when each request arrived and how it was answered.
class TimingHandler final : public HttpRequestHandler
{
public:
    explicit TimingHandler(HttpRequestHandler *inner)
        : m_inner(inner)
    {}
    struct Seen
    {
        qint64 arrivedMs;
        qint64 answeredMs;
        int status;
        int retryAfter;
    };
    QList<Seen> seen;

    QCoro::Task<HttpResponse> handle(HttpRequest request) override
    {
        const qint64 arrived = QDateTime::currentMSecsSinceEpoch();
        HttpResponse r = co_await m_inner->handle(std::move(request));
        int retryAfter = 0;
        for (const auto &h : std::as_const(r.headers))
            if (h.first.compare("Retry-After", Qt::CaseInsensitive) == 0)
                retryAfter = h.second.toInt();
        seen.append({arrived, QDateTime::currentMSecsSinceEpoch(), r.status, retryAfter});
        co_return r;
    }

private:
    HttpRequestHandler *m_inner;
};
} // namespace

// The Freshdesk client against the sandbox helpdesk over real loopback HTTP.
class TestFreshdeskClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<SandboxHelpdesk> m_sandbox;
    std::unique_ptr<HttpHost> m_server;
    quint16 m_port = 0;

    std::unique_ptr<FreshdeskClient> client(const QByteArray &key = "sandbox-admin-key",
                                            FreshworksTransport::Options o = fast())
    {
        auto d = FreshdeskDomain::normalise(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        return std::make_unique<FreshdeskClient>(&m_nam, *d, key, o);
    }

    static FreshworksTransport::Options fast()
    {
        FreshworksTransport::Options o;
        o.timeoutMs = 2000;
        o.backoffBaseMs = 20;
        o.backoffMaxMs = 100;
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxHelpdesk>(&m_nam);
        m_sandbox->setPlan({QStringLiteral("test"), 1000000, 1000000, 1000000, 60000});
        m_server = std::make_unique<HttpHost>(m_sandbox.get());
        m_port = *m_server->listen(QHostAddress::LocalHost, 0);
    }

    void domainNormalisation_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("base");
        QTest::newRow("bare") << QStringLiteral("acme") << QStringLiteral("https://acme.freshdesk.com/api/v2/");
        QTest::newRow("host") << QStringLiteral("Acme.Freshdesk.com")
                              << QStringLiteral("https://acme.freshdesk.com/api/v2/");
        QTest::newRow("pasted url") << QStringLiteral("https://acme.freshdesk.com/a/tickets/12")
                                    << QStringLiteral("https://acme.freshdesk.com/api/v2/");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1:8765")
                                  << QStringLiteral("http://127.0.0.1:8765/api/v2/");
        QTest::newRow("http loopback") << QStringLiteral("http://localhost:9")
                                       << QStringLiteral("http://localhost:9/api/v2/");
        QTest::newRow("http elsewhere") << QStringLiteral("http://acme.freshdesk.com") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a domain!") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void domainNormalisation()
    {
        QFETCH(QString, input);
        QFETCH(QString, base);
        auto d = FreshdeskDomain::normalise(input);
        if (base.isEmpty()) {
            QVERIFY(!d);
            QCOMPARE(d.error().kind, Error::Kind::Usage);
        } else {
            QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
            QCOMPARE(d->apiBase.toString(), base);
        }
    }

    void verifyTellsAdminsAgentsAndStrangersApart()
    {
        auto admin = QCoro::waitFor(client()->verify());
        QVERIFY(admin);
        QVERIFY(admin->isAdmin);
        QCOMPARE(admin->name, QStringLiteral("Sandy Admin"));
        QCOMPARE(admin->id, qint64(153022557183));
        auto agent = QCoro::waitFor(client("sandbox-agent-key")->verify());
        QVERIFY(agent);
        QVERIFY(!agent->isAdmin);
        auto bad = QCoro::waitFor(client("wrong-key-XYZ")->verify());
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("invalid_credentials"));
        QVERIFY(!bad.error().message.contains(QLatin1String("wrong-key-XYZ")));
        QVERIFY(!bad.error().detail.contains(QLatin1String("wrong-key-XYZ")));
        m_server->close();
        QNetworkAccessManager fresh; // no kept-alive connection to the closed server
        auto gone = QCoro::waitFor(
            FreshdeskClient(&fresh, *FreshdeskDomain::normalise(QStringLiteral("127.0.0.1:%1").arg(m_port)),
                            "sandbox-admin-key", fast())
                .verify());
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, QStringLiteral("unknown_domain"));
    }

    void pagesExactlyAndStopsWithoutLink()
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
        QVERIFY(listing);
        QCOMPARE(listing->tickets.size(), 250);
        QCOMPARE(listing->calls, 3);
        QCOMPARE(pages, 3);
        QCOMPARE(c->usage().callsByEndpoint.value(QStringLiteral("GET /tickets")), 3);
        // all time: a ticket created a year ago is listed too (no 30-day default window)
        m_sandbox->account().createTicket(QStringLiteral("old"), QStringLiteral("old@x.example"), now.addDays(-365));
        QCOMPARE(QCoro::waitFor(client()->listTickets({}))->tickets.size(), 251);
    }

    // A list leaves descriptions out unless asked; asked with two includes (sent as "requester%2Cdescription", as
    // Freshdesk decodes it), every ticket has its description and its requester.
    void listsDescriptionsWhenAsked()
    {
        m_sandbox->account().createTicket(QStringLiteral("Printer jams"), QStringLiteral("jo@x.example"),
                                          QDateTime::currentDateTimeUtc());
        auto bare = QCoro::waitFor(client()->listTickets({}));
        QVERIFY(bare);
        QCOMPARE(bare->tickets.size(), 1);
        QVERIFY(bare->tickets.first().descriptionText.isEmpty());
        TicketQuery asked;
        asked.include = {QStringLiteral("requester"), QStringLiteral("description")};
        auto listing = QCoro::waitFor(client()->listTickets(asked));
        QVERIFY2(listing, listing ? "" : qPrintable(listing.error().message));
        QCOMPARE(listing->tickets.first().descriptionText, QStringLiteral("Printer jams"));
    }

    void listsMoreThan30000TicketsPastThePageCap()
    {
        m_sandbox->account().seed(31000, 5);
        auto c = client();
        auto listing = QCoro::waitFor(c->listTickets({}));
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().toLogString()));
        QCOMPARE(listing->tickets.size(), 31000);
        QSet<qint64> ids;
        for (const Ticket &t : std::as_const(listing->tickets))
            ids.insert(t.id);
        QCOMPARE(ids.size(), 31000);
        QVERIFY2(listing->calls <= 310 + 3, qPrintable(QString::number(listing->calls)));
    }

    void honoursRetryAfter()
    {
        m_sandbox->setPlan({QStringLiteral("tiny"), 2, 2, 2, 1500});
        m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                          QDateTime::currentDateTimeUtc());
        auto c = client();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3; ++i)
            QVERIFY(QCoro::waitFor(c->getTicket(1)));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed()))); // waited Retry-After (1 s)
    }

    void oneRateLimitGatePerAccount()
    {
        // Two requests a 1.5 s window; requests start staggered, from two clients of the same account. After the
        // first 429 nothing may arrive before its Retry-After instant (each client waiting only for its own 429
        // would send in between).
        m_sandbox->setPlan({QStringLiteral("tiny"), 2, 2, 2, 1500});
        m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                          QDateTime::currentDateTimeUtc());
        TimingHandler timing(m_sandbox.get());
        HttpHost server(&timing);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        auto d = FreshdeskDomain::normalise(QStringLiteral("http://127.0.0.1:%1").arg(port));
        FreshdeskClient first(&m_nam, *d, "sandbox-admin-key", fast());
        FreshdeskClient second(&m_nam, *d, "sandbox-admin-key", fast());
        int done = 0;
        int ok = 0;
        for (int i = 0; i < 6; ++i) {
            FreshdeskClient *c = i % 2 ? &second : &first;
            QTimer::singleShot(i * 250, this, [c, &done, &ok] {
                [](FreshdeskClient *client, int *doneCount, int *okCount) -> QCoro::Task<> {
                    auto t = co_await client->getTicket(1);
                    ++*doneCount;
                    if (t)
                        ++*okCount;
                }(c, &done, &ok);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 6, 20000);
        QCOMPARE(ok, 6);
        int refusals = 0;
        for (const auto &r : std::as_const(timing.seen)) {
            if (r.status != 429)
                continue;
            ++refusals;
            const qint64 openAt = r.answeredMs + qint64(r.retryAfter) * 1000;
            for (const auto &later : std::as_const(timing.seen))
                QVERIFY2(later.arrivedMs <= r.answeredMs + 5 || later.arrivedMs >= openAt - 20,
                         qPrintable(QStringLiteral("a request arrived %1 ms after a 429 that asked for %2 s")
                                        .arg(later.arrivedMs - r.answeredMs)
                                        .arg(r.retryAfter)));
        }
        QVERIFY(refusals >= 1);
    }

    void retriesServerErrorsThenGivesUpClearly()
    {
        m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                          QDateTime::currentDateTimeUtc());
        m_sandbox->addFault({"GET", QStringLiteral("/api/v2/tickets/1"), 503, 1.0, 0});
        auto c = client();
        auto r = QCoro::waitFor(c->getTicket(1));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("server_error"));
        QCOMPARE(c->usage().totalCalls, qint64(fast().maxAttempts));
        m_sandbox->clearFaults();
        m_sandbox->addFault({"GET", QStringLiteral("/api/v2/tickets/1"), 200, 0.0, 3000}); // slower than the timeout
        auto slow = QCoro::waitFor(client()->getTicket(1));
        QVERIFY(!slow);
        QCOMPARE(slow.error().code, QStringLiteral("timeout"));
    }

    void malformedJsonIsAClearError()
    {
        GarbageHandler garbage;
        HttpHost server(&garbage);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        auto d = FreshdeskDomain::normalise(QStringLiteral("127.0.0.1:%1").arg(port));
        FreshdeskClient c(&m_nam, *d, "k", fast());
        auto r = QCoro::waitFor(c.verify());
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("invalid_response"));
    }

    void updatesOnlyTheGivenFieldsAndPostsNotes()
    {
        QJsonObject &t = m_sandbox->account().createTicket(QStringLiteral("a"), QStringLiteral("a@x.example"),
                                                           QDateTime::currentDateTimeUtc());
        t.insert(QStringLiteral("priority"), 3);
        auto c = client();
        auto updated = QCoro::waitFor(c->updateTicket(1, {{QStringLiteral("status"), 3}}));
        QVERIFY(updated);
        QCOMPARE(updated->status, 3);
        QCOMPARE(updated->priority, 3);
        auto invalid =
            QCoro::waitFor(c->updateTicket(1, {{QStringLiteral("status"), 99}, {QStringLiteral("spam"), true}}));
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code, QStringLiteral("validation_failed"));
        QVERIFY(invalid.error().message.contains(QLatin1String("status")));
        QVERIFY(invalid.error().message.contains(QLatin1String("spam")));
        auto note = QCoro::waitFor(c->addNote(1, QStringLiteral("<p>internal</p>"), true));
        QVERIFY(note && note->isPrivate);
        auto reply = QCoro::waitFor(c->reply(1, QStringLiteral("<p>hello</p>")));
        QVERIFY(reply && !reply->isPrivate);
        auto conversations = QCoro::waitFor(c->listConversations(1));
        QCOMPARE(conversations->size(), 2);
        auto missing = QCoro::waitFor(c->getTicket(424242));
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFreshdeskClient)
#include "tst_freshdeskclient.moc"
