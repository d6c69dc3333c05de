#include "synceventpublisher.h"

#include "common/clock.h"
#include "storage/screenpopstore.h"
#include "storage/synclog.h"
#include "sync/healthprobe.h"
#include "sync/syncevents.h"
#include "sync/synchost.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"

namespace cb {

SyncEventPublisher::SyncEventPublisher(Database &db, SyncHost &host, SyncEvents &events, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_host(host)
    , m_events(events)
{
    m_healthTimer.setInterval(2000);
    connect(&m_healthTimer, &QTimer::timeout, this, &SyncEventPublisher::publishHealth);
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(100);
    connect(&m_changeTimer, &QTimer::timeout, this, &SyncEventPublisher::publishChanges);
    if (WebhookEndpoint *endpoint = m_host.endpoint())
        connect(&endpoint->receiver(), &WebhookReceiver::screenPop, this, &SyncEventPublisher::popOnce);
    connect(&m_host, &SyncHost::storeChanged, this, &SyncEventPublisher::handleStoreChanged);
    if (auto last = ScreenPopStore(m_db, Clock::system()).lastId())
        m_lastPopId = *last; // calls from before this console started are not popped
}

SyncEventPublisher::~SyncEventPublisher() = default;

void SyncEventPublisher::start()
{
    m_healthTimer.start();
    publishHealth();
}

void SyncEventPublisher::publishHealth()
{
    auto health = HealthProbe(m_db, Clock::system()).probe(m_host.engine());
    if (health)
        Q_EMIT m_events.healthChanged(*health);
}

void SyncEventPublisher::handleStoreChanged(const QString &table)
{
    Q_EMIT m_events.storeChanged(table);
    m_changedTables.insert(table);
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void SyncEventPublisher::publishChanges()
{
    const QSet<QString> tables = std::exchange(m_changedTables, {});
    const bool unknown = tables.contains(QString());
    if (unknown || tables.contains(QStringLiteral("ticket_sync_log"))) {
        if (auto last = SyncLog(m_db, Clock::system()).lastId())
            Q_EMIT m_events.logAppended(*last);
    }
    if (unknown || tables.contains(QStringLiteral("cases")) || tables.contains(QStringLiteral("comments")))
        Q_EMIT m_events.casesChanged();
    if (unknown || tables.contains(QStringLiteral("outbox")) || tables.contains(QStringLiteral("webhook_inbox")) ||
        tables.contains(QStringLiteral("integrations")))
        publishHealth();
    if (unknown || tables.contains(QStringLiteral("screen_pops")))
        publishPops();
}

void SyncEventPublisher::publishPops()
{
    // A contact event any process of the team received (serve, another console): this console pops it too.
    auto pops = ScreenPopStore(m_db, Clock::system()).after(m_lastPopId);
    if (!pops)
        return;
    for (const ScreenPop &p : std::as_const(*pops)) {
        m_lastPopId = p.id;
        QJsonObject match = p.match;
        match.insert(QStringLiteral("pop"), true);
        popOnce(p.integrationId, p.callId, match);
    }
}

void SyncEventPublisher::popOnce(const QString &integrationId, const QString &callId, const QJsonObject &match)
{
    const QString key = integrationId + QLatin1Char('\n') + callId;
    if (m_popped.contains(key))
        return;
    if (m_popped.size() > 10000)
        m_popped.clear();
    m_popped.insert(key);
    Q_EMIT m_events.screenPop(integrationId, callId, match);
}

} // namespace cb
