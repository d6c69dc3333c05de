#include "realclientruntime.h"

#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "secrets/encryptedsecretstore.h"
#include "sync/defaultsyncruntime.h"

namespace cb::test {

SyncRuntimeFactory realClientRuntime()
{
    return [](Database &db, QNetworkAccessManager &nam) -> Result<SyncRuntime> {
        SyncRuntime r;
        r.secrets = std::make_unique<EncryptedSecretStore>(db, Clock::system(),
                                                           *EncryptedSecretStore::parseKey(QByteArray(64, 'a')));
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        return r;
    };
}

} // namespace cb::test
