#include "sandboxservice.h"

#include "sandbox/sandboxhelpdesk.h"
#include "webhook/webhookserver.h"

#include <QNetworkAccessManager>

namespace cb {

namespace {
// Everything that lives on the sandbox thread, owned by one QObject deleted there.
class Holder final : public QObject
{
public:
    QNetworkAccessManager nam{this};
    SandboxHelpdesk sandbox{&nam, this};
    WebhookServer server{&sandbox, this};
};
} // namespace

SandboxService::SandboxService(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("casebridge-sandbox"));
}

SandboxService::~SandboxService()
{
    stop();
}

QString SandboxService::adminKey() const
{
    return SandboxAccount().adminKey;
}

Result<quint16> SandboxService::start(const QHostAddress &address, quint16 port, int tickets,
                                      std::function<void(SandboxHelpdesk &)> configure)
{
    // Everything is created and bound inside the sandbox thread, so every object lives where its sockets are served.
    m_thread.start();
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    Result<quint16> bound;
    QObject *holder = nullptr;
    QMetaObject::invokeMethod(
        anchor,
        [&bound, &holder, &configure, anchor, address, port, tickets] {
            auto *h = new Holder;
            h->setParent(anchor);
            h->sandbox.account().seed(tickets);
            if (configure)
                configure(h->sandbox);
            bound = h->server.listen(address, port);
            holder = h;
        },
        Qt::BlockingQueuedConnection);
    m_holder = holder;
    if (!bound)
        stop();
    return bound;
}

QJsonObject SandboxService::stats() const
{
    QJsonObject out;
    if (m_holder && m_thread.isRunning()) {
        auto *h = static_cast<Holder *>(m_holder);
        QMetaObject::invokeMethod(
            h, [&out, h] { out = h->sandbox.stats(); }, Qt::BlockingQueuedConnection);
    }
    return out;
}

void SandboxService::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
    m_holder = nullptr;
}

} // namespace cb
