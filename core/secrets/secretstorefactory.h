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
};

} // namespace cb
