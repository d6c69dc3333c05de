#include "syncworker.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "secrets/secretstore.h"
#include "storage/casestore.h"
#include "storage/changenotifier.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/screenpopstore.h"
#include "storage/synclog.h"
#include "sync/adminactions.h"
#include "sync/caseactions.h"
#include "sync/defaultsyncruntime.h"
#include "sync/healthprobe.h"
#include "sync/importer.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookreceiver.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace cb {

SyncWorker::SyncWorker(SyncRuntimeFactory factory)
    : m_factory(std::move(factory))
{
    m_healthTimer.setParent(this); // moves to the sync thread with the worker
    m_healthTimer.setInterval(2000);
    connect(&m_healthTimer, &QTimer::timeout, this, &SyncWorker::publishHealth);
    m_changeTimer.setParent(this);
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(100);
    connect(&m_changeTimer, &QTimer::timeout, this, &SyncWorker::publishChanges);
}

SyncWorker::~SyncWorker()
{
    shutdown();
}

StoreSummary SyncWorker::summary() const
{
    StoreSummary s;
    if (!m_db)
        return s;
    s.location = m_db->location().displayName();
    s.schemaVersion = m_db->schemaVersion();
    const Clock &clock = Clock::system();
    if (auto list = IntegrationStore(*m_db, clock).list())
        s.integrations = int(list->size());
    if (auto n = CaseStore(*m_db, clock).count())
        s.cases = *n;
    if (auto n = Inbox(*m_db, clock).pendingCount())
        s.inboxPending = *n;
    if (auto n = Outbox(*m_db, clock).pendingCount())
        s.outboxPending = *n;
    return s;
}

void SyncWorker::openStore(const DatabaseLocation &location, const QString &listen)
{
    auto db = Database::open(location);
    if (!db) {
        qCWarning(lcSync) << "store not opened:" << db.error().detail;
        Q_EMIT storeFailed(db.error().message);
        return;
    }
    m_db = std::move(db).value();
    m_nam = std::make_unique<QNetworkAccessManager>();
    if (m_factory) {
        auto runtime = m_factory(*m_db, *m_nam);
        if (!runtime) {
            Q_EMIT runtimeWarning(runtime.error().message);
        } else {
            m_runtime = std::move(runtime).value();
        }
    }
    if (m_runtime.secrets && m_runtime.makeClient) {
        m_integrations =
            std::make_unique<IntegrationManager>(*m_db, Clock::system(), *m_runtime.secrets, m_runtime.makeClient);
        const auto factory = makeEngineClientFactory(m_runtime.secrets.get(), m_runtime.makeClient);
        m_engine =
            std::make_unique<SyncEngine>(*m_db, Clock::system(), factory, m_runtime.parser, QStringLiteral("console"));
        connect(m_engine.get(), &SyncEngine::logAppended, this, &SyncWorker::logAppended);
        connect(m_engine.get(), &SyncEngine::logAppended, this, &SyncWorker::casesChanged);
        connect(m_engine.get(), &SyncEngine::clientError, this,
                [this](const QString &, const QString &message) { Q_EMIT runtimeWarning(message); });
        m_engine->start();
    }
    if (m_runtime.startReceiver && !listen.isEmpty()) {
        auto receiver = m_runtime.startReceiver(*m_db, listen);
        if (!receiver)
            Q_EMIT runtimeWarning(receiver.error().message);
        else
            m_receiver = std::move(receiver).value();
        if (auto *endpoint = qobject_cast<WebhookEndpoint *>(m_receiver.get())) {
            connect(&endpoint->receiver(), &WebhookReceiver::screenPop, this, &SyncWorker::popOnce);
            if (m_engine) // a committed batch is processed at once, not on a tick
                connect(&endpoint->receiver(), &WebhookReceiver::batchCommitted, m_engine.get(), &SyncEngine::wake);
        }
    }
    // Other processes' commits (serve, other consoles in team mode, the CLI) reach the views as they happen.
    m_notifier = std::make_unique<ChangeNotifier>(location);
    if (auto watching = m_notifier->start(); !watching) {
        qCWarning(lcSync) << "no change notifications:" << watching.error().detail;
        m_notifier.reset();
    } else {
        connect(m_notifier.get(), &ChangeNotifier::changed, this, &SyncWorker::handleStoreChanged);
        if (auto *endpoint = qobject_cast<WebhookEndpoint *>(m_receiver.get()))
            connect(m_notifier.get(), &ChangeNotifier::changed, &endpoint->receiver(), [endpoint](const QString &t) {
                if (t.isEmpty() || t == QLatin1String("integrations"))
                    endpoint->receiver().forgetIntegrations();
            });
    }
    m_admin = std::make_unique<AdminActions>(*m_db, m_integrations.get());
    connect(m_admin.get(), &AdminActions::done, this, &SyncWorker::adminDone);
    if (m_engine) // a push retried, settings saved: the engine looks at once
        connect(m_admin.get(), &AdminActions::done, m_engine.get(), &SyncEngine::wake);
    connect(m_admin.get(), &AdminActions::failed, this, &SyncWorker::adminFailed);
    if (auto last = ScreenPopStore(*m_db, Clock::system()).lastId())
        m_lastPopId = *last; // calls from before this console started are not popped
    m_healthTimer.start();
    Q_EMIT storeReady(summary());
    publishHealth();
}

void SyncWorker::publishHealth()
{
    if (!m_db)
        return;
    auto health = HealthProbe(*m_db, Clock::system()).probe(m_engine.get());
    if (health)
        Q_EMIT healthChanged(*health);
}

void SyncWorker::handleStoreChanged(const QString &table)
{
    Q_EMIT storeChanged(table);
    if (m_engine && table != QLatin1String("ticket_sync_log") && table != QLatin1String("screen_pops"))
        m_engine->wake(); // another process's webhook, edit or integration change
    m_changedTables.insert(table);
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void SyncWorker::publishChanges()
{
    const QSet<QString> tables = std::exchange(m_changedTables, {});
    if (!m_db)
        return;
    const bool unknown = tables.contains(QString());
    if (unknown || tables.contains(QStringLiteral("ticket_sync_log"))) {
        if (auto last = SyncLog(*m_db, Clock::system()).lastId())
            Q_EMIT logAppended(*last);
    }
    if (unknown || tables.contains(QStringLiteral("cases")) || tables.contains(QStringLiteral("comments")))
        Q_EMIT casesChanged();
    if (unknown || tables.contains(QStringLiteral("outbox")) || tables.contains(QStringLiteral("webhook_inbox")) ||
        tables.contains(QStringLiteral("integrations")))
        publishHealth();
    if (unknown || tables.contains(QStringLiteral("screen_pops")))
        publishPops();
}

void SyncWorker::publishPops()
{
    // A contact event any process of the team received (serve, another console): this console pops it too.
    auto pops = ScreenPopStore(*m_db, Clock::system()).after(m_lastPopId);
    if (!pops)
        return;
    for (const ScreenPop &p : std::as_const(*pops)) {
        m_lastPopId = p.id;
        QJsonObject match = p.match;
        match.insert(QStringLiteral("pop"), true);
        popOnce(p.integrationId, p.callId, match);
    }
}

void SyncWorker::popOnce(const QString &integrationId, const QString &callId, const QJsonObject &match)
{
    const QString key = integrationId + QLatin1Char('\n') + callId;
    if (m_popped.contains(key))
        return;
    if (m_popped.size() > 10000)
        m_popped.clear();
    m_popped.insert(key);
    Q_EMIT screenPop(integrationId, callId, match);
}

void SyncWorker::verify(const QString &provider, const QString &domain, const QByteArray &apiKey)
{
    runVerify(provider, domain, apiKey);
}

void SyncWorker::checkKeyStorage()
{
    runKeyStorageCheck();
}

QCoro::Task<> SyncWorker::runKeyStorageCheck()
{
    if (!m_runtime.secrets) {
        Q_EMIT keyStorageChecked(QString(), false, QStringLiteral("unavailable"),
                                 tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<SyncWorker> self(this);
    const QString backend = m_runtime.secrets->backendName();
    const Status writable = co_await m_runtime.secrets->checkWritable();
    if (!self)
        co_return;
    Q_EMIT keyStorageChecked(backend, writable.ok(), writable.ok() ? QString() : writable.error().code,
                             writable.ok() ? QString() : writable.error().message);
}

QCoro::Task<> SyncWorker::runVerify(QString provider, QString domain, QByteArray apiKey)
{
    if (!m_integrations) {
        Q_EMIT verifyFailed(QStringLiteral("unavailable"),
                            tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<SyncWorker> self(this);
    auto agent = co_await m_integrations->verify(provider, domain, apiKey);
    if (!self)
        co_return;
    if (!agent) {
        Q_EMIT verifyFailed(agent.error().code, agent.error().message);
    } else if (!agent->isAdmin) {
        Q_EMIT verifyFailed(QStringLiteral("not_admin"),
                            tr("%1 is not an administrator; use an administrator's API key.").arg(agent->name));
    } else {
        Q_EMIT verified(agent->name, agent->email);
        // The wizard's hand-off pickers: agents and groups by name (without them it asks for an id).
        auto names = co_await m_integrations->accountNames(provider, domain, apiKey);
        if (!self)
            co_return;
        if (!names) {
            qCWarning(lcSync) << "verify: the account's agents and groups could not be read:" << names.error().message;
            co_return;
        }
        auto byName = [](auto &list) {
            std::sort(list.begin(), list.end(),
                      [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
        };
        byName(names->first);
        byName(names->second);
        QJsonArray agents;
        for (const HelpdeskAgent &a : names->first)
            agents.append(QJsonObject{
                {QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name}, {QStringLiteral("email"), a.email}});
        QJsonArray groups;
        for (const HelpdeskGroup &g : names->second)
            groups.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
        Q_EMIT accountNamesRead(agents, groups);
    }
}

void SyncWorker::connectIntegration(const ConnectRequest &request, bool backfill)
{
    runConnect(request, backfill);
}

QCoro::Task<> SyncWorker::runConnect(ConnectRequest request, bool backfill)
{
    if (!m_integrations) {
        Q_EMIT connectFailed(tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<SyncWorker> self(this);
    auto outcome = co_await m_integrations->connect(std::move(request));
    if (!self)
        co_return;
    if (!outcome) {
        Q_EMIT connectFailed(outcome.error().message);
        co_return;
    }
    Q_EMIT connected(outcome->setup);
    Q_EMIT storeReady(summary());
    if (backfill)
        co_await runImport(outcome->integration.id, Importer::backfillRequest(Clock::system().nowUtc()));
}

void SyncWorker::editCase(qint64 caseId, const CaseChanges &changes)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).edit(caseId, changes);
    if (!r) {
        Q_EMIT actionFailed(r.error().message);
        return;
    }
    if (m_engine)
        m_engine->wake(); // the edit is pushed now
    Q_EMIT casesChanged();
    Q_EMIT actionDone(r->changedFields.isEmpty() ? tr("Nothing changed.")
                                                 : tr("Saved; the change is on its way to the helpdesk."));
}

void SyncWorker::addComment(qint64 caseId, const QString &text)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).addComment(caseId, text);
    if (!r) {
        Q_EMIT actionFailed(r.error().message);
        return;
    }
    if (m_engine)
        m_engine->wake();
    Q_EMIT casesChanged();
    Q_EMIT actionDone(r->queued ? (r->isPrivate ? tr("Comment added; it goes to the ticket as a private note.")
                                                : tr("Comment added; it goes to the ticket as a public reply."))
                                : tr("Comment added here only (comment push is off)."));
}

void SyncWorker::handoff(qint64 caseId)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).handoff(caseId);
    if (!r) {
        Q_EMIT actionFailed(r.error().message);
        return;
    }
    if (m_engine)
        m_engine->wake();
    Q_EMIT actionDone(tr("Hand-off queued."));
}

void SyncWorker::startImport(const QString &integrationId, const ImportRequest &request)
{
    runImport(integrationId, request);
}

void SyncWorker::cancelImport()
{
    if (m_importCancel)
        m_importCancel->store(true);
}

QCoro::Task<> SyncWorker::runImport(QString integrationId, ImportRequest request)
{
    ImportSummary failed;
    if (m_importRunning) {
        failed.failures << tr("An import is already running; wait for it or cancel it first.");
        ++failed.failed;
        Q_EMIT importFinished(failed);
        co_return;
    }
    auto integration = m_db ? IntegrationStore(*m_db, Clock::system()).get(integrationId)
                            : Result<Integration>(Error::make(Error::Kind::Unavailable, tr("The store is not open.")));
    HelpdeskClient *client = m_engine ? m_engine->client(integrationId) : nullptr;
    if (m_engine && !client) {
        co_await m_engine->tick(); // a brand-new integration: build its client now
        client = m_engine->client(integrationId);
    }
    if (!integration || !client) {
        failed.failures << (integration ? tr("The helpdesk is not reachable yet; try again in a moment.")
                                        : integration.error().message);
        ++failed.failed;
        Q_EMIT importFinished(failed);
        co_return;
    }
    m_importRunning = true;
    m_importCancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<SyncWorker> self(this);
    Q_EMIT importStarted(integrationId, SyncService::estimateImport(request, integration->provider).calls);
    TicketMapper mapper;
    Importer importer(*m_db, Clock::system(), mapper);
    auto progress = [self](int done, int total) {
        if (self)
            Q_EMIT self->importProgress(done, total);
    };
    auto result = co_await importer.run(*integration, client, request, progress, m_importCancel);
    if (!self)
        co_return;
    m_importRunning = false;
    if (!result) {
        failed.failures << result.error().message;
        ++failed.failed;
        Q_EMIT importFinished(failed);
    } else {
        Q_EMIT importFinished(*result);
    }
    Q_EMIT casesChanged();
}

void SyncWorker::rotateSecret(const QString &integrationId, qint64 graceSeconds)
{
    if (!m_db) {
        Q_EMIT actionFailed(tr("The store is not open."));
        return;
    }
    auto info = IntegrationManager::rotateSecret(*m_db, Clock::system(), integrationId, graceSeconds);
    if (!info) {
        Q_EMIT actionFailed(info.error().message);
        return;
    }
    Q_EMIT secretRotated(*info);
}

void SyncWorker::renewSecret(const QString &integrationId)
{
    if (!m_db) {
        Q_EMIT actionFailed(tr("The store is not open."));
        return;
    }
    auto info = IntegrationManager::rotateSecret(*m_db, Clock::system(), integrationId, 0);
    if (!info) {
        Q_EMIT actionFailed(info.error().message);
        return;
    }
    Q_EMIT secretRenewed(*info);
}

void SyncWorker::replay(qint64 eventId)
{
    if (!m_db)
        return;
    auto n = Inbox(*m_db, Clock::system()).replay(eventId);
    if (n && *n > 0 && m_engine)
        m_engine->wake();
    if (!n)
        Q_EMIT actionFailed(n.error().message);
    else
        Q_EMIT actionDone(*n > 0 ? tr("Event %1 queued again.").arg(eventId)
                                 : tr("Event %1 has not failed; nothing to replay.").arg(eventId));
}

void SyncWorker::shutdown()
{
    m_healthTimer.stop();
    m_changeTimer.stop();
    m_notifier.reset();
    m_admin.reset();
    m_receiver.reset();
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    m_integrations.reset();
    m_runtime = SyncRuntime();
    m_nam.reset();
    m_db.reset();
}

} // namespace cb
