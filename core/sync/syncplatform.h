#pragma once

#include "common/result.h"
#include "sync/inboundprocessor.h"
#include "sync/integrationmanager.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace cb {

class Database;
class SecretStore;

// The platform pieces of the sync thread, supplied by the program (console, serve, tests) and owned by its
// SyncHost: where keys live, how a helpdesk client is made, how stored webhook bodies are read, and how the webhook
// receiver is started (optional).
struct SyncPlatform
{
    std::unique_ptr<SecretStore> secrets;
    IntegrationManager::ClientMaker makeClient;
    InboundProcessor::Parser parser;
    // Starts a receiver on `listen` (ADDR:PORT) for the store; the returned object owns it. Empty: no receiver.
    std::function<Result<std::unique_ptr<QObject>>(Database &db, const QString &listen)> startReceiver;
};

// Builds the SyncPlatform on the sync thread, once the store is open (SyncHost calls it; the console's
// makeDefaultSyncPlatform, serve's own, tests' fakes). An error is a warning: the host runs without the pieces.
using SyncPlatformMaker = std::function<Result<SyncPlatform>(Database &db, QNetworkAccessManager &nam)>;

} // namespace cb
