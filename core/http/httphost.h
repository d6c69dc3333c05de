#pragma once

#include "common/result.h"
#include "http/httplimits.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace cb {

class HttpConnection;
class HttpRequestHandler;

// The project's HTTP/1.1 host (a strict one of its own: Qt 6.4's QHttpServer has no head limits, timeouts,
// connection caps or ordered pipelining). It listens in the thread that owns it, reads each request through an
// HttpConnection (one request at a time, within HttpLimits), hands it to an HttpRequestHandler and writes the
// answer once the handler's coroutine is done — if the client is still there. Caps connections in total and per
// client address; at a cap the slowest unfinished or idle connection is shed, never one whose request is being
// served. Hosts the webhook receiver and, in its own instance, the sandbox helpdesk.
class HttpHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpHost)

public:
    explicit HttpHost(HttpRequestHandler *handler, QObject *parent = nullptr);
    ~HttpHost() override;

    struct TlsFiles
    {
        QString certificatePath; // PEM
        QString keyPath;         // PEM, unencrypted
    };

    // Binds address:port (port 0 = any free port) and returns the bound port; HTTPS when `tls` is given.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const std::optional<TlsFiles> &tls = {});
    // Requests announcing a Content-Length over this are answered 413 from their head, before the body is read.
    // 0 keeps HttpLimits' default ceiling.
    void setMaxBodyBytes(qint64 bytes);
    // Before listen(); connections already open keep the limits they started with.
    void setLimits(const HttpLimits &limits);
    HttpLimits limits() const;
    // Connections open now, and the total cap in force (HttpLimits::maxConnections within the open-file limit).
    int connectionCount() const;
    int connectionCap() const;
    quint16 port() const;
    // Stops accepting; idle connections close now, requests in flight are answered (Connection: close) first.
    void close();

private:
    void accept(qintptr descriptor);
    bool shedSlowest(const QHostAddress *client);
    void adopt(HttpConnection *connection);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cb
