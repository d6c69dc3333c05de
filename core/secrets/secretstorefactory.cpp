#include "secretstorefactory.h"

#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/sandboxawaresecretstore.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace cb {

QCoro::Task<Result<std::unique_ptr<SecretStore>>> SecretStoreFactory::create(Database &db, const Clock &clock,
                                                                             Preference preference)
{
    const QByteArray hex = qgetenv("ENCRYPTION_KEY");
    auto encrypted = [&]() -> Result<std::unique_ptr<SecretStore>> {
        auto key = EncryptedSecretStore::parseKey(hex);
        if (!key)
            return key.error();
        return std::unique_ptr<SecretStore>(std::make_unique<EncryptedSecretStore>(db, clock, *key));
    };
    if (!hex.isEmpty() && preference == Preference::Headless)
        co_return encrypted();
    auto keychain = std::make_unique<KeychainSecretStore>(std::chrono::seconds(5));
    const bool available = co_await keychain->isAvailable();
    if (available)
        co_return std::unique_ptr<SecretStore>(std::move(keychain));
    if (!hex.isEmpty())
        co_return encrypted();
    Error e =
        Error::make(Error::Kind::Unsupported,
                    QCoreApplication::translate("cb::CoreMessages",
                                                "No secret store is available: set ENCRYPTION_KEY to 64 hex characters "
                                                "(e.g. `openssl rand -hex 32`) or run inside a desktop session with a "
                                                "keyring."));
    e.code = QStringLiteral("no_secret_store");
    co_return e;
}

QCoro::Task<Result<std::unique_ptr<SecretStore>>> SecretStoreFactory::createSandboxAware(Database &db,
                                                                                         const Clock &clock)
{
    auto real = co_await create(db, clock, Preference::Headless);
    if (real)
        co_return std::unique_ptr<SecretStore>(
            std::make_unique<SandboxAwareSecretStore>(db, clock, std::move(real).value()));
    if (real.error().code != QLatin1String("no_secret_store"))
        co_return real.error();
    co_return std::unique_ptr<SecretStore>(std::make_unique<SandboxAwareSecretStore>(db, clock, nullptr, real.error()));
}

} // namespace cb
