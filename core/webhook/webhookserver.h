#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace cb {

class HttpRequestHandler;

// The one place that includes QHttpServer: it listens (in the thread that owns it), copies every request out
// of the server, hands it to an HttpRequestHandler, and writes the answer once the handler's coroutine is done
// — if the client is still there. Hosts the webhook receiver and, in its own instance, the sandbox helpdesk.
class WebhookServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookServer)

public:
    explicit WebhookServer(HttpRequestHandler *handler, QObject *parent = nullptr);
    ~WebhookServer() override;

    struct TlsFiles
    {
        QString certificatePath; // PEM
        QString keyPath;         // PEM, unencrypted
    };

    // Binds address:port (port 0 = any free port) and returns the bound port; HTTPS when `tls` is given.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const std::optional<TlsFiles> &tls = {});
    // Requests announcing a Content-Length over this are answered 413 from their headers, before the body is read
    // (plain HTTP; 6.4 buffers whole bodies before any handler runs). 0 = no early check.
    void setMaxBodyBytes(qint64 bytes);
    quint16 port() const;
    void close();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cb
