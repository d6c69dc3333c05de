#pragma once

#include "common/result.h"
#include "storage/databaselocation.h"
#include "storage/retentionpruner.h"
#include "sync/syncplatform.h"

#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace cb {

class ChangeNotifier;
class Database;
class IntegrationManager;
class SyncEngine;
class WebhookEndpoint;

// What a sync host runs: who it is in the lease table, whether it receives webhooks and syncs.
struct SyncHostOptions
{
    QString role = QStringLiteral("engine"); // "console", "serve": part of the lease holder's name
    QString listen;                          // the webhook receiver's ADDR:PORT; empty: no receiver
    bool receiverRequired = false;           // open() fails when the receiver cannot listen (serve)
    bool runEngine = true;                   // false: receive only, another process syncs
    bool watchChanges = true;                // a ChangeNotifier for commits of other processes
    int reconcileIntervalSec = 0;            // > 0: overrides the integrations' own interval
    std::optional<RetentionPruner::Options> retention;
};

// The sync thread's objects, built and owned in one place for `serve` and for the console (ConsoleSyncBackend): the
// writer connection, the network manager, the platform (keys, clients, parser, receiver), the integration
// manager, the engine, the webhook endpoint and the change notifier, with the wiring between them — a committed
// inbox batch wakes the engine, the receiver hands its parsed events to the inbound processor, and commits of
// other processes wake the engine and make the receiver read integrations again. Everything lives on the thread
// that calls open(); destroying the host closes the port, releases the leases and closes the store.
class SyncHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHost)

public:
    explicit SyncHost(SyncPlatformMaker factory, SyncHostOptions options = {}, QObject *parent = nullptr);
    ~SyncHost() override;

    // Opens the store at `location` (the host owns the connection) or uses `db` (the caller's, e.g. the CLI's),
    // then builds the rest. Fails when the store does not open, or the receiver does not listen and
    // `receiverRequired`; a missing piece otherwise (no key store, the port taken) is a warning().
    Status open(const DatabaseLocation &location);
    Status open(Database &db);
    // Starts the engine's first pass (after the caller has announced itself, e.g. serve's startup line).
    void start();
    // Stops the engine and releases its leases; the objects stay until the host is destroyed.
    void stop();

    Database *database() const { return m_db; }
    QNetworkAccessManager *network() const { return m_nam.get(); }
    const SyncPlatform &platform() const { return m_platform; }
    IntegrationManager *integrations() const { return m_integrations.get(); }
    SyncEngine *engine() const { return m_engine.get(); }    // null: receive only, or no key store
    WebhookEndpoint *endpoint() const { return m_endpoint; } // null: no receiver
    ChangeNotifier *notifier() const { return m_notifier.get(); }

Q_SIGNALS:
    // Something runs without a piece (no key store, the receiver's port taken, a helpdesk client not made).
    void warning(const QString &message);
    // A change committed by any process (ChangeNotifier): a table's name, or empty when the store cannot tell.
    void storeChanged(const QString &table);

private:
    Status build();
    void handleStoreChanged(const QString &table);

    SyncPlatformMaker m_makePlatform;
    SyncHostOptions m_options;
    std::unique_ptr<Database> m_ownDb;
    Database *m_db = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    SyncPlatform m_platform;
    std::unique_ptr<IntegrationManager> m_integrations;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<QObject> m_receiver; // what the platform's startReceiver returned
    WebhookEndpoint *m_endpoint = nullptr;
    std::unique_ptr<ChangeNotifier> m_notifier;
};

} // namespace cb
