#include "webhook/httprequesthandler.h"
#include "webhook/webhookserver.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace cb;
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

class TestWebhookServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesHandlerAnswersOverRealHttp()
    {
        EchoHandler handler;
        WebhookServer server(&handler);
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
        WebhookServer first(&handler);
        auto port = first.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        WebhookServer second(&handler);
        auto again = second.listen(QHostAddress::LocalHost, *port);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("listen_failed"));
        QVERIFY(again.error().message.contains(QString::number(*port)));
    }
};

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
