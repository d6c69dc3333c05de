#pragma once

#include "domain/case.h"
#include "domain/importrequest.h"
#include "storage/databaselocation.h"
#include "sync/integrationmanager.h"
#include "sync/storesummary.h"
#include "sync/syncplatform.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace cb {

class AdminActions;
class Database;
class SecretStore;
class SyncEngine;
class SyncEventPublisher;
class SyncEvents;
class SyncHost;

// The console's commands on the sync thread: verify, connect, edits, imports, secrets, replays. The sync thread's
// objects (store, platform, engine, receiver, notifier) are its SyncHost's; it answers through events() (a
// SyncEvents it owns, forwarded to the GUI by ConsoleSyncProxy) and publishes store changes, health and screen pops
// there. Its methods are called only on its own thread (ConsoleSyncProxy queues them).
class ConsoleSyncBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSyncBackend)

public:
    explicit ConsoleSyncBackend(SyncPlatformMaker factory = {});
    ~ConsoleSyncBackend() override;

    void openStore(const DatabaseLocation &location, const QString &listen);
    // Settings, names, key rotation, disconnect and pushes that gave up; null until the store is open.
    AdminActions *admin() const { return m_admin.get(); }
    void verify(const QString &provider, const QString &domain, const QByteArray &apiKey);
    void connectIntegration(const ConnectRequest &request, bool backfill);
    void editCase(qint64 caseId, const CaseChanges &changes);
    void addComment(qint64 caseId, const QString &text);
    void handoff(qint64 caseId);
    void startImport(const QString &integrationId, const ImportRequest &request);
    void cancelImport();
    void replay(qint64 eventId);
    // A new webhook secret, the old one valid for `graceSeconds`; answered by secretRotated (shown once).
    void rotateSecret(const QString &integrationId, qint64 graceSeconds);
    // A new webhook secret at once, the old one void, for a helpdesk whose rules the console registers itself (the
    // built-in sandbox after a restart); answered by secretRenewed, which nothing shows.
    void renewSecret(const QString &integrationId);
    // Whether a real helpdesk's key can be kept (keychain answering, or ENCRYPTION_KEY); answered by
    // keyStorageChecked. The wizard asks when it opens, so no one finds out at Finish.
    void checkKeyStorage();
    void shutdown();

    SyncEngine *engine() const;
    // The answers, emitted on the sync thread.
    SyncEvents &events() const { return *m_events; }

private:
    QCoro::Task<> runKeyStorageCheck();
    QCoro::Task<> runVerify(QString provider, QString domain, QByteArray apiKey);
    QCoro::Task<> runConnect(ConnectRequest request, bool backfill);
    QCoro::Task<> runImport(QString integrationId, ImportRequest request);
    StoreSummary summary() const;

    SyncPlatformMaker m_factory;
    SyncEvents *m_events; // a child: moves to the sync thread with the backend
    std::unique_ptr<SyncHost> m_host;
    Database *m_db = nullptr;                     // the host's, while the store is open
    IntegrationManager *m_integrations = nullptr; // the host's; null without a key store
    SecretStore *m_secrets = nullptr;             // the host's platform's
    std::shared_ptr<std::atomic<bool>> m_importCancel;
    bool m_importRunning = false;
    std::unique_ptr<AdminActions> m_admin;
    std::unique_ptr<SyncEventPublisher> m_publisher;
};

} // namespace cb
