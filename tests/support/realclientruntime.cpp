#include "realclientruntime.h"

#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/encryptedsecretstore.h"
#include "sync/defaultsyncplatform.h"

namespace cb::test {

SyncPlatformMaker realClientRuntime()
{
    return [](Database &db, QNetworkAccessManager &nam) -> Result<SyncPlatform> {
        SyncPlatform r;
        r.secrets = std::make_unique<EncryptedSecretStore>(db, Clock::system(),
                                                           *EncryptedSecretStore::parseKey(QByteArray(64, 'a')));
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        return r;
    };
}

} // namespace cb::test
