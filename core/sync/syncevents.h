#pragma once

#include "domain/importrequest.h"
#include "domain/webhooksetupinfo.h"
#include "sync/integrationhealth.h"
#include "sync/storesummary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace cb {

// The console's sync answers, declared once: ConsoleSyncBackend emits them on the sync thread (on its own instance) and
// ConsoleSyncProxy, which is one, re-emits them on the GUI thread by queued connections (forwardQueued), so the views
// connect to ConsoleSyncProxy and always run on the GUI thread. Signals only; every argument is a value type.
class SyncEvents : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEvents)

public:
    explicit SyncEvents(QObject *parent = nullptr);
    ~SyncEvents() override;

    // Every signal of `from` re-emitted by `to` in `to`'s thread (queued; the argument types are registered here).
    static void forwardQueued(SyncEvents *from, SyncEvents *to);

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
    // Administration (action: settings | directory | rotate_key | disconnect | push).
    void adminDone(const QString &action, const QString &integrationId, const QString &message);
    void adminFailed(const QString &action, const QString &integrationId, const QString &message);
};

} // namespace cb
