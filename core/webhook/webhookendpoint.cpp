#include "webhookendpoint.h"

#include "webhook/webhookreceiver.h"

namespace cb {

WebhookEndpoint::~WebhookEndpoint()
{
    if (m_server)
        m_server->close();
}

Result<QPair<QHostAddress, quint16>> WebhookEndpoint::parseListen(const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const int port = listen.mid(colon + 1).toInt(&ok);
    const QHostAddress address(host);
    if (colon <= 0 || address.isNull() || !ok || port < 0 || port > 65535)
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("'%1' is not ADDR:PORT; write e.g. 127.0.0.1:8780.").arg(listen));
    return QPair<QHostAddress, quint16>{address, quint16(port)};
}

Result<std::unique_ptr<WebhookEndpoint>> WebhookEndpoint::start(Database &db, const Clock &clock,
                                                                ReceiverOptions options, const QString &listen,
                                                                const std::optional<HttpHost::TlsFiles> &tls)
{
    auto where = parseListen(listen);
    if (!where)
        return where.error();
    std::unique_ptr<WebhookEndpoint> endpoint(new WebhookEndpoint);
    const qint64 maxBody = options.maxBodyBytes;
    endpoint->m_receiver = new WebhookReceiver(db, clock, std::move(options), endpoint.get());
    endpoint->m_server = new HttpHost(endpoint->m_receiver, endpoint.get());
    endpoint->m_server->setMaxBodyBytes(maxBody);
    endpoint->m_address = where->first;
    endpoint->m_tls = tls.has_value();
    auto bound = endpoint->m_server->listen(where->first, where->second, tls);
    if (!bound)
        return bound.error();
    return endpoint;
}

quint16 WebhookEndpoint::port() const
{
    return m_server ? m_server->port() : 0;
}

QString WebhookEndpoint::baseUrl() const
{
    QString host = m_address.toString();
    if (m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    if (m_address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return (m_tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + QLatin1Char(':') +
           QString::number(port());
}

} // namespace cb
