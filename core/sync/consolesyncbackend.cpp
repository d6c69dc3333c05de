#include "consolesyncbackend.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "secrets/secretstore.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "sync/adminactions.h"
#include "sync/caseactions.h"
#include "sync/importer.h"
#include "sync/syncengine.h"
#include "sync/synceventpublisher.h"
#include "sync/syncevents.h"
#include "sync/synchost.h"

#include <QPointer>

namespace cb {

ConsoleSyncBackend::ConsoleSyncBackend(SyncPlatformMaker factory)
    : m_factory(std::move(factory))
    , m_events(new SyncEvents(this))
{}

ConsoleSyncBackend::~ConsoleSyncBackend()
{
    shutdown();
}

StoreSummary ConsoleSyncBackend::summary() const
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

void ConsoleSyncBackend::openStore(const DatabaseLocation &location, const QString &listen)
{
    SyncHostOptions options;
    options.role = QStringLiteral("console");
    options.listen = listen;
    m_host = std::make_unique<SyncHost>(m_factory, options);
    connect(m_host.get(), &SyncHost::warning, m_events, &SyncEvents::runtimeWarning);
    if (auto opened = m_host->open(location); !opened) {
        qCWarning(lcSync) << "store not opened:" << opened.error().detail;
        Q_EMIT m_events->storeFailed(opened.error().message);
        m_host.reset();
        return;
    }
    m_db = m_host->database();
    m_integrations = m_host->integrations();
    m_secrets = m_host->platform().secrets.get();
    if (SyncEngine *engine = m_host->engine()) {
        connect(engine, &SyncEngine::logAppended, m_events, &SyncEvents::logAppended);
        connect(engine, &SyncEngine::logAppended, m_events, &SyncEvents::casesChanged);
        connect(engine, &SyncEngine::clientError, m_events,
                [this](const QString &, const QString &message) { Q_EMIT m_events->runtimeWarning(message); });
    }
    m_publisher = std::make_unique<SyncEventPublisher>(*m_db, *m_host, *m_events);
    m_admin = std::make_unique<AdminActions>(*m_db, m_integrations);
    connect(m_admin.get(), &AdminActions::done, m_events, &SyncEvents::adminDone);
    connect(m_admin.get(), &AdminActions::failed, m_events, &SyncEvents::adminFailed);
    if (SyncEngine *engine = m_host->engine()) // a push retried, settings saved: the engine looks at once
        connect(m_admin.get(), &AdminActions::done, engine, &SyncEngine::wake);
    m_host->start();
    Q_EMIT m_events->storeReady(summary());
    m_publisher->start();
}

SyncEngine *ConsoleSyncBackend::engine() const
{
    return m_host ? m_host->engine() : nullptr;
}

void ConsoleSyncBackend::verify(const QString &provider, const QString &domain, const QByteArray &apiKey)
{
    runVerify(provider, domain, apiKey);
}

void ConsoleSyncBackend::checkKeyStorage()
{
    runKeyStorageCheck();
}

QCoro::Task<> ConsoleSyncBackend::runKeyStorageCheck()
{
    if (!m_secrets) {
        Q_EMIT m_events->keyStorageChecked(
            QString(), false, QStringLiteral("unavailable"),
            tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<ConsoleSyncBackend> self(this);
    const QString backend = m_secrets->backendName();
    const Status writable = co_await m_secrets->checkWritable();
    if (!self)
        co_return;
    Q_EMIT m_events->keyStorageChecked(backend, writable.ok(), writable.ok() ? QString() : writable.error().code,
                                       writable.ok() ? QString() : writable.error().message);
}

QCoro::Task<> ConsoleSyncBackend::runVerify(QString provider, QString domain, QByteArray apiKey)
{
    if (!m_integrations) {
        Q_EMIT m_events->verifyFailed(QStringLiteral("unavailable"),
                                      tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<ConsoleSyncBackend> self(this);
    auto agent = co_await m_integrations->verify(provider, domain, apiKey);
    if (!self)
        co_return;
    if (!agent) {
        Q_EMIT m_events->verifyFailed(agent.error().code, agent.error().message);
    } else if (!agent->isAdmin) {
        Q_EMIT m_events->verifyFailed(
            QStringLiteral("not_admin"),
            tr("%1 is not an administrator; use an administrator's API key.").arg(agent->name));
    } else {
        Q_EMIT m_events->verified(agent->name, agent->email);
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
        for (const HelpdeskAgent &a : names->first) {
            if (a.id == agent->id)
                continue; // a hand-off gives the ticket to people, never back to the agent Casebridge signs in as
            agents.append(QJsonObject{
                {QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name}, {QStringLiteral("email"), a.email}});
        }
        QJsonArray groups;
        for (const HelpdeskGroup &g : names->second)
            groups.append(QJsonObject{{QStringLiteral("id"), g.id}, {QStringLiteral("name"), g.name}});
        Q_EMIT m_events->accountNamesRead(agents, groups);
    }
}

void ConsoleSyncBackend::connectIntegration(const ConnectRequest &request, bool backfill)
{
    runConnect(request, backfill);
}

QCoro::Task<> ConsoleSyncBackend::runConnect(ConnectRequest request, bool backfill)
{
    if (!m_integrations) {
        Q_EMIT m_events->connectFailed(tr("The sync engine is not ready; wait until the store is open and try again."));
        co_return;
    }
    QPointer<ConsoleSyncBackend> self(this);
    auto outcome = co_await m_integrations->connect(std::move(request));
    if (!self)
        co_return;
    if (!outcome) {
        Q_EMIT m_events->connectFailed(outcome.error().message);
        co_return;
    }
    Q_EMIT m_events->connected(outcome->setup);
    Q_EMIT m_events->storeReady(summary());
    if (backfill)
        co_await runImport(outcome->integration.id, Importer::backfillRequest(Clock::system().nowUtc()));
}

void ConsoleSyncBackend::editCase(qint64 caseId, const CaseChanges &changes)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).edit(caseId, changes);
    if (!r) {
        Q_EMIT m_events->actionFailed(r.error().message);
        return;
    }
    if (SyncEngine *e = engine())
        e->wake(); // the edit is pushed now
    Q_EMIT m_events->casesChanged();
    Q_EMIT m_events->actionDone(r->changedFields.isEmpty() ? tr("Nothing changed.")
                                                           : tr("Saved; the change is on its way to the helpdesk."));
}

void ConsoleSyncBackend::addComment(qint64 caseId, const QString &text)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).addComment(caseId, text);
    if (!r) {
        Q_EMIT m_events->actionFailed(r.error().message);
        return;
    }
    if (SyncEngine *e = engine())
        e->wake();
    Q_EMIT m_events->casesChanged();
    Q_EMIT m_events->actionDone(r->queued
                                    ? (r->isPrivate ? tr("Comment added; it goes to the ticket as a private note.")
                                                    : tr("Comment added; it goes to the ticket as a public reply."))
                                    : tr("Comment added here only (comment push is off)."));
}

void ConsoleSyncBackend::handoff(qint64 caseId)
{
    if (!m_db)
        return;
    auto r = CaseActions(*m_db, Clock::system()).handoff(caseId);
    if (!r) {
        Q_EMIT m_events->actionFailed(r.error().message);
        return;
    }
    if (SyncEngine *e = engine())
        e->wake();
    Q_EMIT m_events->actionDone(tr("Hand-off queued."));
}

void ConsoleSyncBackend::startImport(const QString &integrationId, const ImportRequest &request)
{
    runImport(integrationId, request);
}

void ConsoleSyncBackend::cancelImport()
{
    if (m_importCancel)
        m_importCancel->store(true);
}

QCoro::Task<> ConsoleSyncBackend::runImport(QString integrationId, ImportRequest request)
{
    ImportSummary failed;
    if (m_importRunning) {
        failed.failures << tr("An import is already running; wait for it or cancel it first.");
        ++failed.failed;
        Q_EMIT m_events->importFinished(failed);
        co_return;
    }
    auto integration = m_db ? IntegrationStore(*m_db, Clock::system()).get(integrationId)
                            : Result<Integration>(Error::make(Error::Kind::Unavailable, tr("The store is not open.")));
    SyncEngine *syncEngine = engine();
    HelpdeskClient *client = syncEngine ? syncEngine->client(integrationId) : nullptr;
    if (syncEngine && !client) {
        co_await syncEngine->tick(); // a brand-new integration: build its client now
        client = syncEngine->client(integrationId);
    }
    if (!integration || !client) {
        failed.failures << (integration ? tr("The helpdesk is not reachable yet; try again in a moment.")
                                        : integration.error().message);
        ++failed.failed;
        Q_EMIT m_events->importFinished(failed);
        co_return;
    }
    m_importRunning = true;
    m_importCancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<ConsoleSyncBackend> self(this);
    Q_EMIT m_events->importStarted(integrationId, Importer::estimate(request, integration->provider).calls);
    TicketMapper mapper;
    Importer importer(*m_db, Clock::system(), mapper);
    auto progress = [self](int done, int total) {
        if (self)
            Q_EMIT self->m_events->importProgress(done, total);
    };
    auto result = co_await importer.run(*integration, client, request, progress, m_importCancel);
    if (!self)
        co_return;
    m_importRunning = false;
    if (!result) {
        failed.failures << result.error().message;
        ++failed.failed;
        Q_EMIT m_events->importFinished(failed);
    } else {
        Q_EMIT m_events->importFinished(*result);
    }
    Q_EMIT m_events->casesChanged();
}

void ConsoleSyncBackend::rotateSecret(const QString &integrationId, qint64 graceSeconds)
{
    if (!m_db) {
        Q_EMIT m_events->actionFailed(tr("The store is not open."));
        return;
    }
    auto info = IntegrationManager::rotateSecret(*m_db, Clock::system(), integrationId, graceSeconds);
    if (!info) {
        Q_EMIT m_events->actionFailed(info.error().message);
        return;
    }
    Q_EMIT m_events->secretRotated(*info);
}

void ConsoleSyncBackend::renewSecret(const QString &integrationId)
{
    if (!m_db) {
        Q_EMIT m_events->actionFailed(tr("The store is not open."));
        return;
    }
    auto info = IntegrationManager::rotateSecret(*m_db, Clock::system(), integrationId, 0);
    if (!info) {
        Q_EMIT m_events->actionFailed(info.error().message);
        return;
    }
    Q_EMIT m_events->secretRenewed(*info);
}

void ConsoleSyncBackend::replay(qint64 eventId)
{
    if (!m_db)
        return;
    auto n = Inbox(*m_db, Clock::system()).replay(eventId);
    if (SyncEngine *e = engine(); n && *n > 0 && e)
        e->wake();
    if (!n)
        Q_EMIT m_events->actionFailed(n.error().message);
    else
        Q_EMIT m_events->actionDone(*n > 0 ? tr("Event %1 queued again.").arg(eventId)
                                           : tr("Event %1 has not failed; nothing to replay.").arg(eventId));
}

void ConsoleSyncBackend::shutdown()
{
    m_publisher.reset();
    m_admin.reset();
    m_integrations = nullptr;
    m_secrets = nullptr;
    m_db = nullptr;
    m_host.reset(); // closes the port, releases the leases, closes the store
}

} // namespace cb
