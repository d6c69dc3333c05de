#include "syncservice.h"

#include "sync/adminactions.h"
#include "sync/importer.h"
#include "sync/syncevents.h"
#include "sync/syncworker.h"

namespace cb {

SyncService::SyncService(SyncRuntimeFactory runtime, QObject *parent)
    : SyncEvents(parent)
{
    qRegisterMetaType<cb::StoreSummary>();
    qRegisterMetaType<cb::DatabaseLocation>();
    qRegisterMetaType<cb::WebhookSetupInfo>();
    qRegisterMetaType<cb::ImportSummary>();
    qRegisterMetaType<cb::IntegrationHealthList>();
    qRegisterMetaType<cb::ConnectRequest>();
    m_thread.setObjectName(QStringLiteral("casebridge-sync"));
    m_worker = new SyncWorker(std::move(runtime));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    SyncEvents::forwardQueued(&m_worker->events(), this);
    m_thread.start();
}

SyncService::~SyncService()
{
    stop();
}

template<typename F>
void SyncService::onWorker(F &&f)
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

void SyncService::start(const DatabaseLocation &location, const QString &listen)
{
    onWorker([w = m_worker, location, listen] { w->openStore(location, listen); });
}

void SyncService::verify(const QString &provider, const QString &domain, const QByteArray &apiKey)
{
    onWorker([w = m_worker, provider, domain, apiKey] { w->verify(provider, domain, apiKey); });
}

void SyncService::connectIntegration(const ConnectRequest &request, bool backfill)
{
    onWorker([w = m_worker, request, backfill] { w->connectIntegration(request, backfill); });
}

void SyncService::editCase(qint64 caseId, const CaseChanges &changes)
{
    onWorker([w = m_worker, caseId, changes] { w->editCase(caseId, changes); });
}

void SyncService::addComment(qint64 caseId, const QString &text)
{
    onWorker([w = m_worker, caseId, text] { w->addComment(caseId, text); });
}

void SyncService::handoff(qint64 caseId)
{
    onWorker([w = m_worker, caseId] { w->handoff(caseId); });
}

void SyncService::startImport(const QString &integrationId, const ImportRequest &request)
{
    onWorker([w = m_worker, integrationId, request] { w->startImport(integrationId, request); });
}

void SyncService::cancelImport()
{
    onWorker([w = m_worker] { w->cancelImport(); });
}

void SyncService::rotateSecret(const QString &integrationId, qint64 graceSeconds)
{
    onWorker([w = m_worker, integrationId, graceSeconds] { w->rotateSecret(integrationId, graceSeconds); });
}

void SyncService::renewSecret(const QString &integrationId)
{
    onWorker([w = m_worker, integrationId] { w->renewSecret(integrationId); });
}

void SyncService::checkKeyStorage()
{
    onWorker([w = m_worker] { w->checkKeyStorage(); });
}

void SyncService::replay(qint64 eventId)
{
    onWorker([w = m_worker, eventId] { w->replay(eventId); });
}

ImportEstimate SyncService::estimateImport(const ImportRequest &request, const QString &provider)
{
    return Importer::estimate(request, provider);
}

void SyncService::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

namespace {
// The admin actions exist once the store is open; before that the answer says so.
template<typename F>
void withAdmin(SyncWorker *w, const QString &action, const QString &integrationId, F &&f)
{
    if (AdminActions *admin = w->admin())
        f(admin);
    else
        Q_EMIT w->events().adminFailed(action, integrationId,
                                       AdminActions::tr("The store is not open yet; wait a moment and try again."));
}
} // namespace

void SyncService::saveSettings(const QString &integrationId, const IntegrationSettings &settings)
{
    onWorker([w = m_worker, integrationId, settings] {
        withAdmin(w, QStringLiteral("settings"), integrationId,
                  [&](AdminActions *a) { a->saveSettings(integrationId, settings); });
    });
}

void SyncService::refreshDirectory(const QString &integrationId)
{
    onWorker([w = m_worker, integrationId] {
        withAdmin(w, QStringLiteral("directory"), integrationId,
                  [&](AdminActions *a) { a->refreshDirectory(integrationId); });
    });
}

void SyncService::rotateKey(const QString &integrationId, const QByteArray &apiKey)
{
    onWorker([w = m_worker, integrationId, apiKey] {
        withAdmin(w, QStringLiteral("rotate_key"), integrationId,
                  [&](AdminActions *a) { a->rotateKey(integrationId, apiKey); });
    });
}

void SyncService::disconnectIntegration(const QString &integrationId)
{
    onWorker([w = m_worker, integrationId] {
        withAdmin(w, QStringLiteral("disconnect"), integrationId,
                  [&](AdminActions *a) { a->disconnectIntegration(integrationId); });
    });
}

void SyncService::retryPush(qint64 outboxId)
{
    onWorker([w = m_worker, outboxId] {
        withAdmin(w, QStringLiteral("push"), {}, [&](AdminActions *a) { a->retryPush(outboxId); });
    });
}

void SyncService::discardPush(qint64 outboxId)
{
    onWorker([w = m_worker, outboxId] {
        withAdmin(w, QStringLiteral("push"), {}, [&](AdminActions *a) { a->discardPush(outboxId); });
    });
}

} // namespace cb
