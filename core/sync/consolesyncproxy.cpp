#include "consolesyncproxy.h"

#include "sync/adminactions.h"
#include "sync/consolesyncbackend.h"
#include "sync/importer.h"
#include "sync/syncevents.h"

namespace cb {

ConsoleSyncProxy::ConsoleSyncProxy(SyncPlatformMaker platform, QObject *parent)
    : SyncEvents(parent)
{
    qRegisterMetaType<cb::StoreSummary>();
    qRegisterMetaType<cb::DatabaseLocation>();
    qRegisterMetaType<cb::WebhookSetupInfo>();
    qRegisterMetaType<cb::ImportSummary>();
    qRegisterMetaType<cb::IntegrationHealthList>();
    qRegisterMetaType<cb::ConnectRequest>();
    m_thread.setObjectName(QStringLiteral("casebridge-sync"));
    m_backend = new ConsoleSyncBackend(std::move(platform));
    m_backend->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
    SyncEvents::forwardQueued(&m_backend->events(), this);
    m_thread.start();
}

ConsoleSyncProxy::~ConsoleSyncProxy()
{
    stop();
}

template<typename F>
void ConsoleSyncProxy::onWorker(F &&f)
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_backend, std::forward<F>(f), Qt::QueuedConnection);
}

void ConsoleSyncProxy::start(const DatabaseLocation &location, const QString &listen)
{
    onWorker([w = m_backend, location, listen] { w->openStore(location, listen); });
}

void ConsoleSyncProxy::verify(const QString &provider, const QString &domain, const QByteArray &apiKey)
{
    onWorker([w = m_backend, provider, domain, apiKey] { w->verify(provider, domain, apiKey); });
}

void ConsoleSyncProxy::connectIntegration(const ConnectRequest &request, bool backfill)
{
    onWorker([w = m_backend, request, backfill] { w->connectIntegration(request, backfill); });
}

void ConsoleSyncProxy::editCase(qint64 caseId, const CaseChanges &changes)
{
    onWorker([w = m_backend, caseId, changes] { w->editCase(caseId, changes); });
}

void ConsoleSyncProxy::addComment(qint64 caseId, const QString &text)
{
    onWorker([w = m_backend, caseId, text] { w->addComment(caseId, text); });
}

void ConsoleSyncProxy::handoff(qint64 caseId)
{
    onWorker([w = m_backend, caseId] { w->handoff(caseId); });
}

void ConsoleSyncProxy::startImport(const QString &integrationId, const ImportRequest &request)
{
    onWorker([w = m_backend, integrationId, request] { w->startImport(integrationId, request); });
}

void ConsoleSyncProxy::cancelImport()
{
    onWorker([w = m_backend] { w->cancelImport(); });
}

void ConsoleSyncProxy::rotateSecret(const QString &integrationId, qint64 graceSeconds)
{
    onWorker([w = m_backend, integrationId, graceSeconds] { w->rotateSecret(integrationId, graceSeconds); });
}

void ConsoleSyncProxy::renewSecret(const QString &integrationId)
{
    onWorker([w = m_backend, integrationId] { w->renewSecret(integrationId); });
}

void ConsoleSyncProxy::checkKeyStorage()
{
    onWorker([w = m_backend] { w->checkKeyStorage(); });
}

void ConsoleSyncProxy::replay(qint64 eventId)
{
    onWorker([w = m_backend, eventId] { w->replay(eventId); });
}

ImportEstimate ConsoleSyncProxy::estimateImport(const ImportRequest &request, const QString &provider)
{
    return Importer::estimate(request, provider);
}

void ConsoleSyncProxy::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_backend, [w = m_backend] { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

namespace {
// The admin actions exist once the store is open; before that the answer says so.
template<typename F>
void withAdmin(ConsoleSyncBackend *w, const QString &action, const QString &integrationId, F &&f)
{
    if (AdminActions *admin = w->admin())
        f(admin);
    else
        Q_EMIT w->events().adminFailed(action, integrationId,
                                       AdminActions::tr("The store is not open yet; wait a moment and try again."));
}
} // namespace

void ConsoleSyncProxy::saveSettings(const QString &integrationId, const IntegrationSettings &settings)
{
    onWorker([w = m_backend, integrationId, settings] {
        withAdmin(w, QStringLiteral("settings"), integrationId,
                  [&](AdminActions *a) { a->saveSettings(integrationId, settings); });
    });
}

void ConsoleSyncProxy::refreshDirectory(const QString &integrationId)
{
    onWorker([w = m_backend, integrationId] {
        withAdmin(w, QStringLiteral("directory"), integrationId,
                  [&](AdminActions *a) { a->refreshDirectory(integrationId); });
    });
}

void ConsoleSyncProxy::rotateKey(const QString &integrationId, const QByteArray &apiKey)
{
    onWorker([w = m_backend, integrationId, apiKey] {
        withAdmin(w, QStringLiteral("rotate_key"), integrationId,
                  [&](AdminActions *a) { a->rotateKey(integrationId, apiKey); });
    });
}

void ConsoleSyncProxy::disconnectIntegration(const QString &integrationId)
{
    onWorker([w = m_backend, integrationId] {
        withAdmin(w, QStringLiteral("disconnect"), integrationId,
                  [&](AdminActions *a) { a->disconnectIntegration(integrationId); });
    });
}

void ConsoleSyncProxy::retryPush(qint64 outboxId)
{
    onWorker([w = m_backend, outboxId] {
        withAdmin(w, QStringLiteral("push"), {}, [&](AdminActions *a) { a->retryPush(outboxId); });
    });
}

void ConsoleSyncProxy::discardPush(qint64 outboxId)
{
    onWorker([w = m_backend, outboxId] {
        withAdmin(w, QStringLiteral("push"), {}, [&](AdminActions *a) { a->discardPush(outboxId); });
    });
}

} // namespace cb
