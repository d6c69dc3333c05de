#pragma once

#include "http/httphost.h"
#include "sync/syncengine.h"
#include "sync/syncplatform.h"
#include "webhook/receiveroptions.h"

#include <optional>

namespace cb {

// The production pieces of the sync thread: API keys encrypted under ENCRYPTION_KEY when it is set, else in the
// OS keychain; real helpdesk clients; the Freshdesk webhook payload parser; and the webhook receiver.
SyncPlatformMaker makeDefaultSyncPlatform(ReceiverOptions receiver = {},
                                          std::optional<HttpHost::TlsFiles> tls = std::nullopt);

// The webhook receiver on its own server (a WebhookEndpoint), as SyncPlatform::startReceiver.
std::function<Result<std::unique_ptr<QObject>>(Database &db, const QString &listen)>
makeReceiverStarter(ReceiverOptions receiver = {}, std::optional<HttpHost::TlsFiles> tls = std::nullopt);

// The parser the inbound processor uses to read committed webhook bodies.
InboundProcessor::Parser makeWebhookParser();

// How the engine gets an integration's client: its key from `secrets`, the client from `maker`.
SyncEngine::ClientFactory makeEngineClientFactory(SecretStore *secrets, IntegrationManager::ClientMaker maker);

} // namespace cb
