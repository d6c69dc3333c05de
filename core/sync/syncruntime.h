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

// The platform pieces of the sync thread, built on that thread by the program (console, serve, tests): where
// keys live, how a helpdesk client is made, how webhook bodies are read, and the webhook receiver (optional).
struct SyncRuntime
{
    std::unique_ptr<SecretStore> secrets;
    IntegrationManager::ClientMaker makeClient;
    InboundProcessor::Parser parser;
    // Starts a receiver on `listen` (ADDR:PORT) for the store; the returned object owns it. Empty: no receiver.
    std::function<Result<std::unique_ptr<QObject>>(Database &db, const QString &listen)> startReceiver;
};

using SyncRuntimeFactory = std::function<Result<SyncRuntime>(Database &db, QNetworkAccessManager &nam)>;

} // namespace cb
