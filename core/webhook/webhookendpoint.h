#pragma once

#include "common/result.h"
#include "http/httphost.h"
#include "webhook/receiveroptions.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace cb {

class Clock;
class Database;
class WebhookReceiver;

// The receiver as it runs: a WebhookReceiver behind its own HttpHost, created and listening in the calling
// thread (the sync thread). Owned by whoever started it; destroying it closes the port.
class WebhookEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookEndpoint)

public:
    static Result<std::unique_ptr<WebhookEndpoint>> start(Database &db, const Clock &clock, ReceiverOptions options,
                                                          const QString &listen,
                                                          const std::optional<HttpHost::TlsFiles> &tls = {});
    ~WebhookEndpoint() override;

    // "127.0.0.1:8780", "[::1]:8780", "0.0.0.0:0" → address and port; a clear error otherwise.
    static Result<QPair<QHostAddress, quint16>> parseListen(const QString &listen);

    WebhookReceiver &receiver() { return *m_receiver; }
    HttpHost &server() { return *m_server; }
    quint16 port() const;
    QString baseUrl() const; // http(s)://ADDR:PORT

private:
    WebhookEndpoint() = default;

    WebhookReceiver *m_receiver = nullptr;
    HttpHost *m_server = nullptr;
    QHostAddress m_address;
    bool m_tls = false;
};

} // namespace cb
