#pragma once

#include "common/result.h"

#include <QCoroTask>

#include <memory>

namespace cb {

class Clock;
class Database;
class SecretStore;

// Chooses where API keys live. Headless: ENCRYPTION_KEY set → AES-256-GCM in the store (a malformed key is
// refused); else the keychain when one answers; else a clear refusal. The console prefers the keychain.
class SecretStoreFactory
{
public:
    enum class Preference
    {
        Headless,
        Desktop
    };
    static QCoro::Task<Result<std::unique_ptr<SecretStore>>> create(Database &db, const Clock &clock,
                                                                    Preference preference);
    // What every `casebridge-sync` command uses: create(Headless) wrapped in SandboxAwareSecretStore, so the key
    // of a sandbox integration the console connected (kept in the store, backend "sandbox") is found too. With no
    // keychain and no ENCRYPTION_KEY the result is still a store (only sandbox keys; others are refused with what
    // to do); a malformed ENCRYPTION_KEY is still an error.
    static QCoro::Task<Result<std::unique_ptr<SecretStore>>> createSandboxAware(Database &db, const Clock &clock);
};

} // namespace cb
