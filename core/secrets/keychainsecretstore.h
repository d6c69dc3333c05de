#pragma once

#include "secrets/secretstore.h"

#include <chrono>

namespace cb {

// API keys in the desktop keychain through QtKeychain (service "Casebridge", key = integration id). Nothing is
// written to the database. A keychain that does not answer within the timeout counts as unavailable.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    QCoro::Task<Result<QByteArray>> read(QString integrationId) override;
    QCoro::Task<Status> write(QString integrationId, QByteArray secret) override;
    QCoro::Task<Status> remove(QString integrationId) override;
    QString backendName() const override { return QStringLiteral("keychain"); }
    // Unavailable (no keyring answers in time): what to do, code no_secret_store.
    QCoro::Task<Status> checkWritable() override;

    // True when a Secret Service (or another backend) answers: a read of a key that does not exist must come
    // back "not found".
    QCoro::Task<bool> isAvailable();

    static QString serviceName() { return QStringLiteral("Casebridge"); }

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace cb
