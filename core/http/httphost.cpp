#include "httphost.h"

#include "common/logging.h"
#include "http/httpconnection.h"
#include "http/httprequesthandler.h"

#include <QFile>
#include <QHash>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <sys/resource.h>
#include <unistd.h>

namespace cb {

HttpRequestHandler::~HttpRequestHandler() = default;

namespace {

// Descriptors kept free for everything else the process opens (database, helpdesk calls, the key store, logs).
constexpr rlim_t kReservedDescriptors = 256;

// Hands each accepted descriptor to the HttpHost, which decides whether to keep it.
class Listener final : public QTcpServer
{
public:
    Listener(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

QCoro::Task<> serve(HttpRequestHandler *handler, QPointer<HttpConnection> connection, HttpRequest request)
{
    const HttpResponse answer = co_await handler->handle(std::move(request));
    if (connection)
        connection->respond(answer);
}

// The total cap within the open-file limit, raising the soft limit towards the hard one when the cap needs it.
int connectionCapFor(int wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return wanted;
    const rlim_t needed = rlim_t(wanted) + 2 * kReservedDescriptors;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? needed : std::min(needed, limit.rlim_max);
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= rlim_t(wanted) + kReservedDescriptors)
        return wanted;
    return std::max(16, int(limit.rlim_cur) - int(kReservedDescriptors));
}

// Which connection goes first when one must: error-closing, then idle, then slow heads, then slow answers and
// bodies; the oldest of a kind first. A connection whose request is being served is never shed.
int shedRank(HttpConnection::Phase phase)
{
    switch (phase) {
    case HttpConnection::Phase::Closing:
        return 0;
    case HttpConnection::Phase::Idle:
        return 1;
    case HttpConnection::Phase::Head:
        return 2;
    case HttpConnection::Phase::Writing:
        return 3;
    case HttpConnection::Phase::Body:
        return 4;
    case HttpConnection::Phase::Busy:
        break;
    }
    return -1;
}

Result<QSslConfiguration> tlsConfiguration(const HttpHost::TlsFiles &tls)
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

struct HttpHost::Private
{
    HttpRequestHandler *handler = nullptr;
    HttpLimits limits;
    QTcpServer *tcp = nullptr;
    std::optional<QSslConfiguration> tls;
    QList<HttpConnection *> connections;
    QHash<QHostAddress, int> perClient;
    int cap = 0;
    bool closed = false;
};

HttpHost::HttpHost(HttpRequestHandler *handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->handler = handler;
}

HttpHost::~HttpHost()
{
    // The connections (children) go first, so none tells a half-destroyed server it has finished.
    for (HttpConnection *c : std::as_const(d->connections))
        QObject::disconnect(c, nullptr, this, nullptr);
    qDeleteAll(d->connections);
}

void HttpHost::setMaxBodyBytes(qint64 bytes)
{
    if (bytes > 0)
        d->limits.maxBodyBytes = bytes;
}

void HttpHost::setLimits(const HttpLimits &limits)
{
    d->limits = limits;
    if (d->tcp)
        d->cap = connectionCapFor(d->limits.maxConnections);
}

HttpLimits HttpHost::limits() const
{
    return d->limits;
}

int HttpHost::connectionCount() const
{
    return int(d->connections.size());
}

int HttpHost::connectionCap() const
{
    return d->cap;
}

Result<quint16> HttpHost::listen(const QHostAddress &address, quint16 port, const std::optional<TlsFiles> &tls)
{
    if (tls) {
        auto config = tlsConfiguration(*tls);
        if (!config)
            return config.error();
        d->tls = *config;
    }
    auto *tcp = new Listener([this](qintptr descriptor) { accept(descriptor); }, this);
    tcp->setListenBacklogSize(1024); // a burst of connections waits in the kernel rather than being refused
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
    // Out of descriptors, Qt pauses accepting for good; try again shortly (the backlog waits in the kernel).
    connect(tcp, &QTcpServer::acceptError, tcp,
            [tcp] { QTimer::singleShot(200, tcp, [tcp] { tcp->resumeAccepting(); }); });
    d->tcp = tcp;
    d->closed = false;
    d->cap = connectionCapFor(d->limits.maxConnections);
    qCInfo(lcWebhook) << "listening on" << address.toString() << tcp->serverPort() << "- at most" << d->cap
                      << "connections," << d->limits.maxConnectionsPerClient << "per client";
    return tcp->serverPort();
}

void HttpHost::accept(qintptr descriptor)
{
    QTcpSocket *socket = d->tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    const QHostAddress client = socket->peerAddress();
    const bool clientRoom =
        !d->closed && (d->perClient.value(client) < d->limits.maxConnectionsPerClient || shedSlowest(&client));
    if (!clientRoom || (d->connections.size() >= d->cap && !shedSlowest(nullptr))) {
        socket->abort();
        delete socket;
        qCDebug(lcWebhook) << "refused a connection: every connection is being served";
        return;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*d->tls);
        ssl->startServerEncryption();
    }
    adopt(new HttpConnection(socket, d->limits, d->tls.has_value(), this));
}

void HttpHost::adopt(HttpConnection *connection)
{
    const QHostAddress client = connection->peer();
    d->connections.append(connection);
    ++d->perClient[client];
    connect(connection, &HttpConnection::requestReady, this, [this, connection](HttpRequest request) {
        serve(d->handler, QPointer<HttpConnection>(connection), std::move(request));
    });
    connect(connection, &HttpConnection::finished, this, [this, connection, client] {
        d->connections.removeOne(connection);
        auto it = d->perClient.find(client);
        if (it != d->perClient.end() && --*it <= 0)
            d->perClient.erase(it);
    });
}

bool HttpHost::shedSlowest(const QHostAddress *client)
{
    HttpConnection *victim = nullptr;
    int victimRank = 0;
    for (HttpConnection *c : std::as_const(d->connections)) {
        const int rank = shedRank(c->phase());
        if (rank < 0 || (client && c->peer() != *client))
            continue;
        if (!victim || rank < victimRank || (rank == victimRank && c->phaseSince() < victim->phaseSince())) {
            victim = c;
            victimRank = rank;
        }
    }
    if (!victim)
        return false;
    qCDebug(lcWebhook) << "shedding a connection at the connection cap";
    victim->shed(); // finished() removes it at once
    return true;
}

quint16 HttpHost::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

void HttpHost::close()
{
    d->closed = true;
    if (d->tcp)
        d->tcp->close();
    const QList<HttpConnection *> open = d->connections;
    for (HttpConnection *c : open)
        c->closeWhenDone();
}

} // namespace cb
