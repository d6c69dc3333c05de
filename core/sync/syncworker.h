#pragma once

#include "domain/case.h"
#include "domain/importrequest.h"
#include "domain/webhooksetupinfo.h"
#include "storage/databaselocation.h"
#include "sync/integrationhealth.h"
#include "sync/integrationmanager.h"
#include "sync/storesummary.h"
#include "sync/syncruntime.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace cb {

class AdminActions;
class ChangeNotifier;
class Database;
class SyncEngine;

// Lives on the sync thread: owns the writer connection, the runtime (secrets, clients, receiver) and the engine,
// and answers the console by signals. Its methods are called only on its own thread (SyncService queues them).
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    explicit SyncWorker(SyncRuntimeFactory factory = {});
    ~SyncWorker() override;

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

    SyncEngine *engine() const { return m_engine.get(); }

Q_SIGNALS:
    void storeReady(const cb::StoreSummary &summary);
    void storeFailed(const QString &message);
    void runtimeWarning(const QString &message);
    void verified(const QString &agentName, const QString &agentEmail);
    void verifyFailed(const QString &code, const QString &message);
    // After a successful verify: the account's agents and groups, each {"id", "name", "email"}, by name.
    void accountNamesRead(const QJsonArray &agents, const QJsonArray &groups);
    void connected(const cb::WebhookSetupInfo &setup);
    void secretRotated(const cb::WebhookSetupInfo &setup);
    void secretRenewed(const cb::WebhookSetupInfo &setup);
    // backend: "keychain" | "aes-gcm" | "sandbox" (none but the sandbox's store); code: no_secret_store when not.
    void keyStorageChecked(const QString &backend, bool available, const QString &code, const QString &message);
    void connectFailed(const QString &message);
    void actionDone(const QString &message);
    void actionFailed(const QString &message);
    void importStarted(const QString &integrationId, int estimatedCalls);
    void importProgress(int done, int total);
    void importFinished(const cb::ImportSummary &summary);
    void logAppended(qint64 lastId);
    void casesChanged();
    void healthChanged(const cb::IntegrationHealthList &health);
    // A caller matched a customer (telephony contact event): the match as the receiver answered it.
    void screenPop(const QString &integrationId, const QString &callId, const QJsonObject &match);
    // A committed change by any process (ChangeNotifier): a table name, or empty when the store cannot tell.
    void storeChanged(const QString &table);
    void adminDone(const QString &action, const QString &integrationId, const QString &message);
    void adminFailed(const QString &action, const QString &integrationId, const QString &message);

private:
    QCoro::Task<> runKeyStorageCheck();
    QCoro::Task<> runVerify(QString provider, QString domain, QByteArray apiKey);
    QCoro::Task<> runConnect(ConnectRequest request, bool backfill);
    QCoro::Task<> runImport(QString integrationId, ImportRequest request);
    void publishHealth();
    void handleStoreChanged(const QString &table);
    void publishChanges();
    void publishPops();
    void popOnce(const QString &integrationId, const QString &callId, const QJsonObject &match);
    StoreSummary summary() const;

    SyncRuntimeFactory m_factory;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Database> m_db;
    SyncRuntime m_runtime;
    std::unique_ptr<IntegrationManager> m_integrations;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<QObject> m_receiver;
    std::shared_ptr<std::atomic<bool>> m_importCancel;
    bool m_importRunning = false;
    QTimer m_healthTimer;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<AdminActions> m_admin;
    QTimer m_changeTimer; // coalesces notifications (one refresh per burst)
    QSet<QString> m_changedTables;
    qint64 m_lastPopId = 0;
    QSet<QString> m_popped; // integration + call id: each call pops once here
};

} // namespace cb
