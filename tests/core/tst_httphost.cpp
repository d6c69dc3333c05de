#include "http/httphost.h"
#include "http/httprequesthandler.h"
#include "rawpeer.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace cb;
using cb::test::RawPeer;
using namespace std::chrono_literals;

namespace {
// Answers after a short asynchronous pause, echoing what it saw.
class EchoHandler final : public HttpRequestHandler
{
public:
    QCoro::Task<HttpResponse> handle(HttpRequest request) override
    {
        co_await QCoro::sleepFor(20ms);
        HttpResponse r =
            HttpResponse::json(request.path == QLatin1String("/missing") ? 404 : 201,
                               QJsonObject{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                                           {QStringLiteral("path"), request.path},
                                           {QStringLiteral("q"), request.query.queryItemValue(QStringLiteral("a"))},
                                           {QStringLiteral("body"), QString::fromUtf8(request.body)},
                                           {QStringLiteral("h"), QString::fromLatin1(request.header("x-TEST"))}});
        r.withHeader("Retry-After", "7");
        co_return r;
    }
};

// "/slow" answers after 200 ms, "/drop" drops the connection, anything else at once; the body names the path.
class PathHandler final : public HttpRequestHandler
{
public:
    QCoro::Task<HttpResponse> handle(HttpRequest request) override
    {
        ++calls;
        if (request.path == QLatin1String("/slow"))
            co_await QCoro::sleepFor(200ms);
        if (request.path == QLatin1String("/drop"))
            co_return HttpResponse::dropConnection();
        co_return HttpResponse::text(200, request.path.toLatin1() + ':' + request.body);
    }
    int calls = 0;
};

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QByteArray contentType;
};

QCoro::Task<Answer> post(QNetworkAccessManager *nam, QUrl url, QByteArray body)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("X-Test", "yes");
    QNetworkReply *reply = co_await nam->post(req, body);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.retryAfter = reply->rawHeader("Retry-After");
    a.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    co_return a;
}
} // namespace

class TestHttpHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesHandlerAnswersOverRealHttp()
    {
        EchoHandler handler;
        HttpHost server(&handler);
        auto port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port && *port > 0);
        QNetworkAccessManager nam;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/x?a=b").arg(*port));
        const Answer a = QCoro::waitFor(post(&nam, url, "{\"k\":1}"));
        QCOMPARE(a.status, 201);
        QCOMPARE(a.retryAfter, QByteArray("7"));
        QVERIFY(a.contentType.startsWith("application/json"));
        const QJsonObject o = QJsonDocument::fromJson(a.body).object();
        QCOMPARE(o[QStringLiteral("method")].toString(), QStringLiteral("POST"));
        QCOMPARE(o[QStringLiteral("path")].toString(), QStringLiteral("/api/x"));
        QCOMPARE(o[QStringLiteral("q")].toString(), QStringLiteral("b"));
        QCOMPARE(o[QStringLiteral("body")].toString(), QStringLiteral("{\"k\":1}"));
        QCOMPARE(o[QStringLiteral("h")].toString(), QStringLiteral("yes"));
        const Answer missing =
            QCoro::waitFor(post(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1/missing").arg(*port)), {}));
        QCOMPARE(missing.status, 404);
    }

    void busyPortIsAClearError()
    {
        EchoHandler handler;
        HttpHost first(&handler);
        auto port = first.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        HttpHost second(&handler);
        auto again = second.listen(QHostAddress::LocalHost, *port);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("listen_failed"));
        QVERIFY(again.error().message.contains(QString::number(*port)));
    }
    void pipelinedAnswersKeepRequestOrder()
    {
        PathHandler handler;
        HttpHost server(&handler);
        auto port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        RawPeer peer(*port, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /fast HTTP/1.1\r\nHost: a\r\n\r\n"
                            "POST /body HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        QVERIFY(peer.waitClosed());
        QCOMPARE(peer.answers(), (QList<int>{200, 200, 200}));
        const QByteArray got = peer.got();
        QVERIFY2(got.indexOf("/slow:") < got.indexOf("/fast:") && got.indexOf("/fast:") < got.indexOf("/body:ok"), got);
        QVERIFY(got.endsWith("/body:ok"));
        QVERIFY(got.contains("Connection: close\r\n"));
    }

    void http10HeadAndExpectContinue()
    {
        PathHandler handler;
        HttpHost server(&handler);
        auto port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        // HTTP/1.0 closes after the answer unless it asks to keep the connection.
        RawPeer once(*port, "GET /a HTTP/1.0\r\n\r\n");
        QVERIFY(once.waitClosed());
        QCOMPARE(once.answers(), QList<int>{200});
        RawPeer kept(*port, "GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(kept.waitAnswers(1));
        QVERIFY(kept.got().contains("Connection: keep-alive\r\n"));
        kept.send("HEAD /b HTTP/1.0\r\n\r\n");
        QVERIFY(kept.waitAnswers(2));
        QVERIFY(kept.waitClosed());
        QVERIFY2(kept.got().endsWith("Content-Length: 3\r\nConnection: close\r\n\r\n"), kept.got()); // no body
        // Expect: 100-continue is answered before the body is sent.
        RawPeer expect(*port, "POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QVERIFY(expect.waitFor("HTTP/1.1 100 Continue\r\n\r\n"));
        QCOMPARE(handler.calls, 3);
        expect.send("data");
        QVERIFY(expect.waitFor("/e:data"));
        QCOMPARE(expect.answers(), (QList<int>{100, 200}));
    }

    void dropAndGracefulClose()
    {
        PathHandler handler;
        HttpHost server(&handler);
        auto port = server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        RawPeer dropped(*port, "GET /drop HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(dropped.waitClosed());
        QVERIFY(dropped.got().isEmpty());
        // Stopping: the request in flight is answered (and told the connection closes), the idle one is closed.
        RawPeer idle(*port, "GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(idle.waitAnswers(1));
        RawPeer inFlight(*port, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return handler.calls == 3; }, RawPeer::kWaitMs));
        server.close();
        QVERIFY(idle.waitClosed());
        QCOMPARE(idle.answers(), QList<int>{200});
        QVERIFY(inFlight.waitClosed());
        QCOMPARE(inFlight.answers(), QList<int>{200});
        QVERIFY(inFlight.got().contains("Connection: close\r\n"));
        QVERIFY(inFlight.got().endsWith("/slow:"));
        RawPeer late(*port, "GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(late.waitClosed());
        QVERIFY(late.answers().isEmpty());
        QCOMPARE(server.connectionCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpHost)
#include "tst_httphost.moc"
