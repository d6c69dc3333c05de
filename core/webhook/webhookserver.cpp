#include "webhookserver.h"

#include "common/logging.h"
#include "webhook/httprequesthandler.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace cb {

HttpRequestHandler::~HttpRequestHandler() = default;

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

HttpRequest copyRequest(const QHttpServerRequest &r)
{
    HttpRequest out;
    out.method = methodName(r.method());
    out.url = r.url();
    out.path = r.url().path();
    out.query = r.query();
    for (const auto &h : r.headers())
        out.headers.append({h.first, h.second});
    out.body = r.body();
    out.remoteAddress = r.remoteAddress();
    return out;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
using ResponderRef = QHttpServerResponder &;
#else
using ResponderRef = QHttpServerResponder &&;
#endif

QCoro::Task<> serve(HttpRequestHandler *handler, HttpRequest request, QHttpServerResponder responder)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // 6.4 holds a raw socket pointer: check the client is still there before writing (qt-stack.md §1.4).
    QPointer<QTcpSocket> socket = responder.socket();
#endif
    const HttpResponse answer = co_await handler->handle(std::move(request));
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        co_return;
    if (answer.dropsConnection()) {
        socket->abort();
        co_return;
    }
#else
    if (answer.dropsConnection()) {
        responder.write(QHttpServerResponder::StatusCode::ServiceUnavailable); // 6.5+ offers no socket to drop
        co_return;
    }
#endif
    QHttpServerResponse response(answer.contentType.isEmpty() ? QByteArrayLiteral("text/plain") : answer.contentType,
                                 answer.body, QHttpServerResponse::StatusCode(answer.status));
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    for (const auto &h : answer.headers)
        response.addHeader(h.first, h.second);
#else
    QHttpHeaders headers = response.headers();
    for (const auto &h : answer.headers)
        headers.append(h.first, h.second);
    response.setHeaders(std::move(headers));
#endif
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    response.write(std::move(responder));
#else
    responder.sendResponse(response);
#endif
}

} // namespace

struct WebhookServer::Private
{
    HttpRequestHandler *handler = nullptr;
    QHttpServer server;
    QTcpServer *tcp = nullptr;
};

WebhookServer::WebhookServer(HttpRequestHandler *handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->handler = handler;
    d->server.setParent(this); // moves with the WebhookServer if it ever changes thread
    // Every request, whatever its path or method, goes to the handler (routing is the handler's business).
    d->server.setMissingHandler([this](const QHttpServerRequest &request, ResponderRef responder) {
        serve(d->handler, copyRequest(request), std::move(responder));
    });
}

WebhookServer::~WebhookServer() = default;

Result<quint16> WebhookServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        Error e = Error::make(Error::Kind::Unavailable,
                              QStringLiteral("Cannot listen on %1:%2 (%3); choose another address or port.")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(why));
        e.code = QStringLiteral("listen_failed");
        return e;
    }
    d->server.bind(tcp);
    d->tcp = tcp;
    qCInfo(lcWebhook) << "listening on" << address.toString() << tcp->serverPort();
    return tcp->serverPort();
}

quint16 WebhookServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

void WebhookServer::close()
{
    if (d->tcp)
        d->tcp->close();
}

} // namespace cb
