#pragma once

#include "secrets/secretstore.h"

#include <memory>

namespace cb {

class Clock;
class Database;

// Keys of the built-in sandbox are no secret (its admin key is published in its docs and the console's wizard), so
// for a sandbox integration (a loopback domain and the sandbox's admin key) this store keeps the key in the store's
// credentials table (backend "sandbox"): the first run connects and syncs with no keyring and no ENCRYPTION_KEY.
// Every other key goes to the wrapped store (the keychain or AES-GCM); with none, writing one is refused with what
// to do. Nothing but the sandbox's published key is ever kept in the clear.
class SandboxAwareSecretStore final : public SecretStore
{
public:
    // `real` may be null: then only sandbox keys can be kept; `realUnavailable` says why and what to do.
    SandboxAwareSecretStore(Database &db, const Clock &clock, std::unique_ptr<SecretStore> real,
                            Error realUnavailable = {});

    QCoro::Task<Result<QByteArray>> read(QString integrationId) override;
    QCoro::Task<Status> write(QString integrationId, QByteArray secret) override;
    QCoro::Task<Status> remove(QString integrationId) override;
    // The wrapped store's name ("keychain", "aes-gcm"), or "sandbox" when there is none.
    QString backendName() const override;
    // The wrapped store's answer; with none, why not and what to do.
    QCoro::Task<Status> checkWritable() override;

    bool hasRealStore() const { return m_real != nullptr; }
    static bool isSandboxKey(const QString &domain, const QByteArray &key);

private:
    Result<bool> isSandboxIntegration(const QString &integrationId, const QByteArray &key);
    Error unavailable() const;

    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<SecretStore> m_real;
    Error m_realUnavailable;
};

} // namespace cb
