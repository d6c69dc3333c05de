#include "synchost.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "secrets/secretstore.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "sync/defaultsyncplatform.h"
#include "sync/integrationmanager.h"
#include "sync/syncengine.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"

#include <QNetworkAccessManager>

namespace cb {

SyncHost::SyncHost(SyncPlatformMaker factory, SyncHostOptions options, QObject *parent)
    : QObject(parent)
    , m_makePlatform(std::move(factory))
    , m_options(std::move(options))
{}

SyncHost::~SyncHost()
{
    stop();
    m_notifier.reset();
    m_endpoint = nullptr;
    m_receiver.reset();
    m_engine.reset();
    m_integrations.reset();
    m_platform = SyncPlatform();
    m_nam.reset();
    m_ownDb.reset();
}

Status SyncHost::open(const DatabaseLocation &location)
{
    auto db = Database::open(location);
    if (!db)
        return db.error();
    m_ownDb = std::move(db).value();
    m_db = m_ownDb.get();
    return build();
}

Status SyncHost::open(Database &db)
{
    m_db = &db;
    return build();
}

Status SyncHost::build()
{
    Database &db = *m_db;
    const Clock &clock = Clock::system();
    m_nam = std::make_unique<QNetworkAccessManager>();
    if (m_makePlatform) {
        auto platform = m_makePlatform(db, *m_nam);
        if (!platform)
            Q_EMIT warning(platform.error().message);
        else
            m_platform = std::move(platform).value();
    }
    if (m_platform.secrets && m_platform.makeClient) {
        m_integrations = std::make_unique<IntegrationManager>(db, clock, *m_platform.secrets, m_platform.makeClient);
        if (m_options.runEngine) {
            m_engine = std::make_unique<SyncEngine>(
                db, clock, makeEngineClientFactory(m_platform.secrets.get(), m_platform.makeClient), m_platform.parser,
                m_options.role);
            if (m_options.reconcileIntervalSec > 0)
                m_engine->setReconcileIntervalSec(m_options.reconcileIntervalSec);
            if (m_options.retention)
                m_engine->setRetention(*m_options.retention);
        }
    }
    if (m_platform.startReceiver && !m_options.listen.isEmpty()) {
        auto receiver = m_platform.startReceiver(db, m_options.listen);
        if (!receiver) {
            if (m_options.receiverRequired)
                return receiver.error();
            Q_EMIT warning(receiver.error().message);
        } else {
            m_receiver = std::move(receiver).value();
            m_endpoint = qobject_cast<WebhookEndpoint *>(m_receiver.get());
        }
    }
    if (m_endpoint) {
        WebhookReceiver &receiver = m_endpoint->receiver();
        if (SyncEngine *engine = m_engine.get()) {
            // One parse per webhook: the processor takes the receiver's; the committed batch wakes the engine.
            connect(&receiver, &WebhookReceiver::accepted, engine,
                    [engine](qint64 id, const WebhookPayload &payload) { engine->inbound().handOver(id, payload); });
            connect(&receiver, &WebhookReceiver::batchCommitted, engine, &SyncEngine::wake);
        }
        receiver.setUsageProvider([this] {
            QHash<QString, ApiUsage> usage;
            if (!m_engine)
                return usage;
            if (auto list = IntegrationStore(*m_db, Clock::system()).list())
                for (const Integration &i : *list)
                    if (HelpdeskClient *c = m_engine->client(i.id))
                        usage.insert(i.id, c->usage());
            return usage;
        });
    }
    if (m_options.watchChanges) {
        // Other processes' commits (serve, other consoles in team mode, the CLI) wake the engine and reach the
        // views as they happen.
        m_notifier = std::make_unique<ChangeNotifier>(db.location());
        if (auto watching = m_notifier->start(); !watching) {
            qCWarning(lcSync) << "no change notifications:" << watching.error().detail;
            m_notifier.reset();
        } else {
            connect(m_notifier.get(), &ChangeNotifier::changed, this, &SyncHost::handleStoreChanged);
        }
    }
    return Ok{};
}

void SyncHost::handleStoreChanged(const QString &table)
{
    if (m_endpoint && (table.isEmpty() || table == QLatin1String("integrations")))
        m_endpoint->receiver().forgetIntegrations();
    // The engine's own log and screen pops need no pass; anything else may be work (a webhook another
    // process received, an edit from the CLI, an integration connected, a push retried).
    if (m_engine && table != QLatin1String("ticket_sync_log") && table != QLatin1String("screen_pops"))
        m_engine->wake();
    Q_EMIT storeChanged(table);
}

void SyncHost::start()
{
    if (m_engine)
        m_engine->start();
}

void SyncHost::stop()
{
    if (m_engine)
        m_engine->stop();
}

} // namespace cb
