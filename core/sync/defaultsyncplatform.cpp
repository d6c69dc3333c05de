#include "defaultsyncplatform.h"

#include "common/clock.h"
#include "helpdesk/helpdeskclient.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/sandboxawaresecretstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookpayloadparser.h"

namespace cb {

InboundProcessor::Parser makeWebhookParser()
{
    return [parser = WebhookPayloadParser()](const InboxEvent &event) {
        return parser.parse(event.body, event.contentType.toLatin1());
    };
}

SyncEngine::ClientFactory makeEngineClientFactory(SecretStore *secrets, IntegrationManager::ClientMaker maker)
{
    return [secrets, maker](Integration i) -> QCoro::Task<Result<std::unique_ptr<HelpdeskClient>>> {
        auto key = co_await secrets->read(i.id);
        if (!key)
            co_return key.error();
        auto made = maker(i.provider, i.domain, *key);
        if (!made)
            co_return made.error();
        co_return std::move(made->client);
    };
}

std::function<Result<std::unique_ptr<QObject>>(Database &db, const QString &listen)>
makeReceiverStarter(ReceiverOptions receiver, std::optional<HttpHost::TlsFiles> tls)
{
    return [receiver, tls](Database &store, const QString &listen) -> Result<std::unique_ptr<QObject>> {
        auto endpoint = WebhookEndpoint::start(store, Clock::system(), receiver, listen, tls);
        if (!endpoint)
            return endpoint.error();
        return std::unique_ptr<QObject>(std::move(endpoint).value());
    };
}

SyncPlatformMaker makeDefaultSyncPlatform(ReceiverOptions receiver, std::optional<HttpHost::TlsFiles> tls)
{
    return [receiver, tls](Database &db, QNetworkAccessManager &nam) -> Result<SyncPlatform> {
        SyncPlatform r;
        const QByteArray hex = qgetenv("ENCRYPTION_KEY");
        if (!hex.isEmpty()) {
            auto key = EncryptedSecretStore::parseKey(hex);
            if (!key)
                return key.error();
            r.secrets = std::make_unique<SandboxAwareSecretStore>(
                db, Clock::system(), std::make_unique<EncryptedSecretStore>(db, Clock::system(), *key));
        } else {
            // The built-in sandbox's key is kept in the store, so the first run connects without a keyring.
            r.secrets =
                std::make_unique<SandboxAwareSecretStore>(db, Clock::system(), std::make_unique<KeychainSecretStore>());
        }
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        r.startReceiver = makeReceiverStarter(receiver, tls);
        return r;
    };
}

} // namespace cb
