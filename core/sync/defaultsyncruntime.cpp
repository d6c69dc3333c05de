#include "defaultsyncruntime.h"

#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "webhook/webhookendpoint.h"
#include "webhook/webhookpayloadparser.h"

namespace cb {

InboundProcessor::Parser makeWebhookParser()
{
    return [parser = WebhookPayloadParser()](const InboxEvent &event) {
        return parser.parse(event.body, event.contentType.toLatin1());
    };
}

SyncRuntimeFactory makeDefaultSyncRuntime(ReceiverOptions receiver, std::optional<WebhookServer::TlsFiles> tls)
{
    return [receiver, tls](Database &db, QNetworkAccessManager &nam) -> Result<SyncRuntime> {
        SyncRuntime r;
        const QByteArray hex = qgetenv("ENCRYPTION_KEY");
        if (!hex.isEmpty()) {
            auto key = EncryptedSecretStore::parseKey(hex);
            if (!key)
                return key.error();
            r.secrets = std::make_unique<EncryptedSecretStore>(db, Clock::system(), *key);
        } else {
            r.secrets = std::make_unique<KeychainSecretStore>();
        }
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        r.startReceiver = [receiver, tls](Database &store, const QString &listen) -> Result<std::unique_ptr<QObject>> {
            auto endpoint = WebhookEndpoint::start(store, Clock::system(), receiver, listen, tls);
            if (!endpoint)
                return endpoint.error();
            return std::unique_ptr<QObject>(std::move(endpoint).value());
        };
        return r;
    };
}

} // namespace cb
