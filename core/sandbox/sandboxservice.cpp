#include "sandboxservice.h"

#include "http/httphost.h"
#include "sandbox/sandboxfreshservice.h"
#include "sandbox/sandboxhelpdesk.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace cb {

namespace {
const QLatin1String freshserviceId("freshservice");

// Everything that lives on the sandbox thread, owned by one QObject deleted there. In Freshservice mode the server
// serves the Freshservice-shaped front of the same account.
class Holder final : public QObject
{
public:
    explicit Holder(bool freshservice)
        : server(freshservice ? static_cast<HttpRequestHandler *>(&freshserviceFront)
                              : static_cast<HttpRequestHandler *>(&sandbox),
                 this)
    {}

    QNetworkAccessManager nam{this};
    SandboxHelpdesk sandbox{&nam, this};
    SandboxFreshservice freshserviceFront{sandbox};
    HttpHost server;
};
} // namespace

SandboxService::SandboxService(QObject *parent)
    : SandboxService(QStringLiteral("freshdesk"), parent)
{}

SandboxService::SandboxService(const QString &provider, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
{
    m_thread.setObjectName(QStringLiteral("casebridge-sandbox"));
}

bool SandboxService::isProvider(const QString &provider)
{
    return provider == QLatin1String("freshdesk") || provider == freshserviceId;
}

QString SandboxService::provider() const
{
    return m_provider;
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
    if (!isProvider(m_provider))
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The sandbox emulates freshdesk or freshservice, not '%1'.").arg(m_provider));
    // Everything is created and bound inside the sandbox thread, so every object lives where its sockets are served.
    const bool freshservice = m_provider == freshserviceId;
    m_thread.start();
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    Result<quint16> bound;
    QObject *holder = nullptr;
    QMetaObject::invokeMethod(
        anchor,
        [&bound, &holder, &configure, anchor, address, port, tickets, freshservice] {
            auto *h = new Holder(freshservice);
            h->setParent(anchor);
            if (freshservice) // Freshservice's plans (freshdesk-api.md §8), its Pro by default like sandboxcommand
                h->sandbox.setPlan(*SandboxHelpdesk::Plan::named(QStringLiteral("pro"), freshserviceId));
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

void SandboxService::post(std::function<QJsonObject(SandboxHelpdesk &)> action, QObject *context,
                          std::function<void(const QJsonObject &)> done)
{
    if (!m_holder || !m_thread.isRunning())
        return;
    auto *h = static_cast<Holder *>(m_holder);
    QPointer<QObject> back(context);
    QMetaObject::invokeMethod(h, [h, action = std::move(action), back, done = std::move(done)] {
        const QJsonObject answer = action(h->sandbox);
        if (done && back)
            QMetaObject::invokeMethod(back, [back, done, answer] {
                if (back)
                    done(answer);
            });
    });
}

void SandboxService::registerWebhookRules(const QString &webhookUrl, const QString &headerName, const QString &secret)
{
    const QString shape = m_provider == freshserviceId ? QStringLiteral("workflow") : QStringLiteral("flat");
    post([webhookUrl, headerName, secret, shape](SandboxHelpdesk &sandbox) {
        sandbox.automation().clearRules(); // a rotated secret replaces the rules, as an admin would edit them
        for (const QStringList &events : {QStringList{QStringLiteral("created")},
                                          QStringList{QStringLiteral("updated"), QStringLiteral("note_added")}}) {
            SandboxAutomation::Rule rule;
            rule.url = QUrl(webhookUrl);
            rule.shape = shape;
            rule.headerName = headerName.toLatin1();
            rule.headerValue = secret.toUtf8();
            rule.events = events;
            sandbox.automation().addRule(rule);
        }
        return QJsonObject{{QStringLiteral("rules"), sandbox.automation().ruleCount()}};
    });
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
