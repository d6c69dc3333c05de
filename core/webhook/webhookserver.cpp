#include "webhookserver.h"

#include "common/logging.h"
#include "webhook/httprequesthandler.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

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

// Looks at each new request's header block as it arrives (before QHttpServer buffers the body) and answers 413
// at once when its Content-Length is over the limit; the connection is then closed without reading the body.
class EarlyLimitServer final : public QTcpServer
{
public:
    explicit EarlyLimitServer(const qint64 *maxBody, QObject *parent)
        : QTcpServer(parent)
        , m_maxBody(maxBody)
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        // Connected before QHttpServer's own slot, so it runs first on every readyRead.
        connect(socket, &QIODevice::readyRead, socket, [this, socket] { inspect(socket); });
        addPendingConnection(socket);
    }

private:
    void inspect(QTcpSocket *socket)
    {
        if (*m_maxBody <= 0)
            return;
        const QByteArray head = socket->peek(8192);
        if (!(head.startsWith("POST ") || head.startsWith("PUT ") || head.startsWith("PATCH ")))
            return;
        const qsizetype end = head.indexOf("\r\n\r\n");
        const QByteArray headers = (end < 0 ? head : head.left(end)).toLower();
        const qsizetype at = headers.indexOf("\r\ncontent-length:");
        if (at < 0)
            return;
        const qsizetype eol = headers.indexOf("\r\n", at + 2);
        bool ok = false;
        const qint64 length = headers.mid(at + 17, eol < 0 ? -1 : eol - at - 17).trimmed().toLongLong(&ok);
        if (!ok || length <= *m_maxBody)
            return;
        QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr); // QHttpServer never sees it
        const QByteArray body = QByteArrayLiteral("{\"error\":\"too_large\",\"message\":\"The body is larger than ") +
                                QByteArray::number(*m_maxBody) +
                                QByteArrayLiteral(" bytes; send only the ticket fields.\"}");
        socket->write(QByteArrayLiteral("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                                        "Connection: close\r\nContent-Length: ") +
                      QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
        socket->flush();
        connect(socket, &QIODevice::readyRead, socket, [socket] { socket->readAll(); }); // drain, don't reset
        QTimer::singleShot(2000, socket, [socket] { socket->disconnectFromHost(); });
        socket->readAll();
    }

    const qint64 *m_maxBody;
};

Result<QSslConfiguration> tlsConfiguration(const WebhookServer::TlsFiles &tls)
{
    QFile certFile(tls.certificatePath);
    QFile keyFile(tls.keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("Cannot read the TLS certificate or key file; check both paths."));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The TLS certificate or key is not a PEM certificate and unencrypted RSA or "
                                          "EC key."));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

} // namespace

struct WebhookServer::Private
{
    HttpRequestHandler *handler = nullptr;
    QHttpServer server;
    QTcpServer *tcp = nullptr;
    qint64 maxBody = 0;
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

void WebhookServer::setMaxBodyBytes(qint64 bytes)
{
    d->maxBody = bytes;
}

Result<quint16> WebhookServer::listen(const QHostAddress &address, quint16 port, const std::optional<TlsFiles> &tls)
{
    QTcpServer *tcp = nullptr;
    if (tls) {
        auto config = tlsConfiguration(*tls);
        if (!config)
            return config.error();
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*config);
        tcp = ssl;
    } else {
        tcp = new EarlyLimitServer(&d->maxBody, this);
    }
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
