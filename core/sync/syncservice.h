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
#include <QThread>

namespace cb {

class SyncWorker;

// The GUI's handle on the sync thread. It owns the thread; everything on it (the writer connection, the engine,
// the receiver and the helpdesk clients) is reached only through queued calls, and answers come back as queued
// signals carrying value types. Nothing here ever waits on the sync thread, except stop() at shutdown.
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    explicit SyncService(SyncRuntimeFactory runtime = {}, QObject *parent = nullptr);
    ~SyncService() override;

    void start(const DatabaseLocation &location, const QString &listen = QStringLiteral("127.0.0.1:8780"));
    void stop();

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
    // keyStorageChecked, never blocking.
    void checkKeyStorage();
    // Administration (answered by adminDone / adminFailed with the action: settings | directory | rotate_key |
    // disconnect | push).
    void saveSettings(const QString &integrationId, const IntegrationSettings &settings);
    void refreshDirectory(const QString &integrationId);
    void rotateKey(const QString &integrationId, const QByteArray &apiKey);
    void disconnectIntegration(const QString &integrationId);
    void retryPush(qint64 outboxId);
    void discardPush(qint64 outboxId);

    // What an import will cost before it starts: API calls and seconds at the rate limits the worker assumes
    // (the same figures importStarted reports). Pure: no I/O, callable from the GUI thread.
    static ImportEstimate estimateImport(const ImportRequest &request,
                                         const QString &provider = QStringLiteral("freshdesk"));

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
    // A change committed by any process on the store (NOTIFY casebridge_changes on PostgreSQL, a data_version poll
    // on SQLite): the table's name, or empty when the store cannot tell. logAppended, casesChanged and
    // healthChanged follow it on their own, coalesced, so the views need not listen to this.
    void storeChanged(const QString &table);
    void adminDone(const QString &action, const QString &integrationId, const QString &message);
    void adminFailed(const QString &action, const QString &integrationId, const QString &message);

private:
    template<typename F>
    void onWorker(F &&f);

    QThread m_thread;
    SyncWorker *m_worker = nullptr;
};

} // namespace cb
